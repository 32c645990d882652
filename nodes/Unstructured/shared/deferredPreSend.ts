import type { DeclarativeRestApiSettings, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

type PreSend = (this: IExecuteSingleFunctions, requestOptions: IHttpRequestOptions) => Promise<IHttpRequestOptions>;

const DEFERRED_ERROR = Symbol('deferredPreSendError');

type WithDeferredError = IHttpRequestOptions & { [DEFERRED_ERROR]?: unknown };

/**
 * n8n runs preSend functions before `runRequest`, and an error they throw reaches the user
 * without `pairedItem`. Wrapped in this, the error is handed to `runRequest`, which fails the
 * item (or outputs its paired error item) before anything is sent.
 */
export function deferPreSendErrors(preSend: PreSend): PreSend {
	return async function deferredPreSend(this: IExecuteSingleFunctions, requestOptions) {
		if ((requestOptions as WithDeferredError)[DEFERRED_ERROR] !== undefined) return requestOptions;
		try {
			return await preSend.call(this, requestOptions);
		} catch (error) {
			return Object.assign(requestOptions, { [DEFERRED_ERROR]: error });
		}
	};
}

/** Throws the error a deferred preSend caught, if any. */
export function throwDeferredPreSendError(requestOptions: DeclarativeRestApiSettings.HttpRequestOptions): void {
	const error = (requestOptions as WithDeferredError)[DEFERRED_ERROR];
	if (error !== undefined) throw error;
}

import type { NodeApiError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IPollFunctions,
	IWebhookFunctions,
} from 'n8n-workflow';

import { itemError } from './errors';
import { ErrorAnswer, retrySettingsOf, sendWithRetries } from './retry';

export interface ApiRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
}

export type ApiContext = IExecuteSingleFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions | IPollFunctions;

/**
 * Sends a request and returns the full answer whatever its status: the credential points it at the
 * API URL and adds the key. Every request of the package goes through here.
 */
async function sendRequest(context: ApiContext, options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> {
	return (await context.helpers.httpRequestWithAuthentication.call(context, 'unstructuredApi', {
		...options,
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	})) as IN8nHttpFullResponse;
}

/** One request, sent once with every status returned: for the wait loop, which retries in its own way until its timeout. */
export async function sendApiRequest(context: ApiContext, { method, url, qs, body }: ApiRequest): Promise<IN8nHttpFullResponse> {
	return await sendRequest(context, { method, url, qs, body });
}

/** An answer with an HTTP error status, as an error the retry policy looks at. */
function throwIfErrorStatus(response: IN8nHttpFullResponse): IN8nHttpFullResponse {
	if (response.statusCode >= 400) throw new ErrorAnswer(response);
	return response;
}

export interface CheckedSendOptions {
	/** What a 404 means, e.g. naming the object that was not found; asked only on a 404. */
	notFound?: () => string | undefined;
	/** Statuses that are answers, not errors (e.g. a 404 for a channel already deleted). */
	okStatuses?: number[];
	/** A more telling error for an error answer than the general one, when it gives one. */
	errorFor?: (response: IN8nHttpFullResponse) => NodeApiError | undefined;
	/** Runs before every attempt, e.g. waiting for a turn to create a job. */
	beforeAttempt?: () => Promise<void>;
}

/**
 * Sends with the retries of `retry.ts` (as the node's Retry Options set them) and looks at every
 * status: fails with a `NodeApiError` that carries the API's own words on an HTTP error status, and
 * never the request (nor its key) on a transport error. Routed operations and everything else
 * send through here.
 */
export async function sendChecked(
	context: ApiContext,
	options: IHttpRequestOptions,
	{ notFound, okStatuses = [], errorFor, beforeAttempt }: CheckedSendOptions = {},
): Promise<IN8nHttpFullResponse> {
	const signal = 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
	const method = options.method ?? 'GET';
	const result = await sendWithRetries(method, retrySettingsOf(context), signal, async () => {
		await beforeAttempt?.();
		const response = await sendRequest(context, options);
		return okStatuses.includes(response.statusCode) ? response : throwIfErrorStatus(response);
	});
	if (result.ok) return result.value;
	const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : 0;
	const answer = result.error instanceof ErrorAnswer ? result.error.response : undefined;
	const telling = answer ? errorFor?.(answer) : undefined;
	throw (
		telling ??
		itemError(context.getNode(), result.error, itemIndex, {
			notFound: answer?.statusCode === 404 ? notFound?.() : undefined,
			failure: result.failure,
		})
	);
}

/** `sendChecked` for a request outside routing (list searches, the triggers, downloads of Output Elements). */
export async function apiRequest(
	context: ApiContext,
	{ method, url, qs, body }: ApiRequest,
	options: Omit<CheckedSendOptions, 'notFound'> & { notFound?: string } = {},
): Promise<IN8nHttpFullResponse> {
	const { notFound } = options;
	return await sendChecked(context, { method, url, qs, body }, { ...options, notFound: notFound === undefined ? undefined : () => notFound });
}

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
 * API URL and adds the key. Routed operations (`route.ts`) and everything else send through here.
 */
export async function sendRequest(context: ApiContext, options: IHttpRequestOptions): Promise<IN8nHttpFullResponse> {
	return (await context.helpers.httpRequestWithAuthentication.call(context, 'unstructuredApi', {
		...options,
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	})) as IN8nHttpFullResponse;
}

/** One request outside routing (the wait loop, list searches, the triggers), sent once. */
export async function sendApiRequest(context: ApiContext, { method, url, qs, body }: ApiRequest): Promise<IN8nHttpFullResponse> {
	return await sendRequest(context, { method, url, qs, body });
}

/** An answer with an HTTP error status, as an error the retry policy looks at. */
export function throwIfErrorStatus(response: IN8nHttpFullResponse): IN8nHttpFullResponse {
	if (response.statusCode >= 400) throw new ErrorAnswer(response);
	return response;
}

export interface ApiRequestOptions {
	/** What a 404 means, e.g. naming the object that was not found. */
	notFound?: string;
	/** Statuses that are answers, not errors (e.g. a 404 for a channel already deleted). */
	okStatuses?: number[];
	/** A more telling error for an error answer than the general one, when it gives one. */
	errorFor?: (response: IN8nHttpFullResponse) => NodeApiError | undefined;
}

/**
 * The same with the retries of routed requests, failing with a `NodeApiError` that carries the
 * API's own words on an HTTP error status, and never the request (nor its key) on a transport error.
 */
export async function apiRequest(
	context: ApiContext,
	request: ApiRequest,
	{ notFound, okStatuses = [], errorFor }: ApiRequestOptions = {},
): Promise<IN8nHttpFullResponse> {
	const signal = 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
	const result = await sendWithRetries(request.method, retrySettingsOf(context), signal, async () => {
		const response = await sendApiRequest(context, request);
		return okStatuses.includes(response.statusCode) ? response : throwIfErrorStatus(response);
	});
	if (result.ok) return result.value;
	const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : 0;
	const telling = result.error instanceof ErrorAnswer ? errorFor?.(result.error.response) : undefined;
	throw telling ?? itemError(context.getNode(), result.error, itemIndex, { notFound, failure: result.failure });
}

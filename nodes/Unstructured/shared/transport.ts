import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHookFunctions,
	IHttpRequestMethods,
	ILoadOptionsFunctions,
	IN8nHttpFullResponse,
	IWebhookFunctions,
} from 'n8n-workflow';

import { apiErrorFromResponse } from './errors';

export interface ApiRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
}

type ApiContext = IExecuteSingleFunctions | ILoadOptionsFunctions | IHookFunctions | IWebhookFunctions;

/**
 * A request outside routing (list searches, polling), sent like routing sends them: the
 * credential points it at the API URL and adds the key; every HTTP status is returned.
 */
export async function sendApiRequest(context: ApiContext, { method, url, qs, body }: ApiRequest): Promise<IN8nHttpFullResponse> {
	return (await context.helpers.httpRequestWithAuthentication.call(context, 'unstructuredApi', {
		method,
		url,
		qs,
		body,
		json: true,
		ignoreHttpStatusErrors: true,
		returnFullResponse: true,
	})) as IN8nHttpFullResponse;
}

/** The same, failing with a `NodeApiError` on an HTTP error status. */
export async function apiRequest(
	context: ApiContext,
	request: ApiRequest,
	itemIndex = 0,
): Promise<IN8nHttpFullResponse> {
	const response = await sendApiRequest(context, request);
	if (response.statusCode >= 400) throw apiErrorFromResponse(context.getNode(), response, itemIndex);
	return response;
}

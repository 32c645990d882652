import type { IHttpRequestOptions } from 'n8n-workflow';

/**
 * What both credentials add to every request: the key as `unstructured-api-key` (the header both
 * Unstructured APIs read, and the only place the key goes) and the API's base URL.
 */
export function withApiKey(
	requestOptions: IHttpRequestOptions,
	baseURL: string,
	apiKey: unknown,
): IHttpRequestOptions {
	return {
		...requestOptions,
		baseURL: requestOptions.baseURL ?? baseURL,
		headers: { ...requestOptions.headers, 'unstructured-api-key': String(apiKey ?? '') },
	};
}

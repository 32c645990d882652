import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import type { ErrorBody, ValidationErrorItem } from './types';

const MAX_DETAIL_LENGTH = 500;

/** What to say for a 404: operations on one object name it, list operations point at the URL. */
export type NotFoundMessage = (context: IExecuteSingleFunctions) => string;

function renderValidationItem(item: ValidationErrorItem): string {
	const location = Array.isArray(item.loc) ? item.loc.join('.') : '';
	return location ? `${location}: ${item.msg}` : String(item.msg);
}

function parseJson(text: string): unknown {
	try {
		return JSON.parse(text);
	} catch {
		return undefined;
	}
}

/** The API's own words: `detail` as a string, a 422 list as `loc: msg` pairs, or a text body. */
export function describeErrorBody(body: unknown): string {
	let text = '';
	if (Buffer.isBuffer(body)) return describeErrorBody(body.toString('utf8'));
	if (typeof body === 'string') {
		const trimmed = body.trim();
		if (trimmed.startsWith('{')) {
			const parsed = parseJson(trimmed);
			if (parsed !== undefined) return describeErrorBody(parsed);
		}
		text = trimmed.startsWith('<') ? '' : trimmed;
	} else if (body && typeof body === 'object') {
		const { detail } = body as ErrorBody;
		if (typeof detail === 'string') text = detail;
		else if (Array.isArray(detail)) text = detail.map(renderValidationItem).join('; ');
	}
	return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text;
}

function contentTypeOf(response: IN8nHttpFullResponse): string {
	const header = response.headers?.['content-type'];
	return typeof header === 'string' ? header.split(';')[0].trim() : 'unknown';
}

function summaryFor(status: number, notFound: string): { message: string; advice: string } {
	if (status === 401) {
		return {
			message: 'The Unstructured API rejected the API key',
			advice: 'Check the API key and the API URL in the Unstructured credential: each key belongs to one account and URL.',
		};
	}
	if (status === 403) {
		return {
			message: 'The API key may not do this',
			advice: 'Check that the API key belongs to the workspace that owns this object.',
		};
	}
	if (status === 404) {
		return { message: notFound, advice: 'Check the ID, and that it belongs to the workspace of this API key.' };
	}
	if (status === 422) {
		return {
			message: 'The Unstructured API rejected the request as invalid',
			advice: 'Check the values named above: IDs of jobs and workflows are UUIDs.',
		};
	}
	if (status === 429) {
		return {
			message: 'The Unstructured API is rate-limiting requests',
			advice: 'Wait and run again, turn on "Retry On Fail" in the node settings, or space requests out with the "Batching" option.',
		};
	}
	if (status >= 500) {
		return {
			message: 'The Unstructured API had a server error',
			advice: 'This is on the Unstructured side. Try again later, or turn on "Retry On Fail" in the node settings.',
		};
	}
	return { message: 'The Unstructured API refused the request', advice: '' };
}

/** A `NodeApiError` for an HTTP error answer, carrying its status and the API's own `detail`. */
export function apiErrorFromResponse(
	node: INode,
	response: IN8nHttpFullResponse,
	itemIndex: number,
	notFound = 'The Unstructured API found nothing at this address',
): NodeApiError {
	const { statusCode, body } = response;
	const detail = describeErrorBody(body);
	const { message, advice } = summaryFor(statusCode, notFound);
	const isJson = body !== null && typeof body === 'object' && !Buffer.isBuffer(body);
	const bodyNote = isJson || detail ? '' : ` The answer was not JSON (${contentTypeOf(response)}): check the API URL.`;
	return new NodeApiError(node, (isJson ? body : { detail }) as JsonObject, {
		message: `${message} (${statusCode})${detail ? `: ${detail}` : ''}`,
		description: `${advice}${bodyNote}`.trim() || undefined,
		httpCode: String(statusCode),
		itemIndex,
	});
}

/** A `NodeApiError` for a 2xx answer that is not the JSON object the operation expects. */
export function unexpectedBodyError(node: INode, response: IN8nHttpFullResponse, itemIndex: number): NodeApiError {
	const detail = describeErrorBody(response.body);
	const isJson = response.body !== null && typeof response.body === 'object';
	return new NodeApiError(node, { detail } as JsonObject, {
		message: detail
			? `The Unstructured API answered ${response.statusCode} without a result: ${detail}`
			: `The Unstructured API answered ${response.statusCode} with an unexpected body (${isJson ? 'JSON' : contentTypeOf(response)})`,
		description: isJson
			? undefined
			: 'A proxy or a wrong API URL answers with web pages: check the API URL in the Unstructured credential.',
		httpCode: String(response.statusCode),
		itemIndex,
	});
}

/**
 * postReceive: turns an HTTP error answer into a `NodeApiError`. Requests are sent with
 * `ignoreHttpStatusErrors`, so this is where every status is looked at.
 */
export function failOnErrorStatus(notFound?: NotFoundMessage) {
	return async function failOnErrorStatusAction(
		this: IExecuteSingleFunctions,
		items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		if (response.statusCode >= 400) {
			throw apiErrorFromResponse(this.getNode(), response, this.getItemIndex(), notFound?.(this));
		}
		return items;
	};
}

/** A `NodeOperationError` for an item whose parameters or files cannot be sent, before any request. */
export function itemInputError(context: IExecuteSingleFunctions, message: string, description: string): NodeOperationError {
	return new NodeOperationError(context.getNode(), message, { itemIndex: context.getItemIndex(), description });
}

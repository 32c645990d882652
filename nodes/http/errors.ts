import { NodeApiError, NodeOperationError } from 'n8n-workflow';

import { megabytes } from '../input/errors';
import { credentialTypeOfNode } from './credential';
import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INode,
	JsonObject,
} from 'n8n-workflow';

import { ErrorAnswer, errorChain, errorCodeOf, transportErrorCode } from './retry';
import type { SendFailure } from './retry';

export interface ValidationErrorItem {
	loc: Array<string | number>;
	msg: string;
	type: string;
	input?: unknown;
	ctx?: Record<string, unknown>;
}

/** Error bodies of the API: FastAPI sends `detail` as a string, or as a list for validation errors. */
export interface ErrorBody {
	detail?: string | ValidationErrorItem[];
	/** The Transform API's shape: `{"code", "message"}`. */
	code?: unknown;
	message?: unknown;
}

/**
 * What a product's node says about its API's errors, where it differs from the words below: its
 * advice per HTTP status and per error code (the body's `code`). A product registers its words
 * for its credential type (e.g. nodes/UnstructuredTransform/api/errorWords.ts).
 */
export interface ApiWords {
	byStatus?: Partial<Record<number, { message?: string; advice: string }>>;
	byCode?: Record<string, { message?: string; advice: string }>;
}

const wordsByCredential = new Map<string, ApiWords>();

export function defineApiWords(credentialType: string, words: ApiWords): void {
	wordsByCredential.set(credentialType, words);
}

function wordsOf(node: INode): ApiWords {
	return wordsByCredential.get(credentialTypeOfNode(node)) ?? {};
}

const MAX_DETAIL_LENGTH = 500;

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
		const { detail, message, code } = body as ErrorBody;
		if (typeof detail === 'string') text = detail;
		else if (Array.isArray(detail)) text = detail.map(renderValidationItem).join('; ');
		else if (typeof message === 'string')
			text = typeof code === 'string' ? `${message} [${code}]` : message;
	}
	return text.length > MAX_DETAIL_LENGTH ? `${text.slice(0, MAX_DETAIL_LENGTH)}…` : text;
}

/** The media type of an answer, without parameters. */
export function contentTypeOf(response: IN8nHttpFullResponse, fallback = 'unknown'): string {
	const header = response.headers?.['content-type'];
	return typeof header === 'string' ? header.split(';')[0].trim() : fallback;
}

const RETRY_ADVICE = 'Raise "Max Attempts" under Retry Options, or run again later.';

function summaryFor(status: number, notFound: string): { message: string; advice: string } {
	if (status === 401) {
		return {
			message: 'The Unstructured API rejected the API key',
			advice:
				'Check the API key and the API URL in the Unstructured credential: each key belongs to one account and URL.',
		};
	}
	if (status === 403) {
		return {
			message: 'The API key may not do this',
			advice: 'Check that the API key belongs to the workspace that owns this object.',
		};
	}
	if (status === 404) {
		return {
			message: notFound,
			advice: 'Check the ID, and that it belongs to the workspace of this API key.',
		};
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
			advice: `Unstructured takes one new job per second and runs at most 5 on-demand jobs at once. ${RETRY_ADVICE}`,
		};
	}
	if (status >= 500) {
		return {
			message: 'The Unstructured API had a server error',
			advice: `This is on the Unstructured side. ${RETRY_ADVICE}`,
		};
	}
	return { message: 'The Unstructured API refused the request', advice: '' };
}

/** What the sender tried, for an error's description: "Tried 5 times over 14 s." */
function attemptsNote(failure?: SendFailure): string {
	if (!failure) return '';
	const notRetried = failure.notRetried
		? ` ${failure.notRetried}: check with Job › Get Many before running again.`
		: '';
	if (failure.attempts <= 1) return notRetried.trim();
	return `Tried ${failure.attempts} times over ${Math.round(failure.elapsedMs / 1000)} s.${notRetried}`;
}

function joinSentences(...parts: string[]): string | undefined {
	return parts.filter(Boolean).join(' ').trim() || undefined;
}

/**
 * The body without the `input` of each validation item: FastAPI echoes the value it refused there,
 * and for a connector that can be a secret of its configuration. `loc` and `msg` say what is wrong.
 */
function withoutInputs(body: unknown): unknown {
	const { detail } = body as ErrorBody;
	if (!Array.isArray(detail)) return body;
	return {
		...(body as object),
		detail: detail.map((item) => ({ loc: item.loc, msg: item.msg, type: item.type })),
	};
}

/** A `NodeApiError` for an HTTP error answer, carrying its status and the API's own `detail`. */
export function apiErrorFromResponse(
	node: INode,
	response: IN8nHttpFullResponse,
	itemIndex: number,
	notFound = 'The Unstructured API found nothing at this address',
	failure?: SendFailure,
): NodeApiError {
	const { statusCode, body } = response;
	const detail = describeErrorBody(body);
	const words = wordsOf(node);
	const code = errorCodeOf(body);
	const general = summaryFor(statusCode, notFound);
	const specific = (code ? words.byCode?.[code] : undefined) ?? words.byStatus?.[statusCode];
	const message = specific?.message ?? general.message;
	const advice = specific?.advice ?? general.advice;
	const isJson = body !== null && typeof body === 'object' && !Buffer.isBuffer(body);
	const bodyNote =
		isJson || detail
			? ''
			: `The answer was not JSON (${contentTypeOf(response)}): check the API URL.`;
	return new NodeApiError(node, (isJson ? withoutInputs(body) : { detail }) as JsonObject, {
		message: `${message} (${statusCode})${detail ? `: ${detail}` : ''}`,
		description: joinSentences(attemptsNote(failure), advice, bodyNote),
		httpCode: String(statusCode),
		itemIndex,
	});
}

const TRANSPORT_MESSAGES: Record<string, string> = {
	ECONNREFUSED: 'refused the connection',
	ECONNRESET: 'closed the connection unexpectedly',
	EPIPE: 'closed the connection unexpectedly',
	ENOTFOUND: 'has a host name that does not resolve',
	EAI_AGAIN: 'has a host name that could not be looked up',
	EHOSTUNREACH: 'cannot be reached',
	ETIMEDOUT: 'did not answer in time',
	ECONNABORTED: 'did not answer in time',
	ESOCKETTIMEDOUT: 'did not answer in time',
	CERT_HAS_EXPIRED: 'has an expired TLS certificate',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'has a self-signed TLS certificate',
};

/** The host the failed request went to, from the request the HTTP layer attached (never its headers). */
function hostOf(error: unknown): string | undefined {
	for (const { config } of errorChain(error)) {
		const target = config?.baseURL ?? config?.url;
		if (typeof target !== 'string') continue;
		try {
			return new URL(target).host;
		} catch {
			// a relative URL: look further down the chain
		}
	}
	return undefined;
}

/** What went wrong with a request that got no answer, in words: "the API did not answer in time". */
export function transportProblem(error: unknown): string {
	return `the API ${TRANSPORT_MESSAGES[transportErrorCode(error) ?? ''] ?? 'could not be reached'}`;
}

/**
 * The error n8n's HTTP helper throws when no answer came (refused, timed out, reset) carries the
 * request, and with it the API key header. Only the code and the host are kept.
 */
function transportError(
	node: INode,
	error: unknown,
	itemIndex: number,
	failure?: SendFailure,
	host?: string,
): NodeApiError {
	const code = transportErrorCode(error) ?? 'UNKNOWN';
	const what = TRANSPORT_MESSAGES[code] ?? 'could not be reached';
	const timedOut =
		what === TRANSPORT_MESSAGES.ETIMEDOUT || /timeout/i.test(String((error as Error)?.message));
	// The code stays out of the message and the body: NodeApiError swaps in a generic text for both.
	return new NodeApiError(node, { connectionError: true } as JsonObject, {
		message: `The Unstructured API at ${hostOf(error) ?? host ?? 'the API URL'} ${timedOut ? TRANSPORT_MESSAGES.ETIMEDOUT : what}`,
		description: joinSentences(
			attemptsNote(failure),
			timedOut
				? `No answer came in time (${code}). Try again later, or raise "Timeout" in the node's Settings › Request Options.`
				: `The request failed with ${code}. Check the API URL in the Unstructured credential and that this n8n instance can reach it.`,
		),
		itemIndex,
	});
}

/**
 * The error the user sees for any failure of an item's request: our own errors as they are, an
 * HTTP error answer with the API's words, a transport error without the request it carried.
 */
export function itemError(
	node: INode,
	error: unknown,
	itemIndex: number,
	{ notFound, failure, host }: { notFound?: string; failure?: SendFailure; host?: string } = {},
): NodeApiError | NodeOperationError {
	if (error instanceof ErrorAnswer)
		return apiErrorFromResponse(node, error.response, itemIndex, notFound, failure);
	// n8n's HTTP helper wraps a transport error in a NodeApiError of its own: with the request as its
	// cause (n8n 2.x) or with only the code as httpCode (n8n 1.x). Such an error is made ours here.
	const isTransport = transportErrorCode(error) !== undefined;
	const isOurs =
		(error instanceof NodeApiError || error instanceof NodeOperationError) &&
		!isTransport &&
		!(error.cause && typeof error.cause === 'object' && 'config' in error.cause);
	if (isOurs) return error;
	if (isTransport) return transportError(node, error, itemIndex, failure, host);
	return new NodeOperationError(node, error instanceof Error ? error.message : String(error), {
		itemIndex,
	});
}

/** A `NodeApiError` for a 2xx answer that is not the JSON object the operation expects. */
export function unexpectedBodyError(
	node: INode,
	response: IN8nHttpFullResponse,
	itemIndex: number,
): NodeApiError {
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
 * A refusal for size (413), naming the files sent and their sizes: the API's answer alone does not
 * say which file (docs/unstructured-api.md §3: the limit is per file and plan-dependent).
 */
export function filesTooLargeError(
	context: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
	files: Array<{ name: string; bytes: number }>,
): NodeApiError {
	const detail = describeErrorBody(response.body);
	return new NodeApiError(context.getNode(), { detail } as JsonObject, {
		message: `Unstructured refused the files as too large (413)${detail ? `: ${detail}` : ''}`,
		description: `Files sent: ${files.map(({ name, bytes }) => `${name} (${megabytes(bytes)})`).join(', ')}. The limit per file depends on the Unstructured plan; set Max File Size to catch such files before they are sent.`,
		httpCode: '413',
		itemIndex: context.getItemIndex(),
	});
}

import type { IDataObject, IHttpRequestMethods, IN8nHttpFullResponse } from 'n8n-workflow';
import { pause } from './pause';

/**
 * When a request is sent again. A read is repeated on a rate limit, a server error or a failed
 * connection. A request that starts or changes something (POST, PUT, PATCH, DELETE) is repeated
 * only when the API certainly did not act: it answered 429, or the connection was refused before
 * anything was sent. After a dropped connection or a 5xx, a POST may have created a job, so it is
 * never re-sent.
 */

export interface RetrySettings {
	/** Attempts in all, the first one included; 1 turns retries off. */
	maxAttempts: number;
	/** No retry starts later than this after the first attempt. */
	maxElapsedMs: number;
}

export const DEFAULT_RETRY_SETTINGS: RetrySettings = { maxAttempts: 5, maxElapsedMs: 120_000 };

interface RetryOptionsValue {
	retry?: boolean;
	maxAttempts?: number;
	maxRetryTime?: number;
}

/** The node's Retry Options over the defaults; the defaults where the node has none (the triggers). */
export function retrySettingsOf(context: {
	getNodeParameter(name: string, fallback: unknown): unknown;
}): RetrySettings {
	const options = (context.getNodeParameter('retryOptions', {}) ?? {}) as RetryOptionsValue;
	if (options.retry === false) return { ...DEFAULT_RETRY_SETTINGS, maxAttempts: 1 };
	return {
		maxAttempts: Math.max(1, Math.floor(options.maxAttempts ?? DEFAULT_RETRY_SETTINGS.maxAttempts)),
		maxElapsedMs:
			options.maxRetryTime !== undefined
				? Math.max(0, options.maxRetryTime) * 1000
				: DEFAULT_RETRY_SETTINGS.maxElapsedMs,
	};
}

const BACKOFF_BASE_MS = 1_000;
const BACKOFF_CAP_MS = 20_000;

/**
 * Methods repeated after a 5xx or a broken connection: reads only. PUT and DELETE are idempotent by
 * RFC 9110, but an update or a deletion the API may have carried out is not sent again: the user
 * learns it may have happened, instead of a second attempt hiding the first one's answer.
 */
const IDEMPOTENT_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);
const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 500, 502, 503, 504]);
/** Failures before the request left this machine: safe to repeat for any method. */
const NOT_SENT_CODES: ReadonlySet<string> = new Set(['ECONNREFUSED', 'EAI_AGAIN']);
/** Failures that may come after the API received the request: repeated for reads only. */
const TRANSIENT_CODES: ReadonlySet<string> = new Set([
	'ECONNRESET',
	'ETIMEDOUT',
	'ECONNABORTED',
	'EPIPE',
	'ESOCKETTIMEDOUT',
]);

/** A failed connection that may pass by itself (refused, reset, timed out): worth waiting through. */
export function isTransientTransportError(error: unknown): boolean {
	const code = transportErrorCode(error);
	return code !== undefined && (NOT_SENT_CODES.has(code) || TRANSIENT_CODES.has(code));
}

/**
 * The machine code of an error body `{"code": "...", "message": "..."}` (the Transform API's shape,
 * docs/unstructured-transform-api.md §6.2), from JSON, text or bytes; `undefined` for another shape.
 */
export function errorCodeOf(body: unknown): string | undefined {
	let parsed: unknown = Buffer.isBuffer(body) ? body.toString('utf8') : body;
	if (typeof parsed === 'string') {
		try {
			parsed = JSON.parse(parsed);
		} catch {
			return undefined;
		}
	}
	const code =
		parsed && typeof parsed === 'object' ? (parsed as { code?: unknown }).code : undefined;
	return typeof code === 'string' ? code : undefined;
}

/** Codes that say the API did not act and asks to come back later: retried like a 429, whatever the status. */
const RATE_LIMITED_CODES: ReadonlySet<string> = new Set(['rate_limited']);
/** Codes that waiting does not cure (a used-up quota): never retried, whatever the status. */
const FINAL_CODES: ReadonlySet<string> = new Set(['quota_exceeded']);

/** An HTTP error answer, thrown by the status check so that the sender can decide on a retry. */
export class ErrorAnswer extends Error {
	constructor(readonly response: IN8nHttpFullResponse) {
		super(`The API answered ${response.statusCode}`);
	}
}

/** What the sender tried before it gave up on a request. */
export interface SendFailure {
	attempts: number;
	elapsedMs: number;
	/** Why the last failure was not retried, when it would have been for a read. */
	notRetried?: string;
}

export type SendFailed = { ok: false; error: unknown; failure: SendFailure };

export type SendResult<T> = { ok: true; value: T } | SendFailed;

export type ErrorChainLink = {
	code?: unknown;
	httpCode?: unknown;
	cause?: unknown;
	config?: { baseURL?: unknown; url?: unknown };
};

/** A transport error's code (ECONNREFUSED, CERT_HAS_EXPIRED…): upper case, never an HTTP status. */
const TRANSPORT_CODE = /^[A-Z][A-Z0-9_]+$/;

/** An error and its causes, the first few: n8n's HTTP helper wraps the transport error it got. */
export function errorChain(error: unknown): ErrorChainLink[] {
	const links: ErrorChainLink[] = [];
	for (
		let current = error as ErrorChainLink | undefined;
		current && links.length < 5;
		current = current.cause as ErrorChainLink
	) {
		links.push(current);
	}
	return links;
}

/**
 * The error code (ECONNRESET, …) of a transport error, from anywhere in its cause chain. n8n 2.x's
 * HTTP helper throws the transport error itself (its `code` set); n8n 1.x's wraps it in a
 * NodeApiError that keeps only the code, as `httpCode` (docs/n8n-engine.md): both are read.
 */
export function transportErrorCode(error: unknown): string | undefined {
	for (const { code, httpCode } of errorChain(error)) {
		if (typeof code === 'string' && code) return code;
		if (typeof httpCode === 'string' && TRANSPORT_CODE.test(httpCode)) return httpCode;
	}
	return undefined;
}

/** The wait a 429 or 503 asks for, from `Retry-After` (seconds or an HTTP date). */
export function retryAfterMs(response: IN8nHttpFullResponse): number | undefined {
	const header = (response.headers as IDataObject | undefined)?.['retry-after'];
	if (typeof header !== 'string' && typeof header !== 'number') return undefined;
	const seconds = Number(header);
	if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
	const date = Date.parse(String(header));
	return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

/** Exponential backoff with full jitter (as the AWS SDKs' standard mode): 0..base·2^(n-1), capped. */
function backoffMs(failedAttempts: number): number {
	return Math.random() * Math.min(BACKOFF_CAP_MS, BACKOFF_BASE_MS * 2 ** (failedAttempts - 1));
}

/** Whether the failure may be retried for this method, or why not. */
function retryVerdict(
	method: string,
	error: unknown,
): { retry: true } | { retry: false; notRetried?: string } {
	const idempotent = IDEMPOTENT_METHODS.has(method);
	if (error instanceof ErrorAnswer) {
		const status = error.response.statusCode;
		const code = errorCodeOf(error.response.body);
		if (code && FINAL_CODES.has(code)) return { retry: false };
		if (code && RATE_LIMITED_CODES.has(code)) return { retry: true };
		if (!RETRIED_STATUSES.has(status)) return { retry: false };
		if (status === 429 || idempotent) return { retry: true };
		return {
			retry: false,
			notRetried: `Not sent again: after a ${status} the API may have acted on the ${method}`,
		};
	}
	const code = transportErrorCode(error);
	if (code === undefined) return { retry: false };
	if (NOT_SENT_CODES.has(code)) return { retry: true };
	if (!TRANSIENT_CODES.has(code)) return { retry: false };
	if (idempotent) return { retry: true };
	return {
		retry: false,
		notRetried: `Not sent again: the connection broke after the ${method} was sent, so the API may have acted on it`,
	};
}

/**
 * Sends by calling `attempt` until it succeeds or a failure may not be retried, within the
 * settings' attempts and time, and returns the value or the last error with what was tried.
 * Sleeps with the execution's cancel signal, so stopping the execution stops the retries at once.
 */
export async function sendWithRetries<T>(
	method: IHttpRequestMethods,
	settings: RetrySettings,
	signal: AbortSignal | undefined,
	attempt: (markSending: () => void) => Promise<T>,
	onRetry?: (error: unknown) => void,
): Promise<SendResult<T>> {
	// Max Retry Time counts from the first send, not from the wait for a turn before it.
	let started: number | undefined;
	const markSending = () => void (started ??= Date.now());
	for (let attempts = 1; ; attempts++) {
		let error: unknown;
		try {
			return { ok: true, value: await attempt(markSending) };
		} catch (caught) {
			error = caught;
		}
		const verdict = retryVerdict(method, error);
		const failure: SendFailure = { attempts, elapsedMs: Date.now() - (started ?? Date.now()) };
		if (!verdict.retry) {
			const { notRetried } = verdict as { notRetried?: string };
			return { ok: false, error, failure: { ...failure, notRetried } };
		}
		const askedMs = error instanceof ErrorAnswer ? retryAfterMs(error.response) : undefined;
		const delayMs = askedMs ?? backoffMs(attempts);
		if (attempts >= settings.maxAttempts || failure.elapsedMs + delayMs > settings.maxElapsedMs) {
			return { ok: false, error, failure };
		}
		onRetry?.(error);
		await pause(delayMs, signal);
	}
}

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

import { credentialTypeOf } from './credential';
import { itemError } from './errors';
import { ErrorAnswer, retrySettingsOf, sendWithRetries, transportErrorCode } from './retry';
import type { SendFailed } from './retry';
import type { RetrySettings } from './retry';

export interface ApiRequest {
	method: IHttpRequestMethods;
	url: string;
	qs?: IDataObject;
	body?: IDataObject;
	/** Sent even once the execution is stopped: cancelling the work a stopped item started. */
	afterStop?: boolean;
	/** Milliseconds to wait for an answer, where n8n gives no Request Options (the webhook). */
	timeout?: number;
}

export type ApiContext =
	| IExecuteSingleFunctions
	| ILoadOptionsFunctions
	| IHookFunctions
	| IWebhookFunctions
	| IPollFunctions;

/**
 * The request options n8n built for an item's routed request that are about the user's
 * environment, not about that one request: Settings › Request Options (proxy, timeout,
 * "Ignore SSL Issues" as `skipSslCertificateValidation`), the allowed domains, and whatever else a
 * later n8n puts there. What is about the one request (its address, query, body, headers and how
 * its answer is read) is left out.
 */
const REQUEST_OWN_OPTIONS: ReadonlySet<string> = new Set([
	'url',
	'method',
	'qs',
	'body',
	'headers',
	'encoding',
	'json',
	'returnFullResponse',
	'ignoreHttpStatusErrors',
	'arrayFormat',
	'abortSignal',
]);

/** Per item (its execution context): what every further request of the item inherits from the routed one. */
const inheritedByItem = new WeakMap<object, Partial<IHttpRequestOptions>>();

/**
 * Makes every request sent later with `context` (wait polls, failure diagnostics, downloads of
 * Output Elements) start from the options n8n built for the item's routed request, so that all of
 * an item's requests go through the same proxy, with the same timeout and TLS setting.
 */
export function inheritRequestOptions(context: object, routed: IHttpRequestOptions): void {
	const inherited: Partial<IHttpRequestOptions> = {};
	for (const [name, value] of Object.entries(routed)) {
		if (!REQUEST_OWN_OPTIONS.has(name) && value !== undefined)
			(inherited as Record<string, unknown>)[name] = value;
	}
	inheritedByItem.set(context, inherited);
}

/** The execution's cancel signal, where the context has one: Stop aborts a request in flight. */
export function cancelSignalOf(context: ApiContext): AbortSignal | undefined {
	return 'getExecutionCancelSignal' in context ? context.getExecutionCancelSignal() : undefined;
}

/**
 * Sends a request and returns the full answer whatever its status: the credential points it at the
 * API URL and adds the key. Every request of the package goes through here, with the options the
 * item's routed request had (see `inheritRequestOptions`) and the execution's cancel signal.
 */
async function sendRequest(
	context: ApiContext,
	options: IHttpRequestOptions,
	{ afterStop = false } = {},
): Promise<IN8nHttpFullResponse> {
	const signal = afterStop ? undefined : cancelSignalOf(context);
	return (await context.helpers.httpRequestWithAuthentication.call(
		afterStop ? withoutCancelSignal(context) : context,
		credentialTypeOf(context),
		{
			...inheritedByItem.get(context),
			...options,
			...(signal ? { abortSignal: signal } : {}),
			json: true,
			ignoreHttpStatusErrors: true,
			returnFullResponse: true,
		},
	)) as IN8nHttpFullResponse;
}

/** One request, sent once with every status returned: for the wait loop, which retries in its own way until its timeout. */
export async function sendApiRequest(
	context: ApiContext,
	{ method, url, qs, body, timeout, afterStop }: ApiRequest,
): Promise<IN8nHttpFullResponse> {
	return await sendRequest(
		context,
		{ method, url, qs, body, ...(timeout ? { timeout } : {}) },
		{ afterStop },
	);
}

/**
 * The context as n8n's HTTP helper sees it, without the execution's cancel signal: n8n 2.x gives
 * every request of a context that has one that signal, so a request that must go after Stop (the
 * cancellation of a remote job the stopped item started) is sent through this view of it.
 */
function withoutCancelSignal(context: ApiContext): ApiContext {
	return new Proxy(context, {
		has: (target, name) => name !== 'getExecutionCancelSignal' && name in target,
		get: (target, name) => {
			if (name === 'getExecutionCancelSignal') return undefined;
			const value = Reflect.get(target, name, target);
			return typeof value === 'function' ? value.bind(target) : value;
		},
	});
}

/** An answer with an HTTP error status, as an error the retry policy looks at. */
function throwIfErrorStatus(response: IN8nHttpFullResponse): IN8nHttpFullResponse {
	if (response.statusCode >= 400) throw new ErrorAnswer(response);
	return response;
}

/**
 * A request's turn in a line: `launch` right before it leaves, `release` when it will not,
 * `answered` once it has its answer (or failed).
 */
export interface Turn {
	launch(): Promise<void>;
	release(): void;
	answered(): void;
}

export interface CheckedSendOptions {
	/** What a 404 means, e.g. naming the object that was not found; asked only on a 404. */
	notFound?: () => string | undefined;
	/** Statuses that are answers, not errors (e.g. a 404 for a channel already deleted). */
	okStatuses?: number[];
	/** A more telling error for an error answer than the general one, when it gives one. */
	errorFor?: (
		response: IN8nHttpFullResponse,
	) => Promise<NodeApiError | undefined> | NodeApiError | undefined;
	/**
	 * Waits for the request's turn before each attempt (a job creation's, `pacing.ts`): the body is
	 * built once the turn has come, and the turn's `launch` runs right before the request leaves.
	 */
	takeTurn?: () => Promise<Turn>;
	/**
	 * Adds what is built afresh for each attempt, once its turn has come (a job's files): so that a
	 * batch holds only the bodies in flight, and drops each once it is sent.
	 */
	prepare?: (options: IHttpRequestOptions) => Promise<IHttpRequestOptions>;
	/** Retries other than the node's Retry Options, e.g. the webhook's, which must answer quickly. */
	retry?: RetrySettings;
	/** Told of each failure that is retried, before the wait: e.g. to slow down after a rate limit. */
	onRetry?: (error: unknown) => void;
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
	{
		notFound,
		okStatuses = [],
		errorFor,
		takeTurn,
		prepare,
		retry,
		onRetry,
	}: CheckedSendOptions = {},
): Promise<IN8nHttpFullResponse> {
	const method = options.method ?? 'GET';
	const result = await sendWithRetries(
		method,
		retry ?? retrySettingsOf(context),
		cancelSignalOf(context),
		async (markSending) => {
			const turn = await takeTurn?.();
			let prepared = options;
			let built = false;
			try {
				if (prepare) prepared = await prepare(options);
				built = true;
			} finally {
				if (!built) turn?.release();
			}
			await turn?.launch();
			markSending();
			let response;
			try {
				response = await sendRequest(context, prepared);
			} finally {
				turn?.answered();
			}
			return okStatuses.includes(response.statusCode) ? response : throwIfErrorStatus(response);
		},
		onRetry,
	);
	if (result.ok) return result.value;
	const { error, failure } = result as SendFailed;
	const itemIndex = 'getItemIndex' in context ? context.getItemIndex() : 0;
	const answer = error instanceof ErrorAnswer ? error.response : undefined;
	const telling = answer ? await errorFor?.(answer) : undefined;
	const host =
		!answer && transportErrorCode(error) !== undefined ? await apiHostOf(context) : undefined;
	throw (
		telling ??
		itemError(context.getNode(), error, itemIndex, {
			notFound: answer?.statusCode === 404 ? notFound?.() : undefined,
			failure,
			host,
		})
	);
}

/**
 * The host of the credential's API URL, for an error about a request that got no answer, where the
 * error itself does not carry the request (n8n 1.x's HTTP helper keeps only the error code).
 */
async function apiHostOf(context: ApiContext): Promise<string | undefined> {
	try {
		const credentials = await context.getCredentials(credentialTypeOf(context));
		const url = credentials.apiUrl ?? credentials.baseUrl;
		return typeof url === 'string' ? new URL(url.trim()).host : undefined;
	} catch {
		return undefined;
	}
}

/** `sendChecked` for a request outside routing (list searches, the triggers, downloads of Output Elements). */
export async function apiRequest(
	context: ApiContext,
	{ method, url, qs, body, timeout }: ApiRequest,
	options: Omit<CheckedSendOptions, 'notFound'> & { notFound?: string } = {},
): Promise<IN8nHttpFullResponse> {
	const { notFound } = options;
	return await sendChecked(
		context,
		{ method, url, qs, body, ...(timeout ? { timeout } : {}) },
		{ ...options, notFound: notFound === undefined ? undefined : () => notFound },
	);
}

import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IExecutePaginationFunctions,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import { throwDeferredPreSendError } from './deferredPreSend';
import { resolvePathIds } from './pathIds';

const TRANSPORT_MESSAGES: Record<string, string> = {
	ECONNREFUSED: 'refused the connection',
	ECONNRESET: 'closed the connection unexpectedly',
	ENOTFOUND: 'has a host name that does not resolve',
	EAI_AGAIN: 'has a host name that could not be looked up',
	EHOSTUNREACH: 'cannot be reached',
	ETIMEDOUT: 'did not answer in time',
	ECONNABORTED: 'did not answer in time',
	CERT_HAS_EXPIRED: 'has an expired TLS certificate',
	DEPTH_ZERO_SELF_SIGNED_CERT: 'has a self-signed TLS certificate',
};

type ErrorChainLink = { code?: unknown; cause?: unknown; config?: { baseURL?: unknown; url?: unknown } };

function errorChain(error: unknown): ErrorChainLink[] {
	const links: ErrorChainLink[] = [];
	for (let current = error as ErrorChainLink | undefined; current && links.length < 5; current = current.cause as ErrorChainLink) {
		links.push(current);
	}
	return links;
}

function findErrorCode(error: unknown): string | undefined {
	const link = errorChain(error).find(({ code }) => typeof code === 'string' && code);
	return link?.code as string | undefined;
}

/** The host the failed request went to, from the request the HTTP layer attached (never its headers). */
function hostOf(error: unknown): string {
	for (const { config } of errorChain(error)) {
		const target = config?.baseURL ?? config?.url;
		if (typeof target !== 'string') continue;
		try {
			return new URL(target).host;
		} catch {
			// a relative URL: look further down the chain
		}
	}
	return 'the API URL';
}

/**
 * The error n8n's HTTP helper throws when no answer came (refused, timed out, reset) carries the
 * request, and with it the API key header. Only the code and the host are kept.
 */
function transportError(context: IExecutePaginationFunctions, error: unknown): NodeApiError {
	const code = findErrorCode(error) ?? 'UNKNOWN';
	const what = TRANSPORT_MESSAGES[code] ?? 'could not be reached';
	const timedOut = what === TRANSPORT_MESSAGES.ETIMEDOUT || /timeout/i.test(String((error as Error)?.message));
	// The code stays out of the message and the body: NodeApiError swaps in a generic text for both.
	return new NodeApiError(context.getNode(), { connectionError: true } as JsonObject, {
		message: `The Unstructured API at ${hostOf(error)} ${timedOut ? TRANSPORT_MESSAGES.ETIMEDOUT : what}`,
		description: timedOut
			? `No answer came in time (${code}). Try again later, or raise "Timeout" under the node's Options.`
			: `The request failed with ${code}. Check the API URL in the Unstructured credential and that this n8n instance can reach it.`,
		itemIndex: context.getItemIndex(),
	});
}

function isOurError(error: unknown): error is NodeApiError | NodeOperationError {
	return (
		(error instanceof NodeApiError || error instanceof NodeOperationError) &&
		!(error.cause && typeof error.cause === 'object' && 'config' in error.cause)
	);
}

/**
 * Sends the request of one input item through `send`, with what every request needs: the errors
 * of deferred preSend functions raised and path IDs checked and encoded before anything is sent;
 * transport errors stripped of the request they carry; and with "Continue On Fail", a failure
 * turned into an error item paired to its input (routing leaves `pairedItem` unset, and n8n cannot
 * infer it when one input fans out into many items).
 */
async function sendForItem(
	context: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
	send: (prepared: DeclarativeRestApiSettings.ResultOptions) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	try {
		throwDeferredPreSendError(requestData.options);
		const url = resolvePathIds(context, requestData.options.url ?? '');
		return await send({ ...requestData, options: { ...requestData.options, url } });
	} catch (caught) {
		const error = isOurError(caught) ? caught : transportError(context, caught);
		if (context.continueOnFail()) {
			return [{ json: { error: error.message }, error, pairedItem: { item: context.getItemIndex() } }];
		}
		throw error;
	}
}

/**
 * Runs the request of one input item. It is wired in as n8n's declarative `pagination` hook
 * because that hook is the one place that wraps a whole request (see `sendForItem`).
 */
export async function runRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	return await sendForItem(this, requestData, async (prepared) => await this.makeRoutingRequest(prepared));
}

const MAX_PAGE_SIZE = 100;

/**
 * `runRequest` for list endpoints paginated with `page` and `page_size` (workflows): follows the
 * pages until "Limit" items, or all of them with "Return All". The API's largest page size is not
 * documented, so a page shorter than the longest one seen (or an empty page) ends the list; a page
 * that repeats the previous one means the API ignored `page`, and also ends it.
 */
export async function runPagedRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	const returnAll = this.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : (this.getNodeParameter('limit', 50) as number);
	const pageSize = Math.min(limit, MAX_PAGE_SIZE);
	return await sendForItem(this, requestData, async (prepared) => {
		const items: INodeExecutionData[] = [];
		let longestPage = 0;
		let previousFirst: string | undefined;
		for (let page = 1; items.length < limit; page++) {
			const qs = { ...prepared.options.qs, page, page_size: pageSize };
			const pageItems = await this.makeRoutingRequest({ ...prepared, options: { ...prepared.options, qs } });
			const first = JSON.stringify(pageItems[0]?.json);
			if (pageItems.length === 0 || first === previousFirst) break;
			items.push(...pageItems);
			if (pageItems.length < longestPage) break;
			longestPage = Math.max(longestPage, pageItems.length);
			previousFirst = first;
		}
		return items.slice(0, limit);
	});
}

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
 * Runs the request of one input item. It is wired in as n8n's declarative `pagination` hook
 * because that hook is the one place that wraps a whole request: path IDs are checked and
 * encoded here and errors of deferred preSend functions raised, before anything is sent; transport errors lose the request they carry, and with
 * "Continue On Fail" a failure becomes an error item paired to its input (routing leaves
 * `pairedItem` unset, and n8n cannot infer it when one input fans out into many items).
 */
export async function runRequest(
	this: IExecutePaginationFunctions,
	requestData: DeclarativeRestApiSettings.ResultOptions,
): Promise<INodeExecutionData[]> {
	try {
		throwDeferredPreSendError(requestData.options);
		const url = resolvePathIds(this, requestData.options.url ?? '');
		return await this.makeRoutingRequest({ ...requestData, options: { ...requestData.options, url } });
	} catch (caught) {
		const error = isOurError(caught) ? caught : transportError(this, caught);
		if (this.continueOnFail()) {
			return [{ json: { error: error.message }, error, pairedItem: { item: this.getItemIndex() } }];
		}
		throw error;
	}
}

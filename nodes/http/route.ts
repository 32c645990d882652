/**
 * How a request flows
 * ===================
 * 1. A node's description is built from its resources by the operation registry
 *    (`description/operations.ts`); each operation's file (`resources/<resource>/<operation>.ts`)
 *    builds its `routing` with `route(method, path, options)`, defined here, and its parameters
 *    that are one query parameter or body field each declare it with `sendAs()` (`description/send.ts`).
 * 2. For every input item, n8n's RoutingNode builds the request options from those routings, the
 *    node's `requestDefaults` and Options (timeout, proxy, SSL) and, because `send.paginate` is
 *    set, hands them to the declarative `pagination` hook instead of sending them. That hook is the
 *    only place n8n lets a node wrap a whole request, so every route uses it, whether or not it
 *    pages: it is `runRoute` below, and no operation file names it.
 * 3. `runRoute` trims the values the parameters sent and leaves out empty ones; reads and checks the
 *    IDs the path needs (an empty or malformed ID fails before anything is sent, naming the field)
 *    and builds the path (each node's `api/paths.ts`); runs the operation's preSend functions (which
 *    add what is not one parameter each and check the item's input without reading its files);
 *    waits for its turn when the request creates a job (`pacing.ts`); only then builds a body of
 *    files (`body`), so a batch holds only the bodies in flight; and sends it with `transport.ts`
 *    (where the credential adds the API URL and key), retried as `retry.ts` allows. Every HTTP
 *    status is looked at right there: an error answer may be retried, or becomes the error with the
 *    API's own words. The options n8n built for the item (proxy, timeout, TLS) are kept for every
 *    further request of the item (wait polls, downloads), and all carry the execution's cancel
 *    signal, so Stop ends a request in flight. An operation may take an item's request over
 *    (`takeOver`): Job › Create sends its job through its own send path, alone or packed.
 * 4. The answer goes through the operation's postReceive functions, which turn the body into items,
 *    and every item without `pairedItem` is paired with its input item.
 * 5. A failure anywhere above becomes the error the user sees (`errors.ts`): thrown, or under
 *    Continue On Fail an error item paired with its input, so other items' results are kept. A
 *    parameter that may hold secrets (a connector's configuration) is left out of the node that n8n
 *    attaches to the error and logs.
 */
import { NodeApiError } from 'n8n-workflow';
import type { NodeOperationError } from 'n8n-workflow';
import type {
	DeclarativeRestApiSettings,
	IDataObject,
	IExecutePaginationFunctions,
	IExecuteSingleFunctions,
	IHttpRequestMethods,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodePropertyRouting,
	JsonObject,
	PreSendAction,
} from 'n8n-workflow';

import { readIdParameter } from '../input/parameters';
import { itemError } from './errors';
import { takeJobCreationTurn } from './pacing';
import { inheritRequestOptions, sendChecked } from './transport';

/** What was sent: the IDs read for the path, and the request options after preSend. */
export interface SentRequest {
	ids: Record<string, string>;
	options: IHttpRequestOptions;
}

/** n8n's postReceive function, also given what was sent, so that no parameter is read twice. */
export type PostReceiveFunction = (
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
	sent: SentRequest,
) => Promise<INodeExecutionData[]>;

/** Reads a checked ID parameter by name, for building a path. */
export type IdReader = (name: string) => string;

export interface RouteOptions {
	preSend?: PreSendAction[];
	postReceive?: PostReceiveFunction[];
	/** What a 404 means for this operation, e.g. naming the job that was not found. */
	notFound?: (context: IExecuteSingleFunctions) => string;
	/** Follows `page`/`page_size` until "Limit" items, or all of them with "Return All". */
	paged?: boolean;
	/** The request starts a job: paced to the API's limit of one new job per second (`pacing.ts`). */
	createsJob?: boolean;
	/**
	 * Takes the item's request over after its preSend: the items to give instead of sending, e.g.
	 * its share of a job that packs the files of several items; `undefined` to send as usual.
	 */
	takeOver?: (
		this: IExecuteSingleFunctions,
		options: IHttpRequestOptions,
	) => Promise<INodeExecutionData[] | undefined>;
	/** The body of files, built for each attempt once its turn has come, and dropped once sent. */
	body?: (this: IExecuteSingleFunctions) => Promise<RequestBody | undefined>;
}

/** A body built by hand (multipart), with its content type. */
export interface RequestBody {
	body: Buffer;
	contentType: string;
}

type RequestData = DeclarativeRestApiSettings.ResultOptions;

const MAX_PAGE_SIZE = 100;

/**
 * Sends one request per page (`page`, `page_size`) until "Limit" items, or all with "Return All".
 * The API's largest page size is not documented, so a page shorter than the longest one seen (or
 * an empty page) ends the list; a page that repeats the previous one means the API ignored `page`.
 */
async function followPages(
	context: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
	send: (options: IHttpRequestOptions) => Promise<INodeExecutionData[]>,
): Promise<INodeExecutionData[]> {
	const returnAll = context.getNodeParameter('returnAll', false) as boolean;
	const limit = returnAll ? Infinity : (context.getNodeParameter('limit', 50) as number);
	const pageSize = Math.min(limit, MAX_PAGE_SIZE);
	const items: INodeExecutionData[] = [];
	let longestPage = 0;
	let previousFirst: string | undefined;
	for (let page = 1; items.length < limit; page++) {
		const pageItems = await send({ ...options, qs: { ...options.qs, page, page_size: pageSize } });
		const first = JSON.stringify(pageItems[0]?.json);
		if (pageItems.length === 0 || first === previousFirst) break;
		items.push(...pageItems);
		if (pageItems.length < longestPage) break;
		longestPage = Math.max(longestPage, pageItems.length);
		previousFirst = first;
	}
	return items.slice(0, limit);
}

/**
 * The query or body that parameters declared with `routing.send` put together, as the API takes it:
 * text trimmed, and a parameter left empty (or a picker with nothing picked) not sent at all.
 */
function sentValues<T>(values: T): T {
	if (!values || typeof values !== 'object' || Array.isArray(values) || Buffer.isBuffer(values))
		return values;
	const sent: IDataObject = {};
	for (const [name, value] of Object.entries(values as IDataObject)) {
		const trimmed = typeof value === 'string' ? value.trim() : value;
		if (trimmed !== undefined && trimmed !== null && trimmed !== '') sent[name] = trimmed;
	}
	return sent as T;
}

/** The request with a body built by hand, and its content type. */
export function withBody(
	options: IHttpRequestOptions,
	built: RequestBody | undefined,
): IHttpRequestOptions {
	if (!built) return options;
	return {
		...options,
		body: built.body,
		headers: { ...options.headers, 'content-type': built.contentType },
	};
}

/** Parameters that hold customers' secrets: a connector's configuration. */
const SECRET_PARAMETERS = ['config'];

/**
 * The error with its node's secret parameters replaced: n8n attaches the node, parameters and all,
 * to every error, and logs it so. RoutingNode passes a NodeApiError on as it is but wraps any other
 * error in one of its own, with the node whole: so such an error is wrapped here, with the redacted
 * node. The workflow still holds the parameters; its log and error output do not.
 */
function withoutSecrets(
	error: NodeApiError | NodeOperationError,
	itemIndex: number,
): NodeApiError | NodeOperationError {
	const parameters = error.node?.parameters;
	if (!parameters || !SECRET_PARAMETERS.some((name) => name in parameters)) return error;
	const redacted = Object.fromEntries(
		SECRET_PARAMETERS.filter((name) => name in parameters).map((name) => [
			name,
			'[not shown: it may hold secrets]',
		]),
	);
	const node = { ...error.node, parameters: { ...parameters, ...redacted } };
	Object.assign(error, { node });
	if (error instanceof NodeApiError) return error;
	return new NodeApiError(node, error as unknown as JsonObject, {
		message: error.message,
		description: error.description ?? undefined,
		itemIndex,
	});
}

/** Runs postReceive functions the way RoutingNode does: the first gets the body as one item. */
async function toItems(
	context: IExecuteSingleFunctions,
	postReceive: PostReceiveFunction[],
	response: IN8nHttpFullResponse,
	sent: SentRequest,
): Promise<INodeExecutionData[]> {
	let items: INodeExecutionData[] = [{ json: response.body as IDataObject }];
	for (const action of postReceive) items = await action.call(context, items, response, sent);
	return items;
}

/** The `routing` of an operation: `method` to `path` (fixed, or built from checked IDs). */
export function route(
	method: IHttpRequestMethods,
	path: string | ((id: IdReader) => string),
	{
		preSend = [],
		postReceive = [],
		notFound,
		paged = false,
		createsJob = false,
		body,
		takeOver,
	}: RouteOptions = {},
): INodePropertyRouting {
	async function runRoute(
		this: IExecutePaginationFunctions,
		requestData: RequestData,
	): Promise<INodeExecutionData[]> {
		const itemIndex = this.getItemIndex();
		inheritRequestOptions(this, requestData.options as IHttpRequestOptions);
		let items: INodeExecutionData[];
		try {
			const ids: Record<string, string> = {};
			const url =
				typeof path === 'string' ? path : path((name) => (ids[name] = readIdParameter(this, name)));
			const routed = requestData.options as IHttpRequestOptions;
			let options: IHttpRequestOptions = {
				...routed,
				url,
				qs: sentValues(routed.qs),
				body: sentValues(routed.body),
			};
			for (const action of preSend) options = await action.call(this, options);
			const send = async (sent: IHttpRequestOptions) => {
				const response = await sendChecked(this, sent, {
					notFound: notFound && (() => notFound(this)),
					takeTurn: createsJob ? async () => await takeJobCreationTurn(this) : undefined,
					prepare: body && (async (unprepared) => withBody(unprepared, await body.call(this))),
				});
				return await toItems(this, postReceive, response, { ids, options: sent });
			};
			const taken = takeOver ? await takeOver.call(this, options) : undefined;
			items = taken ?? (paged ? await followPages(this, options, send) : await send(options));
		} catch (caught) {
			const error = withoutSecrets(itemError(this.getNode(), caught, itemIndex), itemIndex);
			if (this.continueOnFail())
				return [{ json: { error: error.message }, error, pairedItem: { item: itemIndex } }];
			throw error;
		}
		return items.map((item) =>
			item.pairedItem ? item : { ...item, pairedItem: { item: itemIndex } },
		);
	}

	return {
		request: { method, ...(typeof path === 'string' ? { url: path } : {}) },
		send: { paginate: true },
		operations: { pagination: runRoute },
	};
}

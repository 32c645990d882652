import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { withContext } from './itemContext';
import { newestFirst } from './newestFirst';
import { unexpectedBodyError } from '../http/errors';
import type { PostReceiveFunction } from '../http/route';

/** postReceive: one item per element of a JSON list body. */
export async function toListItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!Array.isArray(response.body))
		throw unexpectedBodyError(this.getNode(), response, this.getItemIndex());
	return (response.body as IDataObject[]).map((json) => ({ json }));
}

/** The answer's JSON object (one with an `id`), or the error for an answer that is not one. */
function objectBody(
	context: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
	idKey: string,
): IDataObject {
	const { body } = response;
	if (!body || typeof body !== 'object' || Array.isArray(body) || !(idKey in body)) {
		throw unexpectedBodyError(context.getNode(), response, context.getItemIndex());
	}
	return body as IDataObject;
}

/**
 * postReceive: the JSON object body (one with `idKey`, `id` by default) as one item, with that ID
 * also under `idField` (e.g. `workflow_id`), which the next node's ID parameter reads by default.
 */
export function toObjectItemWithId(idField: string, idKey = 'id'): PostReceiveFunction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	) {
		const body = objectBody(this, response, idKey);
		return [{ json: withContext(body, { [idField]: body[idKey] }) }];
	};
}

/**
 * postReceive: each item's `id` also under `idField` (e.g. `job_id`), as every item about an object
 * carries it: the next node's ID parameter reads it by default. What the API sent always wins.
 */
export function withIdAs(idField: string): PostReceiveFunction {
	return async function (this: IExecuteSingleFunctions, items: INodeExecutionData[]) {
		return items.map((item) => ({
			...item,
			json: withContext(item.json, { [idField]: item.json.id }),
		}));
	};
}

/** postReceive: keeps the first "Limit" items unless "Return All", for lists the API returns whole. */
export async function applyLimit(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('returnAll', false) === true) return items;
	return items.slice(0, this.getNodeParameter('limit', 50) as number);
}

/**
 * postReceive: one item for a deletion: the ID that was sent (parameter `idName`) as `idField`,
 * `deleted: true`, and the answer's fields (the API answers 200 with an untyped body, e.g.
 * `{"detail": "… successfully deleted."}`, or 204 with none).
 */
export function toDeletedItem(idField: string, idName: string): PostReceiveFunction {
	return async function (this: IExecuteSingleFunctions, _items, response, { ids }) {
		const { body } = response;
		const answer =
			body && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)
				? (body as IDataObject)
				: {};
		return [{ json: { [idField]: ids[idName], deleted: true, ...answer } }];
	};
}

/** postReceive: the items newest first by `created_at` (the API lists in no stated order). */
export async function sortNewestFirst(
	this: IExecuteSingleFunctions,
	items: INodeExecutionData[],
): Promise<INodeExecutionData[]> {
	return newestFirst(items, (item) => item.json.created_at);
}

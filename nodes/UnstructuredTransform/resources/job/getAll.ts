import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { Operation } from '../../../description/operations';
import { returnAllAndLimit } from '../../../description/returnAllLimit';
import { unexpectedBodyError } from '../../../http/errors';
import { route } from '../../../http/route';
import { applyLimit, withIdAs } from '../../../items/responseItems';
import { TRANSFORM_JOBS_PATH } from '../../api/paths';
import { isObject } from '../../api/types';

/**
 * postReceive: one item per job. GUESS (docs/unstructured-transform-api.md §2.8, verify live): the
 * page's envelope is not documented, so a bare list and a list under `jobs`, `items` or `data` are
 * both read; the API lists newest first. Further pages are not followed: their parameters are not
 * documented either.
 */
async function toJobItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const { body } = response;
	const list = Array.isArray(body)
		? body
		: isObject(body)
			? [body.jobs, body.items, body.data].find(Array.isArray)
			: undefined;
	if (!list) throw unexpectedBodyError(this.getNode(), response, this.getItemIndex());
	return (list as IDataObject[]).map((json) => ({ json }));
}

export const jobGetMany: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many jobs',
		description: 'List the Parse and Extract jobs of this key, newest first',
		routing: route('GET', TRANSFORM_JOBS_PATH, {
			postReceive: [toJobItems, withIdAs('job_id'), applyLimit],
		}),
	},
	fields: returnAllAndLimit(),
};

import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import { withContext } from '../../shared/job/itemContext';
import { unexpectedBodyError } from '../../shared/request/errors';

/** postReceive: the workflow of the answer, plus `workflow_id` equal to its `id`, for the next node. */
export async function toWorkflowItem(this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse): Promise<INodeExecutionData[]> {
	const { body } = response;
	if (!body || typeof body !== 'object' || Array.isArray(body) || !('id' in body)) {
		throw unexpectedBodyError(this.getNode(), response, this.getItemIndex());
	}
	return [{ json: withContext(body as IDataObject, { workflow_id: (body as IDataObject).id }) }];
}

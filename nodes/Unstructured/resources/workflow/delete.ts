import type {
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { Operation } from '../../../description/operations';
import { workflowNotFound } from '../../api/notFound';
import { workflowPath } from '../../api/paths';
import { route } from '../../../http/route';
import type { SentRequest } from '../../../http/route';
import { deletedItem } from '../../../items/responseItems';

async function toDeletedItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
	{ ids }: SentRequest,
): Promise<INodeExecutionData[]> {
	return [deletedItem({ workflow_id: ids.workflowId }, response)];
}

export const workflowDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a workflow',
		description: 'Delete a workflow',
		routing: route('DELETE', (id) => workflowPath(id('workflowId')), {
			postReceive: [toDeletedItem],
			notFound: workflowNotFound,
		}),
	},
	ids: ['workflowId'],
};

import type { IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import type { Operation } from '../../shared/descriptions/operation';
import { workflowNotFound } from '../../shared/notFound';
import { workflowPath } from '../../shared/request/paths';
import { route } from '../../shared/request/route';
import type { SentRequest } from '../../shared/request/route';
import { deletedItem } from '../../shared/responseItems';

async function toDeletedItem(this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse, { ids }: SentRequest): Promise<INodeExecutionData[]> {
	return [deletedItem({ workflow_id: ids.workflowId }, response)];
}

export const workflowDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a workflow',
		description: 'Delete a workflow',
		routing: route('DELETE', (id) => workflowPath(id('workflowId')), { postReceive: [toDeletedItem], notFound: workflowNotFound }),
	},
};

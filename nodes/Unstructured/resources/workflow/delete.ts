import type { Operation } from '../../../description/operations';
import { workflowNotFound } from '../../api/notFound';
import { workflowPath } from '../../api/paths';
import { route } from '../../../http/route';
import { toDeletedItem } from '../../../items/responseItems';

export const workflowDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a workflow',
		description: 'Delete a workflow',
		routing: route('DELETE', (id) => workflowPath(id('workflowId')), {
			postReceive: [toDeletedItem('workflow_id', 'workflowId')],
			notFound: workflowNotFound,
		}),
	},
	ids: ['workflowId'],
};

import type { Operation } from '../../../description/operations';
import { workflowNotFound } from '../../api/notFound';
import { workflowPath } from '../../api/paths';
import { route } from '../../../http/route';
import { toObjectItemWithId } from '../../../items/responseItems';

export const workflowGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a workflow',
		description: 'Get a workflow with its sources, destinations, nodes and schedule',
		routing: route('GET', (id) => workflowPath(id('workflowId')), {
			postReceive: [toObjectItemWithId('workflow_id')],
			notFound: workflowNotFound,
		}),
	},
	ids: ['workflowId'],
};

import type { Operation } from '../../shared/descriptions/operation';
import { workflowNotFound } from '../../shared/notFound';
import { workflowPath } from '../../shared/request/paths';
import { route } from '../../shared/request/route';
import { toObjectItem } from '../../shared/responseItems';

export const workflowGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a workflow',
		description: 'Get a workflow with its sources, destinations, nodes and schedule',
		routing: route('GET', (id) => workflowPath(id('workflowId')), { postReceive: [toObjectItem], notFound: workflowNotFound }),
	},
};

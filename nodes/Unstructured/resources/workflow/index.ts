import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { workflowIdLocator } from '../../shared/descriptions/locators';
import { toListItems, toObjectItem } from '../../shared/listItems';
import { readIdParameter } from '../../shared/parameters';
import { WORKFLOWS_PATH, workflowPath } from '../../shared/request/paths';
import { route } from '../../shared/request/route';
import { setWorkflowListQuery, workflowGetAllDescription } from './getAll';
import { checkRunInput, runBody, toRunOutput, workflowRunDescription } from './run';

const workflowNotFound = (context: IExecuteSingleFunctions) =>
	`The Unstructured API found no workflow with ID "${readIdParameter(context, 'workflowId')}"`;

export const workflowDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['workflow'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a workflow',
				description: 'Get a workflow with its sources, destinations, nodes and schedule',
				routing: route('GET', (id) => workflowPath(id('workflowId')), { postReceive: [toObjectItem], notFound: workflowNotFound }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workflows',
				description: 'List the workflows of the account',
				routing: route('GET', WORKFLOWS_PATH, { preSend: [setWorkflowListQuery], postReceive: [toListItems], paged: true }),
			},
			{
				name: 'Run',
				value: 'run',
				action: 'Run a workflow',
				description: 'Start a job of the workflow now, optionally with files, and optionally wait for it',
				routing: route('POST', (id) => workflowPath(id('workflowId'), 'run'), {
					preSend: [checkRunInput],
					body: runBody,
					postReceive: [toRunOutput],
					notFound: workflowNotFound,
					createsJob: true,
				}),
			},
		],
		default: 'run',
	},
	{
		...workflowIdLocator,
		required: true,
		description: 'The workflow to work with',
		displayOptions: { show: { resource: ['workflow'], operation: ['get', 'run'] } },
	},
	...workflowGetAllDescription,
	...workflowRunDescription,
];

import type { INodeProperties } from 'n8n-workflow';

import { deferPreSendErrors } from '../../shared/deferredPreSend';
import { failOnErrorStatus } from '../../shared/errors';
import { toListItems, toObjectItem } from '../../shared/listOutput';
import { workflowIdLocator } from '../../shared/locators';
import { readIdParameter } from '../../shared/pathIds';
import { runPagedRequest } from '../../shared/runRequest';
import { setWorkflowListQuery, workflowGetAllDescription } from './getAll';
import { buildRunForm, toRunOutput, workflowRunDescription } from './run';

const failUnlessWorkflowFound = failOnErrorStatus(
	(context) => `The Unstructured API found no workflow with ID "${readIdParameter(context, 'workflowId')}"`,
);

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
				routing: {
					request: { method: 'GET', url: '/api/v1/workflows/{workflowId}' },
					send: { paginate: true },
					output: { postReceive: [failUnlessWorkflowFound, toObjectItem] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many workflows',
				description: 'List the workflows of the account',
				routing: {
					request: { method: 'GET', url: '/api/v1/workflows/' },
					send: { paginate: true, preSend: [deferPreSendErrors(setWorkflowListQuery)] },
					operations: { pagination: runPagedRequest },
					output: { postReceive: [failOnErrorStatus(), toListItems] },
				},
			},
			{
				name: 'Run',
				value: 'run',
				action: 'Run a workflow',
				description: 'Start a job of the workflow now, optionally with files, and optionally wait for it',
				routing: {
					request: { method: 'POST', url: '/api/v1/workflows/{workflowId}/run' },
					send: { paginate: true, preSend: [deferPreSendErrors(buildRunForm)] },
					output: { postReceive: [failUnlessWorkflowFound, toRunOutput] },
				},
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

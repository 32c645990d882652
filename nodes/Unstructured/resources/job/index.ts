import type { INodeProperties } from 'n8n-workflow';

import { failOnErrorStatus } from '../../shared/errors';
import { toJobOutput } from '../../shared/jobOutput';
import { readIdParameter } from '../../shared/pathIds';
import { jobGetDescription } from './get';

const jobNotFound = failOnErrorStatus(
	(context) => `The Unstructured API found no job with ID "${readIdParameter(context, 'jobId')}"`,
);

export const jobDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['job'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a job',
				description: 'Get a job, as its output files or as the job itself',
				routing: {
					request: { method: 'GET', url: '/api/v1/jobs/{jobId}' },
					send: { paginate: true },
					output: { postReceive: [jobNotFound, toJobOutput] },
				},
			},
		],
		default: 'get',
	},
	...jobGetDescription,
];

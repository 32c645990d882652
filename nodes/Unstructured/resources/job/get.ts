import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../shared/descriptions/operation';
import { waitForCompletionFields } from '../../shared/descriptions/waitFields';
import { toJobOutput } from '../../shared/job/output';
import { jobNotFound } from '../../shared/notFound';
import { jobPath } from '../../shared/request/paths';
import { route } from '../../shared/request/route';

const showOnlyForJobGet = {
	operation: ['get'],
	resource: ['job'],
};

const fields: INodeProperties[] = [
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'outputFiles',
		displayOptions: { show: showOnlyForJobGet },
		options: [
			{
				name: 'Output Files',
				value: 'outputFiles',
				description:
					'One item per output file of the job, with the job ID, workflow and status on each',
			},
			{
				name: 'Job',
				value: 'job',
				description: 'One item: the job as the API returns it',
			},
		],
		hint: 'Output Files gives no items for a job without output files (e.g. still running, or one whose output went to a remote destination only)',
	},
	...waitForCompletionFields(showOnlyForJobGet, { waitByDefault: false }),
];

export const jobGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a job',
		description: 'Get a job, as its output files or as the job itself, optionally waiting for it to finish',
		routing: route('GET', (id) => jobPath(id('jobId')), { postReceive: [toJobOutput], notFound: jobNotFound }),
	},
	fields,
};

import type { INodeProperties } from 'n8n-workflow';

import { waitForCompletionFields } from '../../shared/descriptions/waitFields';

const showOnlyForJobGet = {
	operation: ['get'],
	resource: ['job'],
};

export const jobGetDescription: INodeProperties[] = [
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

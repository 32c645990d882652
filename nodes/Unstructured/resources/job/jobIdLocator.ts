import type { INodeProperties } from 'n8n-workflow';

/** The "Job ID" parameter shared by the job operations. Its value goes into `{jobId}` in paths. */
export const jobIdLocator: INodeProperties = {
	displayName: 'Job ID',
	name: 'jobId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	required: true,
	description: 'The job to work with',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a job...',
			typeOptions: {
				searchListMethod: 'searchJobs',
				searchable: true,
			},
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. b2c3d4e5-6f7a-8b9c-0d1e-2f3a4b5c6d7e',
		},
	],
};

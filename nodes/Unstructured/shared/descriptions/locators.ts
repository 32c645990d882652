import type { INodeProperties } from 'n8n-workflow';

/**
 * "Job ID", one property for every operation on an existing job: n8n evaluates every property of
 * the node for each item, twice, so a second property of the same name would cost two more
 * expression evaluations per item. Its default maps the incoming item's job_id, as Job › Create,
 * Get Many and the trigger output it.
 */
export const jobIdLocator: INodeProperties = {
	displayName: 'Job ID',
	name: 'jobId',
	type: 'resourceLocator',
	default: { mode: 'id', value: '={{ $json.job_id }}' },
	required: true,
	description: 'The job to work with. By default the job_id of the incoming item; pick a job from the list or give its ID instead.',
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

/** "Workflow ID": a workflow of the account, searchable by name. */
export const workflowIdLocator: INodeProperties = {
	displayName: 'Workflow',
	name: 'workflowId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'A workflow of the account',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a workflow...',
			typeOptions: {
				searchListMethod: 'searchWorkflows',
				searchable: true,
			},
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. f0a1b2c3-4d5e-6f7a-8b9c-0d1e2f3a4b5c',
		},
	],
};

/** "Template": a workflow template of Unstructured, for on-demand jobs. */
export const templateIdLocator: INodeProperties = {
	displayName: 'Template',
	name: 'templateId',
	type: 'resourceLocator',
	default: { mode: 'list', value: '' },
	description: 'A template of Unstructured that defines what the job does, e.g. hi_res_partition',
	modes: [
		{
			displayName: 'From List',
			name: 'list',
			type: 'list',
			placeholder: 'Select a template...',
			typeOptions: {
				searchListMethod: 'searchTemplates',
				searchable: true,
			},
		},
		{
			displayName: 'By ID',
			name: 'id',
			type: 'string',
			placeholder: 'e.g. hi_res_partition',
		},
	],
};

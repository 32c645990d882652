import type { INodeProperties } from 'n8n-workflow';

/** A picker: From List (searched by `searchListMethod`) or By ID. */
export function listOrIdLocator({
	displayName,
	name,
	description,
	searchListMethod,
	listPlaceholder,
	idPlaceholder,
}: {
	displayName: string;
	name: string;
	description: string;
	searchListMethod: string;
	listPlaceholder: string;
	idPlaceholder: string;
}): INodeProperties {
	return {
		displayName,
		name,
		type: 'resourceLocator',
		default: { mode: 'list', value: '' },
		description,
		modes: [
			{
				displayName: 'From List',
				name: 'list',
				type: 'list',
				placeholder: listPlaceholder,
				typeOptions: {
					searchListMethod,
					searchable: true,
				},
			},
			{
				displayName: 'By ID',
				name: 'id',
				type: 'string',
				placeholder: idPlaceholder,
			},
		],
	};
}

/**
 * "Job ID", one property for every operation on an existing job: n8n evaluates every property of
 * the node for each item, twice, so a second property of the same name would cost two more
 * expression evaluations per item. Its default maps the incoming item's job_id, as Job › Create,
 * Get Many and the trigger output it.
 */
export const jobIdLocator: INodeProperties = {
	...listOrIdLocator({
		displayName: 'Job ID',
		name: 'jobId',
		description:
			'The job to work with. By default the job_id of the incoming item; pick a job from the list or give its ID instead.',
		searchListMethod: 'searchJobs',
		listPlaceholder: 'Select a job...',
		idPlaceholder: 'e.g. b2c3d4e5-6f7a-8b9c-0d1e-2f3a4b5c6d7e',
	}),
	default: { mode: 'id', value: '={{ $json.job_id }}' },
	required: true,
};

/** "Workflow ID": a workflow of the account, searchable by name. */
export const workflowIdLocator = listOrIdLocator({
	displayName: 'Workflow',
	name: 'workflowId',
	description: 'A workflow of the account',
	searchListMethod: 'searchWorkflows',
	listPlaceholder: 'Select a workflow...',
	idPlaceholder: 'e.g. f0a1b2c3-4d5e-6f7a-8b9c-0d1e2f3a4b5c',
});

/** "Template": a workflow template of Unstructured, for on-demand jobs. */
export const templateIdLocator = listOrIdLocator({
	displayName: 'Template',
	name: 'templateId',
	description: 'A template of Unstructured that defines what the job does, e.g. hi_res_partition',
	searchListMethod: 'searchTemplates',
	listPlaceholder: 'Select a template...',
	idPlaceholder: 'e.g. hi_res_partition',
});

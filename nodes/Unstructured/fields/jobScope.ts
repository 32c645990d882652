import type { INodeProperties } from 'n8n-workflow';

import { workflowIdLocator } from './locators';

/** "Scope" and its "Workflow", for the triggers: jobs of the whole workspace, or of one workflow. */
export function jobScopeFields(workflowDescription: string): INodeProperties[] {
	return [
		{
			displayName: 'Scope',
			name: 'scope',
			type: 'options',
			default: 'workspace',
			options: [
				{
					name: 'Whole Workspace',
					value: 'workspace',
					description: "Jobs of every workflow of the API key's workspace",
				},
				{ name: 'One Workflow', value: 'workflow', description: 'Jobs of one workflow' },
			],
		},
		{
			...workflowIdLocator,
			required: true,
			description: workflowDescription,
			displayOptions: { show: { scope: ['workflow'] } },
		},
	];
}

import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { searchJobs, searchTemplates, searchWorkflows } from './methods/listSearch';
import { jobDescription } from './resources/job';
import { templateDescription } from './resources/template';
import { workflowDescription } from './resources/workflow';
import { retryOptionsField } from './shared/descriptions/retryOptions';

export class Unstructured implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Unstructured',
		name: 'unstructured',
		icon: { light: 'file:unstructured.svg', dark: 'file:unstructured.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: '={{ $parameter["operation"] + ": " + $parameter["resource"] }}',
		description: 'Run workflows and jobs of the Unstructured Platform API, wait for them and download what they produced',
		documentationUrl: 'https://github.com/n8n-nodes-unstructured/n8n-nodes-unstructured#readme',
		defaults: {
			name: 'Unstructured',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'unstructuredApi', required: true }],
		// The base URL comes from the credential's authenticate(); see UnstructuredApi.credentials.ts.
		// How each operation's request is sent: shared/request/route.ts.
		requestDefaults: {
			json: true,
			ignoreHttpStatusErrors: true,
		},
		properties: [
			{
				displayName: 'Resource',
				name: 'resource',
				type: 'options',
				noDataExpression: true,
				options: [
					{
						name: 'Job',
						value: 'job',
					},
					{
						name: 'Template',
						value: 'template',
					},
					{
						name: 'Workflow',
						value: 'workflow',
					},
				],
				default: 'job',
			},
			...jobDescription,
			...workflowDescription,
			...templateDescription,
			retryOptionsField,
		],
	};

	methods = {
		listSearch: {
			searchJobs,
			searchTemplates,
			searchWorkflows,
		},
	};
}

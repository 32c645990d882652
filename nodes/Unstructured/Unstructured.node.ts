import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { searchDestinations, searchJobs, searchSources, searchTemplates, searchWorkflows } from './methods/listSearch';
import { connectorDescription } from './resources/connector';
import { jobDescription } from './resources/job';
import { templateDescription } from './resources/template';
import { workflowDescription } from './resources/workflow';
import { retryOptionsField } from '../description/retryOptions';

export class Unstructured implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Unstructured',
		name: 'unstructured',
		icon: { light: 'file:unstructured.svg', dark: 'file:unstructured.dark.svg' },
		group: ['transform'],
		// 1.1: Job › Create asks which defines the job, a template or job nodes (see resources/job/create.ts).
		// 1.2: with Output Elements, failed files stay out of the elements (shared/descriptions/elements.ts).
		version: [1, 1.1, 1.2],
		defaultVersion: 1.2,
		// What the canvas shows under the node, e.g. "Get Many Jobs".
		subtitle:
			'={{ ({ "job:cancel": "Cancel Job", "job:create": "Create Job", "job:download": "Download Job Output", "job:get": "Get Job", "job:getAll": "Get Many Jobs", "job:getDetails": "Get Job Details", "job:getFailedFiles": "Get Failed Files of Job", "template:get": "Get Template", "template:getAll": "Get Many Templates", "workflow:get": "Get Workflow", "workflow:getAll": "Get Many Workflows", "workflow:run": "Run Workflow", "workflow:create": "Create Workflow", "workflow:update": "Update Workflow", "workflow:delete": "Delete Workflow", "source:create": "Create Source", "source:delete": "Delete Source", "source:get": "Get Source", "source:getAll": "Get Many Sources", "source:testConnection": "Test Source Connection", "source:update": "Update Source", "destination:create": "Create Destination", "destination:delete": "Delete Destination", "destination:get": "Get Destination", "destination:getAll": "Get Many Destinations", "destination:testConnection": "Test Destination Connection", "destination:update": "Update Destination" })[$parameter["resource"] + ":" + $parameter["operation"]] }}',
		description: 'Run workflows and jobs of the Unstructured Platform API, wait for them, download what they produced, and manage workflows, sources and destinations',
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
						name: 'Destination',
						value: 'destination',
					},
					{
						name: 'Job',
						value: 'job',
					},
					{
						name: 'Source',
						value: 'source',
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
			...connectorDescription('source'),
			...connectorDescription('destination'),
			retryOptionsField,
		],
	};

	methods = {
		listSearch: {
			searchDestinations,
			searchJobs,
			searchSources,
			searchTemplates,
			searchWorkflows,
		},
	};
}

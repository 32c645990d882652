import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import {
	searchDestinations,
	searchJobs,
	searchSources,
	searchTemplates,
	searchWorkflows,
} from './methods/listSearch';
import { resourceField, resourceProperties, subtitleExpression } from '../description/operations';
import { connectorResource } from './resources/connector';
import { jobResource } from './resources/job';
import { templateResource } from './resources/template';
import { workflowResource } from './resources/workflow';
import { retryOptionsField } from '../description/retryOptions';

/** The resources, in the order the Resource field lists them; each lists its operations (one file each). */
const RESOURCES = [
	connectorResource('destination'),
	jobResource,
	connectorResource('source'),
	templateResource,
	workflowResource,
];

export class Unstructured implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Unstructured',
		name: 'unstructured',
		icon: { light: 'file:unstructured.svg', dark: 'file:unstructured.dark.svg' },
		group: ['transform'],
		// 1.1: Job › Create asks which defines the job, a template or job nodes (see resources/job/create.ts).
		// 1.2: with Output Elements, failed files stay out of the elements (fields/elements.ts).
		// 1.3: Job › Create packs the files of items that share a job definition by default (job/packing.ts).
		version: [1, 1.1, 1.2, 1.3],
		defaultVersion: 1.3,
		// What the canvas shows under the node, e.g. "Get Many Jobs".
		subtitle: subtitleExpression(RESOURCES),
		description:
			'Run workflows and jobs of the Unstructured Platform API, wait for them, download what they produced, and manage workflows, sources and destinations',
		documentationUrl: 'https://github.com/n8n-nodes-unstructured/n8n-nodes-unstructured#readme',
		defaults: {
			name: 'Unstructured',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'unstructuredApi', required: true }],
		// The base URL comes from the credential's authenticate(); see UnstructuredApi.credentials.ts.
		// How each operation's request is sent: ../http/route.ts.
		requestDefaults: {
			json: true,
			ignoreHttpStatusErrors: true,
		},
		properties: [
			resourceField(RESOURCES, 'job'),
			...RESOURCES.flatMap(resourceProperties),
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

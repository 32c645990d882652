import { NodeConnectionTypes } from 'n8n-workflow';
import type { INodeType, INodeTypeDescription } from 'n8n-workflow';

import { resourceField, resourceProperties, subtitleExpression } from '../description/operations';
import { retryOptionsField } from '../description/retryOptions';
import './api/errorWords';
import { documentResource } from './resources/document';
import { jobResource } from './resources/job';
import { uploadResource } from './resources/upload';

/** The resources, in the order the Resource field lists them; each lists its operations (one file each). */
const RESOURCES = [documentResource, jobResource, uploadResource];

export class UnstructuredTransform implements INodeType {
	description: INodeTypeDescription = {
		displayName: 'Unstructured Transform',
		name: 'unstructuredTransform',
		icon: { light: 'file:unstructuredTransform.svg', dark: 'file:unstructuredTransform.dark.svg' },
		group: ['transform'],
		version: 1,
		subtitle: subtitleExpression(RESOURCES),
		description:
			'Turn one document into Markdown or elements, or extract the fields you describe as JSON, with Unstructured Transform',
		documentationUrl:
			'https://github.com/n8n-nodes-unstructured/n8n-nodes-unstructured#unstructured-transform',
		defaults: {
			name: 'Unstructured Transform',
		},
		usableAsTool: true,
		inputs: [NodeConnectionTypes.Main],
		outputs: [NodeConnectionTypes.Main],
		credentials: [{ name: 'unstructuredTransformApi', required: true }],
		// The base URL and key come from the credential's authenticate(); how each operation's request
		// is sent: ../http/route.ts, and transform/submit.ts for Parse and Extract.
		requestDefaults: {
			json: true,
			ignoreHttpStatusErrors: true,
		},
		properties: [
			resourceField(RESOURCES, 'document'),
			...RESOURCES.flatMap(resourceProperties),
			retryOptionsField,
		],
	};
}

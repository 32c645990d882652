import type { INodeProperties } from 'n8n-workflow';

import { workflowIdLocator } from '../../shared/descriptions/locators';
import { operationField, operationFields } from '../../shared/descriptions/operation';
import { workflowGet } from './get';
import { workflowGetMany } from './getAll';
import { workflowRun } from './run';

const operations = [workflowGet, workflowGetMany, workflowRun];

export const workflowDescription: INodeProperties[] = [
	operationField('workflow', 'run', operations),
	// One Workflow for every operation on an existing workflow, as Job ID is (see locators.ts).
	{
		...workflowIdLocator,
		required: true,
		description: 'The workflow to work with',
		displayOptions: { show: { resource: ['workflow'], operation: ['get', 'run'] } },
	},
	...operationFields(operations),
];

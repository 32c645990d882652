import type { INodeProperties } from 'n8n-workflow';

import { workflowIdLocator } from '../../fields/locators';
import { operationField, operationFields } from '../../../description/operations';
import { workflowCreate } from './create';
import { workflowDelete } from './delete';
import { workflowGet } from './get';
import { workflowGetMany } from './getAll';
import { workflowRun } from './run';
import { workflowUpdate } from './update';

const operations = [workflowCreate, workflowDelete, workflowGet, workflowGetMany, workflowRun, workflowUpdate];

export const workflowDescription: INodeProperties[] = [
	operationField('workflow', 'run', operations),
	// One Workflow for every operation on an existing workflow, as Job ID is (see locators.ts).
	{
		...workflowIdLocator,
		required: true,
		description: 'The workflow to work with',
		displayOptions: { show: { resource: ['workflow'], operation: ['delete', 'get', 'run', 'update'] } },
	},
	...operationFields(operations),
];

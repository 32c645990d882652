import type { Resource } from '../../../description/operations';
import { workflowIdLocator } from '../../fields/locators';
import { workflowCreate } from './create';
import { workflowDelete } from './delete';
import { workflowGet } from './get';
import { workflowGetMany } from './getAll';
import { workflowRun } from './run';
import { workflowUpdate } from './update';

export const workflowResource: Resource = {
	resource: 'workflow',
	label: 'Workflow',
	plural: 'Workflows',
	defaultOperation: 'run',
	operations: [
		workflowCreate,
		workflowDelete,
		workflowGet,
		workflowGetMany,
		workflowRun,
		workflowUpdate,
	],
	idPickers: [{ ...workflowIdLocator, required: true, description: 'The workflow to work with' }],
};

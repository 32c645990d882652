import type { Resource } from '../../../description/operations';
import { templateGet } from './get';
import { templateGetMany } from './getAll';

export const templateResource: Resource = {
	resource: 'template',
	label: 'Template',
	plural: 'Templates',
	defaultOperation: 'getAll',
	operations: [templateGet, templateGetMany],
};

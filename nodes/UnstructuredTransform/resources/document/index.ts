import type { Resource } from '../../../description/operations';
import { documentExtract } from './extract';
import { documentParse } from './parse';

export const documentResource: Resource = {
	resource: 'document',
	label: 'Document',
	plural: 'Documents',
	defaultOperation: 'parse',
	operations: [documentExtract, documentParse],
};

import type { INodeProperties } from 'n8n-workflow';

import { operationField, operationFields } from '../../../description/operations';
import { templateGet } from './get';
import { templateGetMany } from './getAll';

const operations = [templateGet, templateGetMany];

export const templateDescription: INodeProperties[] = [operationField('template', 'getAll', operations), ...operationFields(operations)];

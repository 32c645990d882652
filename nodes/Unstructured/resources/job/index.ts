import type { INodeProperties } from 'n8n-workflow';

import { jobIdLocator } from '../../fields/locators';
import { operationField, operationFields } from '../../../description/operations';
import { jobCancel } from './cancel';
import { jobCreate } from './create';
import { jobDownload } from './download';
import { jobGet } from './get';
import { jobGetMany } from './getAll';
import { jobGetDetails } from './getDetails';
import { jobGetFailedFiles } from './getFailedFiles';

const operations = [jobCancel, jobCreate, jobDownload, jobGet, jobGetDetails, jobGetFailedFiles, jobGetMany];

export const jobDescription: INodeProperties[] = [
	operationField('job', 'get', operations),
	// One Job ID for every operation on an existing job: see locators.ts for why it is not one per operation.
	{
		...jobIdLocator,
		displayOptions: { show: { resource: ['job'], operation: ['cancel', 'download', 'get', 'getDetails', 'getFailedFiles'] } },
	},
	...operationFields(operations),
];

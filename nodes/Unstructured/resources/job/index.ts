import type { Resource } from '../../../description/operations';
import { jobIdLocator } from '../../fields/locators';
import { jobCancel } from './cancel';
import { jobCreate } from './create';
import { jobDownload } from './download';
import { jobGet } from './get';
import { jobGetMany } from './getAll';
import { jobGetDetails } from './getDetails';
import { jobGetFailedFiles } from './getFailedFiles';

export const jobResource: Resource = {
	resource: 'job',
	label: 'Job',
	plural: 'Jobs',
	defaultOperation: 'get',
	operations: [
		jobCancel,
		jobCreate,
		jobDownload,
		jobGet,
		jobGetDetails,
		jobGetFailedFiles,
		jobGetMany,
	],
	idPickers: [jobIdLocator],
};

import type { Resource } from '../../../description/operations';
import { jobCancel } from './cancel';
import { jobDelete } from './delete';
import { jobGet } from './get';
import { jobGetMany } from './getAll';

export const jobResource: Resource = {
	resource: 'job',
	label: 'Job',
	plural: 'Jobs',
	defaultOperation: 'get',
	operations: [jobCancel, jobDelete, jobGet, jobGetMany],
	idPickers: [
		{
			displayName: 'Job ID',
			name: 'jobId',
			type: 'string',
			default: '={{ $json.job_id }}',
			required: true,
			description: 'A Parse or Extract job. By default the job_id of the incoming item.',
		},
	],
};

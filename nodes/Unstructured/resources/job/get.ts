import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../description/operations';
import { waitForCompletionFields } from '../../fields/waitFields';
import { jobOutput } from '../../fields/jobOutput';
import { toJobOutput } from '../../job/output';
import { jobNotFound } from '../../api/notFound';
import { jobPath } from '../../api/paths';
import { route } from '../../../http/route';

/** Job › Get's Output. */
export const jobGetOutput = jobOutput({
	default: 'outputFiles',
	choices: ['outputFiles', 'job'],
	hint: 'Output Files gives no items for a job without output files (e.g. still running, or one whose output went to a remote destination only)',
});

const fields: INodeProperties[] = [
	jobGetOutput.field(),
	...waitForCompletionFields({ waitByDefault: false }),
];

export const jobGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a job',
		description:
			'Get a job, as its output files or as the job itself, optionally waiting for it to finish',
		routing: route('GET', (id) => jobPath(id('jobId')), {
			postReceive: [toJobOutput(jobGetOutput)],
			notFound: jobNotFound,
		}),
	},
	ids: ['jobId'],
	fields,
};

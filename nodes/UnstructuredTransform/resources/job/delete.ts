import type { Operation } from '../../../description/operations';
import { route } from '../../../http/route';
import { toDeletedItem } from '../../../items/responseItems';
import { transformJobPath } from '../../api/paths';
import { jobNotFound } from '../../api/notFound';

export const jobDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete a job',
		description: 'Remove a finished job from Transform (asynchronously)',
		routing: route('DELETE', (id) => transformJobPath(id('jobId')), {
			postReceive: [toDeletedItem('job_id', 'jobId')],
			notFound: jobNotFound,
		}),
	},
	ids: ['jobId'],
};

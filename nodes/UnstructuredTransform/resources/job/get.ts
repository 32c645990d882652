import type { Operation } from '../../../description/operations';
import { route } from '../../../http/route';
import { toObjectItemWithId } from '../../../items/responseItems';
import { transformJobPath } from '../../api/paths';
import { jobNotFound } from '../../api/notFound';

export const jobGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a job',
		description:
			'Get a Parse or Extract job: its status, error, and result while Transform keeps it',
		routing: route('GET', (id) => transformJobPath(id('jobId')), {
			postReceive: [toObjectItemWithId('job_id')],
			notFound: jobNotFound,
		}),
	},
	ids: ['jobId'],
};

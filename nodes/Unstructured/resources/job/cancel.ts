import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { Operation } from '../../../description/operations';
import { jobNotFound } from '../../api/notFound';
import { jobPath } from '../../api/paths';
import { route } from '../../../http/route';
import type { SentRequest } from '../../../http/route';

/** postReceive: one item, the job ID and what the API answered (its shape is not documented). */
export async function toCancelOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
	{ ids }: SentRequest,
): Promise<INodeExecutionData[]> {
	const { body } = response;
	const answer =
		body && typeof body === 'object' && !Array.isArray(body)
			? (body as IDataObject)
			: { response: body as string };
	return [{ json: { job_id: ids.jobId, ...answer } }];
}

export const jobCancel: Operation = {
	option: {
		name: 'Cancel',
		value: 'cancel',
		action: 'Cancel a job',
		description: 'Stop a scheduled or running job',
		routing: route('POST', (id) => jobPath(id('jobId'), 'cancel'), {
			postReceive: [toCancelOutput],
			notFound: jobNotFound,
		}),
	},
	ids: ['jobId'],
};

import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { Operation } from '../../../description/operations';
import { route } from '../../../http/route';
import type { SentRequest } from '../../../http/route';
import { transformJobPath } from '../../api/paths';
import { isObject } from '../../api/types';
import { jobNotFound } from '../../api/notFound';

/** postReceive: `job_id` and the status the API answered with (it keeps changing: read it again with Get). */
async function toCancelItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
	{ ids }: SentRequest,
): Promise<INodeExecutionData[]> {
	return [
		{
			json: {
				job_id: ids.jobId,
				...(isObject(response.body) ? (response.body as IDataObject) : {}),
			},
		},
	];
}

export const jobCancel: Operation = {
	option: {
		name: 'Cancel',
		value: 'cancel',
		action: 'Cancel a job',
		description: 'Ask Transform to stop a queued or running job; a finished job stays as it is',
		routing: route('POST', (id) => transformJobPath(id('jobId'), 'cancel'), {
			postReceive: [toCancelItem],
			notFound: jobNotFound,
		}),
	},
	ids: ['jobId'],
};

import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { unexpectedBodyError } from '../../../http/errors';
import type { Operation } from '../../../description/operations';
import { jobNotFound } from '../../api/notFound';
import { jobPath } from '../../api/paths';
import { route } from '../../../http/route';
import type { SentRequest } from '../../../http/route';

/** postReceive: one item per failed file (`job_id`, `document`, `error`); none when none failed. */
export async function toFailedFileItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
	{ ids }: SentRequest,
): Promise<INodeExecutionData[]> {
	const files = (response.body as IDataObject | undefined)?.failed_files;
	if (!Array.isArray(files))
		throw unexpectedBodyError(this.getNode(), response, this.getItemIndex());
	return (files as IDataObject[]).map((file) => ({ json: { job_id: ids.jobId, ...file } }));
}

export const jobGetFailedFiles: Operation = {
	option: {
		name: 'Get Failed Files',
		value: 'getFailedFiles',
		action: 'Get the failed files of a job',
		description: 'Get the files a job could not process, with the reasons',
		routing: route('GET', (id) => jobPath(id('jobId'), 'failed-files'), {
			postReceive: [toFailedFileItems],
			notFound: jobNotFound,
		}),
	},
	ids: ['jobId'],
	subtitle: 'Get Failed Files of Job',
};

import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { unexpectedBodyError } from '../../shared/errors';
import { readIdParameter } from '../../shared/pathIds';

/** postReceive: one item per failed file (`job_id`, `document`, `error`); none when none failed. */
export async function toFailedFileItems(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	const files = (response.body as IDataObject | undefined)?.failed_files;
	if (!Array.isArray(files)) throw unexpectedBodyError(this.getNode(), response, this.getItemIndex());
	const jobId = readIdParameter(this, 'jobId');
	const pairedItem = { item: this.getItemIndex() };
	return (files as IDataObject[]).map((file) => ({ json: { job_id: jobId, ...file }, pairedItem }));
}

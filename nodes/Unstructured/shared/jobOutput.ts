import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { unexpectedBodyError } from './errors';
import type { JobInformation } from './types';

/** Fields of the job copied onto each output-file item, under these names. */
const JOB_CONTEXT_FIELDS: Array<[keyof JobInformation, string]> = [
	['id', 'job_id'],
	['workflow_id', 'workflow_id'],
	['workflow_name', 'workflow_name'],
	['status', 'status'],
	['created_at', 'created_at'],
	['runtime', 'runtime'],
	['job_type', 'job_type'],
];

/** One item per entry of `output_node_files`: the entry as sent, plus the job's context. */
export function outputFileItems(job: JobInformation): IDataObject[] {
	return (job.output_node_files ?? []).map((file) => {
		const item = { ...file } as IDataObject;
		for (const [field, name] of JOB_CONTEXT_FIELDS) {
			if (job[field] !== undefined && !(name in item)) item[name] = job[field] as IDataObject[string];
		}
		return item;
	});
}

function isJob(body: unknown): body is JobInformation {
	return body !== null && typeof body === 'object' && !Array.isArray(body) && 'id' in body;
}

/**
 * postReceive: the job answer as the `output` parameter asks, "outputFiles" (one item per output
 * file) or "job" (the job as returned). Checks the body is a job: the API has answered 202 with
 * only a `detail` message.
 */
export async function toJobOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!isJob(response.body)) throw unexpectedBodyError(this.getNode(), response, this.getItemIndex());
	const job = response.body;
	const pairedItem = { item: this.getItemIndex() };
	if (this.getNodeParameter('output', 'outputFiles') === 'job') {
		return [{ json: job as IDataObject, pairedItem }];
	}
	return outputFileItems(job).map((json) => ({ json, pairedItem }));
}

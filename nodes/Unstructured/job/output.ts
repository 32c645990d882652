import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import { unexpectedBodyError } from '../../http/errors';
import { jobPath } from '../api/paths';
import type { RetrySettings } from '../../http/retry';
import { apiRequest } from '../../http/transport';
import type { ApiContext } from '../../http/transport';
import { isJob } from '../api/types';
import type { JobInformation } from '../api/types';
import { elementItems, sentFilesOf } from './elements';
import type { SentFiles } from './elements';
import type { FailedFilesOutput } from './elements';
import { defaultFailedFilesOutput } from '../fields/elements';
import type { JobOutput } from '../fields/jobOutput';
import { JOB_WAIT_DEFAULTS, readJobWaitOptions } from '../fields/waitFields';
import type { PostReceiveFunction } from '../../http/route';
import { withContext, withJobId } from '../../items/itemContext';
import { jobFailedError, jobWaitTimeoutError } from './errors';
import { waitForJob, waitSettingsOf } from './wait';

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

/** How the triggers' job fetches are sent: within a time limit, with their own retries. */
export interface FetchLimits {
	timeout?: number;
	retry?: RetrySettings;
}

/** The job as Job › Get reads it, for the triggers that output a job or its files. */
export async function fetchJob(
	context: ApiContext,
	jobId: string,
	{ timeout, retry }: FetchLimits = {},
): Promise<JobInformation> {
	const response = await apiRequest(
		context,
		{ method: 'GET', url: jobPath(jobId), timeout },
		{ retry },
	);
	if (!isJob(response.body)) throw unexpectedBodyError(context.getNode(), response, 0);
	return response.body;
}

/** One item per entry of `output_node_files`: the entry as sent, plus the job's context. */
export function outputFileItems(job: JobInformation): IDataObject[] {
	const context: IDataObject = {};
	for (const [field, name] of JOB_CONTEXT_FIELDS) context[name] = job[field] as IDataObject[string];
	return (job.output_node_files ?? []).map((file) => withContext(file as IDataObject, context));
}

/**
 * With "Wait for Completion" on: the job once it has completed, or `asItIs` when the job as it
 * stands must be output instead (it failed and "Fail When the Job Fails" is off, or the wait ran
 * out and "On Timeout" says to output it). Throws for a failed job or a timeout otherwise.
 */
async function finishedJob(
	context: IExecuteSingleFunctions,
	job: JobInformation,
): Promise<JobInformation | { asItIs: JobInformation }> {
	const options = readJobWaitOptions(context);
	const settings = waitSettingsOf(options, JOB_WAIT_DEFAULTS);
	const wait = await waitForJob(context, job, settings);
	if (!wait.finished) {
		if (options.onTimeout === 'outputJob') return { asItIs: wait.job };
		throw jobWaitTimeoutError(context, wait, settings);
	}
	if (wait.job.status !== 'COMPLETED') {
		if (options.failWhenJobFails === false) return { asItIs: wait.job };
		throw await jobFailedError(context, wait.job);
	}
	return wait.job;
}

/**
 * The job answer as the operation's Output asks, "outputFiles" (one item per output file), "job"
 * (the job as returned, with job_id) or "elements" (its files' document elements, see
 * elements.ts), after waiting for it to finish when asked to. Checks the body is a job: the API has
 * answered 202 with only a `detail` message. For a job that packed the files of several items,
 * `sent` says which item each file came from: each output is paired with its item, and a job-wide
 * output (the job) is given to each of them.
 */
export async function jobOutputItems(
	context: IExecuteSingleFunctions,
	response: IN8nHttpFullResponse,
	output: JobOutput,
	sent?: SentFiles,
): Promise<INodeExecutionData[]> {
	if (!isJob(response.body))
		throw unexpectedBodyError(context.getNode(), response, context.getItemIndex());
	const owners = sent?.owners ? [...new Set(sent.owners)] : [context.getItemIndex()];
	const toEachItem = (json: IDataObject) =>
		owners.map((owner) => ({ json, pairedItem: { item: owner } }));
	let job = response.body;
	if (context.getNodeParameter('waitForCompletion', false) === true) {
		const finished = await finishedJob(context, job);
		if ('asItIs' in finished) return toEachItem(withJobId(finished.asItIs as JobInformation));
		job = finished;
	}
	const choice = output.read(context);
	if (choice === 'job') return toEachItem(withJobId(job));
	if (choice === 'elements') {
		const failWhenJobFails = readJobWaitOptions(context).failWhenJobFails !== false;
		const failedFiles = context.getNodeParameter(
			'failedFiles',
			defaultFailedFilesOutput(context),
		) as FailedFilesOutput;
		return await elementItems(
			context,
			job,
			failWhenJobFails,
			failedFiles,
			sent ?? sentFilesOf(context),
		);
	}
	const ownerOf = (fileId: unknown) => {
		const position = job.input_file_ids?.indexOf(String(fileId)) ?? -1;
		const index = position !== -1 ? position : (sent?.names.indexOf(String(fileId)) ?? -1);
		return sent?.owners?.[index] ?? owners[0];
	};
	return outputFileItems(job).map((json) => ({
		json,
		pairedItem: { item: ownerOf(json.file_id) },
	}));
}

/** postReceive: `jobOutputItems` of this item's own job, as the operation's Output asks. */
export function toJobOutput(output: JobOutput): PostReceiveFunction {
	return async function (
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	) {
		return await jobOutputItems(this, response, output);
	};
}

import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, JsonObject } from 'n8n-workflow';

import { jobPath } from '../api/paths';
import { sendApiRequest } from '../../http/transport';
import type { JobInformation } from '../api/types';
import type { WaitResult, WaitSettings } from './wait';

/** The errors about a job of an item: failed, stopped, with failed files, or waited for too long. */

/**
 * An error about a job of this item, carrying the job's ID and status (as `job_status`: n8n shows a
 * `status` field as the error code, and a job status is no error code).
 */
export function jobError(
	context: IExecuteSingleFunctions,
	job: JobInformation,
	message: string,
	description: string,
	itemIndex = context.getItemIndex(),
): NodeApiError {
	return new NodeApiError(
		context.getNode(),
		{ job_id: job.id, job_status: job.status } as JsonObject,
		{ message, description, itemIndex },
	);
}

/** Text as one sentence: n8n's error panel shows a description as one paragraph, so sentences, not lines. */
export function sentence(text: string): string {
	const trimmed = text.trim();
	return /[.!?]$/.test(trimmed) ? trimmed : `${trimmed}.`;
}

/** "a.pdf (File is encrypted); b.pdf (Corrupt PDF)": each failed file once, with its reason. */
export function failedFilesText(files: Array<{ document?: unknown; error?: unknown }>): string {
	return files.map((file) => `${String(file.document)} (${String(file.error)})`).join('; ');
}

export const FAIL_OPTION_ADVICE =
	'Turn off "Fail When the Job or a File Fails" under Wait Options to output the job as it ended, or, with Output Elements, the elements of the files that succeeded.';

/** The error for a wait that ran out, giving the job's last status and what to do. */
export function jobWaitTimeoutError(
	context: IExecuteSingleFunctions,
	wait: WaitResult,
	settings: WaitSettings,
): NodeApiError {
	const { job, problem } = wait;
	const lastPoll = problem ? ` (the last poll failed: ${problem})` : '';
	const seconds = (ms = 0) => Math.round(ms / 1000);
	if (wait.outOfLineTime) {
		return jobError(
			context,
			job,
			`Job "${job.id}" was still SCHEDULED after waiting ${seconds(wait.inLineMs)} s in line`,
			`Unstructured runs at most 5 on-demand jobs of an account at once; the others wait SCHEDULED, and this one never started${lastPoll}. ` +
				'It stays in line at Unstructured. Raise "Max Time Scheduled" under Wait Options, send fewer jobs at once, or look the job up later with Job › Get.',
		);
	}
	const inLine = wait.inLineMs ? ` after ${seconds(wait.inLineMs)} s in line` : '';
	return jobError(
		context,
		job,
		`Job "${job.id}" was still ${job.status} after waiting ${seconds(settings.timeoutMs)} s`,
		`The job ran for ${seconds(wait.runningMs ?? settings.timeoutMs)} s${inLine} and goes on running at Unstructured${lastPoll}. ` +
			'Raise "Timeout" under Wait Options, set "On Timeout" to output the job as it stands, ' +
			'or look the job up later with Job › Get.',
	);
}

async function fetchOptional(
	context: IExecuteSingleFunctions,
	url: string,
): Promise<IDataObject | undefined> {
	try {
		const response = await sendApiRequest(context, { method: 'GET', url });
		const { body } = response;
		return response.statusCode < 400 && body && typeof body === 'object'
			? (body as IDataObject)
			: undefined;
	} catch {
		return undefined;
	}
}

/**
 * The error for a job that ended FAILED or STOPPED, with what `/details` and `/failed-files`
 * say about it (each fetched on a best-effort basis: the job's status is the news).
 */
export async function jobFailedError(
	context: IExecuteSingleFunctions,
	job: JobInformation,
): Promise<NodeApiError> {
	const [details, failed] = await Promise.all([
		fetchOptional(context, jobPath(job.id, 'details')),
		fetchOptional(context, jobPath(job.id, 'failed-files')),
	]);
	const message =
		typeof details?.message === 'string' && details.message ? details.message : undefined;
	const failedFiles = Array.isArray(failed?.failed_files)
		? (failed.failed_files as IDataObject[])
		: [];
	const description = [
		failedFiles.length > 0 ? sentence(`Failed files: ${failedFilesText(failedFiles)}`) : '',
		FAIL_OPTION_ADVICE,
	]
		.filter(Boolean)
		.join(' ');
	return jobError(
		context,
		job,
		`Job "${job.id}" of workflow "${job.workflow_name}" ended ${job.status}${message ? `: ${message}` : ''}`,
		description,
	);
}

import { NodeApiError, NodeOperationError, sleep } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';

import { apiErrorFromResponse, itemError, transportProblem, unexpectedBodyError } from '../request/errors';
import { jobPath } from '../request/paths';
import { isTransientTransportError, retryAfterMs } from '../request/retry';
import { sendApiRequest } from '../request/transport';
import { isJob } from '../types';
import type { JobInformation } from '../types';

/** Statuses after which a job changes no more; any other status, even one unknown today, is waited on. */
export const FINISHED_JOB_STATUSES: ReadonlySet<string> = new Set(['COMPLETED', 'STOPPED', 'FAILED']);

const MAX_BACKOFF_MS = 60_000;

export interface WaitSettings {
	pollIntervalMs: number;
	timeoutMs: number;
}

type Poll = { job: JobInformation } | { retryAfterMs?: number; problem: string };

async function pollJob(context: IExecuteSingleFunctions, jobId: string): Promise<Poll> {
	let response: IN8nHttpFullResponse;
	try {
		response = await sendApiRequest(context, { method: 'GET', url: jobPath(jobId) });
	} catch (error) {
		if (context.getExecutionCancelSignal()?.aborted) {
			throw new NodeOperationError(context.getNode(), 'The execution was stopped while waiting for the job', {
				itemIndex: context.getItemIndex(),
			});
		}
		// A refused, reset or timed-out connection may pass; a TLS, DNS or proxy error will not.
		if (!isTransientTransportError(error)) throw itemError(context.getNode(), error, context.getItemIndex());
		return { problem: transportProblem(error) };
	}
	const { statusCode } = response;
	if (statusCode === 429 || statusCode >= 500) {
		return { retryAfterMs: retryAfterMs(response), problem: `the API answered ${statusCode}` };
	}
	if (statusCode >= 400) throw apiErrorFromResponse(context.getNode(), response, context.getItemIndex());
	if (!isJob(response.body)) throw unexpectedBodyError(context.getNode(), response, context.getItemIndex());
	return { job: response.body };
}

/**
 * An error about a job of this item, carrying the job's ID and status (as `job_status`: n8n shows a
 * `status` field as the error code, and a job status is no error code).
 */
export function jobError(context: IExecuteSingleFunctions, job: JobInformation, message: string, description: string): NodeApiError {
	return new NodeApiError(context.getNode(), { job_id: job.id, job_status: job.status } as JsonObject, {
		message,
		description,
		itemIndex: context.getItemIndex(),
	});
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
export function jobWaitTimeoutError(context: IExecuteSingleFunctions, wait: WaitResult, settings: WaitSettings): NodeApiError {
	const { job, problem } = wait;
	return jobError(
		context,
		job,
		`Job "${job.id}" was still ${job.status} after waiting ${Math.round(settings.timeoutMs / 1000)} s`,
		`The job goes on running at Unstructured${problem ? ` (the last poll failed: ${problem})` : ''}. ` +
			'Raise "Timeout" under Wait Options, set "On Timeout" to output the job as it stands, ' +
			'or look the job up later with Job › Get.',
	);
}

export interface WaitResult {
	job: JobInformation;
	finished: boolean;
	problem?: string;
}

/**
 * Polls the job until its status is finished, sleeping with the execution's cancel signal so that
 * stopping the execution stops the wait at once. A refused, reset or timed-out connection, 429
 * and 5xx are retried with backoff (honouring Retry-After) until the timeout; other errors (TLS,
 * DNS, a proxy's refusal, any other HTTP error) end the wait at once with their cause.
 * Returns the job as last seen, and whether it finished before the timeout.
 */
export async function waitForJob(
	context: IExecuteSingleFunctions,
	job: JobInformation,
	settings: WaitSettings,
): Promise<WaitResult> {
	const deadline = Date.now() + settings.timeoutMs;
	const signal = context.getExecutionCancelSignal();
	let current = job;
	let failures = 0;
	let problem: string | undefined;
	let delayMs = settings.pollIntervalMs;
	while (!FINISHED_JOB_STATUSES.has(current.status)) {
		const remainingMs = deadline - Date.now();
		if (remainingMs <= 0) return { job: current, finished: false, problem };
		await sleep(Math.min(delayMs, remainingMs), signal);
		const poll = await pollJob(context, current.id);
		if ('job' in poll) {
			current = poll.job;
			failures = 0;
			problem = undefined;
			delayMs = settings.pollIntervalMs;
		} else {
			failures += 1;
			problem = poll.problem;
			delayMs = poll.retryAfterMs ?? Math.min(settings.pollIntervalMs * 2 ** failures, MAX_BACKOFF_MS);
		}
	}
	return { job: current, finished: true };
}

async function fetchOptional(context: IExecuteSingleFunctions, url: string): Promise<IDataObject | undefined> {
	try {
		const response = await sendApiRequest(context, { method: 'GET', url });
		const { body } = response;
		return response.statusCode < 400 && body && typeof body === 'object' ? (body as IDataObject) : undefined;
	} catch {
		return undefined;
	}
}

/**
 * The error for a job that ended FAILED or STOPPED, with what `/details` and `/failed-files`
 * say about it (each fetched on a best-effort basis: the job's status is the news).
 */
export async function jobFailedError(context: IExecuteSingleFunctions, job: JobInformation): Promise<NodeApiError> {
	const [details, failed] = await Promise.all([
		fetchOptional(context, jobPath(job.id, 'details')),
		fetchOptional(context, jobPath(job.id, 'failed-files')),
	]);
	const message = typeof details?.message === 'string' && details.message ? details.message : undefined;
	const failedFiles = Array.isArray(failed?.failed_files) ? (failed.failed_files as IDataObject[]) : [];
	const description = [failedFiles.length > 0 ? sentence(`Failed files: ${failedFilesText(failedFiles)}`) : '', FAIL_OPTION_ADVICE].filter(Boolean).join(' ');
	return jobError(context, job, `Job "${job.id}" of workflow "${job.workflow_name}" ended ${job.status}${message ? `: ${message}` : ''}`, description);
}

import { NodeOperationError, sleep } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

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

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

/** Poll Interval and Timeout of a Wait Options collection (in seconds, at least 1), over the defaults. */
export function waitSettingsOf(options: { pollInterval?: number; timeout?: number }, defaults: { pollInterval: number; timeout: number }): WaitSettings {
	return {
		pollIntervalMs: Math.max(1, options.pollInterval ?? defaults.pollInterval) * 1000,
		timeoutMs: Math.max(1, options.timeout ?? defaults.timeout) * 1000,
	};
}

/** What is waited on: where to read it, whether an answer is one, and whether it has finished. */
export interface Watched<T> {
	url: string;
	isValid: (body: unknown) => body is T;
	isFinished: (value: T) => boolean;
	/** "the job", "the connection check": for the error when the execution is stopped. */
	what: string;
}

type Poll<T> = { value: T } | { retryAfterMs?: number; problem: string };

async function pollOnce<T>(context: IExecuteSingleFunctions, watched: Watched<T>): Promise<Poll<T>> {
	let response: IN8nHttpFullResponse;
	try {
		response = await sendApiRequest(context, { method: 'GET', url: watched.url });
	} catch (error) {
		if (context.getExecutionCancelSignal()?.aborted) {
			throw new NodeOperationError(context.getNode(), `The execution was stopped while waiting for ${watched.what}`, {
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
	if (!watched.isValid(response.body)) throw unexpectedBodyError(context.getNode(), response, context.getItemIndex());
	return { value: response.body };
}

/** The last value seen, whether it finished before the timeout, and why the last poll failed. */
export interface Waited<T> {
	value: T;
	finished: boolean;
	problem?: string;
}

/**
 * Polls until the value is finished, sleeping with the execution's cancel signal so that stopping
 * the execution stops the wait at once. A refused, reset or timed-out connection, 429 and 5xx are
 * retried with backoff (honouring Retry-After) until the timeout; other errors (TLS, DNS, a proxy's
 * refusal, any other HTTP error) end the wait at once with their cause.
 */
export async function waitUntilFinished<T>(context: IExecuteSingleFunctions, first: T, watched: Watched<T>, settings: WaitSettings): Promise<Waited<T>> {
	const deadline = Date.now() + settings.timeoutMs;
	const signal = context.getExecutionCancelSignal();
	let current = first;
	let failures = 0;
	let problem: string | undefined;
	let delayMs = settings.pollIntervalMs;
	while (!watched.isFinished(current)) {
		const remainingMs = deadline - Date.now();
		if (remainingMs <= 0) return { value: current, finished: false, problem };
		await sleep(Math.min(delayMs, remainingMs), signal);
		const poll = await pollOnce(context, watched);
		if ('value' in poll) {
			current = poll.value;
			failures = 0;
			problem = undefined;
			delayMs = settings.pollIntervalMs;
		} else {
			failures += 1;
			problem = poll.problem;
			delayMs = poll.retryAfterMs ?? Math.min(settings.pollIntervalMs * 2 ** failures, MAX_BACKOFF_MS);
		}
	}
	return { value: current, finished: true };
}

export interface WaitResult {
	job: JobInformation;
	finished: boolean;
	problem?: string;
}

/** Polls the job until its status is finished (see `waitUntilFinished`); the job as last seen. */
export async function waitForJob(context: IExecuteSingleFunctions, job: JobInformation, settings: WaitSettings): Promise<WaitResult> {
	const watched: Watched<JobInformation> = {
		url: jobPath(job.id),
		isValid: isJob,
		isFinished: (current) => FINISHED_JOB_STATUSES.has(current.status),
		what: 'the job',
	};
	const { value, finished, problem } = await waitUntilFinished(context, job, watched, settings);
	return { job: value, finished, problem };
}

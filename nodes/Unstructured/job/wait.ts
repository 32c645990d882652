import { NodeOperationError } from 'n8n-workflow';
import type { IExecuteSingleFunctions, IN8nHttpFullResponse } from 'n8n-workflow';

import {
	apiErrorFromResponse,
	itemError,
	transportProblem,
	unexpectedBodyError,
} from '../../http/errors';
import { jobPath } from '../api/paths';
import { isTransientTransportError, retryAfterMs } from '../../http/retry';
import { sendApiRequest } from '../../http/transport';
import { isJob } from '../api/types';
import type { JobInformation } from '../api/types';
import { pause } from '../../http/pause';

/** Statuses after which a job changes no more; any other status, even one unknown today, is waited on. */
export const FINISHED_JOB_STATUSES: ReadonlySet<string> = new Set([
	'COMPLETED',
	'STOPPED',
	'FAILED',
]);

const MAX_BACKOFF_MS = 60_000;

export interface WaitSettings {
	pollIntervalMs: number;
	/** How long it may run: counted from when it leaves the line (SCHEDULED), or from the start. */
	timeoutMs: number;
	/** How long it may wait in line (SCHEDULED) at most, apart from the timeout. */
	maxInLineMs?: number;
}

/** Poll Interval and Timeout of a Wait Options collection (in seconds, at least 1), over the defaults. */
export function waitSettingsOf(
	options: { pollInterval?: number; timeout?: number; maxTimeScheduled?: number },
	defaults: { pollInterval: number; timeout: number; maxTimeScheduled?: number },
): WaitSettings {
	const maxTimeScheduled = options.maxTimeScheduled ?? defaults.maxTimeScheduled;
	return {
		pollIntervalMs: Math.max(1, options.pollInterval ?? defaults.pollInterval) * 1000,
		timeoutMs: Math.max(1, options.timeout ?? defaults.timeout) * 1000,
		...(maxTimeScheduled === undefined
			? {}
			: { maxInLineMs: Math.max(1, maxTimeScheduled) * 1000 }),
	};
}

/** What is waited on: where to read it, whether an answer is one, and whether it has finished. */
export interface Watched<T> {
	url: string;
	isValid: (body: unknown) => body is T;
	isFinished: (value: T) => boolean;
	/** "the job", "the connection check": for the error when the execution is stopped. */
	what: string;
	/** Whether it is still waiting in line (a job SCHEDULED behind the account's running jobs). */
	inLine?: (value: T) => boolean;
}

type Poll<T> = { value: T } | { retryAfterMs?: number; problem: string };

async function pollOnce<T>(
	context: IExecuteSingleFunctions,
	watched: Watched<T>,
): Promise<Poll<T>> {
	let response: IN8nHttpFullResponse;
	try {
		response = await sendApiRequest(context, { method: 'GET', url: watched.url });
	} catch (error) {
		if (context.getExecutionCancelSignal()?.aborted) {
			throw new NodeOperationError(
				context.getNode(),
				`The execution was stopped while waiting for ${watched.what}`,
				{
					itemIndex: context.getItemIndex(),
				},
			);
		}
		// A refused, reset or timed-out connection may pass; a TLS, DNS or proxy error will not.
		if (!isTransientTransportError(error))
			throw itemError(context.getNode(), error, context.getItemIndex());
		return { problem: transportProblem(error) };
	}
	const { statusCode } = response;
	if (statusCode === 429 || statusCode >= 500) {
		return { retryAfterMs: retryAfterMs(response), problem: `the API answered ${statusCode}` };
	}
	if (statusCode >= 400)
		throw apiErrorFromResponse(context.getNode(), response, context.getItemIndex());
	if (!watched.isValid(response.body))
		throw unexpectedBodyError(context.getNode(), response, context.getItemIndex());
	return { value: response.body };
}

/** The last value seen, whether it finished in time, why the last poll failed, and how long it waited. */
export interface Waited<T> {
	value: T;
	finished: boolean;
	problem?: string;
	/** Not finished: whether the time in line ran out (rather than the time running). */
	outOfLineTime?: boolean;
	/** Time in line, and time running since it left the line. */
	inLineMs?: number;
	runningMs?: number;
}

/**
 * Polls until the value is finished, sleeping with the execution's cancel signal so that stopping
 * the execution stops the wait at once. A refused, reset or timed-out connection, 429 and 5xx are
 * retried with backoff (honouring Retry-After) until the timeout; other errors (TLS, DNS, a proxy's
 * refusal, any other HTTP error) end the wait at once with their cause.
 */
export async function waitUntilFinished<T>(
	context: IExecuteSingleFunctions,
	first: T,
	watched: Watched<T>,
	settings: WaitSettings,
): Promise<Waited<T>> {
	const started = Date.now();
	const inLine = (value: T) =>
		settings.maxInLineMs !== undefined && (watched.inLine?.(value) ?? false);
	// The time running counts from when it is first seen out of line; until then, the time in line.
	let leftLineAt = inLine(first) ? undefined : started;
	const signal = context.getExecutionCancelSignal();
	let current = first;
	let failures = 0;
	let problem: string | undefined;
	let delayMs = settings.pollIntervalMs;
	while (!watched.isFinished(current)) {
		const now = Date.now();
		const deadline =
			leftLineAt === undefined
				? started + (settings.maxInLineMs as number)
				: leftLineAt + settings.timeoutMs;
		const remainingMs = deadline - now;
		if (remainingMs <= 0) {
			const inLineMs = (leftLineAt ?? now) - started;
			return {
				value: current,
				finished: false,
				problem,
				outOfLineTime: leftLineAt === undefined,
				inLineMs,
				runningMs: leftLineAt === undefined ? 0 : now - leftLineAt,
			};
		}
		await pause(Math.min(delayMs, remainingMs), signal);
		const poll = await pollOnce(context, watched);
		if ('value' in poll) {
			current = poll.value;
			if (leftLineAt === undefined && !inLine(current)) leftLineAt = Date.now();
			failures = 0;
			problem = undefined;
			delayMs = settings.pollIntervalMs;
		} else {
			failures += 1;
			problem = poll.problem;
			delayMs =
				poll.retryAfterMs ?? Math.min(settings.pollIntervalMs * 2 ** failures, MAX_BACKOFF_MS);
		}
	}
	return { value: current, finished: true };
}

export type WaitResult = Omit<Waited<JobInformation>, 'value'> & { job: JobInformation };

/**
 * Polls the job until its status is finished (see `waitUntilFinished`); the job as last seen. A job
 * SCHEDULED waits in line behind the account's running on-demand jobs (at most 5 run at once,
 * docs/unstructured-api.md §3): the Timeout counts from when it leaves SCHEDULED, and the time in
 * line has its own, longer bound, so that the tail of a large batch does not time out in line.
 */
export async function waitForJob(
	context: IExecuteSingleFunctions,
	job: JobInformation,
	settings: WaitSettings,
): Promise<WaitResult> {
	const watched: Watched<JobInformation> = {
		url: jobPath(job.id),
		isValid: isJob,
		isFinished: (current) => FINISHED_JOB_STATUSES.has(current.status),
		inLine: (current) => current.status === 'SCHEDULED',
		what: 'the job',
	};
	const { value, ...rest } = await waitUntilFinished(context, job, watched, settings);
	return { job: value, ...rest };
}

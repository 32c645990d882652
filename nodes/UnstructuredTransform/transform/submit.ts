import { NodeApiError, NodeOperationError } from 'n8n-workflow';
import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	JsonObject,
} from 'n8n-workflow';

import { unexpectedBodyError } from '../../http/errors';
import { withSlot } from '../../http/limiter';
import { errorCodeOf } from '../../http/retry';
import { credentialTypeOf } from '../../http/credential';
import { apiRequest, sendApiRequest, sendChecked } from '../../http/transport';
import { normalizeTransformUrl } from '../api/baseUrl';
import { transformJobPath } from '../api/paths';
import { isObject, PENDING_STATUSES, SUCCESS_STATUSES } from '../api/types';
import type { TransformJob, TransformResult } from '../api/types';
import { readRunOptions } from '../fields/runOptions';
import type { RunOptions } from '../fields/runOptions';
import { pause } from '../../http/pause';

/**
 * How a Parse or an Extract runs (docs/unstructured-transform-api.md §3): the POST asks to wait
 * (`Prefer: wait=N`); a 200 is the result; a 202 is a job, read at its `Location` (resolved against
 * the base URL, its query kept) until it ends. At most Concurrency items of an execution run at once,
 * fewer after a rate limit (`http/limiter.ts`). A POST is sent again only when the API certainly did
 * not act (`http/retry.ts`). A job that runs past Timeout, or whose item is stopped, is cancelled
 * so that it bills no further.
 */

export interface Finished {
	result: TransformResult;
	/** The job's ID, when the answer was a job (202). */
	jobId?: string;
}

const MAX_POLL_INTERVAL_MS = 10_000;

/** `Location` (or `poll_url`) as a path of the base URL, with its query; never another host's. */
async function pollPath(context: IExecuteSingleFunctions, location: string): Promise<string> {
	const credentials = await context.getCredentials(credentialTypeOf(context));
	const base = new URL(normalizeTransformUrl(String(credentials.baseUrl ?? '')));
	const target = new URL(location, base);
	if (target.origin !== base.origin) {
		throw new NodeOperationError(
			context.getNode(),
			`Unstructured Transform asked to look for the result at another host (${target.host})`,
			{
				itemIndex: context.getItemIndex(),
				description:
					'The node sends the API key only to the Base URL of the credential, so it did not follow. Check the Base URL.',
			},
		);
	}
	return `${target.pathname}${target.search}`;
}

/** The job's ID from a 202: its body's `id`, or the last segment of a `/jobs/<id>` Location. */
function jobIdOf(body: unknown, location: string | undefined): string | undefined {
	if (isObject(body) && typeof body.id === 'string') return body.id;
	return location ? /\/jobs\/([^/?#]+)/.exec(location)?.[1] : undefined;
}

/** Cancels the job an item started, so that it bills no further; best effort, even after Stop. */
async function cancelJob(
	context: IExecuteSingleFunctions,
	jobId: string | undefined,
): Promise<string> {
	if (!jobId) return 'Its job could not be cancelled: the API gave no job ID.';
	try {
		const response = await sendApiRequest(context, {
			method: 'POST',
			url: transformJobPath(jobId, 'cancel'),
			timeout: 10_000,
			afterStop: true,
		});
		return response.statusCode < 300
			? `Its job "${jobId}" was cancelled.`
			: `Cancelling its job "${jobId}" was refused (${response.statusCode}).`;
	} catch {
		return `Its job "${jobId}" could not be cancelled: cancel it with Job › Cancel.`;
	}
}

function jobFailedError(context: IExecuteSingleFunctions, job: TransformJob): NodeApiError {
	const error = job.error;
	const text = isObject(error)
		? [error.message, error.code && `[${String(error.code)}]`].filter(Boolean).join(' ')
		: String(error ?? '');
	return new NodeApiError(
		context.getNode(),
		{ job_id: job.id ?? null, status: job.status ?? null } as JsonObject,
		{
			message: `Unstructured Transform ended the job ${job.status ?? 'without a status'}${text ? `: ${text}` : ''}`,
			description: `Job "${job.id ?? '?'}". Read it with Job › Get for the details.`,
			itemIndex: context.getItemIndex(),
		},
	);
}

/** Reads the job until it ends, within the deadline; cancels it when the deadline or Stop comes first. */
async function waitForJob(
	context: IExecuteSingleFunctions,
	path: string,
	jobId: string | undefined,
	options: RunOptions,
	deadline: number,
): Promise<Finished> {
	const signal = context.getExecutionCancelSignal();
	let interval = options.pollIntervalMs;
	for (;;) {
		if (Date.now() + interval > deadline) {
			const cancelled = await cancelJob(context, jobId);
			throw new NodeOperationError(
				context.getNode(),
				`Unstructured Transform had not finished after ${Math.round(options.timeoutMs / 1000)} s`,
				{
					itemIndex: context.getItemIndex(),
					description: `${cancelled} Raise Timeout under Options for longer documents.`,
				},
			);
		}
		try {
			await pause(interval, signal);
		} catch {
			// sleep only fails when the execution is stopped
			const cancelled = await cancelJob(context, jobId);
			throw new NodeOperationError(
				context.getNode(),
				'The execution was stopped while Unstructured Transform worked',
				{ itemIndex: context.getItemIndex(), description: cancelled },
			);
		}
		interval = Math.min(MAX_POLL_INTERVAL_MS, Math.round(interval * 1.5));
		const response = await apiRequest(context, { method: 'GET', url: path });
		const job = response.body as TransformJob;
		if (!isObject(job))
			throw unexpectedBodyError(context.getNode(), response, context.getItemIndex());
		const status = String(job.status ?? '');
		if (PENDING_STATUSES.has(status)) continue;
		if (SUCCESS_STATUSES.has(status) && isObject(job.result))
			return {
				result: { ...job.result, status: job.result.status ?? status },
				jobId: job.id ?? jobId,
			};
		throw jobFailedError(context, job);
	}
}

/**
 * Sends a Parse or Extract (`request`, its body built in `build` for each attempt) and gives its
 * result, whether it came at once or after waiting for its job.
 */
export async function submit(
	context: IExecuteSingleFunctions,
	request: IHttpRequestOptions,
	build: (options: IHttpRequestOptions) => Promise<IHttpRequestOptions>,
): Promise<Finished> {
	const options = readRunOptions(context);
	return await withSlot(context, options.concurrency, async (rateLimited) => {
		const started = Date.now();
		const response: IN8nHttpFullResponse = await sendChecked(
			context,
			{ ...request, headers: { ...request.headers, Prefer: `wait=${options.waitSeconds}` } },
			{
				prepare: build,
				onRetry: (error) => {
					const answer = (error as { response?: IN8nHttpFullResponse }).response;
					if (answer && (answer.statusCode === 429 || errorCodeOf(answer.body) === 'rate_limited'))
						rateLimited();
				},
			},
		);
		if (response.statusCode === 202) {
			const location = String(
				response.headers?.location ??
					(isObject(response.body) ? (response.body.poll_url ?? '') : ''),
			);
			const jobId = jobIdOf(response.body, location || undefined);
			const path = location
				? await pollPath(context, location)
				: jobId
					? transformJobPath(jobId)
					: undefined;
			if (!path) throw unexpectedBodyError(context.getNode(), response, context.getItemIndex());
			return await waitForJob(context, path, jobId, options, started + options.timeoutMs);
		}
		if (!isObject(response.body))
			throw unexpectedBodyError(context.getNode(), response, context.getItemIndex());
		const result = response.body as TransformResult;
		if (result.status && !SUCCESS_STATUSES.has(result.status))
			throw jobFailedError(context, result as TransformJob);
		return { result };
	});
}

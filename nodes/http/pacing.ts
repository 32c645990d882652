import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { credentialTypeOf } from './transport';
import { pause } from './pause';

/**
 * Unstructured takes one new job per second per account and answers 429 beyond it
 * (docs/unstructured-api.md §3). n8n sends every item's request at once, and several executions
 * can create jobs at the same time, so the requests that create jobs (Job › Create, Workflow › Run)
 * take turns here: one per interval per credential (an account's key), across every execution of
 * this n8n process. With several n8n processes (queue mode's workers) each paces its own; the
 * 429 retries cover the rest. A little over a second, so that network jitter cannot bring two
 * arrivals closer than the limit.
 */
const JOB_CREATION_INTERVAL_MS = 1_050;

/** A credential's line of job creations: the turn that goes last, and when the last job went. */
interface Lane {
	last: Promise<void>;
	lastSentAt: number;
}

/** One lane per credential: as many as the instance has Unstructured credentials. */
const lanes = new Map<string, Lane>();

function laneKey(context: IExecuteSingleFunctions): string {
	const credential = context.getNode().credentials?.[credentialTypeOf(context)];
	return credential?.id ?? credential?.name ?? '';
}

/** Resolves when `turn` does, or rejects as soon as the execution is stopped. */
async function untilTurn(turn: Promise<void>, signal: AbortSignal | undefined): Promise<void> {
	if (!signal) return await turn;
	if (signal.aborted) throw new Error('The execution was stopped');
	let onAbort = () => {};
	const stopped = new Promise<never>((_, reject) => {
		onAbort = () => reject(new Error('The execution was stopped'));
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		await Promise.race([turn, stopped]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/**
 * Waits for this request's turn to create a job: after every request of the same credential that
 * asked before it, and at least the interval after the last one went. Stopping the execution ends
 * the wait at once, and a stopped request gives its turn to the next without sending.
 */
export async function waitForJobCreationSlot(context: IExecuteSingleFunctions): Promise<void> {
	const key = laneKey(context);
	const lane = lanes.get(key) ?? { last: Promise.resolve(), lastSentAt: 0 };
	lanes.set(key, lane);
	const previous = lane.last;
	let done = () => {};
	lane.last = new Promise<void>((resolve) => (done = resolve));
	const signal = context.getExecutionCancelSignal();
	let went = false;
	try {
		await untilTurn(previous, signal);
		const waitMs = lane.lastSentAt + JOB_CREATION_INTERVAL_MS - Date.now();
		if (waitMs > 0) await pause(waitMs, signal);
		lane.lastSentAt = Date.now();
		went = true;
	} finally {
		// Stopped before its turn came: the next request may go once the previous one has.
		if (went) done();
		else void previous.then(done);
	}
}

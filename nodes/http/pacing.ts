import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { credentialTypeOf } from './credential';
import type { Turn } from './transport';
import { pause, untilDone } from './pause';

/**
 * Unstructured takes one new job per second per account and answers 429 beyond it
 * (docs/unstructured-api.md §3). n8n sends every item's request at once, and several executions
 * can create jobs at the same time, so the requests that create jobs (Job › Create, Workflow › Run)
 * take turns here: one per interval per credential (an account's key), across every execution of
 * this n8n process. With several n8n processes (queue mode's workers) each paces its own; the
 * 429 retries cover the rest.
 *
 * A turn has two steps. `takeJobCreationTurn` waits until every request that asked before has
 * gone: only then does the request build its body (so a batch holds one body waiting, not all of
 * them). `launch` then waits, right before the request leaves, so the time spent building a large
 * body cannot bring two launches closer:
 * - the interval since the last job went, with a margin over one second for what happens between
 *   `launch` and the API (the HTTP client's own work, a loaded CPU, the network);
 * - and a second after the last job's request was answered. The API counts a job somewhere between
 *   the end of its upload and its answer, and the next job no earlier than it leaves, so this holds
 *   however long either upload takes (large files on a loaded machine: the interval alone let two
 *   arrive 0.8 s apart when the first upload was slow and the second fast).
 */
export const JOB_CREATION_INTERVAL_MS = 1_150;
export const JOB_CREATION_AFTER_ANSWER_MS = 1_050;

/** A credential's line of job creations: the turn that goes last, when the last job went and when it was answered. */
interface Lane {
	last: Promise<void>;
	lastSentAt: number;
	lastAnswered: Promise<void>;
	lastAnsweredAt: number;
}

/** One lane per credential: as many as the instance has Unstructured credentials. */
const lanes = new Map<string, Lane>();

function laneKey(context: IExecuteSingleFunctions): string {
	const credential = context.getNode().credentials?.[credentialTypeOf(context)];
	return credential?.id ?? credential?.name ?? '';
}

/**
 * Waits until every job creation of the same credential that asked before this one has gone.
 * Stopping the execution ends the wait at once; a turn that is released without launching gives
 * its place to the next once the previous one has gone.
 */
export async function takeJobCreationTurn(context: IExecuteSingleFunctions): Promise<Turn> {
	const key = laneKey(context);
	const lane = lanes.get(key) ?? {
		last: Promise.resolve(),
		lastSentAt: 0,
		lastAnswered: Promise.resolve(),
		lastAnsweredAt: 0,
	};
	lanes.set(key, lane);
	const previous = lane.last;
	let done = () => {};
	lane.last = new Promise<void>((resolve) => (done = resolve));
	const signal = context.getExecutionCancelSignal();
	let settled = false;
	const release = () => {
		if (settled) return;
		settled = true;
		void previous.then(done);
	};
	let inTurn = false;
	try {
		await untilDone(previous, signal);
		inTurn = true;
	} finally {
		if (!inTurn) release();
	}
	let answered = () => {};
	return {
		launch: async () => {
			let launched = false;
			try {
				await untilDone(lane.lastAnswered, signal);
				const waitMs =
					Math.max(
						lane.lastSentAt + JOB_CREATION_INTERVAL_MS,
						lane.lastAnsweredAt + JOB_CREATION_AFTER_ANSWER_MS,
					) - Date.now();
				if (waitMs > 0) await pause(waitMs, signal);
				lane.lastSentAt = Date.now();
				lane.lastAnswered = new Promise<void>(
					(resolve) =>
						(answered = () => {
							lane.lastAnsweredAt = Date.now();
							resolve();
						}),
				);
				launched = true;
				settled = true;
				done();
			} finally {
				if (!launched) release();
			}
		},
		release,
		answered: () => answered(),
	};
}

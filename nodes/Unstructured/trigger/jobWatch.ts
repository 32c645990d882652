import { FINISHED_JOB_STATUSES } from '../job/wait';
import { createdMs as createdAtMs } from '../../items/newestFirst';
import type { JobInformation } from '../api/types';

/**
 * What the polling trigger keeps between polls, bounded however many jobs the account has: the
 * newest creation time seen (the watermark) with the IDs created at that very time, and the jobs
 * that were seen but were not yet in a selected status and not finished (the jobs still running).
 */
export interface WatchState {
	/** What is watched (scope and statuses); a change starts a new baseline. */
	watching?: string;
	watermarkMs?: number;
	edgeIds?: string[];
	pendingIds?: string[];
}

export interface WatchResult {
	/** The jobs to emit, oldest first. */
	emit: JobInformation[];
	next: Required<WatchState>;
}

const createdMs = (job: JobInformation) => createdAtMs(job.created_at);

/**
 * Which jobs of the list to emit: each job once, when it is first seen in a selected status
 * after the baseline, whether it was new since the last poll or was running then. The first poll
 * (or the first after `watching` changed) records the baseline and emits nothing.
 * A job first listed with a creation time older than the newest job already seen is taken as seen
 * and not emitted: that needs the API to list jobs out of creation order, which no source reports,
 * and tracking every ID instead would make the state grow with the account (see the README).
 */
export function jobsToEmit(
	state: WatchState,
	jobs: JobInformation[],
	statuses: string[],
	watching: string,
): WatchResult {
	const selected = (job: JobInformation) => statuses.includes(job.status);
	const waiting = (job: JobInformation) => !selected(job) && !FINISHED_JOB_STATUSES.has(job.status);
	// A loop, not Math.max(...jobs): spreading a list of 100,000 jobs into one call overflows the stack.
	const watermarkMs = jobs.reduce(
		(newest, job) => Math.max(newest, createdMs(job)),
		state.watching === watching ? (state.watermarkMs ?? 0) : 0,
	);
	const edgeIds = jobs.filter((job) => createdMs(job) === watermarkMs).map((job) => job.id);

	if (state.watching !== watching || state.watermarkMs === undefined) {
		return {
			emit: [],
			next: {
				watching,
				watermarkMs,
				edgeIds,
				pendingIds: jobs.filter(waiting).map((job) => job.id),
			},
		};
	}
	const oldEdge = new Set(state.edgeIds ?? []);
	const pending = new Set(state.pendingIds ?? []);
	const isNew = (job: JobInformation) =>
		createdMs(job) > (state.watermarkMs as number) ||
		(createdMs(job) === state.watermarkMs && !oldEdge.has(job.id));
	const unseenOrWaiting = jobs.filter((job) => isNew(job) || pending.has(job.id));
	const emit = unseenOrWaiting.filter(selected).sort((a, b) => createdMs(a) - createdMs(b));
	return {
		emit,
		next: {
			watching,
			watermarkMs,
			edgeIds,
			pendingIds: unseenOrWaiting.filter(waiting).map((job) => job.id),
		},
	};
}

import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { credentialTypeOf } from './credential';

/**
 * Bounded concurrency for an API that publishes no limit (Unstructured Transform): n8n starts every
 * item's request at once, so the items of one execution and credential take slots here, at most
 * `max` at a time. The limit adapts: a rate-limited answer halves it (at least 1), and each item
 * that goes through without one raises it by one again, up to `max` (additive increase,
 * multiplicative decrease, as TCP does). Items get their slot in input order.
 */
interface Lane {
	limit: number;
	active: number;
	waiting: Array<() => void>;
}

const lanes = new Map<string, Lane>();

function laneKey(context: IExecuteSingleFunctions): string {
	const credential = context.getNode().credentials?.[credentialTypeOf(context)];
	return `${context.getExecutionId()}:${credential?.id ?? credential?.name ?? ''}`;
}

function stopped(): Error {
	return new Error('The execution was stopped');
}

/** Runs `work` once a slot is free; the slot is given back when it ends, however it ends. */
export async function withSlot<T>(
	context: IExecuteSingleFunctions,
	max: number,
	work: (rateLimited: () => void) => Promise<T>,
): Promise<T> {
	const key = laneKey(context);
	const lane = lanes.get(key) ?? { limit: max, active: 0, waiting: [] };
	lanes.set(key, lane);
	const signal = context.getExecutionCancelSignal();
	if (signal?.aborted) throw stopped();
	if (lane.active < lane.limit) lane.active += 1;
	else {
		// Whoever frees a slot takes it on this item's behalf (active += 1) before waking it.
		await new Promise<void>((resolve, reject) => {
			const onAbort = () => {
				lane.waiting.splice(lane.waiting.indexOf(go), 1);
				reject(stopped());
			};
			const go = () => {
				signal?.removeEventListener('abort', onAbort);
				resolve();
			};
			signal?.addEventListener('abort', onAbort, { once: true });
			lane.waiting.push(go);
		});
	}
	let limited = false;
	try {
		return await work(() => {
			limited = true;
			lane.limit = Math.max(1, Math.floor(lane.limit / 2));
		});
	} finally {
		lane.active -= 1;
		if (!limited) lane.limit = Math.min(max, lane.limit + 1);
		while (lane.waiting.length > 0 && lane.active < lane.limit) {
			lane.active += 1;
			lane.waiting.shift()?.();
		}
		if (lane.active === 0 && lane.waiting.length === 0) lanes.delete(key);
	}
}

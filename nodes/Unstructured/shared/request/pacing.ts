import { sleep } from 'n8n-workflow';
import type { IExecuteSingleFunctions } from 'n8n-workflow';

/**
 * Unstructured takes one new job per second and answers 429 beyond it (docs: on-demand jobs
 * limits). n8n sends every item's request at once, so the requests that create jobs (Job › Create,
 * Workflow › Run) take turns here: one per interval per execution and credential. A little over a
 * second, so that network jitter cannot bring two arrivals closer than the limit.
 */
const JOB_CREATION_INTERVAL_MS = 1_050;

/** When the next job may be sent, per execution and credential. */
const nextSlotAt = new Map<string, number>();
const FORGET_AFTER_MS = 60_000;

function paceKey(context: IExecuteSingleFunctions): string {
	const credential = context.getNode().credentials?.unstructuredApi;
	return `${context.getExecutionId()}:${credential?.id ?? credential?.name ?? ''}`;
}

/** Waits for this request's turn to create a job; stopping the execution ends the wait at once. */
export async function waitForJobCreationSlot(context: IExecuteSingleFunctions): Promise<void> {
	const now = Date.now();
	for (const [key, at] of nextSlotAt) {
		if (at < now - FORGET_AFTER_MS) nextSlotAt.delete(key);
	}
	const key = paceKey(context);
	const slot = Math.max(now, nextSlotAt.get(key) ?? 0);
	nextSlotAt.set(key, slot + JOB_CREATION_INTERVAL_MS);
	if (slot > now) await sleep(slot - now, context.getExecutionCancelSignal());
}

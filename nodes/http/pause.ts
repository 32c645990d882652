import { sleep } from 'n8n-workflow';

/** Resolves as `work` does, or fails at once when `signal` aborts (the execution is stopped). */
export async function untilDone<T>(work: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
	if (!signal) return await work;
	if (signal.aborted) throw new Error('The execution was stopped');
	let onAbort = () => {};
	const stopped = new Promise<never>((_, reject) => {
		onAbort = () => reject(new Error('The execution was stopped'));
		signal.addEventListener('abort', onAbort, { once: true });
	});
	try {
		return await Promise.race([work, stopped]);
	} finally {
		signal.removeEventListener('abort', onAbort);
	}
}

/**
 * Waits `ms`, or fails at once when `signal` aborts (the execution is stopped). n8n 2.x's `sleep`
 * takes the signal itself; n8n 1.x's ignores it (its abortable one, `sleepWithAbort`, is not in 2.x),
 * so the stop is watched here for both (docs/n8n-engine.md, "n8n 1.x").
 */
export async function pause(ms: number, signal: AbortSignal | undefined): Promise<void> {
	await untilDone(sleep(ms, signal), signal);
}

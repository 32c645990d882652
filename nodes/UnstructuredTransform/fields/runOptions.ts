import type { INodeProperties } from 'n8n-workflow';

import type { ParameterContext } from '../../input/parameters';

/**
 * How a Parse or Extract runs: how long the POST asks the API to wait, how long an item may take
 * in all, how many items run at once, and how often a job is read. Defaults written once, for the
 * fields and the reader.
 */
export const RUN_DEFAULTS = {
	waitSeconds: 60,
	timeout: 600,
	concurrency: 4,
	pollInterval: 2,
} as const;

export interface RunOptions {
	waitSeconds: number;
	timeoutMs: number;
	concurrency: number;
	pollIntervalMs: number;
}

const { waitSeconds, timeout, concurrency, pollInterval } = RUN_DEFAULTS;

export const runOptionsField: INodeProperties = {
	displayName: 'Options',
	name: 'options',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	options: [
		{
			displayName: 'Concurrency',
			name: 'concurrency',
			type: 'number',
			default: concurrency,
			typeOptions: { minValue: 1, maxValue: 32 },
			description:
				'How many items run at once. Unstructured Transform publishes no limit; 4 keeps a few documents in flight without flooding the account, and the node halves it for a while after each rate limit.',
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			default: pollInterval,
			typeOptions: { minValue: 1 },
			description:
				'How long to wait before first reading a job that is still running; later reads come up to 10 s apart',
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			default: timeout,
			typeOptions: { minValue: 1 },
			description:
				"How long an item may take in all. When it runs out the item fails and its job is cancelled, so that it bills no further. Stopping the execution cancels the item's job too.",
		},
		{
			displayName: 'Wait in Request (Seconds)',
			name: 'waitSeconds',
			type: 'number',
			default: waitSeconds,
			typeOptions: { minValue: 0 },
			description:
				'Sent as Prefer: wait=N: how long the API may hold the request to answer with the result at once. After that the node reads the job until it ends.',
		},
	],
};

export function readRunOptions(context: ParameterContext): RunOptions {
	const options = (context.getNodeParameter('options', {}) ?? {}) as Partial<
		Record<keyof typeof RUN_DEFAULTS, number>
	>;
	return {
		waitSeconds: Math.max(0, Math.floor(options.waitSeconds ?? waitSeconds)),
		timeoutMs: Math.max(1, options.timeout ?? timeout) * 1000,
		concurrency: Math.max(1, Math.floor(options.concurrency ?? concurrency)),
		pollIntervalMs: Math.max(1, options.pollInterval ?? pollInterval) * 1000,
	};
}

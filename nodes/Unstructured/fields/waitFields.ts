import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

import type { ParameterContext } from '../../input/parameters';

/** The defaults of the wait options, in seconds: what the fields show and what the readers fall back to. */
export interface WaitDefaults {
	pollInterval: number;
	timeout: number;
	maxTimeScheduled?: number;
}

/** Waiting for a job. 4 hours in line: 300 one-file jobs, 5 at a time, 40 s each, wait about 40 minutes for the last. */
export const JOB_WAIT_DEFAULTS = {
	pollInterval: 10,
	timeout: 1800,
	maxTimeScheduled: 14_400,
} as const satisfies WaitDefaults;

/** Waiting for a connector's connection check. */
export const CHECK_WAIT_DEFAULTS = {
	pollInterval: 5,
	timeout: 300,
} as const satisfies WaitDefaults;

/** What the user set under Wait Options (for a job) or Check Wait Options (for a connection check). */
export interface WaitOptionsValue {
	pollInterval?: number;
	timeout?: number;
	maxTimeScheduled?: number;
	failWhenJobFails?: boolean;
	onTimeout?: string;
}

/** Wait Options of an operation that waits for a job. */
export function readJobWaitOptions(context: ParameterContext): WaitOptionsValue {
	return (context.getNodeParameter('waitOptions', {}) ?? {}) as WaitOptionsValue;
}

/**
 * "On Timeout", "Poll Interval" and "Timeout" of a Wait Options collection, for waiting on a job
 * or a connection check: what to output on timeout, and the defaults, differ.
 */
export function waitTimingOptions({
	what,
	outputValue,
	pollInterval,
	timeout,
	timeoutDescription,
}: {
	what: string;
	outputValue: string;
	pollInterval: number;
	timeout: number;
	timeoutDescription: string;
}): INodeProperties[] {
	return [
		{
			displayName: 'On Timeout',
			name: 'onTimeout',
			type: 'options',
			default: 'error',
			options: [
				{ name: 'Fail With an Error', value: 'error' },
				{
					name: `Output the ${what.charAt(0).toUpperCase()}${what.slice(1)} as It Stands`,
					value: outputValue,
				},
			],
			description: `What to do when the ${what} has not finished within the timeout`,
		},
		{
			displayName: 'Poll Interval (Seconds)',
			name: 'pollInterval',
			type: 'number',
			default: pollInterval,
			typeOptions: { minValue: 1 },
			description: `How long to wait between two reads of the ${what}`,
		},
		{
			displayName: 'Timeout (Seconds)',
			name: 'timeout',
			type: 'number',
			default: timeout,
			typeOptions: { minValue: 1 },
			description: timeoutDescription,
		},
	];
}

/** "Wait for Completion" and its options, for operations that start or read a job. */
const waitForCompletionToggle: INodeProperties = {
	displayName: 'Wait for Completion',
	name: 'waitForCompletion',
	type: 'boolean',
	default: false,
	description:
		'Whether to wait until the job is COMPLETED, FAILED or STOPPED before going on. While the job is scheduled or running, the node asks Unstructured for its status every Poll Interval.',
};

const { maxTimeScheduled } = JOB_WAIT_DEFAULTS;

export function waitForCompletionFields({
	waitByDefault,
	show = {},
}: {
	waitByDefault: boolean;
	show?: IDisplayOptions['show'];
}): INodeProperties[] {
	return [
		{ ...waitForCompletionToggle, default: waitByDefault, displayOptions: { show } },
		{
			displayName: 'Wait Options',
			name: 'waitOptions',
			type: 'collection',
			placeholder: 'Add option',
			default: {},
			displayOptions: { show: { ...show, waitForCompletion: [true] } },
			options: [
				{
					displayName: 'Fail When the Job or a File Fails',
					name: 'failWhenJobFails',
					type: 'boolean',
					default: true,
					description:
						"Whether a job that ends FAILED or STOPPED, or (with Output Elements) completes with a failed file, stops the node with Unstructured's reasons, outputting nothing for it. When off, such a job is output as it ended, and Output Elements gives the good files' elements.",
				},
				{
					displayName: 'Max Time Scheduled (Seconds)',
					name: 'maxTimeScheduled',
					type: 'number',
					default: maxTimeScheduled,
					typeOptions: { minValue: 1 },
					description:
						'How long the job may wait in line (SCHEDULED) before it starts: Unstructured runs at most 5 on-demand jobs of an account at once. The default is 4 hours. Not part of Timeout.',
				},
				...waitTimingOptions({
					what: 'job',
					outputValue: 'outputJob',
					...JOB_WAIT_DEFAULTS,
					timeoutDescription:
						'How long the job may run, counted from when it leaves SCHEDULED (the time in line has its own bound). The default is 30 minutes.',
				}),
			],
		},
	];
}

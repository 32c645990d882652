import type { IDisplayOptions, INodeProperties } from 'n8n-workflow';

/** "Wait for Completion" and its options, for operations that start or read a job. */
const waitForCompletionToggle: INodeProperties = {
	displayName: 'Wait for Completion',
	name: 'waitForCompletion',
	type: 'boolean',
	default: false,
	description:
		'Whether to wait until the job is COMPLETED, FAILED or STOPPED before going on. While the job is scheduled or running, the node asks Unstructured for its status every Poll Interval.',
};

export function waitForCompletionFields(
	show: IDisplayOptions['show'],
	{ waitByDefault }: { waitByDefault: boolean },
): INodeProperties[] {
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
						'Whether a job that ends FAILED or STOPPED, or (with Output Elements) completes with a failed file, stops the node with Unstructured\'s reasons, outputting nothing for it. When off, such a job is output as it ended, and Output Elements gives the good files\' elements.',
				},
				{
					displayName: 'Max Time Scheduled (Seconds)',
					name: 'maxTimeScheduled',
					type: 'number',
					default: 14400,
					typeOptions: { minValue: 1 },
					description:
						'How long the job may wait in line (SCHEDULED) before it starts: Unstructured runs at most 5 on-demand jobs of an account at once. The default is 4 hours. Not part of Timeout.',
				},
				{
					displayName: 'On Timeout',
					name: 'onTimeout',
					type: 'options',
					default: 'error',
					options: [
						{ name: 'Fail With an Error', value: 'error' },
						{ name: 'Output the Job as It Stands', value: 'outputJob' },
					],
					description: 'What to do when the job has not finished within the timeout',
				},
				{
					displayName: 'Poll Interval (Seconds)',
					name: 'pollInterval',
					type: 'number',
					default: 10,
					typeOptions: { minValue: 1 },
					description: 'How long to wait between two status checks',
				},
				{
					displayName: 'Timeout (Seconds)',
					name: 'timeout',
					type: 'number',
					default: 1800,
					typeOptions: { minValue: 1 },
					description: 'How long the job may run, counted from when it leaves SCHEDULED (the time in line has its own bound). The default is 30 minutes.',
				},
			],
		},
	];
}

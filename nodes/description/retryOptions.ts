import type { INodeProperties } from 'n8n-workflow';

/** "Retry Options", for every operation. The defaults are those of `DEFAULT_RETRY_SETTINGS` (http/retry.ts). */
export const retryOptionsField: INodeProperties = {
	displayName: 'Retry Options',
	name: 'retryOptions',
	type: 'collection',
	placeholder: 'Add option',
	default: {},
	description:
		'Reads are sent again after a rate limit (429), a server error (5xx) or a broken connection, waiting as Unstructured asks (Retry-After) or longer each time. Requests that start a job are sent again only when Unstructured certainly did not start it. Unlike Settings › Retry On Fail, which runs the whole node again (and creates every job again), these retry one request.',
	options: [
		{
			displayName: 'Automatic Retries',
			name: 'retry',
			type: 'boolean',
			default: true,
			description:
				'Whether to send failed requests again. When off, the first failure is the result.',
		},
		{
			displayName: 'Max Attempts',
			name: 'maxAttempts',
			type: 'number',
			default: 5,
			typeOptions: { minValue: 1, maxValue: 10 },
			description: 'How many times to send a request at most, the first time included',
		},
		{
			displayName: 'Max Retry Time (Seconds)',
			name: 'maxRetryTime',
			type: 'number',
			default: 120,
			typeOptions: { minValue: 0 },
			description: 'No retry starts later than this after the first attempt',
		},
	],
};

import type { INodePropertyOptions } from 'n8n-workflow';

/** The job statuses of the API (`JobStatus`), as options. */
export const JOB_STATUS_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Completed', value: 'COMPLETED' },
	{ name: 'Failed', value: 'FAILED' },
	{ name: 'In Progress', value: 'IN_PROGRESS' },
	{ name: 'Scheduled', value: 'SCHEDULED' },
	{ name: 'Stopped', value: 'STOPPED' },
];

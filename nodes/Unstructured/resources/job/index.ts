import type { INodeProperties } from 'n8n-workflow';

import { deferPreSendErrors } from '../../shared/deferredPreSend';
import { failOnErrorStatus } from '../../shared/errors';
import { toJobOutput } from '../../shared/jobOutput';
import { applyLimit, toListItems } from '../../shared/listOutput';
import { readIdParameter, readOptionalText } from '../../shared/pathIds';
import { jobIdLocator } from '../../shared/locators';
import { toCancelOutput } from './cancel';
import { buildCreateJobForm, jobCreateDescription } from './create';
import { jobDownloadDescription, setDownloadQuery, toDownloadOutput } from './download';
import { jobGetDescription } from './get';
import { jobGetAllDescription, setJobListQuery, sortNewestFirst } from './getAll';
import { jobGetDetailsDescription, toJobDetailsOutput } from './getDetails';
import { toFailedFileItems } from './getFailedFiles';

const failUnlessOk = failOnErrorStatus();

const failUnlessJobFound = failOnErrorStatus(
	(context) => `The Unstructured API found no job with ID "${readIdParameter(context, 'jobId')}"`,
);

const failUnlessOutputFound = failOnErrorStatus(
	(context) =>
		`The Unstructured API found no output "${readOptionalText(context, 'fileId')}" of job "${readIdParameter(context, 'jobId')}"`,
);

export const jobDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['job'] } },
		options: [
			{
				name: 'Cancel',
				value: 'cancel',
				action: 'Cancel a job',
				description: 'Stop a scheduled or running job',
				routing: {
					request: { method: 'POST', url: '/api/v1/jobs/{jobId}/cancel' },
					send: { paginate: true },
					output: { postReceive: [failUnlessJobFound, toCancelOutput] },
				},
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a job',
				description: 'Start an on-demand job on files of the item, from a template or custom nodes',
				routing: {
					request: { method: 'POST', url: '/api/v1/jobs/' },
					send: { paginate: true, preSend: [deferPreSendErrors(buildCreateJobForm)] },
					output: { postReceive: [failUnlessOk, toJobOutput] },
				},
			},
			{
				name: 'Download Output',
				value: 'download',
				action: 'Download the output of a job',
				description: 'Download what a job produced for one file, as a binary file or JSON items',
				routing: {
					request: { method: 'GET', url: '/api/v1/jobs/{jobId}/download' },
					send: { paginate: true, preSend: [deferPreSendErrors(setDownloadQuery)] },
					output: { postReceive: [failUnlessOutputFound, toDownloadOutput] },
				},
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a job',
				description: 'Get a job, as its output files or as the job itself, optionally waiting for it to finish',
				routing: {
					request: { method: 'GET', url: '/api/v1/jobs/{jobId}' },
					send: { paginate: true },
					output: { postReceive: [failUnlessJobFound, toJobOutput] },
				},
			},
			{
				name: 'Get Details',
				value: 'getDetails',
				action: 'Get the processing details of a job',
				description: 'Get how far a job is, with counters per workflow node',
				routing: {
					request: { method: 'GET', url: '/api/v1/jobs/{jobId}/details' },
					send: { paginate: true },
					output: { postReceive: [failUnlessJobFound, toJobDetailsOutput] },
				},
			},
			{
				name: 'Get Failed Files',
				value: 'getFailedFiles',
				action: 'Get the failed files of a job',
				description: 'Get the files a job could not process, with the reasons',
				routing: {
					request: { method: 'GET', url: '/api/v1/jobs/{jobId}/failed-files' },
					send: { paginate: true },
					output: { postReceive: [failUnlessJobFound, toFailedFileItems] },
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many jobs',
				description: 'List the jobs of the account, newest first',
				routing: {
					request: { method: 'GET', url: '/api/v1/jobs/' },
					send: { paginate: true, preSend: [deferPreSendErrors(setJobListQuery)] },
					output: { postReceive: [failUnlessOk, toListItems, sortNewestFirst, applyLimit] },
				},
			},
		],
		default: 'get',
	},
	{
		// One property for every operation on an existing job: n8n evaluates each property of the
		// node for every item, so copies of an expression-valued parameter cost time per copy.
		// Download Output has its own, defaulting to the incoming item's job_id.
		...jobIdLocator,
		displayOptions: { show: { resource: ['job'], operation: ['cancel', 'get', 'getDetails', 'getFailedFiles'] } },
	},
	...jobCreateDescription,
	...jobDownloadDescription,
	...jobGetDescription,
	...jobGetDetailsDescription,
	...jobGetAllDescription,
];

import type { IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { jobIdLocator } from '../../shared/descriptions/locators';
import { toJobOutput } from '../../shared/job/output';
import { applyLimit, toListItems } from '../../shared/listItems';
import { readIdParameter, readOptionalText } from '../../shared/parameters';
import { JOBS_PATH, jobPath } from '../../shared/request/paths';
import { route } from '../../shared/request/route';
import { toCancelOutput } from './cancel';
import { checkCreateJob, createJobBody, jobCreateDescription } from './create';
import { jobDownloadDescription, setDownloadQuery, toDownloadOutput } from './download';
import { jobGetDescription } from './get';
import { addJobIds, jobGetAllDescription, setJobListQuery, sortNewestFirst } from './getAll';
import { jobGetDetailsDescription, toJobDetailsOutput } from './getDetails';
import { toFailedFileItems } from './getFailedFiles';

const jobNotFound = (context: IExecuteSingleFunctions) =>
	`The Unstructured API found no job with ID "${readIdParameter(context, 'jobId')}"`;

const outputNotFound = (context: IExecuteSingleFunctions) =>
	`The Unstructured API found no output "${readOptionalText(context, 'fileId')}" of job "${readIdParameter(context, 'jobId')}"`;

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
				routing: route('POST', (id) => jobPath(id('jobId'), 'cancel'), { postReceive: [toCancelOutput], notFound: jobNotFound }),
			},
			{
				name: 'Create',
				value: 'create',
				action: 'Create a job',
				description: 'Start an on-demand job on files of the item, from a template or custom nodes',
				routing: route('POST', JOBS_PATH, { preSend: [checkCreateJob], body: createJobBody, postReceive: [toJobOutput], createsJob: true }),
			},
			{
				name: 'Download Output',
				value: 'download',
				action: 'Download the output of a job',
				description: 'Download what a job produced for one file, as a binary file or JSON items',
				routing: route('GET', (id) => jobPath(id('jobId'), 'download'), {
					preSend: [setDownloadQuery],
					postReceive: [toDownloadOutput],
					notFound: outputNotFound,
				}),
			},
			{
				name: 'Get',
				value: 'get',
				action: 'Get a job',
				description: 'Get a job, as its output files or as the job itself, optionally waiting for it to finish',
				routing: route('GET', (id) => jobPath(id('jobId')), { postReceive: [toJobOutput], notFound: jobNotFound }),
			},
			{
				name: 'Get Details',
				value: 'getDetails',
				action: 'Get the processing details of a job',
				description: 'Get how far a job is, with counters per workflow node',
				routing: route('GET', (id) => jobPath(id('jobId'), 'details'), { postReceive: [toJobDetailsOutput], notFound: jobNotFound }),
			},
			{
				name: 'Get Failed Files',
				value: 'getFailedFiles',
				action: 'Get the failed files of a job',
				description: 'Get the files a job could not process, with the reasons',
				routing: route('GET', (id) => jobPath(id('jobId'), 'failed-files'), { postReceive: [toFailedFileItems], notFound: jobNotFound }),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many jobs',
				description: 'List the jobs of the account, newest first',
				routing: route('GET', JOBS_PATH, { preSend: [setJobListQuery], postReceive: [toListItems, addJobIds, sortNewestFirst, applyLimit] }),
			},
		],
		default: 'get',
	},
	{
		...jobIdLocator,
		displayOptions: { show: { resource: ['job'], operation: ['cancel', 'download', 'get', 'getDetails', 'getFailedFiles'] } },
	},
	...jobCreateDescription,
	...jobDownloadDescription,
	...jobGetDescription,
	...jobGetDetailsDescription,
	...jobGetAllDescription,
];

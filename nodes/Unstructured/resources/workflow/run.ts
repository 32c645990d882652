import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';
import { NodeApiError } from 'n8n-workflow';

import { elementsNodeField, failedFilesFields } from '../../fields/elements';
import type { Operation } from '../../../description/operations';
import { waitForCompletionFields } from '../../fields/waitFields';
import { jobOutput } from '../../fields/jobOutput';
import { jobOutputItems } from '../../job/output';
import { workflowNotFound } from '../../api/notFound';
import { readIdParameter } from '../../../input/parameters';
import { describeErrorBody } from '../../../http/errors';
import { itemInputError } from '../../../input/errors';
import { inputBinaryFiles, inputFileParts } from '../../../input/binaryFiles';
import { multipartBody } from '../../../http/multipart';
import { workflowPath } from '../../api/paths';
import { route } from '../../../http/route';
import type { RequestBody } from '../../../http/route';
import { isJob } from '../../api/types';

/** Workflow › Run's Output, shown with waiting: without it the output is the job. */
export const workflowRunOutput = jobOutput({
	default: 'outputFiles',
	choices: ['outputFiles', 'job', 'elements'],
	notes: { elements: 'With Send Input Files' },
	whenHidden: 'job',
});

const fields: INodeProperties[] = [
	{
		displayName: 'Send Input Files',
		name: 'sendInputFiles',
		type: 'boolean',
		default: false,
		description:
			'Whether to send binary files of the item, for a workflow whose source is local input',
	},
	{
		displayName: 'Input Binary Fields',
		name: 'inputBinaryFields',
		type: 'string',
		default: '',
		displayOptions: { show: { sendInputFiles: [true] } },
		placeholder: 'e.g. data, attachment_0',
		description:
			'The binary fields of the item that hold the files, separated by commas. Empty: every binary field of the item.',
	},
	...waitForCompletionFields({ waitByDefault: true }),
	workflowRunOutput.field({ waitForCompletion: [true] }),
	elementsNodeField({ waitForCompletion: [true] }),
	...failedFilesFields({ waitForCompletion: [true] }),
];

/** preSend: with "Send Input Files", checks the item has the files, before any is read. */
export async function checkRunInput(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const sendsFiles = this.getNodeParameter('sendInputFiles', false) === true;
	if (sendsFiles) inputBinaryFiles(this);
	else if (
		this.getNodeParameter('waitForCompletion', true) === true &&
		workflowRunOutput.read(this) === 'elements'
	) {
		throw itemInputError(
			this,
			'Output "Elements" needs Send Input Files',
			"Elements are read from Unstructured for the files sent with the run; a run of the workflow's own source writes its output to the destination only. Turn on Send Input Files, or set Output to Output Files or Job.",
		);
	}
	return requestOptions;
}

/** With "Send Input Files", the body built when the run's turn has come: one `input_files` part per file. */
export async function runBody(this: IExecuteSingleFunctions): Promise<RequestBody | undefined> {
	if (this.getNodeParameter('sendInputFiles', false) !== true) return undefined;
	return await multipartBody(await inputFileParts(this));
}

/**
 * postReceive: the job the run started, as Job › Get outputs it (after waiting when asked to).
 * The API answers a run of a workflow that has a job scheduled or running with a success status and
 * only `detail`: that is no job, and the error says what to do.
 */
export async function toRunOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
): Promise<INodeExecutionData[]> {
	if (!isJob(response.body)) {
		const detail = describeErrorBody(response.body);
		throw new NodeApiError(this.getNode(), { detail } as JsonObject, {
			message: `Workflow "${readIdParameter(this, 'workflowId')}" started no job${detail ? `: ${detail}` : ''}`,
			description:
				'Unstructured runs one job per workflow at a time. Wait for the running job (Job › Get Many with this workflow and status IN_PROGRESS, then Job › Get with Wait for Completion), or stop it with Job › Cancel, and run again.',
			httpCode: String(response.statusCode),
			itemIndex: this.getItemIndex(),
		});
	}
	return await jobOutputItems(this, response, workflowRunOutput);
}

export const workflowRun: Operation = {
	option: {
		name: 'Run',
		value: 'run',
		action: 'Run a workflow',
		description:
			'Start a job of the workflow now, optionally with files, and optionally wait for it',
		routing: route('POST', (id) => workflowPath(id('workflowId'), 'run'), {
			preSend: [checkRunInput],
			body: runBody,
			postReceive: [toRunOutput],
			notFound: workflowNotFound,
			createsJob: true,
		}),
	},
	ids: ['workflowId'],
	fields,
};

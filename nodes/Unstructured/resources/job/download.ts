import { NodeApiError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	INodeProperties,
	JsonObject,
} from 'n8n-workflow';

import { asElements } from '../../job/elements';
import { withContext } from '../../../items/itemContext';
import type { Operation } from '../../../description/operations';
import { jobOutputNotFound } from '../../api/notFound';
import { jobPath } from '../../api/paths';
import { route } from '../../../http/route';
import { contentTypeOf } from '../../../http/errors';
import { itemInputError } from '../../../input/errors';
import { sendAs } from '../../../description/send';
import type { SentRequest } from '../../../http/route';

const fields: INodeProperties[] = [
	{
		displayName: 'File ID',
		name: 'fileId',
		type: 'string',
		required: true,
		default: '={{ $json.file_id }}',
		...sendAs('query', 'file_id'),
		description:
			'An output file of the job (file_id of Job › Get, Output Files) or one of its input_file_ids. By default the file_id of the incoming item.',
	},
	{
		displayName: 'Node ID',
		name: 'nodeId',
		type: 'string',
		default: '={{ $json.node_id }}',
		...sendAs('query', 'node_id'),
		description:
			'The workflow node whose output to download. Empty: the last node of the workflow. By default the node_id of the incoming item.',
	},
	{
		displayName: 'Put Output In',
		name: 'putOutputIn',
		type: 'options',
		default: 'binary',
		options: [
			{
				name: 'Binary File',
				value: 'binary',
				description: 'One item with the file as binary data, whatever its format',
			},
			{
				name: 'JSON Items',
				value: 'json',
				description:
					'For JSON output: one item per element of the list (or one item for an object)',
			},
		],
	},
	{
		displayName: 'Put Output File in Field',
		name: 'binaryPropertyName',
		type: 'string',
		default: 'data',
		required: true,
		displayOptions: { show: { putOutputIn: ['binary'] } },
		hint: 'The name of the binary field to put the file in',
	},
];

/** preSend: a File ID is needed (Node ID is not); the body is read as bytes. */
export async function checkDownload(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	if (!requestOptions.qs?.file_id) {
		throw itemInputError(
			this,
			'The parameter "File ID" is empty',
			'Give the file_id of an output file, e.g. {{ $json.file_id }} after Job › Get (Output Files).',
		);
	}
	return { ...requestOptions, encoding: 'arraybuffer' };
}

function parseJsonBody(
	context: IExecuteSingleFunctions,
	body: Buffer,
	contentType: string,
	fileId: string,
): unknown {
	try {
		return JSON.parse(body.toString('utf8'));
	} catch {
		throw new NodeApiError(context.getNode(), { content_type: contentType } as JsonObject, {
			message: `The output of file "${fileId}" is not JSON (${contentType})`,
			description: 'Set "Put Output In" to "Binary File" to download it as a file.',
			itemIndex: context.getItemIndex(),
		});
	}
}

/** postReceive: the downloaded output as a binary file, or as JSON items. */
export async function toDownloadOutput(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
	{ ids, options }: SentRequest,
): Promise<INodeExecutionData[]> {
	const body = Buffer.isBuffer(response.body)
		? response.body
		: Buffer.from(response.body as ArrayBuffer);
	const { file_id: fileId, node_id: nodeId } = options.qs as { file_id: string; node_id?: string };
	const context: IDataObject = { job_id: ids.jobId, file_id: fileId };
	if (nodeId) context.node_id = nodeId;
	const contentType = contentTypeOf(response, 'application/octet-stream');

	if (this.getNodeParameter('putOutputIn', 'binary') === 'json') {
		const parsed = parseJsonBody(this, body, contentType, String(context.file_id));
		return asElements(parsed).map((element) => ({ json: withContext(element, context) }));
	}
	const fileName = String(context.file_id).split(/[\\/]/).pop() || 'output';
	const property = this.getNodeParameter('binaryPropertyName', 'data') as string;
	const binary = await this.helpers.prepareBinaryData(body, fileName, contentType);
	return [{ json: context, binary: { [property]: binary } }];
}

export const jobDownload: Operation = {
	option: {
		name: 'Download Output',
		value: 'download',
		action: 'Download the output of a job',
		description: 'Download what a job produced for one file, as a binary file or JSON items',
		routing: route('GET', (id) => jobPath(id('jobId'), 'download'), {
			preSend: [checkDownload],
			postReceive: [toDownloadOutput],
			notFound: jobOutputNotFound,
		}),
	},
	ids: ['jobId'],
	subtitle: 'Download Job Output',
	fields,
};

import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { Operation } from '../../../description/operations';
import { contentTypeOf } from '../../../http/errors';
import { route } from '../../../http/route';
import type { SentRequest } from '../../../http/route';
import { uploadPath } from '../../api/paths';

/** preSend: the answer is read as bytes, whatever it is. */
async function readAsBytes(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	return { ...options, encoding: 'arraybuffer' };
}

/**
 * postReceive: the upload. GUESS (docs/unstructured-transform-api.md §2.3, verify live): the API
 * answers with the file's bytes or with JSON about it; JSON becomes the item, bytes its `data`.
 */
async function toUploadItem(
	this: IExecuteSingleFunctions,
	_items: INodeExecutionData[],
	response: IN8nHttpFullResponse,
	{ ids }: SentRequest,
): Promise<INodeExecutionData[]> {
	const bytes = Buffer.isBuffer(response.body)
		? response.body
		: Buffer.from(String(response.body ?? ''));
	const type = contentTypeOf(response, 'application/octet-stream');
	if (type === 'application/json') {
		try {
			return [{ json: { file_id: ids.fileId, ...JSON.parse(bytes.toString('utf8')) } }];
		} catch {
			// not JSON after all: the file itself
		}
	}
	const fileName =
		/filename="?([^";]+)"?/.exec(String(response.headers?.['content-disposition'] ?? ''))?.[1] ??
		ids.fileId;
	const binary = await this.helpers.prepareBinaryData(bytes, fileName, type);
	return [
		{
			json: { file_id: ids.fileId, mimetype: type, bytes: bytes.length },
			binary: { data: binary },
		},
	];
}

export const uploadGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get an uploaded file',
		description: 'Get an uploaded file (until it expires, 24 hours after its upload)',
		routing: route('GET', (id) => uploadPath(id('fileId')), {
			preSend: [readAsBytes],
			postReceive: [toUploadItem],
			notFound: (context) =>
				`Unstructured Transform has no upload "${String(context.getNodeParameter('fileId', ''))}": it was deleted, or expired 24 hours after its upload`,
		}),
	},
	ids: ['fileId'],
};

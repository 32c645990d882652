import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Operation } from '../../../description/operations';
import { multipartBody } from '../../../http/multipart';
import { route } from '../../../http/route';
import { filePart, namedBinaryFile } from '../../../input/binaryFiles';
import { toObjectItemWithId } from '../../../items/responseItems';
import { UPLOAD_PATH } from '../../api/paths';
import { checkTransformHost, readDocument } from '../../fields/document';

/** preSend: the binary field is there and within 50 MB, and the credential is Transform's. */
async function checkUpload(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	await checkTransformHost(this);
	await readDocument(this);
	return options;
}

export const uploadUpload: Operation = {
	option: {
		name: 'Upload',
		value: 'upload',
		action: 'Upload a file',
		description:
			'Upload a document once to parse or extract it several times; Transform keeps it 24 hours',
		routing: route('POST', UPLOAD_PATH, {
			preSend: [checkUpload],
			// One file part named `file` (docs/unstructured-transform-api.md §2.2), read when sent.
			body: async function (this: IExecuteSingleFunctions) {
				return await multipartBody([await filePart(this, namedBinaryFile(this), 'file')]);
			},
			postReceive: [toObjectItemWithId('file_id', 'file_id')],
		}),
	},
	fields: [
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			hint: 'The name of the binary field that holds the document (at most 50 MB). Uploads are kept 24 hours.',
		},
	],
};

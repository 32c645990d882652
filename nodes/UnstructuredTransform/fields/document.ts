import type { IExecuteSingleFunctions, INodeProperties, INodePropertyOptions } from 'n8n-workflow';

import { filePart, namedBinaryFile } from '../../input/binaryFiles';
import type { BinaryInput } from '../../input/binaryFiles';
import { itemInputError, megabytes } from '../../input/errors';
import { readIdParameter } from '../../input/parameters';
import { isPipelinesUrl } from '../api/baseUrl';

/** Transform takes at most 50 MB per document (docs/unstructured-transform-api.md §6.1; the exact byte boundary is not published). */
export const MAX_DOCUMENT_BYTES = 50 * 1024 * 1024;

export type DocumentSource = 'binary' | 'fileId' | 'parseId';

const SOURCES: Record<DocumentSource, INodePropertyOptions> = {
	binary: {
		name: 'Binary File',
		value: 'binary',
		description: 'A file of the item, e.g. from Read/Write Files, an e-mail or a form',
	},
	fileId: {
		name: 'Uploaded File ID',
		value: 'fileId',
		description: 'A file uploaded with Upload › Upload (kept 24 hours)',
	},
	parseId: {
		name: 'Parse ID',
		value: 'parseId',
		description: 'An earlier Parse of the document: it is not parsed again',
	},
};

/** "Document" (where it comes from) and the field of each source. */
export function documentFields(sources: DocumentSource[]): INodeProperties[] {
	const fields: INodeProperties[] = [
		{
			displayName: 'Document',
			name: 'source',
			type: 'options',
			default: 'binary',
			options: sources.map((source) => SOURCES[source]),
		},
		{
			displayName: 'Input Binary Field',
			name: 'binaryPropertyName',
			type: 'string',
			default: 'data',
			required: true,
			displayOptions: { show: { source: ['binary'] } },
			hint: 'The name of the binary field that holds the document (at most 50 MB)',
		},
		{
			displayName: 'File ID',
			name: 'fileId',
			type: 'string',
			default: '={{ $json.file_id }}',
			required: true,
			displayOptions: { show: { source: ['fileId'] } },
			description: 'The file_id Upload › Upload gave. Uploads are kept 24 hours.',
		},
	];
	if (sources.includes('parseId')) {
		fields.push({
			displayName: 'Parse ID',
			name: 'parseId',
			type: 'string',
			default: '={{ $json.parse_id }}',
			required: true,
			displayOptions: { show: { source: ['parseId'] } },
			description:
				'The parse_id of an earlier Parse (Document › Parse outputs it): the document is not parsed again',
		});
	}
	return fields;
}

/** The item's document: its binary file (checked: present, at most 50 MB), or the ID it names. */
export type ChosenDocument =
	{ source: 'binary'; input: BinaryInput } | { source: 'fileId' | 'parseId'; id: string };

export async function readDocument(context: IExecuteSingleFunctions): Promise<ChosenDocument> {
	const source = context.getNodeParameter('source', 'binary') as DocumentSource;
	if (source === 'fileId' || source === 'parseId')
		return { source, id: readIdParameter(context, source) };
	const input = namedBinaryFile(context);
	const { size, fileName } = await filePart(context, input, 'input');
	if (size > MAX_DOCUMENT_BYTES) {
		throw itemInputError(
			context,
			`The document "${fileName}" is ${megabytes(size)}, over Unstructured Transform's 50 MB`,
			'Split or compress it before sending it.',
		);
	}
	return { source, input };
}

/** Fails before any request when the credential points at Unstructured Pipelines. */
export async function checkTransformHost(context: IExecuteSingleFunctions): Promise<void> {
	const credentials = await context.getCredentials('unstructuredTransformApi');
	if (isPipelinesUrl(String(credentials.baseUrl ?? ''))) {
		throw itemInputError(
			context,
			'The Unstructured Transform credential points at Unstructured Pipelines',
			'Pipelines (platform.unstructuredapp.io, /api/v1) is another API with other keys: use the Unstructured node for it, or set the Base URL to https://transform.unstructured.io.',
		);
	}
}

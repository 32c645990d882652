import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import type { Operation } from '../../../description/operations';
import { multipartBody } from '../../../http/multipart';
import { route, withBody } from '../../../http/route';
import { filePart } from '../../../input/binaryFiles';
import { EXTRACT_PATH } from '../../api/paths';
import { checkTransformHost, documentFields, readDocument } from '../../fields/document';
import { runOptionsField } from '../../fields/runOptions';
import { readSchema, schemaFields } from '../../fields/schema';
import { extractedItems } from '../../transform/items';
import { submit } from '../../transform/submit';

const fields: INodeProperties[] = [
	...documentFields(['binary', 'fileId', 'parseId']),
	...schemaFields,
	{
		displayName: 'Instructions',
		name: 'prompt',
		type: 'string',
		typeOptions: { rows: 2 },
		default: '',
		placeholder: 'e.g. Dates as YYYY-MM-DD; amounts without currency signs',
		description: 'Optional: how to fill the fields. The schema still decides what comes back.',
	},
	{
		...runOptionsField,
		options: [
			...(runOptionsField.options as INodeProperties[]),
			{
				displayName: 'Include Extraction Metadata',
				name: 'includeMetadata',
				type: 'boolean',
				default: true,
				description:
					'Whether each item keeps, under "extraction", the extract ID, status, warnings, citations (field_metadata) and source; off: only the extracted fields',
			},
		],
	},
];

/**
 * The item's Extract, its credential, document and schema checked before anything is sent: from a document (multipart, the schema as a JSON string) or from an earlier
 * Parse (JSON, the schema as an object), as the API takes them (docs/unstructured-transform-api.md §2.6).
 */
async function runExtract(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<INodeExecutionData[]> {
	await checkTransformHost(this);
	const document = await readDocument(this);
	const schema = readSchema(this);
	const prompt = String(this.getNodeParameter('prompt', '') ?? '').trim();
	const withMetadata =
		(this.getNodeParameter('options', {}) as { includeMetadata?: boolean }).includeMetadata !==
		false;
	const request: IHttpRequestOptions = { ...options, method: 'POST', url: EXTRACT_PATH };
	const finished = await submit(this, request, async (unprepared) => {
		if (document.source === 'parseId') {
			// GUESS (§2.6, verify live): `prompt` in the JSON body as in the multipart one.
			return {
				...unprepared,
				body: { parse_id: document.id, schema, ...(prompt ? { prompt } : {}) },
			};
		}
		const source =
			document.source === 'binary'
				? await filePart(this, document.input, 'input')
				: { name: 'file_id', text: document.id };
		const parts = [
			source,
			{ name: 'schema', text: JSON.stringify(schema) },
			...(prompt ? [{ name: 'prompt', text: prompt }] : []),
		];
		return withBody(unprepared, await multipartBody(parts));
	});
	return extractedItems(
		finished,
		document.source === 'parseId' ? document.id : undefined,
		withMetadata,
	);
}

export const documentExtract: Operation = {
	option: {
		name: 'Extract',
		value: 'extract',
		action: 'Extract fields from a document',
		description:
			'Get the fields you describe from a document (or an earlier Parse) as JSON, one item per record',
		routing: route('POST', EXTRACT_PATH, { takeOver: runExtract }),
	},
	fields,
};

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
import { readJsonParameter } from '../../../input/parameters';
import { PARSE_PATH } from '../../api/paths';
import { checkTransformHost, documentFields, readDocument } from '../../fields/document';
import { runOptionsField } from '../../fields/runOptions';
import { strictSchema } from '../../fields/schema';
import { elementItems, markdownItem } from '../../transform/items';
import { submit } from '../../transform/submit';

/** `include` values: elements output only (docs/unstructured-transform-api.md §2.5). */
const INCLUDES: Array<[string, string]> = [
	['includeCoordinates', 'coordinates'],
	['includeTableHtml', 'table_html'],
];

const fields: INodeProperties[] = [
	...documentFields(['binary', 'fileId']),
	{
		displayName: 'Output',
		name: 'output',
		type: 'options',
		default: 'markdown',
		options: [
			{
				name: 'Markdown',
				value: 'markdown',
				description: 'One item per document: its Markdown, parse ID, pages and source',
			},
			{
				name: 'Elements',
				value: 'elements',
				description: 'One item per element (text, type, metadata), ready for a vector store',
			},
		],
	},
	{
		displayName: 'Element Items',
		name: 'elementItems',
		type: 'options',
		default: 'perElement',
		displayOptions: { show: { output: ['elements'] } },
		options: [
			{ name: 'One per Element', value: 'perElement' },
			{
				name: 'One per Document',
				value: 'perDocument',
				description: 'The elements as a list on one item',
			},
		],
	},
	{
		displayName: 'Include Coordinates',
		name: 'includeCoordinates',
		type: 'boolean',
		default: false,
		displayOptions: { show: { output: ['elements'] } },
		description:
			"Whether to ask for each element's position on its page (not given for every element)",
	},
	{
		displayName: 'Include Table HTML',
		name: 'includeTableHtml',
		type: 'boolean',
		default: false,
		displayOptions: { show: { output: ['elements'] } },
		description: 'Whether to ask for tables as HTML too (not given for every table)',
	},
	{
		displayName: 'Profile',
		name: 'profile',
		type: 'string',
		default: '',
		placeholder: 'e.g. balanced',
		description: 'How Transform parses; empty: its default (balanced)',
	},
	{
		displayName: 'Extraction Schema (JSON)',
		name: 'parseSchema',
		type: 'json',
		default: '',
		description:
			'Optional: also extract fields fitting this JSON Schema in the same call (the document is parsed once); they come as extracted_data. For a field list, use Document › Extract.',
	},
	runOptionsField,
];

/**
 * The item's Parse: its credential, document and schema checked before anything is sent, then
 * sent in its turn, waited for, its result as items.
 */
async function runParse(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<INodeExecutionData[]> {
	await checkTransformHost(this);
	const document = await readDocument(this);
	const output = this.getNodeParameter('output', 'markdown') as string;
	const include =
		output === 'elements'
			? INCLUDES.filter(([name]) => this.getNodeParameter(name, false) === true).map(
					([, value]) => value,
				)
			: [];
	const profile = String(this.getNodeParameter('profile', '') ?? '').trim();
	const schema = readJsonParameter(this, 'parseSchema', 'Extraction Schema (JSON)');
	const texts: Array<{ name: string; text: string }> = [
		...(document.source === 'fileId' ? [{ name: 'file_id', text: document.id }] : []),
		{ name: 'output', text: output },
		...(profile ? [{ name: 'profile', text: profile }] : []),
		...(schema ? [{ name: 'schema', text: JSON.stringify(strictSchema(schema)) }] : []),
	];
	// GUESS (docs/unstructured-transform-api.md §2.5, verify live): several `include` values as repeated keys.
	const request: IHttpRequestOptions = {
		...options,
		method: 'POST',
		url: PARSE_PATH,
		qs: include.length > 0 ? { include } : {},
		arrayFormat: 'repeat',
	};
	const finished = await submit(this, request, async (unprepared) => {
		const parts =
			document.source === 'binary' ? [await filePart(this, document.input, 'input')] : [];
		return withBody(unprepared, await multipartBody([...parts, ...texts]));
	});
	if (output === 'elements')
		return elementItems(
			finished,
			this.getNodeParameter('elementItems', 'perElement') === 'perElement',
		);
	return [markdownItem(finished)];
}

export const documentParse: Operation = {
	option: {
		name: 'Parse',
		value: 'parse',
		action: 'Parse a document',
		description:
			'Turn a document into Markdown or elements, optionally extracting fields at the same time',
		routing: route('POST', PARSE_PATH, { takeOver: runParse }),
	},
	fields,
};

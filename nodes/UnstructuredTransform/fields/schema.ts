import type { IDataObject, IExecuteSingleFunctions, INodeProperties } from 'n8n-workflow';

import { itemInputError } from '../../input/errors';
import { parseJsonText, readJsonParameter } from '../../input/parameters';

/**
 * Extract's schema, given the three ways n8n's own Information Extractor offers
 * (`@n8n/nodes-langchain`, chains/InformationExtractor, "Schema Type"): a list of fields for users
 * who never wrote JSON Schema, generated from a JSON example, or as JSON Schema. Whichever way, the
 * schema sent lists every property of every object in `required` and sets `additionalProperties`
 * to false, as Transform asks (docs/unstructured-transform-api.md §5.1); a field that is not
 * required may be null instead.
 */

const FIELD_TYPES = [
	{ name: 'Text', value: 'string' },
	{ name: 'Number', value: 'number' },
	{ name: 'Whole Number', value: 'integer' },
	{ name: 'True or False', value: 'boolean' },
	{ name: 'Date', value: 'date', description: 'Text as YYYY-MM-DD' },
	{ name: 'List of Texts', value: 'stringList' },
	{ name: 'List of Numbers', value: 'numberList' },
	{ name: 'List of Objects', value: 'objectList', description: 'Each like the JSON example given' },
	{ name: 'Object', value: 'object', description: 'Like the JSON example given' },
];

const EXAMPLE = `{
  "invoice_number": "INV-1001",
  "total": 120.5,
  "line_items": [{ "description": "Paper", "amount": 20.5 }]
}`;

export const schemaFields: INodeProperties[] = [
	{
		displayName: 'Schema Type',
		name: 'schemaType',
		type: 'options',
		default: 'fields',
		options: [
			{
				name: 'Define Below',
				value: 'fields',
				description: 'A list of fields, each with a name, type and description',
			},
			{
				name: 'Generate From JSON Example',
				value: 'example',
				description: 'An example of what one record looks like',
			},
			{ name: 'JSON Schema', value: 'jsonSchema', description: 'A JSON Schema of one record' },
		],
	},
	{
		displayName: 'Fields',
		name: 'schemaFields',
		type: 'fixedCollection',
		typeOptions: { multipleValues: true },
		placeholder: 'Add Field',
		default: {},
		displayOptions: { show: { schemaType: ['fields'] } },
		options: [
			{
				displayName: 'Field',
				name: 'field',
				values: [
					{
						displayName: 'Description',
						name: 'description',
						type: 'string',
						default: '',
						placeholder: 'e.g. The number printed at the top right',
						description: 'What to put there: it helps the extraction',
					},
					{
						displayName: 'Example (JSON)',
						name: 'example',
						type: 'json',
						default: '{ "description": "Paper", "amount": 20.5 }',
						displayOptions: { show: { type: ['object', 'objectList'] } },
						description: 'What one object looks like: its keys and example values',
					},
					{
						displayName: 'Name',
						name: 'name',
						type: 'string',
						default: '',
						placeholder: 'e.g. invoice_number',
						description: 'The key the value comes under',
					},
					{
						displayName: 'Required',
						name: 'required',
						type: 'boolean',
						default: true,
						description: 'Whether the field must have a value; when off it may be null',
					},
					{
						displayName: 'Type',
						name: 'type',
						type: 'options',
						default: 'string',
						options: FIELD_TYPES,
					},
				],
			},
		],
	},
	{
		displayName: 'JSON Example',
		name: 'schemaExample',
		type: 'json',
		default: EXAMPLE,
		displayOptions: { show: { schemaType: ['example'] } },
		description:
			'One record as you want it: the schema is made from its keys and the types of its values',
	},
	{
		displayName: 'JSON Schema',
		name: 'jsonSchema',
		type: 'json',
		default:
			'{\n  "type": "object",\n  "properties": {\n    "invoice_number": { "type": "string" }\n  }\n}',
		displayOptions: { show: { schemaType: ['jsonSchema'] } },
		description: 'A JSON Schema of one record (an object)',
	},
];

/** JSON Schema for a value like `example`. */
export function schemaFromExample(example: unknown): IDataObject {
	if (Array.isArray(example))
		return { type: 'array', items: example.length > 0 ? schemaFromExample(example[0]) : {} };
	if (example === null) return { type: 'null' };
	if (typeof example === 'object') {
		const properties: IDataObject = {};
		for (const [key, value] of Object.entries(example as IDataObject))
			properties[key] = schemaFromExample(value);
		return { type: 'object', properties };
	}
	if (typeof example === 'number')
		return { type: Number.isInteger(example) ? 'integer' : 'number' };
	if (typeof example === 'boolean') return { type: 'boolean' };
	return { type: 'string' };
}

/** Every object with all its properties in `required` and `additionalProperties: false`, at every depth. */
export function strictSchema(schema: unknown): unknown {
	if (Array.isArray(schema)) return schema.map(strictSchema);
	if (!schema || typeof schema !== 'object') return schema;
	const copy: IDataObject = {};
	for (const [key, value] of Object.entries(schema as IDataObject))
		copy[key] = key === 'properties' ? value : (strictSchema(value) as IDataObject[string]);
	if (copy.properties && typeof copy.properties === 'object') {
		const properties: IDataObject = {};
		for (const [key, value] of Object.entries(copy.properties as IDataObject))
			properties[key] = strictSchema(value) as IDataObject[string];
		copy.properties = properties;
		copy.required = Object.keys(properties);
		copy.additionalProperties = false;
	}
	return copy;
}

interface FieldValue {
	name?: string;
	type?: string;
	example?: unknown;
	description?: string;
	required?: boolean;
}

function fieldSchema(
	context: IExecuteSingleFunctions,
	field: FieldValue,
	index: number,
): IDataObject {
	const parseExample = () =>
		typeof field.example === 'string'
			? parseJsonText(context, field.example, `The example of field "${field.name}"`)
			: field.example;
	const byType: Record<string, () => IDataObject> = {
		string: () => ({ type: 'string' }),
		number: () => ({ type: 'number' }),
		integer: () => ({ type: 'integer' }),
		boolean: () => ({ type: 'boolean' }),
		date: () => ({ type: 'string', format: 'date' }),
		stringList: () => ({ type: 'array', items: { type: 'string' } }),
		numberList: () => ({ type: 'array', items: { type: 'number' } }),
		object: () => schemaFromExample(parseExample()),
		objectList: () => ({ type: 'array', items: schemaFromExample(parseExample()) }),
	};
	const make = byType[field.type ?? 'string'];
	if (!make)
		throw itemInputError(
			context,
			`Field ${index + 1} has an unknown type "${field.type}"`,
			'Pick one of the listed types.',
		);
	const schema = make();
	if (field.required === false) schema.type = [schema.type as string, 'null'];
	if (field.description?.trim()) schema.description = field.description.trim();
	return schema;
}

/** The schema of the item's Extract, made strict, or an error naming what is wrong, before any request. */
export function readSchema(context: IExecuteSingleFunctions): IDataObject {
	const schemaType = context.getNodeParameter('schemaType', 'fields') as string;
	let schema: IDataObject;
	if (schemaType === 'fields') {
		const fields = (
			(context.getNodeParameter('schemaFields', {}) as { field?: FieldValue[] }).field ?? []
		).filter((field) => field.name?.trim());
		if (fields.length === 0)
			throw itemInputError(
				context,
				'The field list is empty',
				'Add at least one field under Fields, with a name and a type.',
			);
		const properties: IDataObject = {};
		fields.forEach(
			(field, index) =>
				(properties[String(field.name).trim()] = fieldSchema(context, field, index)),
		);
		schema = { type: 'object', properties };
	} else if (schemaType === 'example') {
		const example = readJsonParameter(context, 'schemaExample', 'JSON Example');
		if (!example || Object.keys(example).length === 0)
			throw itemInputError(
				context,
				'The parameter "JSON Example" is empty',
				'Give one record as JSON, e.g. {"invoice_number": "INV-1001", "total": 120.5}.',
			);
		schema = schemaFromExample(example);
	} else {
		const given = readJsonParameter(context, 'jsonSchema', 'JSON Schema') as
			IDataObject | undefined;
		if (!given || Object.keys(given).length === 0)
			throw itemInputError(
				context,
				'The parameter "JSON Schema" is empty',
				'Give a JSON Schema of one record, e.g. {"type": "object", "properties": {"invoice_number": {"type": "string"}}}.',
			);
		schema = given;
	}
	return strictSchema(schema) as IDataObject;
}

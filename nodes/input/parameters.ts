import { NodeOperationError } from 'n8n-workflow';
import type { IDataObject, IExecuteSingleFunctions } from 'n8n-workflow';
import type { IGetNodeParameterOptions, INode } from 'n8n-workflow';

import { isPathSegment } from './pathSegment';

/** What reading a parameter needs: an item's context, or a trigger's (which has no item). */
export interface ParameterContext {
	getNode(): INode;
	getNodeParameter(
		name: string,
		fallbackValue?: unknown,
		options?: IGetNodeParameterOptions,
	): unknown;
	getItemIndex?(): number;
}

/** ID parameters by the names users see. */
const ID_LABELS: Record<string, string> = {
	jobId: 'Job ID',
	workflowId: 'Workflow',
	templateId: 'Template',
	sourceId: 'Source',
	destinationId: 'Destination',
	fileId: 'File ID',
	parseId: 'Parse ID',
};

/** The trimmed text of an optional parameter (an ID sent in a query or a body), '' when empty. */
export function readOptionalText(context: ParameterContext, name: string): string {
	const raw = context.getNodeParameter(name, '', { extractValue: true });
	return typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
}

/**
 * The trimmed text of an optional parameter or picker as it is stored (a picker's as `{ mode,
 * value }`), `undefined` when empty. Unlike `readOptionalText` it does not go through n8n's value
 * extraction, which looks the property up among those shown and finds none inside a collection.
 */
export function readStoredText(context: ParameterContext, name: string): string | undefined {
	const raw = context.getNodeParameter(name, '') as unknown;
	const value =
		raw && typeof raw === 'object' && 'value' in raw ? (raw as { value: unknown }).value : raw;
	return typeof value === 'string' || typeof value === 'number'
		? String(value).trim() || undefined
		: undefined;
}

/** The trimmed value of an ID parameter, or an error naming the field when it cannot be sent. */
export function readIdParameter(context: ParameterContext, name: string): string {
	const label = ID_LABELS[name] ?? name;
	const id = readOptionalText(context, name);
	const itemIndex = context.getItemIndex?.();
	if (id === '') {
		throw new NodeOperationError(context.getNode(), `The parameter "${label}" is empty`, {
			itemIndex,
			description: `Give the ${label} directly, pick it from the list, or map it from an earlier node, e.g. {{ $json.job_id }}.`,
		});
	}
	if (!isPathSegment(id)) {
		throw new NodeOperationError(
			context.getNode(),
			`The parameter "${label}" is not a valid ID: "${id.replace(/[\u0000-\u001f\u007f]/g, '?')}"`,
			{
				itemIndex,
				description: `An ${label} cannot be "." or ".." and cannot hold control characters.`,
			},
		);
	}
	return id;
}

/**
 * `text` parsed as JSON, or an error "<subject> is not valid JSON" that gives only the position,
 * never the parser's message: that quotes the text, and a connector's configuration holds secrets.
 */
export function parseJsonText(context: ParameterContext, text: string, subject: string): unknown {
	try {
		return JSON.parse(text);
	} catch (error) {
		const position = /position (\d+)/.exec(String((error as Error).message))?.[1];
		throw new NodeOperationError(context.getNode(), `${subject} is not valid JSON`, {
			itemIndex: context.getItemIndex?.(),
			description: position
				? `The JSON breaks at character ${position}.`
				: 'Check the quotes, commas and braces.',
		});
	}
}

/**
 * A JSON parameter (an object, or a list with `list: true`), `undefined` when left empty. A parse
 * error gives only the position, never the parser's message: that quotes the text, and a
 * connector's configuration holds secrets.
 */
export function readJsonParameter(
	context: ParameterContext,
	name: string,
	label: string,
	{ list = false, nonEmpty = false } = {},
): IDataObject | IDataObject[] | undefined {
	const raw = context.getNodeParameter(name, '') as unknown;
	let value: unknown = raw;
	const itemIndex = context.getItemIndex?.();
	if (typeof raw === 'string') {
		if (raw.trim() === '') return undefined;
		value = parseJsonText(context, raw, `The parameter "${label}"`);
	}
	const isList = Array.isArray(value);
	const isEmpty = isList
		? (value as unknown[]).length === 0
		: value !== null && typeof value === 'object' && Object.keys(value).length === 0;
	if (value === null || typeof value !== 'object' || isList !== list || (nonEmpty && isEmpty)) {
		throw new NodeOperationError(
			context.getNode(),
			`The parameter "${label}" must be a ${nonEmpty ? 'non-empty ' : ''}JSON ${list ? 'list' : 'object'}`,
			{
				itemIndex,
				description: list
					? 'e.g. [{"name": "Partitioner", "type": "partition", "subtype": "unstructured_api"}]'
					: 'e.g. {"remote_url": "s3://bucket/folder/"}',
			},
		);
	}
	return value as IDataObject | IDataObject[];
}

/**
 * The node's parameters as they are for another input item: every expression (a text starting with
 * "=") evaluated for item `itemIndex`, the rest as saved. For a decision across items (which items
 * share a job), where n8n gives each item a context of its own only. An expression that fails for
 * the item gives `undefined`: such an item is taken for no other.
 */
export function parametersForItem(
	context: IExecuteSingleFunctions,
	itemIndex: number,
): IDataObject | undefined {
	const resolve = (value: unknown): unknown => {
		if (typeof value === 'string')
			return value.startsWith('=') ? context.evaluateExpression(value, itemIndex) : value;
		if (Array.isArray(value)) return value.map(resolve);
		if (value !== null && typeof value === 'object')
			return Object.fromEntries(Object.entries(value).map(([key, inner]) => [key, resolve(inner)]));
		return value;
	};
	try {
		return resolve(context.getNode().parameters) as IDataObject;
	} catch {
		return undefined;
	}
}

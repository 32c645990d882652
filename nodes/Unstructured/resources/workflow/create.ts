import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeProperties,
	INodePropertyOptions,
} from 'n8n-workflow';

import { CONNECTOR_KINDS, connectorLocator } from '../../fields/connectors';
import { templateIdLocator } from '../../fields/locators';
import {
	EXAMPLE_PROCESSING_NODES,
	PROCESSING_NODES_DESCRIPTION,
} from '../../fields/processingNodes';
import type { Operation } from '../../../description/operations';
import { readJsonParameter, readStoredText } from '../../../input/parameters';
import { itemInputError } from '../../../input/errors';
import { sendAs } from '../../../description/send';
import { WORKFLOWS_PATH } from '../../api/paths';
import { route } from '../../../http/route';
import { toObjectItemWithId } from '../../../items/responseItems';

/**
 * What a workflow is made of, for Create (top-level fields) and Update (fields of "Update Fields"),
 * and how each is sent in `CreateWorkflow` / `UpdateWorkflow` (docs/unstructured-api.md §5).
 */

/** The SDK lists basic, advanced, platinum and custom; the docs call the first three non-operational and name custom with template or auto. */
export const WORKFLOW_TYPE_OPTIONS: INodePropertyOptions[] = [
	{ name: 'Auto', value: 'auto', description: 'Unstructured picks the processing (the 2026 docs)' },
	{ name: 'Custom', value: 'custom', description: 'The nodes given in Workflow Nodes (JSON)' },
	{
		name: 'Other (by Value)',
		value: 'other',
		description: 'A type Unstructured names that is not in the list',
	},
	{ name: 'Template', value: 'template', description: 'The nodes of a template of Unstructured' },
];

export const SCHEDULE_OPTIONS: INodePropertyOptions[] = [
	'every 15 minutes',
	'every hour',
	'every 2 hours',
	'every 4 hours',
	'every 6 hours',
	'every 8 hours',
	'every 10 hours',
	'every 12 hours',
	'daily',
	'weekly',
	'monthly',
].map((value) => ({ name: value.charAt(0).toUpperCase() + value.slice(1), value }));

/**
 * The body fields that are not one parameter each (the others declare theirs with `sendAs`): the
 * workflow type, which may be one of the user's own ("Other"), and the nodes, read as JSON.
 * `prefix` is '' for Create and 'updateFields.' for Update.
 */
export function workflowComputedFields(
	context: IExecuteSingleFunctions,
	prefix: string,
): IDataObject {
	const body: IDataObject = {};
	const type = readStoredText(context, `${prefix}workflowType`);
	if (type === 'other') {
		const other = readStoredText(context, `${prefix}otherWorkflowType`);
		if (!other)
			throw itemInputError(
				context,
				'The parameter "Other Workflow Type" is empty',
				'Give the workflow type as Unstructured names it.',
			);
		body.workflow_type = other;
	} else if (type) body.workflow_type = type;
	const nodes = readJsonParameter(context, `${prefix}workflowNodes`, 'Workflow Nodes (JSON)', {
		list: true,
	});
	if (nodes !== undefined) body.workflow_nodes = nodes as IDataObject[];
	return body;
}

/** The workflow's fields, for Create (shown by `show`) or inside Update's collection (no `show`). */
export function workflowFields(show?: Record<string, string[]>): INodeProperties[] {
	const shown = (extra: Record<string, string[]> = {}) =>
		show ? { displayOptions: { show: { ...show, ...extra } } } : {};
	return [
		{
			displayName: 'Name',
			name: 'name',
			type: 'string',
			default: '',
			...shown(),
			...sendAs('body', 'name'),
			description: "The workflow's name in Unstructured",
		},
		{
			displayName: 'Workflow Type',
			name: 'workflowType',
			type: 'options',
			default: 'custom',
			options: WORKFLOW_TYPE_OPTIONS,
			...shown(),
		},
		{
			displayName: 'Other Workflow Type',
			name: 'otherWorkflowType',
			type: 'string',
			default: '',
			...shown({ workflowType: ['other'] }),
			description: 'With Workflow Type "Other": the type as Unstructured names it',
		},
		{
			...templateIdLocator,
			...shown({ workflowType: ['template'] }),
			...sendAs('body', 'template_id'),
			description: 'The template whose nodes the workflow runs',
		},
		{
			...connectorLocator(CONNECTOR_KINDS.source),
			...shown(),
			...sendAs('body', 'source_id'),
			description:
				'Where the workflow reads documents. Empty: files are sent with each run (Workflow › Run, Send Input Files).',
		},
		{
			...connectorLocator(CONNECTOR_KINDS.destination),
			...shown(),
			...sendAs('body', 'destination_id'),
			description:
				'Where the workflow writes its output. Empty: its output stays in Unstructured, for Download Output and Elements.',
		},
		{
			displayName: 'Workflow Nodes (JSON)',
			name: 'workflowNodes',
			type: 'json',
			default: EXAMPLE_PROCESSING_NODES,
			...shown({ workflowType: ['custom'] }),
			description: `The processing nodes: ${PROCESSING_NODES_DESCRIPTION}`,
		},
		{
			displayName: 'Schedule',
			name: 'schedule',
			type: 'options',
			default: '',
			options: [{ name: 'None (Run on Demand)', value: '' }, ...SCHEDULE_OPTIONS],
			...shown(),
			...sendAs('body', 'schedule'),
			description: 'How often Unstructured runs the workflow by itself',
		},
		{
			displayName: 'Reprocess All',
			name: 'reprocessAll',
			type: 'boolean',
			default: true,
			...shown(),
			...sendAs('body', 'reprocess_all'),
			description:
				'Whether each run processes every file of the source again, or only new and changed ones (for blob-storage sources)',
		},
	];
}

export const workflowCreate: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a workflow',
		description: 'Create a workflow from a source, processing nodes and a destination',
		routing: route('POST', WORKFLOWS_PATH, {
			preSend: [
				async function setCreateBody(
					this: IExecuteSingleFunctions,
					requestOptions: IHttpRequestOptions,
				): Promise<IHttpRequestOptions> {
					const body = {
						...(requestOptions.body as IDataObject),
						...workflowComputedFields(this, ''),
					};
					if (!body.name)
						throw itemInputError(
							this,
							'The parameter "Name" is empty',
							'Give the workflow a name, as the Unstructured UI lists it.',
						);
					return { ...requestOptions, body };
				},
			],
			postReceive: [toObjectItemWithId('workflow_id')],
		}),
	},
	fields: workflowFields({}).map((field) =>
		field.name === 'name' ? { ...field, required: true } : field,
	),
};

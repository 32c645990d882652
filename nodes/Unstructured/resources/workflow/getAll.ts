import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions, INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../description/operations';
import { returnAllAndLimit } from '../../../description/returnAllLimit';
import { readOptionalText } from '../../../input/parameters';
import { WORKFLOWS_PATH } from '../../api/paths';
import { route } from '../../../http/route';
import { toListItems } from '../../../items/responseItems';


const fields: INodeProperties[] = [
	...returnAllAndLimit(),
	{
		displayName: 'Filters',
		name: 'filters',
		type: 'collection',
		placeholder: 'Add Filter',
		default: {},
		options: [
			{
				displayName: 'Created Before',
				name: 'createdBefore',
				type: 'dateTime',
				default: '',
				description: 'Only workflows created before this time',
			},
			{
				displayName: 'Created Since',
				name: 'createdSince',
				type: 'dateTime',
				default: '',
				description: 'Only workflows created at or after this time',
			},
			{
				displayName: 'Destination ID',
				name: 'destinationId',
				type: 'string',
				default: '',
				description: 'Only workflows that write to this destination connector',
			},
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				description: 'Only workflows whose name contains this text',
			},
			{
				displayName: 'Source ID',
				name: 'sourceId',
				type: 'string',
				default: '',
				description: 'Only workflows that read from this source connector',
			},
			{
				displayName: 'Status',
				name: 'status',
				type: 'options',
				default: 'active',
				options: [
					{ name: 'Active', value: 'active' },
					{ name: 'Inactive', value: 'inactive' },
				],
				description: 'Only active or only inactive workflows',
			},
		],
	},
	{
		displayName: 'Sort',
		name: 'sort',
		type: 'collection',
		placeholder: 'Add Sort',
		default: {},
		options: [
			{
				displayName: 'Direction',
				name: 'sortDirection',
				type: 'options',
				default: 'asc',
				options: [
					{ name: 'Ascending', value: 'asc' },
					{ name: 'Descending', value: 'desc' },
				],
			},
			{
				displayName: 'Field',
				name: 'sortBy',
				type: 'options',
				default: 'id',
				options: [
					{ name: 'Created At', value: 'created_at' },
					{ name: 'ID', value: 'id' },
					{ name: 'Name', value: 'name' },
					{ name: 'Updated At', value: 'updated_at' },
				],
			},
		],
	},
];

/** Parameters of Filters and Sort, by the query parameter the API takes them as. */
const QUERY_PARAMETERS: Record<string, string> = {
	'filters.status': 'status',
	'filters.name': 'name',
	'filters.sourceId': 'source_id',
	'filters.destinationId': 'destination_id',
	'filters.createdSince': 'created_since',
	'filters.createdBefore': 'created_before',
	'sort.sortBy': 'sort_by',
	'sort.sortDirection': 'sort_direction',
};

/** preSend: Filters and Sort as query parameters, leaving out empty ones. */
export async function setWorkflowListQuery(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const qs: IDataObject = {};
	for (const [parameter, queryName] of Object.entries(QUERY_PARAMETERS)) {
		const value = readOptionalText(this, parameter);
		if (value) qs[queryName] = value;
	}
	return { ...requestOptions, qs: { ...requestOptions.qs, ...qs } };
}

export const workflowGetMany: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many workflows',
		description: 'List the workflows of the account',
		routing: route('GET', WORKFLOWS_PATH, { preSend: [setWorkflowListQuery], postReceive: [toListItems], paged: true }),
	},
	fields,
};

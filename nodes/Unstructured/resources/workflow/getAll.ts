import type { INodeProperties } from 'n8n-workflow';

import type { Operation } from '../../../description/operations';
import { filtersCollection } from '../../../description/filters';
import { returnAllAndLimit } from '../../../description/returnAllLimit';
import { sendAs } from '../../../description/send';
import { WORKFLOWS_PATH } from '../../api/paths';
import { route } from '../../../http/route';
import { toListItems, withIdAs } from '../../../items/responseItems';

const fields: INodeProperties[] = [
	...returnAllAndLimit(),
	filtersCollection([
		{
			displayName: 'Created Before',
			name: 'createdBefore',
			...sendAs('query', 'created_before'),
			type: 'dateTime',
			default: '',
			description: 'Only workflows created before this time',
		},
		{
			displayName: 'Created Since',
			name: 'createdSince',
			...sendAs('query', 'created_since'),
			type: 'dateTime',
			default: '',
			description: 'Only workflows created at or after this time',
		},
		{
			displayName: 'Destination ID',
			name: 'destinationId',
			...sendAs('query', 'destination_id'),
			type: 'string',
			default: '',
			description: 'Only workflows that write to this destination connector',
		},
		{
			displayName: 'Name',
			name: 'name',
			...sendAs('query', 'name'),
			type: 'string',
			default: '',
			description: 'Only workflows whose name contains this text',
		},
		{
			displayName: 'Source ID',
			name: 'sourceId',
			...sendAs('query', 'source_id'),
			type: 'string',
			default: '',
			description: 'Only workflows that read from this source connector',
		},
		{
			displayName: 'Status',
			name: 'status',
			...sendAs('query', 'status'),
			type: 'options',
			default: 'active',
			options: [
				{ name: 'Active', value: 'active' },
				{ name: 'Inactive', value: 'inactive' },
			],
			description: 'Only active or only inactive workflows',
		},
	]),
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
				...sendAs('query', 'sort_direction'),
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
				...sendAs('query', 'sort_by'),
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

export const workflowGetMany: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many workflows',
		description: 'List the workflows of the account',
		routing: route('GET', WORKFLOWS_PATH, {
			postReceive: [toListItems, withIdAs('workflow_id')],
			paged: true,
		}),
	},
	fields,
};

import type { INodeProperties } from 'n8n-workflow';

import { failOnErrorStatus } from '../../shared/errors';
import { applyLimit, toListItems, toObjectItem } from '../../shared/listOutput';
import { templateIdLocator } from '../../shared/locators';
import { readIdParameter } from '../../shared/pathIds';
import { returnAllAndLimit } from '../../shared/returnAllLimit';

export const templateDescription: INodeProperties[] = [
	{
		displayName: 'Operation',
		name: 'operation',
		type: 'options',
		noDataExpression: true,
		displayOptions: { show: { resource: ['template'] } },
		options: [
			{
				name: 'Get',
				value: 'get',
				action: 'Get a template',
				description: 'Get a template with its nodes',
				routing: {
					request: { method: 'GET', url: '/api/v1/templates/{templateId}' },
					send: { paginate: true },
					output: {
						postReceive: [
							failOnErrorStatus(
								(context) => `The Unstructured API found no template with ID "${readIdParameter(context, 'templateId')}"`,
							),
							toObjectItem,
						],
					},
				},
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many templates',
				description: 'List the templates Unstructured offers for on-demand jobs and workflows',
				routing: {
					request: { method: 'GET', url: '/api/v1/templates/' },
					send: { paginate: true },
					output: { postReceive: [failOnErrorStatus(), toListItems, applyLimit] },
				},
			},
		],
		default: 'getAll',
	},
	{
		...templateIdLocator,
		required: true,
		description: 'The template to get',
		displayOptions: { show: { resource: ['template'], operation: ['get'] } },
	},
	...returnAllAndLimit({ resource: ['template'], operation: ['getAll'] }),
];

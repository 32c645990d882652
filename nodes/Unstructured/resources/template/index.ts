import type { INodeProperties } from 'n8n-workflow';

import { templateIdLocator } from '../../shared/descriptions/locators';
import { returnAllAndLimit } from '../../shared/descriptions/returnAllLimit';
import { applyLimit, toListItems, toObjectItem } from '../../shared/listItems';
import { readIdParameter } from '../../shared/parameters';
import { TEMPLATES_PATH, templatePath } from '../../shared/request/paths';
import { route } from '../../shared/request/route';

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
				routing: route('GET', (id) => templatePath(id('templateId')), {
					postReceive: [toObjectItem],
					notFound: (context) => `The Unstructured API found no template with ID "${readIdParameter(context, 'templateId')}"`,
				}),
			},
			{
				name: 'Get Many',
				value: 'getAll',
				action: 'Get many templates',
				description: 'List the templates Unstructured offers for on-demand jobs and workflows',
				routing: route('GET', TEMPLATES_PATH, { postReceive: [toListItems, applyLimit] }),
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

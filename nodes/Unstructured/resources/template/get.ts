import type { INodeProperties } from 'n8n-workflow';

import { templateIdLocator } from '../../shared/descriptions/locators';
import type { Operation } from '../../shared/descriptions/operation';
import { templateNotFound } from '../../shared/notFound';
import { templatePath } from '../../shared/request/paths';
import { route } from '../../shared/request/route';
import { toObjectItem } from '../../shared/responseItems';

const fields: INodeProperties[] = [
	{
		...templateIdLocator,
		required: true,
		description: 'The template to get',
		displayOptions: { show: { resource: ['template'], operation: ['get'] } },
	},
];

export const templateGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a template',
		description: 'Get a template with its nodes',
		routing: route('GET', (id) => templatePath(id('templateId')), { postReceive: [toObjectItem], notFound: templateNotFound }),
	},
	fields,
};

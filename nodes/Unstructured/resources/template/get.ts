import type { INodeProperties } from 'n8n-workflow';

import { templateIdLocator } from '../../fields/locators';
import type { Operation } from '../../../description/operations';
import { templateNotFound } from '../../api/notFound';
import { templatePath } from '../../api/paths';
import { route } from '../../../http/route';
import { toObjectItemWithId } from '../../../items/responseItems';

const fields: INodeProperties[] = [
	{
		...templateIdLocator,
		required: true,
		description: 'The template to get',
	},
];

export const templateGet: Operation = {
	option: {
		name: 'Get',
		value: 'get',
		action: 'Get a template',
		description: 'Get a template with its nodes',
		routing: route('GET', (id) => templatePath(id('templateId')), {
			postReceive: [toObjectItemWithId('template_id')],
			notFound: templateNotFound,
		}),
	},
	fields,
};

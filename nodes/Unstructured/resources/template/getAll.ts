import type { Operation } from '../../../description/operations';
import { returnAllAndLimit } from '../../../description/returnAllLimit';
import { TEMPLATES_PATH } from '../../api/paths';
import { route } from '../../../http/route';
import { applyLimit, toListItems, withIdAs } from '../../../items/responseItems';

export const templateGetMany: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many templates',
		description: 'List the templates Unstructured offers for on-demand jobs and workflows',
		routing: route('GET', TEMPLATES_PATH, {
			postReceive: [toListItems, withIdAs('template_id'), applyLimit],
		}),
	},
	fields: returnAllAndLimit({ resource: ['template'], operation: ['getAll'] }),
};

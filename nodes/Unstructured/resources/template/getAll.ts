import type { Operation } from '../../shared/descriptions/operation';
import { returnAllAndLimit } from '../../shared/descriptions/returnAllLimit';
import { TEMPLATES_PATH } from '../../shared/request/paths';
import { route } from '../../shared/request/route';
import { applyLimit, toListItems } from '../../shared/responseItems';

export const templateGetMany: Operation = {
	option: {
		name: 'Get Many',
		value: 'getAll',
		action: 'Get many templates',
		description: 'List the templates Unstructured offers for on-demand jobs and workflows',
		routing: route('GET', TEMPLATES_PATH, { postReceive: [toListItems, applyLimit] }),
	},
	fields: returnAllAndLimit({ resource: ['template'], operation: ['getAll'] }),
};

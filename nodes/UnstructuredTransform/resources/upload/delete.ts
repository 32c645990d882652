import type { Operation } from '../../../description/operations';
import { route } from '../../../http/route';
import { toDeletedItem } from '../../../items/responseItems';
import { uploadPath } from '../../api/paths';

export const uploadDelete: Operation = {
	option: {
		name: 'Delete',
		value: 'delete',
		action: 'Delete an uploaded file',
		description:
			'Delete an upload before it expires (the API answers 204 even for one already gone)',
		routing: route('DELETE', (id) => uploadPath(id('fileId')), {
			postReceive: [toDeletedItem('file_id', 'fileId')],
		}),
	},
	ids: ['fileId'],
};

import type { Resource } from '../../../description/operations';
import { uploadDelete } from './delete';
import { uploadGet } from './get';
import { uploadUpload } from './upload';

export const uploadResource: Resource = {
	resource: 'upload',
	label: 'Upload',
	plural: 'Uploads',
	defaultOperation: 'upload',
	operations: [uploadDelete, uploadGet, uploadUpload],
	idPickers: [
		{
			displayName: 'File ID',
			name: 'fileId',
			type: 'string',
			default: '={{ $json.file_id }}',
			required: true,
			description: 'The file_id Upload gave. Uploads are kept 24 hours.',
		},
	],
};

import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { Operation } from '../../../description/operations';
import { workflowNotFound } from '../../api/notFound';
import { itemInputError } from '../../../input/errors';
import { workflowPath } from '../../api/paths';
import { route } from '../../../http/route';
import { toObjectItemWithId } from '../../../items/responseItems';
import { workflowComputedFields, workflowFields } from './create';

/** preSend: only the fields added under "Update Fields": whether PUT clears the others is not documented. */
async function setUpdateBody(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const body = {
		...(requestOptions.body as IDataObject),
		...workflowComputedFields(this, 'updateFields.'),
	};
	if (Object.keys(body).length === 0)
		throw itemInputError(
			this,
			'No field to update',
			'Add the fields to change under "Update Fields".',
		);
	return { ...requestOptions, body };
}

export const workflowUpdate: Operation = {
	option: {
		name: 'Update',
		value: 'update',
		action: 'Update a workflow',
		description: "Change a workflow's name, source, destination, nodes or schedule",
		routing: route('PUT', (id) => workflowPath(id('workflowId')), {
			preSend: [setUpdateBody],
			postReceive: [toObjectItemWithId('workflow_id')],
			notFound: workflowNotFound,
		}),
	},
	ids: ['workflowId'],
	fields: [
		{
			displayName: 'Update Fields',
			name: 'updateFields',
			type: 'collection',
			placeholder: 'Add Field',
			default: {},
			options: workflowFields().sort((a, b) => a.displayName.localeCompare(b.displayName)),
		},
	],
};

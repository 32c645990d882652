import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { ConnectorKindInfo } from '../../fields/connectors';
import { connectorNotFound } from '../../fields/connectors';
import type { Operation } from '../../../description/operations';
import { connectorPath } from '../../api/paths';
import { route } from '../../../http/route';
import { toObjectItemWithId } from '../../../items/responseItems';
import { configField, readConfig } from './create';

export function connectorUpdate(info: ConnectorKindInfo): Operation {
	const noun = info.label.toLowerCase();

	/** preSend: `{config}`, the only field the API takes (docs/unstructured-api.md §7). */
	async function setUpdateBody(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		return { ...requestOptions, body: { config: readConfig(this) } };
	}

	return {
		option: {
			name: 'Update',
			value: 'update',
			action: `Update a ${noun}`,
			description: `Replace a ${noun}'s configuration, e.g. to rotate its credentials`,
			routing: route('PUT', (id) => connectorPath(info.kind, id(info.idName)), {
				preSend: [setUpdateBody],
				postReceive: [toObjectItemWithId(info.idField)],
				notFound: connectorNotFound(info),
			}),
		},
		ids: [info.idName],
		fields: [
			{
				displayName: `Unstructured replaces the whole configuration: give every setting, secrets included, not only those that change. The name and type of a ${noun} cannot change.`,
				name: 'updateNotice',
				type: 'notice',
				default: '',
			},
			configField(info, `The ${noun}'s whole new configuration, as a JSON object`),
		],
	};
}

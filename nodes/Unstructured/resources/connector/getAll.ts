import type {
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { ConnectorKindInfo } from '../../fields/connectors';
import { connectorTypeOptions } from '../../fields/connectors';
import type { Operation } from '../../../description/operations';
import { returnAllAndLimit } from '../../../description/returnAllLimit';
import { newestFirst } from '../../../items/newestFirst';
import { readOptionalText } from '../../../input/parameters';
import { unexpectedBodyError } from '../../../http/errors';
import { itemInputError } from '../../../input/errors';
import { CONNECTORS_PATHS } from '../../api/paths';
import { route } from '../../../http/route';
import { applyLimit } from '../../../items/responseItems';
import { connectorItem } from './output';

/** The type to filter by: one of the list, or the one given under "Other". */
function typeFilter(context: IExecuteSingleFunctions): string {
	const chosen = readOptionalText(context, 'filters.connectorType');
	if (chosen !== 'other') return chosen;
	const other = readOptionalText(context, 'filters.otherConnectorType');
	if (!other)
		throw itemInputError(
			context,
			'The filter "Other Type" is empty',
			'Give the type as Unstructured names it, e.g. teradata.',
		);
	return other;
}

export function connectorGetMany(info: ConnectorKindInfo): Operation {
	const noun = `${info.label.toLowerCase()}s`;

	async function setTypeQuery(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const type = typeFilter(this);
		return type
			? { ...requestOptions, qs: { ...requestOptions.qs, [info.typeQuery]: type } }
			: requestOptions;
	}

	async function toConnectorItems(
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
	): Promise<INodeExecutionData[]> {
		if (!Array.isArray(response.body))
			throw unexpectedBodyError(this.getNode(), response, this.getItemIndex());
		return newestFirst(
			response.body as Array<Record<string, unknown>>,
			(connector) => connector.created_at,
		).map((connector) => connectorItem(info, connector as never));
	}

	return {
		option: {
			name: 'Get Many',
			value: 'getAll',
			action: `Get many ${noun}`,
			description: `List the ${noun} of the account, newest first`,
			routing: route('GET', CONNECTORS_PATHS[info.kind], {
				preSend: [setTypeQuery],
				postReceive: [toConnectorItems, applyLimit],
			}),
		},
		fields: [
			...returnAllAndLimit(),
			{
				displayName: 'Filters',
				name: 'filters',
				type: 'collection',
				placeholder: 'Add Filter',
				default: {},
				options: [
					{
						displayName: 'Other Type',
						name: 'otherConnectorType',
						type: 'string',
						default: '',
						description: 'With Type "Other": the type as Unstructured names it',
					},
					{
						displayName: 'Type',
						name: 'connectorType',
						type: 'options',
						default: 's3',
						options: connectorTypeOptions(info),
						description: `Only ${noun} of this type`,
					},
				],
			},
		],
	};
}

import type { IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { ConnectorKindInfo } from '../../fields/connectors';
import { connectorTypeOptions } from '../../fields/connectors';
import type { Operation } from '../../../description/operations';
import { filtersCollection } from '../../../description/filters';
import { returnAllAndLimit } from '../../../description/returnAllLimit';
import { readOptionalText } from '../../../input/parameters';
import { itemInputError } from '../../../input/errors';
import { CONNECTORS_PATHS } from '../../api/paths';
import { route } from '../../../http/route';
import { applyLimit, sortNewestFirst, toListItems, withIdAs } from '../../../items/responseItems';

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

	return {
		option: {
			name: 'Get Many',
			value: 'getAll',
			action: `Get many ${noun}`,
			description: `List the ${noun} of the account, newest first`,
			routing: route('GET', CONNECTORS_PATHS[info.kind], {
				preSend: [setTypeQuery],
				postReceive: [toListItems, withIdAs(info.idField), sortNewestFirst, applyLimit],
			}),
		},
		fields: [
			...returnAllAndLimit(),
			filtersCollection([
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
			]),
		],
	};
}

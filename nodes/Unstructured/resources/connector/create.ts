import type { IDataObject, IExecuteSingleFunctions, IHttpRequestOptions } from 'n8n-workflow';

import type { ConnectorKindInfo } from '../../fields/connectors';
import { connectorTypeOptions } from '../../fields/connectors';
import type { Operation } from '../../../description/operations';
import { readJsonParameter, readOptionalText } from '../../../input/parameters';
import { itemInputError } from '../../../input/errors';
import { sendAs } from '../../../description/send';
import { CONNECTORS_PATHS } from '../../api/paths';
import { route } from '../../../http/route';
import { toObjectItemWithId } from '../../../items/responseItems';

/** The configuration as a JSON object, required. */
export function readConfig(context: IExecuteSingleFunctions): object {
	const config = readJsonParameter(context, 'config', 'Configuration (JSON)');
	if (config === undefined)
		throw itemInputError(
			context,
			'The parameter "Configuration (JSON)" is empty',
			"Give the connector's settings as a JSON object, secrets included.",
		);
	return config;
}

/** The "Configuration (JSON)" field, starting from a valid example. */
export function configField(info: ConnectorKindInfo, description: string) {
	return {
		displayName: 'Configuration (JSON)',
		name: 'config',
		type: 'json' as const,
		default: info.exampleConfig,
		required: true,
		description,
	};
}

export function connectorCreate(info: ConnectorKindInfo): Operation {
	const noun = info.label.toLowerCase();

	async function setCreateBody(
		this: IExecuteSingleFunctions,
		requestOptions: IHttpRequestOptions,
	): Promise<IHttpRequestOptions> {
		const { name } = requestOptions.body as IDataObject;
		if (!name)
			throw itemInputError(
				this,
				'The parameter "Name" is empty',
				`Give the ${noun} a name, as the Unstructured UI lists it.`,
			);
		let type = readOptionalText(this, 'connectorType');
		if (type === 'other') type = readOptionalText(this, 'otherConnectorType');
		if (!type)
			throw itemInputError(
				this,
				'The parameter "Other Type" is empty',
				'Give the type as Unstructured names it, e.g. teradata.',
			);
		return { ...requestOptions, body: { name, type, config: readConfig(this) } };
	}

	return {
		option: {
			name: 'Create',
			value: 'create',
			action: `Create a ${noun}`,
			description: `Create a ${noun} connector from its type and configuration`,
			routing: route('POST', CONNECTORS_PATHS[info.kind], {
				preSend: [setCreateBody],
				postReceive: [toObjectItemWithId(info.idField)],
			}),
		},
		fields: [
			{
				displayName: 'Name',
				name: 'name',
				type: 'string',
				default: '',
				required: true,
				...sendAs('body', 'name'),
				description: `The ${noun}'s name in Unstructured`,
			},
			{
				displayName: 'Type',
				name: 'connectorType',
				type: 'options',
				default: 's3',
				...(info.kind === 'destination' ? { default: 'pinecone' } : {}),
				options: connectorTypeOptions(info),
				description: `The kind of ${noun}, as Unstructured names it`,
			},
			{
				displayName: 'Other Type',
				name: 'otherConnectorType',
				type: 'string',
				default: '',
				required: true,
				placeholder: 'e.g. teradata',
				displayOptions: { show: { connectorType: ['other'] } },
				description: 'A type Unstructured supports that is not in the list',
			},
			configField(
				info,
				"The connector's settings as Unstructured documents them for its type. Secrets go here too: keep them out of the workflow with an expression, e.g. {{ $vars.AWS_SECRET }}.",
			),
		],
	};
}

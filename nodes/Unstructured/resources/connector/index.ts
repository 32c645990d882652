import type { INodeProperties } from 'n8n-workflow';

import { CONNECTOR_KINDS, connectorLocator } from '../../fields/connectors';
import { operationField, operationFields } from '../../../description/operations';
import type { ConnectorKind } from '../../api/paths';
import { connectorCreate } from './create';
import { connectorDelete } from './delete';
import { connectorGet } from './get';
import { connectorGetMany } from './getAll';
import { connectorTestConnection } from './testConnection';
import { connectorUpdate } from './update';

/**
 * The Source and Destination resources: the same operations on their own endpoints
 * (docs/unstructured-api.md §7), each operation in its own file, made for either kind.
 */
export function connectorDescription(kind: ConnectorKind): INodeProperties[] {
	const info = CONNECTOR_KINDS[kind];
	const operations = [connectorCreate, connectorDelete, connectorGet, connectorGetMany, connectorTestConnection, connectorUpdate].map((make) => make(info));
	return [
		operationField(kind, 'getAll', operations),
		// One picker for every operation on an existing connector, as Job ID is (see locators.ts).
		{
			...connectorLocator(info),
			required: true,
			displayOptions: { show: { resource: [kind], operation: ['delete', 'get', 'testConnection', 'update'] } },
		},
		...operationFields(operations),
	];
}

import type { Resource } from '../../../description/operations';
import { CONNECTOR_KINDS, connectorLocator } from '../../fields/connectors';
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
export function connectorResource(kind: ConnectorKind): Resource {
	const info = CONNECTOR_KINDS[kind];
	return {
		resource: kind,
		label: info.label,
		plural: `${info.label}s`,
		defaultOperation: 'getAll',
		operations: [
			connectorCreate,
			connectorDelete,
			connectorGet,
			connectorGetMany,
			connectorTestConnection,
			connectorUpdate,
		].map((make) => make(info)),
		idPickers: [{ ...connectorLocator(info), required: true }],
	};
}

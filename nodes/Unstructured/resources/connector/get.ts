import type { ConnectorKindInfo } from '../../shared/descriptions/connectors';
import { connectorNotFound } from '../../shared/descriptions/connectors';
import type { Operation } from '../../shared/descriptions/operation';
import { connectorPath } from '../../shared/request/paths';
import { route } from '../../shared/request/route';
import { toObjectItemWithId } from '../../shared/responseItems';

export function connectorGet(info: ConnectorKindInfo): Operation {
	const noun = info.label.toLowerCase();
	return {
		option: {
			name: 'Get',
			value: 'get',
			action: `Get a ${noun}`,
			description: `Get a ${noun} connector with its type and configuration (secrets as the API shows them)`,
			routing: route('GET', (id) => connectorPath(info.kind, id(info.idName)), { postReceive: [toObjectItemWithId(info.idField)], notFound: connectorNotFound(info) }),
		},
	};
}

import type { ConnectorKindInfo } from '../../fields/connectors';
import { connectorNotFound } from '../../fields/connectors';
import type { Operation } from '../../../description/operations';
import { connectorPath } from '../../api/paths';
import { route } from '../../../http/route';
import { toObjectItemWithId } from '../../../items/responseItems';

export function connectorGet(info: ConnectorKindInfo): Operation {
	const noun = info.label.toLowerCase();
	return {
		option: {
			name: 'Get',
			value: 'get',
			action: `Get a ${noun}`,
			description: `Get a ${noun} connector with its type and configuration (secrets as the API shows them)`,
			routing: route('GET', (id) => connectorPath(info.kind, id(info.idName)), {
				postReceive: [toObjectItemWithId(info.idField)],
				notFound: connectorNotFound(info),
			}),
		},
		ids: [info.idName],
	};
}

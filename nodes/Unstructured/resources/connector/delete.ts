import type { ConnectorKindInfo } from '../../fields/connectors';
import { connectorNotFound } from '../../fields/connectors';
import type { Operation } from '../../../description/operations';
import { connectorPath } from '../../api/paths';
import { route } from '../../../http/route';
import { toDeletedItem } from '../../../items/responseItems';

export function connectorDelete(info: ConnectorKindInfo): Operation {
	const noun = info.label.toLowerCase();
	return {
		option: {
			name: 'Delete',
			value: 'delete',
			action: `Delete a ${noun}`,
			description: `Delete a ${noun} connector`,
			routing: route('DELETE', (id) => connectorPath(info.kind, id(info.idName)), {
				postReceive: [toDeletedItem(info.idField, info.idName)],
				notFound: connectorNotFound(info),
			}),
		},
		ids: [info.idName],
	};
}

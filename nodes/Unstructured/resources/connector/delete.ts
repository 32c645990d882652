import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
} from 'n8n-workflow';

import type { ConnectorKindInfo } from '../../fields/connectors';
import { connectorNotFound } from '../../fields/connectors';
import type { Operation } from '../../../description/operations';
import { connectorPath } from '../../api/paths';
import { route } from '../../../http/route';
import type { SentRequest } from '../../../http/route';
import { deletedItem } from '../../../items/responseItems';

export function connectorDelete(info: ConnectorKindInfo): Operation {
	const noun = info.label.toLowerCase();

	async function toDeletedItem(
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
		{ ids }: SentRequest,
	): Promise<INodeExecutionData[]> {
		return [deletedItem({ [info.idField]: ids[info.idName] } as IDataObject, response)];
	}

	return {
		option: {
			name: 'Delete',
			value: 'delete',
			action: `Delete a ${noun}`,
			description: `Delete a ${noun} connector`,
			routing: route('DELETE', (id) => connectorPath(info.kind, id(info.idName)), {
				postReceive: [toDeletedItem],
				notFound: connectorNotFound(info),
			}),
		},
		ids: [info.idName],
	};
}

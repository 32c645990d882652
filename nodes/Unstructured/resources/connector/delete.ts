import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import type { ConnectorKindInfo } from '../../shared/descriptions/connectors';
import { connectorNotFound } from '../../shared/descriptions/connectors';
import type { Operation } from '../../shared/descriptions/operation';
import { connectorPath } from '../../shared/request/paths';
import { route } from '../../shared/request/route';
import type { SentRequest } from '../../shared/request/route';
import { deletedItem } from '../../shared/responseItems';

export function connectorDelete(info: ConnectorKindInfo): Operation {
	const noun = info.label.toLowerCase();

	async function toDeletedItem(this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse, { ids }: SentRequest): Promise<INodeExecutionData[]> {
		return [deletedItem({ [info.idField]: ids[info.idName] } as IDataObject, response)];
	}

	return {
		option: {
			name: 'Delete',
			value: 'delete',
			action: `Delete a ${noun}`,
			description: `Delete a ${noun} connector`,
			routing: route('DELETE', (id) => connectorPath(info.kind, id(info.idName)), { postReceive: [toDeletedItem], notFound: connectorNotFound(info) }),
		},
	};
}

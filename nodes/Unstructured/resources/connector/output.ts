import type { IDataObject, IExecuteSingleFunctions, IN8nHttpFullResponse, INodeExecutionData } from 'n8n-workflow';

import type { ConnectorKindInfo } from '../../shared/descriptions/connectors';
import { withContext } from '../../shared/job/itemContext';
import { unexpectedBodyError } from '../../shared/request/errors';
import type { PostReceiveFunction } from '../../shared/request/route';

/** A connector as the API returned it, plus `source_id` / `destination_id` equal to its `id`, for the next node. */
export function connectorItem(info: ConnectorKindInfo, connector: IDataObject): INodeExecutionData {
	return { json: withContext(connector, { [info.idField]: connector.id }) };
}

/** postReceive: the connector object of the answer as one item. */
export function toConnectorItem(info: ConnectorKindInfo): PostReceiveFunction {
	return async function (this: IExecuteSingleFunctions, _items: INodeExecutionData[], response: IN8nHttpFullResponse) {
		const { body } = response;
		if (!body || typeof body !== 'object' || Array.isArray(body) || !('id' in body)) {
			throw unexpectedBodyError(this.getNode(), response, this.getItemIndex());
		}
		return [connectorItem(info, body as IDataObject)];
	};
}

import type { IDataObject, INodeExecutionData } from 'n8n-workflow';

import type { ConnectorKindInfo } from '../../fields/connectors';
import { withContext } from '../../../items/itemContext';

/** A connector as the API returned it, plus `source_id` / `destination_id` equal to its `id`, for the next node. */
export function connectorItem(info: ConnectorKindInfo, connector: IDataObject): INodeExecutionData {
	return { json: withContext(connector, { [info.idField]: connector.id }) };
}

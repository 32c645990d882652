import { NodeApiError } from 'n8n-workflow';
import type {
	IDataObject,
	IExecuteSingleFunctions,
	IN8nHttpFullResponse,
	INodeExecutionData,
	JsonObject,
} from 'n8n-workflow';

import type { ConnectorKindInfo } from '../../fields/connectors';
import { connectorNotFound } from '../../fields/connectors';
import type { Operation } from '../../../description/operations';
import { CHECK_WAIT_DEFAULTS, waitTimingOptions } from '../../fields/waitFields';
import { waitSettingsOf, waitUntilFinished } from '../../job/wait';
import type { Watched } from '../../job/wait';
import { unexpectedBodyError } from '../../../http/errors';
import { connectorPath } from '../../api/paths';
import { route } from '../../../http/route';
import type { SentRequest } from '../../../http/route';
import { isConnectionCheck } from '../../api/types';
import type { ConnectionCheck } from '../../api/types';

const FINISHED_CHECK_STATUSES: ReadonlySet<string> = new Set(['SUCCESS', 'FAILURE']);

interface CheckWaitOptions {
	failWhenCheckFails?: boolean;
	onTimeout?: 'error' | 'outputCheck';
	pollInterval?: number;
	timeout?: number;
}

export function connectorTestConnection(info: ConnectorKindInfo): Operation {
	const noun = info.label.toLowerCase();

	function checkError(
		context: IExecuteSingleFunctions,
		id: string,
		check: ConnectionCheck,
		message: string,
		description: string,
	): NodeApiError {
		return new NodeApiError(
			context.getNode(),
			{ [info.idField]: id, check_status: check.status } as JsonObject,
			{
				message,
				description,
				itemIndex: context.getItemIndex(),
			},
		);
	}

	/**
	 * postReceive: the check the POST started (202, SCHEDULED), waited on with `GET …/connection-check`
	 * until SUCCESS or FAILURE (docs/unstructured-api.md §7). Its polls are reads: retried as the job
	 * wait's are. A FAILURE fails the item with the API's reason, unless asked otherwise.
	 */
	async function toCheckResult(
		this: IExecuteSingleFunctions,
		_items: INodeExecutionData[],
		response: IN8nHttpFullResponse,
		{ ids }: SentRequest,
	): Promise<INodeExecutionData[]> {
		if (!isConnectionCheck(response.body))
			throw unexpectedBodyError(this.getNode(), response, this.getItemIndex());
		const id = ids[info.idName];
		const options = this.getNodeParameter('checkWaitOptions', {}) as CheckWaitOptions;
		const settings = waitSettingsOf(options, CHECK_WAIT_DEFAULTS);
		const watched: Watched<ConnectionCheck> = {
			url: connectorPath(info.kind, id, 'connection-check'),
			isValid: isConnectionCheck,
			isFinished: (check) => FINISHED_CHECK_STATUSES.has(check.status),
			what: `the connection check of ${noun} "${id}"`,
		};
		const {
			value: check,
			finished,
			problem,
		} = await waitUntilFinished(this, response.body, watched, settings);
		if (!finished && options.onTimeout !== 'outputCheck') {
			throw checkError(
				this,
				id,
				check,
				`The connection check of ${noun} "${id}" was still ${check.status} after waiting ${Math.round(settings.timeoutMs / 1000)} s`,
				`Unstructured goes on checking${problem ? ` (the last poll failed: ${problem})` : ''}. Raise "Timeout" under Wait Options, or set "On Timeout" to output the check as it stands.`,
			);
		}
		if (check.status === 'FAILURE' && options.failWhenCheckFails !== false) {
			throw checkError(
				this,
				id,
				check,
				`The connection check of ${noun} "${id}" failed${check.reason ? `: ${check.reason}` : ''}`,
				`Unstructured could not connect with the ${noun}'s configuration. Fix it with ${info.label} › Update, or turn off "Fail When the Check Fails" under Wait Options to output the check instead.`,
			);
		}
		return [{ json: { [info.idField]: id, ...(check as IDataObject) } }];
	}

	return {
		option: {
			name: 'Test Connection',
			value: 'testConnection',
			action: `Test the connection of a ${noun}`,
			description: `Have Unstructured connect with the ${noun}'s configuration, and wait for the result`,
			routing: route(
				'POST',
				(id) => connectorPath(info.kind, id(info.idName), 'connection-check'),
				{
					postReceive: [toCheckResult],
					notFound: connectorNotFound(info),
				},
			),
		},
		ids: [info.idName],
		subtitle: `Test ${info.label} Connection`,
		fields: [
			{
				displayName: 'Wait Options',
				name: 'checkWaitOptions',
				type: 'collection',
				placeholder: 'Add option',
				default: {},
				options: [
					{
						displayName: 'Fail When the Check Fails',
						name: 'failWhenCheckFails',
						type: 'boolean',
						default: true,
						description:
							"Whether a check that ends FAILURE stops the node with Unstructured's reason. When off, the check is output with its status and reason.",
					},
					...waitTimingOptions({
						what: 'check',
						outputValue: 'outputCheck',
						...CHECK_WAIT_DEFAULTS,
						timeoutDescription: 'How long to wait for the check at most',
					}),
				],
			},
		],
	};
}

import { randomBytes } from 'node:crypto';
import { NodeApiError } from 'n8n-workflow';
import type { IDataObject, IHookFunctions, IN8nHttpFullResponse, JsonObject } from 'n8n-workflow';

import { readIdParameter } from '../../input/parameters';
import { describeErrorBody } from '../../http/errors';
import { channelPath, channelsPath } from '../api/paths';
import { apiRequest } from '../../http/transport';

/**
 * Webhook notification channels, as the API has them today (docs/unstructured-api.md §8, from the Python SDK's
 * 2026-05 generated code and the live docs): create answers 201 and never returns the secret (it is
 * write-only), the list needs `channel_type` and answers `{"items": [...]}`, a secret is changed by
 * PATCH, and delete answers 204.
 */

/** What the trigger keeps in the workflow's static data about the channel it registered. */
export interface ChannelState {
	channelId?: string;
	secret?: string;
	channelsPath?: string;
}

/**
 * A new channel secret: 32 random bytes as base64, 44 ASCII characters. The API takes 24 to 75, and
 * it is a valid key under both readings the signature check accepts (see signature.ts).
 */
function newChannelSecret(): string {
	return randomBytes(32).toString('base64');
}

/** The notification channels of the workspace, or of the workflow chosen in Scope. */
export function channelsPathOfScope(context: IHookFunctions): string {
	const scopedToWorkflow = context.getNodeParameter('scope', 'workspace') === 'workflow';
	return channelsPath(scopedToWorkflow ? readIdParameter(context, 'workflowId') : undefined);
}

/** The channels of a list answer: `{"items": [...]}` as documented, or a bare list. */
function asChannelList(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	const items = (body as IDataObject | undefined)?.items;
	return Array.isArray(items) ? (items as IDataObject[]) : [];
}

function selectedEvents(context: IHookFunctions): string[] {
	return context.getNodeParameter('events', []) as string[];
}

/** A 404 or 403 from the channel endpoints: the account (or API URL) has no notification channels. */
function channelsUnavailable(context: IHookFunctions) {
	return (response: IN8nHttpFullResponse): NodeApiError | undefined => {
		if (response.statusCode !== 404 && response.statusCode !== 403) return undefined;
		const detail = describeErrorBody(response.body);
		return new NodeApiError(context.getNode(), { detail } as JsonObject, {
			message: `Unstructured offers no webhook notifications to this API key (${response.statusCode})${detail ? `: ${detail}` : ''}`,
			description:
				'Notification channels are part of the Unstructured Pipelines API; check the API URL in the credential, that the API key may manage notifications, and (with Scope: One Workflow) that the workflow exists. The Unstructured Polling Trigger needs none of this.',
			httpCode: String(response.statusCode),
		});
	};
}

function sameEvents(a: unknown, b: string[]): boolean {
	return Array.isArray(a) && a.length === b.length && b.every((event) => a.includes(event));
}

/**
 * Whether a channel for this webhook URL is registered, with our secret and the selected events.
 * A channel found by its URL whose secret we do not hold (the API never shows it: static data lost,
 * an earlier install, a crash) is taken over by PATCH with a new secret, instead of a second
 * channel being created beside it.
 */
export async function findChannel(
	context: IHookFunctions,
	state: ChannelState,
	webhookUrl: string,
): Promise<boolean> {
	const path = channelsPathOfScope(context);
	const events = selectedEvents(context);
	const errorFor = channelsUnavailable(context);
	if (state.channelId && state.secret && state.channelsPath === path) {
		const url = channelPath(path, state.channelId);
		const response = await apiRequest(context, { method: 'GET', url }, { okStatuses: [404] });
		const channel = response.body as IDataObject | undefined;
		if (response.statusCode < 300 && channel?.url === webhookUrl) {
			if (!sameEvents(channel.event_types, events) || channel.enabled === false) {
				await apiRequest(
					context,
					{ method: 'PATCH', url, body: { event_types: events, enabled: true } },
					{ errorFor },
				);
			}
			return true;
		}
	}
	const list = await apiRequest(
		context,
		{ method: 'GET', url: path, qs: { channel_type: 'webhook' } },
		{ errorFor },
	);
	const leftover = asChannelList(list.body).find((candidate) => candidate.url === webhookUrl);
	if (!leftover?.id) return false;
	const channelId = String(leftover.id);
	const secret = newChannelSecret();
	await apiRequest(
		context,
		{
			method: 'PATCH',
			url: channelPath(path, channelId),
			body: { secret, event_types: events, enabled: true },
		},
		{ errorFor },
	);
	Object.assign(state, { channelId, secret, channelsPath: path });
	return true;
}

/** Registers a webhook channel for the URL, with the selected events and a secret of our own. */
export async function createChannel(
	context: IHookFunctions,
	state: ChannelState,
	webhookUrl: string,
): Promise<void> {
	const path = channelsPathOfScope(context);
	const secret = newChannelSecret();
	const response = await apiRequest(
		context,
		{
			method: 'POST',
			url: path,
			body: {
				channel_type: 'webhook',
				url: webhookUrl,
				description:
					`n8n workflow "${context.getWorkflow().name ?? context.getWorkflow().id}"`.slice(0, 255),
				secret,
				event_types: selectedEvents(context),
				enabled: true,
			},
		},
		{ errorFor: channelsUnavailable(context) },
	);
	Object.assign(state, {
		channelId: String((response.body as IDataObject).id),
		secret,
		channelsPath: path,
	});
}

/** Deletes the registered channel; one already gone is no error. */
export async function deleteChannel(context: IHookFunctions, state: ChannelState): Promise<void> {
	if (state.channelId && state.channelsPath) {
		await apiRequest(
			context,
			{ method: 'DELETE', url: channelPath(state.channelsPath, state.channelId) },
			{ okStatuses: [404] },
		);
	}
	delete state.channelId;
	delete state.secret;
	delete state.channelsPath;
}

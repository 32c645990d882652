import { randomBytes } from 'node:crypto';
import type { IDataObject, IHookFunctions } from 'n8n-workflow';

import { readIdParameter } from '../shared/parameters';
import { apiErrorFromResponse } from '../shared/request/errors';
import { channelPath, channelsPath as channelsPathOf } from '../shared/request/paths';
import { apiRequest, sendApiRequest } from '../shared/request/transport';

/** What the trigger keeps in the workflow's static data about the channel it registered. */
export interface ChannelState {
	channelId?: string;
	secret?: string;
	channelsPath?: string;
}

/** The notification channels of the workspace, or of the workflow chosen in Scope. */
export function channelsPath(context: IHookFunctions): string {
	const scopedToWorkflow = context.getNodeParameter('scope', 'workspace') === 'workflow';
	return channelsPathOf(scopedToWorkflow ? readIdParameter(context, 'workflowId') : undefined);
}

/** The channels in a list answer, whether the API sends a bare list or wraps it. */
function asChannelList(body: unknown): IDataObject[] {
	if (Array.isArray(body)) return body as IDataObject[];
	if (body && typeof body === 'object') {
		const list = Object.values(body).find(Array.isArray);
		if (list) return list as IDataObject[];
	}
	return [];
}

function channelSettings(context: IHookFunctions): IDataObject {
	return { event_types: context.getNodeParameter('events', []) as string[], enabled: true };
}

function secretOf(answer: unknown, fallback?: string): string | undefined {
	const secret = (answer as IDataObject | undefined)?.secret;
	return typeof secret === 'string' && secret ? secret : fallback;
}

/**
 * Whether a channel for this webhook URL is registered. A channel found by its URL whose secret we
 * do not hold (the API shows it only once) gets a new secret and the selected events, instead of a
 * second channel being created beside it.
 */
export async function findChannel(context: IHookFunctions, state: ChannelState, webhookUrl: string): Promise<boolean> {
	const path = channelsPath(context);
	if (state.channelId && state.secret && state.channelsPath === path) {
		const response = await sendApiRequest(context, { method: 'GET', url: channelPath(path, state.channelId) });
		if (response.statusCode < 400 && (response.body as IDataObject)?.url === webhookUrl) return true;
	}
	const list = await apiRequest(context, { method: 'GET', url: path, qs: { channel_type: 'webhook' } });
	const channel = asChannelList(list.body).find((candidate) => candidate.url === webhookUrl);
	if (!channel?.id) return false;
	const channelUrl = channelPath(path, String(channel.id));
	const rotated = await apiRequest(context, { method: 'POST', url: `${channelUrl}/secret/rotate` });
	await apiRequest(context, { method: 'PATCH', url: channelUrl, body: channelSettings(context) });
	const secret = secretOf(rotated.body);
	if (!secret) return false;
	Object.assign(state, { channelId: String(channel.id), secret, channelsPath: path });
	return true;
}

/** Registers a webhook channel for the URL, with the selected events and a new secret. */
export async function createChannel(context: IHookFunctions, state: ChannelState, webhookUrl: string): Promise<void> {
	const path = channelsPath(context);
	const secret = randomBytes(32).toString('base64');
	const response = await apiRequest(context, {
		method: 'POST',
		url: path,
		body: {
			channel_type: 'webhook',
			url: webhookUrl,
			description: `n8n workflow "${context.getWorkflow().name ?? context.getWorkflow().id}"`,
			secret,
			...channelSettings(context),
		},
	});
	const channel = response.body as IDataObject;
	Object.assign(state, { channelId: String(channel.id), secret: secretOf(channel, secret), channelsPath: path });
}

/** Deletes the registered channel; one already gone is no error. */
export async function deleteChannel(context: IHookFunctions, state: ChannelState): Promise<void> {
	if (state.channelId && state.channelsPath) {
		const url = channelPath(state.channelsPath, state.channelId);
		const response = await sendApiRequest(context, { method: 'DELETE', url });
		if (response.statusCode >= 400 && response.statusCode !== 404) throw apiErrorFromResponse(context.getNode(), response, 0);
	}
	delete state.channelId;
	delete state.secret;
	delete state.channelsPath;
}

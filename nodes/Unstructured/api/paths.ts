/**
 * Every API path, built one way: IDs are URL-encoded here and nowhere else, so no ID can reach
 * another path or add a query. Collections end in a slash, items do not, as the API defines them.
 */

import { CONTROL_CHARACTERS, isPathSegment } from '../../input/pathSegment';

function segment(id: string): string {
	if (!isPathSegment(id))
		throw new Error(`"${id.replace(CONTROL_CHARACTERS, '?')}" is not a valid ID`);
	return encodeURIComponent(id);
}

export const JOBS_PATH = '/api/v1/jobs/';
export const WORKFLOWS_PATH = '/api/v1/workflows/';
export const TEMPLATES_PATH = '/api/v1/templates/';

export type JobAction = 'details' | 'failed-files' | 'cancel' | 'download';

export function jobPath(jobId: string, action?: JobAction): string {
	return `/api/v1/jobs/${segment(jobId)}${action ? `/${action}` : ''}`;
}

export function workflowPath(workflowId: string, action?: 'run'): string {
	return `/api/v1/workflows/${segment(workflowId)}${action ? `/${action}` : ''}`;
}

/** A source or a destination connector: the two have the same endpoints under their own collection. */
export type ConnectorKind = 'source' | 'destination';

export const CONNECTORS_PATHS: Record<ConnectorKind, string> = {
	source: '/api/v1/sources/',
	destination: '/api/v1/destinations/',
};

export function connectorPath(
	kind: ConnectorKind,
	connectorId: string,
	action?: 'connection-check',
): string {
	return `${CONNECTORS_PATHS[kind]}${segment(connectorId)}${action ? `/${action}` : ''}`;
}

export function templatePath(templateId: string): string {
	return `/api/v1/templates/${segment(templateId)}`;
}

/** The notification channels of the workspace, or of one workflow. */
export function channelsPath(workflowId?: string): string {
	return workflowId === undefined
		? '/api/v1/notifications/channels'
		: `${workflowPath(workflowId)}/notifications/channels`;
}

export function channelPath(channels: string, channelId: string): string {
	return `${channels}/${segment(channelId)}`;
}

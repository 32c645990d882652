/**
 * Every path of the Transform API (docs/unstructured-transform-api.md §2), IDs encoded here and
 * nowhere else. IDs are opaque strings (not UUIDs).
 */
import { CONTROL_CHARACTERS, isPathSegment } from '../../input/pathSegment';

function segment(id: string): string {
	if (!isPathSegment(id))
		throw new Error(`"${id.replace(CONTROL_CHARACTERS, '?')}" is not a valid ID`);
	return encodeURIComponent(id);
}

export const UPLOAD_PATH = '/api/v2/upload';
export const PARSE_PATH = '/api/v2/parse';
export const EXTRACT_PATH = '/api/v2/extract';
export const TRANSFORM_JOBS_PATH = '/api/v2/jobs';

export function uploadPath(fileId: string): string {
	return `${UPLOAD_PATH}/${segment(fileId)}`;
}

export function transformJobPath(jobId: string, action?: 'cancel'): string {
	return `${TRANSFORM_JOBS_PATH}/${segment(jobId)}${action ? `/${action}` : ''}`;
}

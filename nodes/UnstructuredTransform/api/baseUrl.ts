/**
 * The Transform API's base URL as users paste it (docs/unstructured-transform-api.md §1): with or
 * without a trailing slash or `/api/v2`. Every path here starts with `/api/v2`, so both are removed.
 */
const TRAILING_SLASHES = /\/+$/;
const TRAILING_API_VERSION = /\/api\/v2$/i;

export const DEFAULT_TRANSFORM_URL = 'https://transform.unstructured.io';

export function normalizeTransformUrl(baseUrl: string): string {
	const trimmed = baseUrl.trim().replace(TRAILING_SLASHES, '').replace(TRAILING_API_VERSION, '');
	return trimmed || DEFAULT_TRANSFORM_URL;
}

/** Hosts of Unstructured Pipelines (the Platform API): a Transform key never works there. */
const PIPELINES_HOST = /(^|\.)(platform\.unstructuredapp\.io|platform-api\.unstructuredapp\.io)$/i;

/** Whether the URL points at Unstructured Pipelines rather than Transform. */
export function isPipelinesUrl(baseUrl: string): boolean {
	try {
		return (
			PIPELINES_HOST.test(new URL(normalizeTransformUrl(baseUrl)).hostname) ||
			/\/api\/v1\/?$/i.test(baseUrl.trim())
		);
	} catch {
		return false;
	}
}

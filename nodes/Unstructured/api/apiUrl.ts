/**
 * Users paste the API URL with or without a trailing slash, and older Unstructured docs
 * include `/api/v1` in it. Every request path here starts with `/api/v1`, so both are removed.
 */
const TRAILING_SLASHES = /\/+$/;
const TRAILING_API_VERSION = /\/api\/v1$/i;

export function normalizeApiUrl(apiUrl: string): string {
	return apiUrl.trim().replace(TRAILING_SLASHES, '').replace(TRAILING_API_VERSION, '');
}

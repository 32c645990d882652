/**
 * The Transform API's models as its docs show them (docs/unstructured-transform-api.md §2, §3).
 * Every field is optional and every enum open: the OpenAPI schemas could not be read.
 */

/** A Parse or Extract result: at the top level of a 200, under `result` of a job. */
export interface TransformResult {
	id?: string;
	status?: string;
	profile?: string;
	warnings?: unknown[];
	markdown?: string | null;
	format_version?: string;
	metadata?: { page_count?: number; [field: string]: unknown };
	extracted_data?: Array<{ data?: unknown; field_metadata?: unknown; [field: string]: unknown }>;
	elements?: Array<Record<string, unknown>>;
	source?: { file_id?: string; filename?: string; mimetype?: string; expires_at?: string } | null;
	[field: string]: unknown;
}

/** A job: its status, and its result once it has one. */
export interface TransformJob {
	id?: string;
	status?: string;
	error?: unknown;
	result?: TransformResult | null;
	result_state?: string;
	result_expires_at?: string | null;
	[field: string]: unknown;
}

/** Statuses while a job runs; any other status is final (the enum may grow). */
export const PENDING_STATUSES: ReadonlySet<string> = new Set([
	'queued',
	'processing',
	'pending',
	'running',
	'cancelling',
]);

/** Final statuses whose result is good. */
export const SUCCESS_STATUSES: ReadonlySet<string> = new Set([
	'completed',
	'completed_with_warnings',
]);

export function isObject(body: unknown): body is Record<string, unknown> {
	return (
		body !== null && typeof body === 'object' && !Array.isArray(body) && !Buffer.isBuffer(body)
	);
}

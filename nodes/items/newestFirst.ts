/**
 * Order by creation time, parsed as a date: the API's `created_at` strings may come with or without
 * fractional seconds or an offset, so comparing them as text could misorder them.
 */

/** Milliseconds since 1970 of a `created_at`; 0 (the oldest) when it is not a date. */
export function createdMs(createdAt: unknown): number {
	const ms = Date.parse(String(createdAt ?? ''));
	return Number.isNaN(ms) ? 0 : ms;
}

/** A copy of `items`, newest first by the `created_at` that `createdAtOf` reads. */
export function newestFirst<T>(items: T[], createdAtOf: (item: T) => unknown): T[] {
	return [...items].sort((a, b) => createdMs(createdAtOf(b)) - createdMs(createdAtOf(a)));
}

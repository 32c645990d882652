/** What may stand as one segment of an API path once URL-encoded (see the API paths of each node). */

export const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]/;
// URL parsers resolve `.` and `..` segments (even percent-encoded), so no encoding makes them safe.
const DOT_SEGMENT = /^\.{1,2}$/;

/** Whether an ID can stand as one path segment once encoded. */
export function isPathSegment(id: string): boolean {
	return id !== '' && !DOT_SEGMENT.test(id) && !CONTROL_CHARACTERS.test(id);
}

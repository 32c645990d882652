/**
 * Standard base64 (RFC 4648 §4) with its padding, as Node.js writes it; '' is the empty file. One
 * character class and a length check: linear for a file of any size (a pattern of groups would
 * overflow the stack on tens of megabytes).
 */
const BASE64_CHARACTERS = /^[A-Za-z0-9+/]*={0,2}$/;

export function isBase64(text: string): boolean {
	return text.length % 4 === 0 && BASE64_CHARACTERS.test(text);
}

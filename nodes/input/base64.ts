/** Standard base64 (RFC 4648 §4) with its padding, as Node.js writes it; '' is the empty file. */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/;

export function isBase64(text: string): boolean {
	return BASE64.test(text);
}

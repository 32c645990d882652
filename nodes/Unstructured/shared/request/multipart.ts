import { randomBytes } from 'node:crypto';

export type FormPart =
	| { name: string; text: string }
	| { name: string; fileName: string; contentType: string; data: Buffer };

/** Quotes a name for Content-Disposition the way browsers do (WHATWG HTML: ", CR and LF escaped). */
function quoted(value: string): string {
	return `"${value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
}

/**
 * A `multipart/form-data` body. Built by hand because the package has no runtime dependencies,
 * and a Buffer body is sent by n8n's HTTP helper byte for byte.
 */
export function multipartBody(parts: FormPart[]): { body: Buffer; contentType: string } {
	const boundary = `----n8nUnstructured${randomBytes(12).toString('hex')}`;
	const chunks: Buffer[] = [];
	for (const part of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.name)}`;
		if ('data' in part) {
			head += `; filename=${quoted(part.fileName)}\r\nContent-Type: ${part.contentType}`;
		}
		chunks.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'));
		chunks.push('data' in part ? part.data : Buffer.from(part.text, 'utf8'));
		chunks.push(Buffer.from('\r\n', 'utf8'));
	}
	chunks.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	return { body: Buffer.concat(chunks), contentType: `multipart/form-data; boundary=${boundary}` };
}

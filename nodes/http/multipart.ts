import { randomBytes } from 'node:crypto';

import type { FilePart } from '../input/binaryFiles';

export type FormPart = { name: string; text: string } | FilePart;

/** Quotes a name for Content-Disposition the way browsers do (WHATWG HTML: ", CR and LF escaped). */
function quoted(value: string): string {
	return `"${value.replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A')}"`;
}

/**
 * A `multipart/form-data` body. Built by hand because the package has no runtime dependencies,
 * and a Buffer body is sent by n8n's HTTP helper byte for byte. The body is allocated once and
 * each file is read straight into it, so a file is held once, not once read and again in the body.
 */
export async function multipartBody(
	parts: FormPart[],
): Promise<{ body: Buffer; contentType: string }> {
	const boundary = `----n8nUnstructured${randomBytes(12).toString('hex')}`;
	const pieces: Array<Buffer | FilePart> = [];
	for (const part of parts) {
		let head = `--${boundary}\r\nContent-Disposition: form-data; name=${quoted(part.name)}`;
		if ('readInto' in part) {
			head += `; filename=${quoted(part.fileName)}\r\nContent-Type: ${part.contentType}`;
		}
		pieces.push(Buffer.from(`${head}\r\n\r\n`, 'utf8'));
		pieces.push('readInto' in part ? part : Buffer.from(part.text, 'utf8'));
		pieces.push(Buffer.from('\r\n', 'utf8'));
	}
	pieces.push(Buffer.from(`--${boundary}--\r\n`, 'utf8'));
	const body = Buffer.allocUnsafe(
		pieces.reduce(
			(total, piece) => total + (Buffer.isBuffer(piece) ? piece.length : piece.size),
			0,
		),
	);
	let offset = 0;
	for (const piece of pieces) {
		if (Buffer.isBuffer(piece)) offset += piece.copy(body, offset);
		else {
			await piece.readInto(body.subarray(offset, offset + piece.size));
			offset += piece.size;
		}
	}
	return { body, contentType: `multipart/form-data; boundary=${boundary}` };
}

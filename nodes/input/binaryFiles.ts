import type { IBinaryData, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { isBase64 } from './base64';
import { itemInputError } from './errors';

/** One input file: the binary field it is in, and the file. */
export interface BinaryInput {
	field: string;
	file: IBinaryData;
}

/** A file part: its size, and how to read its bytes into the place in the body where they go. */
export interface FilePart {
	name: string;
	fileName: string;
	contentType: string;
	size: number;
	readInto: (target: Buffer) => Promise<void>;
}

/**
 * The item's binary fields named in "Input Binary Fields" (every binary field when empty), in that
 * order, checked before anything is sent.
 */
export function inputBinaryFiles(
	context: IExecuteSingleFunctions,
	maxFiles = Infinity,
): BinaryInput[] {
	const binary = context.getInputData().binary ?? {};
	const names = binaryFieldNames(context.getNodeParameter('inputBinaryFields', ''), binary);
	if (names.length === 0) {
		throw itemInputError(
			context,
			'The item has no file to send',
			'Read or download a file first, e.g. with "Read/Write Files from Disk".',
		);
	}
	if (names.length > maxFiles) {
		throw itemInputError(
			context,
			`Too many input files: ${names.length}, at most ${maxFiles}`,
			`Unstructured takes at most ${maxFiles} files per job. Split the files over several items.`,
		);
	}
	const missing = names.find((name) => !binary[name]);
	if (missing) {
		throw itemInputError(
			context,
			`The item has no binary field "${missing}"`,
			`Binary fields of this item: ${Object.keys(binary).join(', ') || 'none'}.`,
		);
	}
	return names.map((field) => ({ field, file: binary[field] }));
}

/** The one binary field a parameter names (e.g. Input Binary Field: `data`), checked before anything is sent. */
export function namedBinaryFile(
	context: IExecuteSingleFunctions,
	parameter = 'binaryPropertyName',
): BinaryInput {
	const field = String(context.getNodeParameter(parameter, 'data') ?? '').trim();
	const binary = context.getInputData().binary ?? {};
	if (!field || !binary[field]) {
		throw itemInputError(
			context,
			field
				? `The item has no binary field "${field}"`
				: 'The parameter "Input Binary Field" is empty',
			`Binary fields of this item: ${Object.keys(binary).join(', ') || 'none'}. Read or download the document first, e.g. with "Read/Write Files from Disk".`,
		);
	}
	return { field, file: binary[field] };
}

/** The binary fields "Input Binary Fields" (`listed`, as the item reads it) names, or every field of `binary`. */
function binaryFieldNames(listed: unknown, binary: Record<string, IBinaryData>): string[] {
	const names = String(listed ?? '')
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	return names.length > 0 ? names : Object.keys(binary);
}

/**
 * Another input item's files, as that item's "Input Binary Fields" (`listed`) names them, for a job
 * that packs the files of several items; none when the item lacks one or has a file over `maxBytes`
 * (it then fails on its own). `sizesKnown` is false when a size could not be told without reading.
 */
export function filesOfItem(
	item: INodeExecutionData,
	listed: unknown,
	maxFiles: number,
	maxBytes?: number,
): { files: BinaryInput[]; sizesKnown: boolean } {
	const binary = item.binary ?? {};
	const names = binaryFieldNames(listed, binary);
	if (names.length === 0 || names.length > maxFiles || names.some((name) => !binary[name]))
		return { files: [], sizesKnown: true };
	const sizes = names.map((name) => knownSize(binary[name]));
	if (maxBytes !== undefined && sizes.some((size) => (size ?? 0) > maxBytes))
		return { files: [], sizesKnown: true };
	return {
		files: names.map((field) => ({ field, file: binary[field] })),
		sizesKnown: sizes.every((size) => size !== undefined),
	};
}

/** A file's size in bytes where it can be told without reading it: n8n's `bytes`, or the base64 held in the item. */
function knownSize(file: IBinaryData): number | undefined {
	if (typeof file.bytes === 'number') return file.bytes;
	return !file.id && typeof file.data === 'string'
		? Buffer.byteLength(file.data, 'base64')
		: undefined;
}

/** The name a file is sent under: its file name, else its binary field's name. */
export function sentFileName({ field, file }: BinaryInput): string {
	return file.fileName ?? field;
}

/**
 * One input file as an `input_files` part, read only when the body is built: from n8n's binary
 * data store (filesystem, S3, database modes) as a stream, or decoded from the item's base64
 * (in-memory mode) straight into the body.
 */
export async function filePart(
	context: IExecuteSingleFunctions,
	input: BinaryInput,
	partName = 'input_files',
): Promise<FilePart> {
	const { file } = input;
	const part = {
		name: partName,
		fileName: sentFileName(input),
		contentType: file.mimeType || 'application/octet-stream',
	};
	const fileError = (got: number, size: number) =>
		itemInputError(
			context,
			`The file "${part.fileName}" could not be read whole`,
			`Read ${got} of its ${size} bytes. Read the file again in an earlier node.`,
		);
	if (file.id) {
		const id = file.id;
		const { fileSize } = await context.helpers.getBinaryMetadata(id);
		return {
			...part,
			size: fileSize,
			readInto: async (target) => {
				let offset = 0;
				for await (const chunk of await context.helpers.getBinaryStream(id)) {
					if (offset + (chunk as Buffer).length > target.length)
						throw fileError(offset + (chunk as Buffer).length, target.length);
					offset += (chunk as Buffer).copy(target, offset);
				}
				if (offset !== target.length) throw fileError(offset, target.length);
			},
		};
	}
	if (typeof file.data === 'string' && isBase64(file.data)) {
		const data = file.data;
		const size = Buffer.byteLength(data, 'base64');
		return { ...part, size, readInto: async (target) => void target.write(data, 'base64') };
	}
	// Anything else (base64 with line breaks, say) is decoded at once, as n8n does.
	const buffer = Buffer.from(String(file.data ?? ''), 'base64');
	return { ...part, size: buffer.length, readInto: async (target) => void buffer.copy(target) };
}

/** The item's input files as `input_files` parts, to be read when the body is built. */
export async function inputFileParts(
	context: IExecuteSingleFunctions,
	maxFiles = Infinity,
): Promise<FilePart[]> {
	const parts: FilePart[] = [];
	for (const input of inputBinaryFiles(context, maxFiles))
		parts.push(await filePart(context, input));
	return parts;
}

/** The item's input files with their names and sizes in bytes, without reading them. */
export async function inputFileSizes(
	context: IExecuteSingleFunctions,
	maxFiles = Infinity,
): Promise<Array<{ name: string; bytes: number }>> {
	const sizes: Array<{ name: string; bytes: number }> = [];
	for (const input of inputBinaryFiles(context, maxFiles)) {
		const { fileName, size } = await filePart(context, input);
		sizes.push({ name: fileName, bytes: size });
	}
	return sizes;
}

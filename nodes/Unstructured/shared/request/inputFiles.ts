import type { IExecuteSingleFunctions } from 'n8n-workflow';

import { itemInputError } from './errors';
import type { FormPart } from './multipart';

/**
 * The item's files named in "Input Binary Fields" (every binary field when empty), as
 * `input_files` parts, checked before anything is sent.
 */
export async function inputFileParts(context: IExecuteSingleFunctions, maxFiles = Infinity): Promise<FormPart[]> {
	const binary = context.getInputData().binary ?? {};
	const listed = (context.getNodeParameter('inputBinaryFields', '') as string)
		.split(',')
		.map((name) => name.trim())
		.filter(Boolean);
	const names = listed.length > 0 ? listed : Object.keys(binary);
	if (names.length === 0) {
		throw itemInputError(context, 'The item has no file to send', 'Read or download a file first, e.g. with "Read/Write Files from Disk".');
	}
	if (names.length > maxFiles) {
		throw itemInputError(context, `Too many input files: ${names.length}, at most ${maxFiles}`, `Unstructured takes at most ${maxFiles} files per job. Split the files over several items.`);
	}
	const missing = names.find((name) => !binary[name]);
	if (missing) {
		throw itemInputError(context, `The item has no binary field "${missing}"`, `Binary fields of this item: ${Object.keys(binary).join(', ') || 'none'}.`);
	}
	return await Promise.all(
		names.map(async (name) => ({
			name: 'input_files',
			fileName: binary[name].fileName ?? name,
			contentType: binary[name].mimeType || 'application/octet-stream',
			data: await context.helpers.getBinaryDataBuffer(name),
		})),
	);
}

import type { IBinaryData, IExecuteSingleFunctions } from 'n8n-workflow';

import { itemInputError } from './errors';
import type { FormPart } from './multipart';

/**
 * The item's binary fields named in "Input Binary Fields" (every binary field when empty), in that
 * order, checked before anything is sent.
 */
export function inputBinaryFiles(context: IExecuteSingleFunctions, maxFiles = Infinity): Array<{ field: string; file: IBinaryData }> {
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
	return names.map((field) => ({ field, file: binary[field] }));
}

/** The name a file is sent under: its file name, else its binary field's name. */
export function sentFileName({ field, file }: { field: string; file: IBinaryData }): string {
	return file.fileName ?? field;
}

/** The item's input files as `input_files` parts. */
export async function inputFileParts(context: IExecuteSingleFunctions, maxFiles = Infinity): Promise<FormPart[]> {
	return await Promise.all(
		inputBinaryFiles(context, maxFiles).map(async (input) => ({
			name: 'input_files',
			fileName: sentFileName(input),
			contentType: input.file.mimeType || 'application/octet-stream',
			data: await context.helpers.getBinaryDataBuffer(input.field),
		})),
	);
}

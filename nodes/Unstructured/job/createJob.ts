import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	IN8nHttpFullResponse,
} from 'n8n-workflow';

import { filesTooLargeError } from '../../http/errors';
import { multipartBody } from '../../http/multipart';
import { takeJobCreationTurn } from '../../http/pacing';
import { withBody } from '../../http/route';
import { sendChecked } from '../../http/transport';
import { filePart, sentFileName } from '../../input/binaryFiles';
import type { BinaryInput } from '../../input/binaryFiles';
import { JOBS_PATH } from '../api/paths';

/**
 * The one way a job is created (Job › Create, alone or packed): `POST /api/v1/jobs/` with a
 * `request_data` JSON part and one `input_files` part per file (docs/unstructured-api.md §4), sent
 * in its turn (one new job per second, `pacing.ts`), its files read only once that turn has come
 * and dropped once sent, retried only where the API certainly did not act (`retry.ts`). A refusal
 * for size (413) names every file sent and its size: the API's answer alone does not say which.
 */
export async function sendCreateJob(
	context: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
	inputs: BinaryInput[],
	requestData: () => IDataObject,
): Promise<IN8nHttpFullResponse> {
	return await sendChecked(
		context,
		{ ...options, method: 'POST', url: JOBS_PATH },
		{
			takeTurn: async () => await takeJobCreationTurn(context),
			prepare: async (unprepared) => {
				const parts = [];
				for (const input of inputs) parts.push(await filePart(context, input));
				return withBody(
					unprepared,
					await multipartBody([
						{ name: 'request_data', text: JSON.stringify(requestData()) },
						...parts,
					]),
				);
			},
			errorFor: async (answer) => {
				if (answer.statusCode !== 413) return undefined;
				const sizes = await Promise.all(
					inputs.map(async (input) => ({
						name: sentFileName(input),
						bytes: (await filePart(context, input)).size,
					})),
				);
				return filesTooLargeError(context, answer, sizes);
			},
		},
	);
}

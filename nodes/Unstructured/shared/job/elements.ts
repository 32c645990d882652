import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { readOptionalText } from '../parameters';
import { inputBinaryFiles, sentFileName } from '../request/inputFiles';
import { jobPath } from '../request/paths';
import { apiRequest } from '../request/transport';
import type { JobInformation, NodeFileMetadata } from '../types';
import { asElements, withContext } from './itemContext';
import { jobError } from './wait';

/**
 * Output "Elements" of Job › Create and Workflow › Run: once the job has finished, the output of
 * each file it processed, downloaded file by file (one body in memory at a time), as one item per
 * document element, in file order then element order. Each item is the element exactly as the API
 * returned it, plus `job_id`, `file_id`, `node_id` (when a node was chosen) and `file_name`.
 */

interface FailedFile {
	document: string;
	error: string;
}

/** One file to download: its `file_id`, the node whose output (none: the last), and its name. */
interface OutputFile {
	fileId: string;
	nodeId?: string;
	fileName: string;
}

/** The names of the files this item sent, in the order they were sent. */
function sentFileNames(context: IExecuteSingleFunctions): string[] {
	try {
		return inputBinaryFiles(context).map(sentFileName);
	} catch {
		return [];
	}
}

/**
 * The files to download. The last node's output (the default) is downloaded by the job's
 * `input_file_ids` without `node_id`, as the API documents; another node's by its entries of
 * `output_node_files`, chosen by node ID, type or subtype. GUESS: the API lists `input_file_ids`
 * (and a node's output files) in the order the files were sent, so the names sent are matched by
 * position; where the counts differ, the file ID stands for the name.
 */
function outputFilesOf(context: IExecuteSingleFunctions, job: JobInformation): OutputFile[] {
	const names = sentFileNames(context);
	const nameAt = (index: number, fileId: string) => (names.length > index ? names[index] : fileId);
	const chosen = readOptionalText(context, 'elementsNode');
	if (!chosen) {
		return (job.input_file_ids ?? []).map((fileId, index) => ({ fileId, fileName: nameAt(index, fileId) }));
	}
	const entries = job.output_node_files ?? [];
	const wanted = chosen.toLowerCase();
	const matching = entries.filter((entry: NodeFileMetadata) =>
		[entry.node_id, entry.node_type, entry.node_subtype].some((value) => String(value).toLowerCase() === wanted),
	);
	const nodeIds = [...new Set(matching.map((entry) => entry.node_id))];
	if (nodeIds.length !== 1) {
		const known = [...new Set(entries.map((entry) => `${entry.node_id} (${entry.node_type}, ${entry.node_subtype})`))];
		throw jobError(
			context,
			job,
			nodeIds.length === 0 ? `Job "${job.id}" has no output of a node "${chosen}"` : `More than one node of job "${job.id}" is "${chosen}"`,
			`Give a node ID of the job in "Elements of Node", or leave it empty for the last node. Nodes with output: ${known.join('; ') || 'none'}.`,
		);
	}
	return matching.map((entry, index) => ({ fileId: entry.file_id, nodeId: entry.node_id, fileName: nameAt(index, entry.file_id) }));
}

/** Whether a failed file of `/failed-files` is this file: its `document` is not documented further. */
function isFile(failed: FailedFile, file: OutputFile): boolean {
	const document = String(failed.document);
	return document === file.fileId || document === file.fileName || document.endsWith(`/${file.fileName}`);
}

async function failedFilesOf(context: IExecuteSingleFunctions, job: JobInformation): Promise<FailedFile[]> {
	const response = await apiRequest(context, { method: 'GET', url: jobPath(job.id, 'failed-files') });
	const files = (response.body as IDataObject | undefined)?.failed_files;
	return Array.isArray(files) ? (files as unknown as FailedFile[]) : [];
}

/** The elements of one file: the download, a JSON list (an object counts as one element). */
async function downloadElements(context: IExecuteSingleFunctions, job: JobInformation, file: OutputFile): Promise<IDataObject[]> {
	const response = await apiRequest(
		context,
		{ method: 'GET', url: jobPath(job.id, 'download'), qs: { file_id: file.fileId, ...(file.nodeId ? { node_id: file.nodeId } : {}) } },
		{ notFound: `Unstructured has no output of file "${file.fileName}" of job "${job.id}"` },
	);
	let body = response.body as unknown;
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		try {
			body = JSON.parse(body.toString());
		} catch {
			throw jobError(context, job, `The output of file "${file.fileName}" of job "${job.id}" is not JSON`, 'Elements needs JSON output; use Job › Download Output with "Binary File" for other formats.');
		}
	}
	return asElements(body);
}

export async function elementItems(context: IExecuteSingleFunctions, job: JobInformation, failWhenFilesFail: boolean): Promise<INodeExecutionData[]> {
	const files = outputFilesOf(context, job);
	if (files.length === 0) {
		throw jobError(
			context,
			job,
			`Job "${job.id}" has no output in Unstructured to turn into elements`,
			'Its output went only to the destination connector of its workflow. Elements works for jobs of files sent from n8n (Job › Create, or Workflow › Run with "Send Input Files"); read the destination instead, or set Output to Job.',
		);
	}
	const failed = await failedFilesOf(context, job);
	if (failed.length > 0 && failWhenFilesFail) {
		throw jobError(
			context,
			job,
			`Job "${job.id}" completed, but ${failed.length} of its files failed: ${failed.map((file) => `${file.document}: ${file.error}`).join('; ')}`,
			'Turn off "Fail When the Job Fails" under Wait Options to get the elements of the other files, with one item per failed file giving its error.',
		);
	}
	const items: INodeExecutionData[] = [];
	const reported = new Set<FailedFile>();
	for (const file of files) {
		const fileContext: IDataObject = { job_id: job.id, file_id: file.fileId, ...(file.nodeId ? { node_id: file.nodeId } : {}), file_name: file.fileName };
		const failure = failed.find((candidate) => isFile(candidate, file));
		if (failure) {
			reported.add(failure);
			items.push({ json: { ...fileContext, error: String(failure.error) } });
			continue;
		}
		for (const element of await downloadElements(context, job, file)) items.push({ json: withContext(element, fileContext) });
	}
	// Failed files that match none of the files by name still get their item: nothing is dropped in silence.
	for (const failure of failed.filter((candidate) => !reported.has(candidate))) {
		items.push({ json: { job_id: job.id, file_name: String(failure.document), error: String(failure.error) } });
	}
	return items;
}

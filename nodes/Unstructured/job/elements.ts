import type { IDataObject, IExecuteSingleFunctions, INodeExecutionData } from 'n8n-workflow';

import { readOptionalText } from '../../input/parameters';
import { itemInputError } from '../../input/errors';
import { inputBinaryFiles, sentFileName } from '../../input/binaryFiles';
import { jobPath } from '../api/paths';
import { apiRequest } from '../../http/transport';
import type { JobInformation, NodeFileMetadata } from '../api/types';
import { withContext } from '../../items/itemContext';
import { FAIL_OPTION_ADVICE, failedFilesText, jobError, sentence } from './errors';

/**
 * Output "Elements" of Job › Create and Workflow › Run: once the job has finished, the output of
 * each file it processed, downloaded file by file (one body in memory at a time), as one item per
 * document element, in file order then element order. Each item is the element exactly as the API
 * returned it, plus `job_id`, `file_id`, `node_id` (when a node was chosen) and `file_name`.
 */

/** A parsed JSON output as element objects: a list's entries (a value stands as `{ value }`), or the object itself. */
export function asElements(parsed: unknown): IDataObject[] {
	const elements = Array.isArray(parsed) ? parsed : [parsed];
	return elements.map((element) =>
		element && typeof element === 'object'
			? (element as IDataObject)
			: { value: element as string },
	);
}

interface FailedFile {
	document: string;
	error: string;
}

/** One file to download: its `file_id`, the node whose output (none: the last), its name and position. */
interface OutputFile {
	fileId: string;
	nodeId?: string;
	fileName: string;
	index: number;
}

/**
 * The files a job was sent, in the order they were sent: their names, and (for a job that packed
 * the files of several items) the input item each came from.
 */
export interface SentFiles {
	names: string[];
	owners?: number[];
}

/** The files this item sent. */
export function sentFilesOf(context: IExecuteSingleFunctions): SentFiles {
	try {
		return { names: inputBinaryFiles(context).map(sentFileName) };
	} catch {
		return { names: [] };
	}
}

/**
 * The files to download. The last node's output (the default) is downloaded by the job's
 * `input_file_ids` without `node_id`, as the API documents; another node's by its entries of
 * `output_node_files`, chosen by node ID, type or subtype. GUESS: the API lists `input_file_ids`
 * (and a node's output files) in the order the files were sent, so the names sent are matched by
 * position; where the counts differ, the file ID stands for the name.
 */
function outputFilesOf(
	context: IExecuteSingleFunctions,
	job: JobInformation,
	{ names }: SentFiles,
): OutputFile[] {
	const nameAt = (index: number, fileId: string) => (names.length > index ? names[index] : fileId);
	const chosen = readOptionalText(context, 'elementsNode');
	if (!chosen) {
		return (job.input_file_ids ?? []).map((fileId, index) => ({
			fileId,
			fileName: nameAt(index, fileId),
			index,
		}));
	}
	const entries = job.output_node_files ?? [];
	const matching = entries.filter((entry: NodeFileMetadata) =>
		isNode(chosen, entry.node_id, entry.node_type, entry.node_subtype),
	);
	const nodeIds = [...new Set(matching.map((entry) => entry.node_id))];
	if (nodeIds.length !== 1) {
		const known = [
			...new Set(
				entries.map((entry) => `${entry.node_id} (${entry.node_type}, ${entry.node_subtype})`),
			),
		];
		throw jobError(
			context,
			job,
			nodeIds.length === 0
				? `Job "${job.id}" has no output of a node "${chosen}"`
				: `More than one node of job "${job.id}" is "${chosen}"`,
			`Give a node ID of the job in "Elements of Node", or leave it empty for the last node. Nodes with output: ${known.join('; ') || 'none'}.`,
		);
	}
	return matching.map((entry, index) => ({
		fileId: entry.file_id,
		nodeId: entry.node_id,
		fileName: nameAt(index, entry.file_id),
		index,
	}));
}

/** Whether "Elements of Node" names this node: by its ID, type or subtype, in any case. */
function isNode(chosen: string, ...idTypeSubtype: unknown[]): boolean {
	const wanted = chosen.toLowerCase();
	return idTypeSubtype.some(
		(value) => value !== undefined && String(value).toLowerCase() === wanted,
	);
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Before a job is created: "Elements of Node" must name exactly one of the nodes the job will have
 * (the template's, from `GET /templates/{id}`, or the Job Nodes given), by type or subtype, so that
 * a mistake fails before the job is paid for. A node ID is not checked: no source says whether a
 * job's nodes keep the IDs of its template's nodes (GUESS avoided).
 */
export function checkElementsNode(
	context: IExecuteSingleFunctions,
	nodes: IDataObject[],
	definedBy: string,
): void {
	const chosen = readOptionalText(context, 'elementsNode');
	if (!chosen || UUID.test(chosen)) return;
	const matching = nodes.filter((node) => isNode(chosen, node.id, node.type, node.subtype));
	if (matching.length === 1) return;
	const known = nodes
		.map(
			(node) =>
				`${String(node.name ?? node.id ?? '?')} (${String(node.type)}, ${String(node.subtype)})`,
		)
		.join('; ');
	throw itemInputError(
		context,
		matching.length === 0
			? `No node "${chosen}" in ${definedBy} for Elements of Node`
			: `More than one node of ${definedBy} is "${chosen}"`,
		`Give the type or subtype of one of its nodes, or leave Elements of Node empty for the last node. Its nodes: ${known || 'none'}.`,
	);
}

/** Whether a failed file of `/failed-files` is this file: its `document` is not documented further. */
function isFile(failed: FailedFile, file: OutputFile): boolean {
	const document = String(failed.document);
	return (
		document === file.fileId || document === file.fileName || document.endsWith(`/${file.fileName}`)
	);
}

async function failedFilesOf(
	context: IExecuteSingleFunctions,
	job: JobInformation,
): Promise<FailedFile[]> {
	const response = await apiRequest(context, {
		method: 'GET',
		url: jobPath(job.id, 'failed-files'),
	});
	const files = (response.body as IDataObject | undefined)?.failed_files;
	return Array.isArray(files) ? (files as unknown as FailedFile[]) : [];
}

/** The elements of one file: the download, a JSON list (an object counts as one element). */
async function downloadElements(
	context: IExecuteSingleFunctions,
	job: JobInformation,
	file: OutputFile,
): Promise<IDataObject[]> {
	const response = await apiRequest(
		context,
		{
			method: 'GET',
			url: jobPath(job.id, 'download'),
			qs: { file_id: file.fileId, ...(file.nodeId ? { node_id: file.nodeId } : {}) },
		},
		{ notFound: `Unstructured has no output of file "${file.fileName}" of job "${job.id}"` },
	);
	let body = response.body as unknown;
	if (typeof body === 'string' || Buffer.isBuffer(body)) {
		try {
			body = JSON.parse(body.toString());
		} catch {
			throw jobError(
				context,
				job,
				`The output of file "${file.fileName}" of job "${job.id}" is not JSON`,
				'Elements needs JSON output; use Job › Download Output with "Binary File" for other formats.',
			);
		}
	}
	return asElements(body);
}

/**
 * What becomes of failed files when the node does not fail for them: `errorItems`, one item each
 * among the elements, `{ job_id, file_id, file_name, error }` (version 1 and 1.1); `lastItem`, left
 * out of the elements and listed as `failed_files` on the item's last item, so that a vector-store
 * chain gets only elements with text (from version 1.2). With no element at all, that is one item
 * `{ job_id, failed_files }`.
 */
export type FailedFilesOutput = 'errorItems' | 'lastItem';

function withFailedFiles(
	items: INodeExecutionData[],
	failedItems: IDataObject[],
	output: FailedFilesOutput,
	job: JobInformation,
): INodeExecutionData[] {
	if (failedItems.length === 0) return items;
	if (output === 'errorItems') return [...items, ...failedItems.map((json) => ({ json }))];
	const failedFiles = failedItems.map((file) => {
		const listed = { ...file };
		delete listed.job_id;
		return listed;
	});
	if (items.length === 0) return [{ json: { job_id: job.id, failed_files: failedFiles } }];
	const last = items[items.length - 1];
	return [...items.slice(0, -1), { ...last, json: { ...last.json, failed_files: failedFiles } }];
}

export async function elementItems(
	context: IExecuteSingleFunctions,
	job: JobInformation,
	failWhenFilesFail: boolean,
	failedFilesOutput: FailedFilesOutput,
	sent: SentFiles = sentFilesOf(context),
): Promise<INodeExecutionData[]> {
	const files = outputFilesOf(context, job, sent);
	if (files.length === 0) {
		throw jobError(
			context,
			job,
			`Job "${job.id}" has no output in Unstructured to turn into elements`,
			'Its output went only to the destination connector of its workflow. Elements works for jobs of files sent from n8n (Job › Create, or Workflow › Run with "Send Input Files"); read the destination instead, or set Output to Job.',
		);
	}
	const failed = await failedFilesOf(context, job);
	// Each input item's elements and failed files, in file order: one owner unless the job was packed.
	const ownerOf = (index: number) =>
		sent.owners?.[index] ?? sent.owners?.[0] ?? context.getItemIndex();
	// A packed job carries several items' files: each item fails for its own files only, as it would
	// with a job of its own (a failed file that matches no file sent fails them all).
	const failing = new Map<number, FailedFile[]>();
	if (failed.length > 0 && failWhenFilesFail) {
		const packed = new Set(sent.owners ?? []).size > 1;
		const matched = failed.every((failure) => files.some((file) => isFile(failure, file)));
		if (!packed || !matched)
			throw jobError(
				context,
				job,
				`Job "${job.id}" completed, but ${failed.length} of its ${Math.max(files.length, failed.length)} files failed`,
				`${sentence(`Failed files: ${failedFilesText(failed)}`)} No element is output while one file failed. ${FAIL_OPTION_ADVICE}`,
			);
		for (const file of files) {
			const failure = failed.find((candidate) => isFile(candidate, file));
			const owner = ownerOf(file.index);
			if (failure) failing.set(owner, [...(failing.get(owner) ?? []), failure]);
		}
	}
	const byOwner = new Map<number, { items: INodeExecutionData[]; failed: IDataObject[] }>();
	const of = (owner: number) =>
		byOwner.get(owner) ?? byOwner.set(owner, { items: [], failed: [] }).get(owner)!;
	const reported = new Set<FailedFile>();
	for (const file of files) {
		if (failing.has(ownerOf(file.index))) {
			// This item fails with its own error (below): nothing of it goes out with the others.
			for (const failure of failed) if (isFile(failure, file)) reported.add(failure);
			continue;
		}
		const owned = of(ownerOf(file.index));
		const fileContext: IDataObject = {
			job_id: job.id,
			file_id: file.fileId,
			...(file.nodeId ? { node_id: file.nodeId } : {}),
			file_name: file.fileName,
		};
		const failure = failed.find((candidate) => isFile(candidate, file));
		if (failure) {
			reported.add(failure);
			owned.failed.push({ ...fileContext, error: String(failure.error) });
			continue;
		}
		for (const element of await downloadElements(context, job, file))
			owned.items.push({ json: withContext(element, fileContext) });
	}
	// Failed files that match none of the files by name are reported too: nothing is dropped in silence.
	for (const failure of failed.filter((candidate) => !reported.has(candidate))) {
		of(ownerOf(0)).failed.push({
			job_id: job.id,
			file_name: String(failure.document),
			error: String(failure.error),
		});
	}
	const failures = [...failing].map(([owner, ownFailures]) => ({
		json: {},
		error: jobError(
			context,
			job,
			`Job "${job.id}" completed, but ${ownFailures.length} of this item's files failed`,
			`${sentence(`Failed files: ${failedFilesText(ownFailures)}`)} The job also carried other items' files (Pack Files Into Jobs): they keep their elements. ${FAIL_OPTION_ADVICE}`,
			owner,
		),
		pairedItem: { item: owner },
	}));
	return [
		...[...byOwner].flatMap(([owner, { items, failed: failedItems }]) =>
			withFailedFiles(items, failedItems, failedFilesOutput, job).map((item) => ({
				...item,
				pairedItem: { item: owner },
			})),
		),
		...failures,
	];
}

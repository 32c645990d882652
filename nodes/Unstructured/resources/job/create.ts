import type {
	IDataObject,
	IExecuteSingleFunctions,
	IHttpRequestOptions,
	INodeExecutionData,
	INodeProperties,
} from 'n8n-workflow';

import { elementsNodeField, failedFilesFields } from '../../fields/elements';
import { jobOutput } from '../../fields/jobOutput';
import {
	EXAMPLE_PROCESSING_NODES,
	PROCESSING_NODES_DESCRIPTION,
} from '../../fields/processingNodes';
import { templateIdLocator } from '../../fields/locators';
import type { Operation } from '../../../description/operations';
import { waitForCompletionFields } from '../../fields/waitFields';
import { sendCreateJob } from '../../job/createJob';
import { jobOutputItems } from '../../job/output';
import { packedJobItems } from '../../job/packing';
import { checkElementsNode } from '../../job/elements';
import { readJsonParameter, readOptionalText } from '../../../input/parameters';
import { JOBS_PATH, templatePath } from '../../api/paths';
import { route } from '../../../http/route';
import { apiRequest } from '../../../http/transport';
import { itemInputError, megabytes } from '../../../input/errors';
import { inputBinaryFiles, inputFileSizes } from '../../../input/binaryFiles';

/** The API takes at most this many input files per on-demand job. */
export const MAX_INPUT_FILES = 10;

/**
 * Version 1 shows Template and Job Nodes together and takes whichever is filled in; from 1.1 the
 * user picks one in "Define Job By", so only that field shows. Saved version-1 nodes keep theirs.
 */
const showForVersion1 = { '@version': [1] };
const showFromVersion11 = { '@version': [{ _cnd: { gte: 1.1 } }] };
/** From 1.2, Output shows only with waiting: a job has no output files or elements before it has finished. */
const showWhenWaiting = { waitForCompletion: [true] };

const JOB_NODES_DESCRIPTION = `The nodes of a custom job: ${PROCESSING_NODES_DESCRIPTION}`;

/**
 * Output. Versions 1 and 1.1 show it above Wait for Completion, always (Output Files or Elements
 * without waiting fail before any request); from 1.2 it shows below the wait options, only with
 * waiting, as Workflow › Run has it: without waiting the output is the job.
 */
export const jobCreateOutput = jobOutput({
	default: 'job',
	choices: ['job', 'outputFiles', 'elements'],
	notes: { outputFiles: 'With Wait for Completion' },
});

/**
 * "Pack Files Into Jobs": off before version 1.3 (saved workflows keep one job per item), on from
 * 1.3, where 30 one-file items take a few seconds instead of half a minute (README, bench).
 */
const packFilesField: INodeProperties = {
	displayName: 'Pack Files Into Jobs',
	name: 'packFiles',
	type: 'boolean',
	default: true,
	description:
		'Whether to put the files of items that share one job definition (the same Template or Job Nodes and options) into shared jobs of up to Files per Job files, instead of one job per item: 300 one-file items make 30 jobs, launched in 30 seconds instead of 300. Every output stays paired with the item its file came from.',
};

const fields: INodeProperties[] = [
	{
		displayName:
			'Unstructured takes one new job per second and runs at most 5 on-demand jobs at once (others wait as SCHEDULED). The node sends the jobs of many items a second apart by itself (no Batching needed in Request Options), so 20 items take about 20 seconds.',
		name: 'createNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { '@version': [{ _cnd: { lt: 1.3 } }] } },
	},
	{
		displayName:
			'Unstructured takes one new job per second, up to 10 files each, and runs at most 5 on-demand jobs at once. The node puts the files of items that share a job definition into shared jobs (Pack Files Into Jobs) and sends the jobs a second apart by itself, so 30 one-file items make 3 jobs and take seconds. Every output stays paired with its item.',
		name: 'createNotice',
		type: 'notice',
		default: '',
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.3 } }] } },
	},
	{
		displayName: 'Define Job By',
		name: 'jobDefinition',
		type: 'options',
		default: 'template',
		displayOptions: { show: showFromVersion11 },
		options: [
			{
				name: 'Template',
				value: 'template',
				description: 'A template of Unstructured, e.g. hi_res_partition',
			},
			{
				name: 'Job Nodes (JSON)',
				value: 'jobNodes',
				description: 'The nodes of a custom job, as JSON',
			},
		],
	},
	{
		...templateIdLocator,
		displayOptions: { show: { ...showFromVersion11, jobDefinition: ['template'] } },
		required: true,
		description: 'The template that defines the job',
	},
	{
		displayName: 'Job Nodes (JSON)',
		name: 'jobNodes',
		type: 'json',
		default: EXAMPLE_PROCESSING_NODES,
		displayOptions: { show: { ...showFromVersion11, jobDefinition: ['jobNodes'] } },
		required: true,
		description: JOB_NODES_DESCRIPTION,
	},
	{
		...templateIdLocator,
		displayOptions: { show: showForVersion1 },
		description: 'The template that defines the job. Leave empty when you give Job Nodes instead.',
	},
	{
		displayName: 'Job Nodes (JSON)',
		name: 'jobNodes',
		type: 'json',
		default: '',
		displayOptions: { show: showForVersion1 },
		description: `Instead of a template: ${JOB_NODES_DESCRIPTION.charAt(0).toLowerCase()}${JOB_NODES_DESCRIPTION.slice(1)}`,
	},
	{
		displayName: 'Input Binary Fields',
		name: 'inputBinaryFields',
		type: 'string',
		default: '',
		placeholder: 'e.g. data, attachment_0',
		description:
			'The binary fields of the item that hold the files to process, separated by commas. Empty: every binary field of the item. At most 10 files.',
	},
	jobCreateOutput.field({ '@version': [1, 1.1] }),
	{
		...packFilesField,
		default: false,
		displayOptions: { show: { '@version': [{ _cnd: { lt: 1.3 } }] } },
	},
	{
		...packFilesField,
		default: true,
		displayOptions: { show: { '@version': [{ _cnd: { gte: 1.3 } }] } },
	},
	{
		displayName: 'Files per Job',
		name: 'filesPerJob',
		type: 'number',
		default: 10,
		typeOptions: { minValue: 1, maxValue: 10 },
		displayOptions: { show: { packFiles: [true] } },
		description:
			"At most this many files in one job (Unstructured takes 10). An item's files are never split over two jobs.",
	},
	{
		displayName: 'Max File Size (MB)',
		name: 'maxFileSize',
		type: 'number',
		default: 0,
		typeOptions: { minValue: 0, numberPrecision: 1 },
		hint: '0 (the default, shown as 0.0) means no size check here: Unstructured still refuses files over its limit',
		description:
			"Fail an item whose file is larger, before anything is sent, rather than after the job waited its turn. 0: no check. Unstructured's limit depends on the plan (10 MB or 50 MB in its docs).",
	},
	...waitForCompletionFields({ waitByDefault: true }),
	jobCreateOutput.field({ ...showWhenWaiting, '@version': [{ _cnd: { gte: 1.2 } }] }),
	elementsNodeField(),
	...failedFilesFields(),
];

/** `{"template_id"}` or `{"job_nodes"}`: exactly one of them, as the API requires. */
function requestData(context: IExecuteSingleFunctions): IDataObject {
	if (context.getNode().typeVersion >= 1.1) {
		if (context.getNodeParameter('jobDefinition', 'template') === 'jobNodes') {
			const jobNodes = readJobNodes(context);
			if (jobNodes === undefined)
				throw itemInputError(
					context,
					'The parameter "Job Nodes (JSON)" is empty',
					`Describe the job nodes as JSON, e.g. ${EXAMPLE_PROCESSING_NODES.replace(/\s+/g, ' ')}`,
				);
			return { job_nodes: jobNodes as IDataObject[] };
		}
		const templateId = readOptionalText(context, 'templateId');
		if (!templateId)
			throw itemInputError(
				context,
				'The parameter "Template" is empty',
				'Pick a template from the list (e.g. hi_res_partition), or map its ID from an earlier node.',
			);
		return { template_id: templateId };
	}
	const templateId = readOptionalText(context, 'templateId');
	const jobNodes = readJobNodes(context);
	if (templateId && jobNodes !== undefined) {
		throw itemInputError(
			context,
			'Give either a Template or Job Nodes, not both',
			'A job is defined by a template or by its own nodes. Clear one of the two.',
		);
	}
	if (!templateId && jobNodes === undefined) {
		throw itemInputError(
			context,
			'Give a Template or Job Nodes',
			'Pick a template from the list (e.g. hi_res_partition), or describe the job nodes as JSON.',
		);
	}
	return templateId ? { template_id: templateId } : { job_nodes: jobNodes as IDataObject[] };
}

/** Job Nodes (JSON) as a non-empty list, `undefined` when left empty. */
function readJobNodes(context: IExecuteSingleFunctions): unknown {
	return readJsonParameter(context, 'jobNodes', 'Job Nodes (JSON)', { list: true, nonEmpty: true });
}

/**
 * preSend: checks the item before anything is sent or any file is read: the job's definition, the
 * files to send, and an Output that can be given.
 */
export async function checkCreateJob(
	this: IExecuteSingleFunctions,
	requestOptions: IHttpRequestOptions,
): Promise<IHttpRequestOptions> {
	const data = requestData(this);
	const output = jobCreateOutput.read(this);
	if (output !== 'job' && this.getNodeParameter('waitForCompletion', true) !== true) {
		const name = output === 'elements' ? 'Elements' : 'Output Files';
		throw itemInputError(
			this,
			`Output "${name}" needs Wait for Completion`,
			`Turn on Wait for Completion: a job has its ${output === 'elements' ? 'elements' : 'output files'} once it has finished. Without waiting, set Output to Job.`,
		);
	}
	inputBinaryFiles(this, MAX_INPUT_FILES);
	await checkFileSizes(this);
	if (output === 'elements') await checkElementsNodeOfJob(this, data);
	return requestOptions;
}

/**
 * Sends the item's job (`sendCreateJob`, the one send path of both ways) and gives its Output; with
 * "Pack Files Into Jobs", this item's share of the job that packs its files with its neighbours'.
 */
async function createJob(
	this: IExecuteSingleFunctions,
	options: IHttpRequestOptions,
): Promise<INodeExecutionData[]> {
	if (this.getNodeParameter('packFiles', this.getNode().typeVersion >= 1.3) !== true) {
		const response = await sendCreateJob(
			this,
			options,
			inputBinaryFiles(this, MAX_INPUT_FILES),
			() => requestData(this),
		);
		return await jobOutputItems(this, response, jobCreateOutput);
	}
	const filesPerJob = Math.min(
		MAX_INPUT_FILES,
		Math.max(1, Math.floor(Number(this.getNodeParameter('filesPerJob', 10)) || 10)),
	);
	const maxMb = Number(this.getNodeParameter('maxFileSize', 0)) || 0;
	return await packedJobItems(this, options, {
		filesPerJob,
		limits: { maxFiles: MAX_INPUT_FILES, maxBytes: maxMb > 0 ? maxMb * 1024 * 1024 : undefined },
		requestData: () => requestData(this),
		output: jobCreateOutput,
	});
}

/** "Max File Size (MB)": a larger file fails its item before any request, named with its size. */
async function checkFileSizes(context: IExecuteSingleFunctions): Promise<void> {
	const maxMb = Number(context.getNodeParameter('maxFileSize', 0)) || 0;
	if (maxMb <= 0) return;
	const tooLarge = (await inputFileSizes(context, MAX_INPUT_FILES)).filter(
		({ bytes }) => bytes > maxMb * 1024 * 1024,
	);
	if (tooLarge.length === 0) return;
	throw itemInputError(
		context,
		`The file "${tooLarge[0].name}" is ${megabytes(tooLarge[0].bytes)}, over the Max File Size of ${maxMb} MB`,
		`Files over the limit: ${tooLarge.map(({ name, bytes }) => `${name} (${megabytes(bytes)})`).join(', ')}. Split or compress them, or raise Max File Size if your Unstructured plan takes larger files.`,
	);
}

/** "Elements of Node" against the nodes the job will have, read from its template when it has one. */
async function checkElementsNodeOfJob(
	context: IExecuteSingleFunctions,
	data: IDataObject,
): Promise<void> {
	if (!readOptionalText(context, 'elementsNode')) return;
	if (data.job_nodes)
		return checkElementsNode(context, data.job_nodes as IDataObject[], 'the Job Nodes');
	const templateId = String(data.template_id);
	const response = await apiRequest(
		context,
		{ method: 'GET', url: templatePath(templateId) },
		{ notFound: `The Unstructured API found no template with ID "${templateId}"` },
	);
	const nodes = (response.body as IDataObject | undefined)?.nodes;
	if (Array.isArray(nodes))
		checkElementsNode(context, nodes as IDataObject[], `template "${templateId}"`);
}

export const jobCreate: Operation = {
	option: {
		name: 'Create',
		value: 'create',
		action: 'Create a job',
		description: 'Start an on-demand job on files of the item, from a template or custom nodes',
		routing: route('POST', JOBS_PATH, { preSend: [checkCreateJob], takeOver: createJob }),
	},
	fields,
};

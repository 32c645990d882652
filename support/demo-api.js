'use strict';
/**
 * The demo Unstructured API of `npm run demo`: the test mock (support/mock-api.js) with demo data, on
 * loopback only. Everything it serves is labelled demo. What it does beyond the mock:
 * - jobs finish a few seconds after they are created, five at a time, as the account limits say;
 * - a text or Markdown file sent to a job gives its real paragraphs and headings as elements
 *   (`Title`, `NarrativeText`), chunked (`CompositeElement`) when the job has a chunking node; any
 *   other file gives clearly labelled sample elements;
 * - a finished job is announced to every notification channel registered for it, signed, as
 *   Unstructured does, so that the Unstructured Trigger works too.
 */
const { createHash } = require('node:crypto');
const path = require('node:path');

const { MockUnstructuredApi, makeOutputFile } = require('./mock-api');

const TEXT_TYPES = /^(text\/|application\/(json|markdown|x-markdown))/;

function elementId(fileName, index, text) {
	return createHash('sha256').update(`${fileName}:${index}:${text}`).digest('hex').slice(0, 32);
}

/** A text or Markdown file as elements: each block between blank lines, a `#` heading as a Title. */
function textElements(fileName, content) {
	const blocks = content
		.split(/\r?\n\s*\r?\n/)
		.map((block) => block.trim())
		.filter(Boolean);
	return blocks.map((block, index) => {
		const heading = /^#{1,6}\s+(.*)$/.exec(block);
		const text = heading ? heading[1].trim() : block.replace(/\s*\r?\n\s*/g, ' ');
		return {
			type: heading || (block.length < 60 && !/[.!?]$/.test(block)) ? 'Title' : 'NarrativeText',
			element_id: elementId(fileName, index, text),
			text,
			metadata: { filename: fileName, filetype: 'text/plain', languages: ['eng'], page_number: 1 },
		};
	});
}

/**
 * A chunking node's output, in outline as Unstructured's `chunk_by_title` gives it: each chunk a
 * `CompositeElement` of whole consecutive elements, a Title starting a new chunk, at most
 * `maxCharacters` (an element longer than that alone in its chunk), the texts joined by a blank line.
 */
function chunkByTitle(elements, maxCharacters = 500) {
	const chunks = [];
	for (const element of elements) {
		const last = chunks[chunks.length - 1];
		const fits = last && last.text.length + 2 + element.text.length <= maxCharacters;
		if (last && fits && element.type !== 'Title') last.text += `\n\n${element.text}`;
		else chunks.push({ text: element.text, metadata: element.metadata });
	}
	return chunks.map(({ text, metadata }, index) => ({
		type: 'CompositeElement',
		element_id: elementId(metadata.filename, index, text),
		text,
		metadata,
	}));
}

/** The chunking node of a created job's nodes (its `request_data`, as the mock parsed it), if it has one. */
function chunkerOf(request) {
	return (request.requestData?.job_nodes ?? []).find((node) => node.type === 'chunk');
}

/** Elements for a file the demo cannot read: labelled as samples, so nobody takes them for real output. */
function sampleElements(fileName, mimeType) {
	return [
		{
			type: 'Title',
			element_id: elementId(fileName, 0, 'sample'),
			text: `Sample element (demo API): ${fileName}`,
			metadata: { filename: fileName, filetype: mimeType, page_number: 1, demo: true },
		},
		{
			type: 'NarrativeText',
			element_id: elementId(fileName, 1, 'sample'),
			text: `The demo API reads only text and Markdown files. For ${mimeType} files, the real Unstructured API gives the document's own elements.`,
			metadata: { filename: fileName, filetype: mimeType, page_number: 1, demo: true },
		},
	];
}

class DemoUnstructuredApi extends MockUnstructuredApi {
	constructor() {
		super({ apiKey: 'demo-key-not-a-secret' });
		this.timers = new Set();
	}

	reset() {
		super.reset();
		this.simulateAccount?.({ maxRunning: 5, baseMs: 4000, perFileMs: 500 });
	}

	/** Demo workflows and jobs in every status, named so that they read as demo data. */
	seed() {
		this.simulateAccount({ maxRunning: 5, baseMs: 4000, perFileMs: 500 });
		const invoices = this.addWorkflow({
			name: 'Demo · Invoices to Postgres',
			status: 'active',
			workflow_type: 'custom',
		});
		const contracts = this.addWorkflow({
			name: 'Demo · Contracts to Pinecone',
			status: 'inactive',
			workflow_type: 'template',
		});
		this.addWorkflow({ name: 'Demo · Local files (send input files)', status: 'active' });
		const day = 24 * 60 * 60 * 1000;
		const statuses = ['COMPLETED', 'COMPLETED', 'FAILED', 'STOPPED', 'IN_PROGRESS', 'SCHEDULED'];
		statuses.forEach((status, index) => {
			const workflow = index % 2 ? contracts : invoices;
			const job = this.addJob({
				workflow_id: workflow.id,
				workflow_name: workflow.name,
				status,
				created_at: new Date(Date.now() - (index + 1) * day).toISOString(),
				runtime: status === 'COMPLETED' ? 'PT2M30S' : null,
				output_node_files:
					status === 'COMPLETED' ? [makeOutputFile({ file_id: `demo-report-${index}.json` })] : [],
			});
			if (status === 'FAILED') {
				this.setDetails(job.id, {
					id: job.id,
					processing_status: 'FAILED',
					node_stats: [],
					message: 'Demo: the source bucket could not be read',
				});
				this.setFailedFiles(job.id, [
					{ document: 'demo-scan.pdf', error: 'Demo: the file is encrypted' },
				]);
			}
		});
		// The IDs the example workflows name, so that they run against the demo as they are.
		const exampleJob = this.addJob({
			id: 'b2c3d4e5-6f7a-4b9c-8d1e-2f3a4b5c6d7e',
			workflow_id: invoices.id,
			workflow_name: invoices.name,
			created_at: new Date().toISOString(),
			output_node_files: [
				makeOutputFile({ file_id: 'demo-invoice.json' }),
				makeOutputFile({ file_id: 'demo-receipt.json' }),
			],
		});
		for (const file of exampleJob.output_node_files)
			this.setOutput(exampleJob.id, {
				fileId: file.file_id,
				nodeId: file.node_id,
				body: JSON.stringify(
					textElements(file.file_id, '# Demo invoice\n\nThis element comes from the demo API.'),
				),
			});
		this.addWorkflow({
			id: '3f2e1d0c-9b8a-4765-8432-10fedcba9876',
			name: 'Demo · Nightly ingest',
			status: 'active',
		});
		this.addConnector('source', {
			name: 'Demo · Invoices bucket',
			type: 's3',
			config: { remote_url: 's3://demo-bucket/invoices/', key: 'demo', secret: 'demo' },
		});
		this.addConnector('destination', {
			name: 'Demo · Contracts index',
			type: 'pinecone',
			config: { index_name: 'demo', api_key: 'demo' },
		});
		return this;
	}

	/** The files of a created job or a run give elements from their content; the job is announced when it finishes. */
	createJob(request) {
		return this.withFileOutputs(super.createJob(request), request);
	}

	runWorkflow(request, workflowId) {
		return this.withFileOutputs(super.runWorkflow(request, workflowId), request);
	}

	/**
	 * The mock keeps the parsed form and `request_data` on the request (`request.form`,
	 * `request.requestData`) when it has them. A run of a workflow's own source sends no file: its
	 * output files get labelled sample elements, so that Download Output after it (the nightly
	 * example) has something to download.
	 */
	withFileOutputs(answer, request) {
		if (answer.status >= 300 || !answer.body?.id) return answer;
		const files = request.form?.files ?? [];
		if (files.length > 0) this.outputsFromFiles(answer.body, files, chunkerOf(request));
		else
			for (const output of answer.body.output_node_files ?? []) {
				const body = JSON.stringify(sampleElements(output.file_id, 'a file of the demo source'));
				this.setOutput(answer.body.id, { fileId: output.file_id, body });
				this.setOutput(answer.body.id, { fileId: output.file_id, nodeId: output.node_id, body });
			}
		return answer;
	}

	/** Each file's elements, or its chunks when the job has a chunking node. */
	outputsFromFiles(job, files, chunker) {
		for (const file of files) {
			const fileName = file.filename;
			const mimeType = file.contentType ?? 'application/octet-stream';
			const elements =
				TEXT_TYPES.test(mimeType) || /\.(md|txt|markdown)$/i.test(fileName)
					? textElements(fileName, file.data.toString('utf8'))
					: sampleElements(fileName, mimeType);
			const output = chunker
				? chunkByTitle(elements, Number(chunker.settings?.max_characters) || undefined)
				: elements;
			const body = JSON.stringify(output);
			this.setOutput(job.id, { fileId: fileName, body });
			for (const output of job.output_node_files ?? [])
				if (output.file_id === fileName)
					this.setOutput(job.id, { fileId: fileName, nodeId: output.node_id, body });
		}
	}

	scheduleOnAccount(job, files) {
		super.scheduleOnAccount(job, files);
		const { finishAt } = this.accountTimes.get(job.id);
		const timer = setTimeout(
			() => {
				this.timers.delete(timer);
				void this.announce(job);
			},
			Math.max(0, finishAt - Date.now()) + 100,
		);
		timer.unref();
		this.timers.add(timer);
	}

	/** `job.completed` to every channel of the workspace or of the job's workflow that asked for it. */
	async announce(job) {
		for (const channel of this.channels.values()) {
			const forJob = !channel.workflow_id || channel.workflow_id === job.workflow_id;
			if (!forJob || !channel.enabled || !channel.event_types?.includes('job.completed')) continue;
			await this.deliver(channel.id, {
				type: 'job.completed',
				jobId: job.id,
				workflowId: job.workflow_id,
			}).catch(() => undefined);
		}
	}

	async stop() {
		for (const timer of this.timers) clearTimeout(timer);
		await super.stop();
	}
}

module.exports = { DemoUnstructuredApi, textElements, chunkByTitle };

if (require.main === module) {
	const api = new DemoUnstructuredApi();
	api.seed();
	api
		.start()
		.then(() =>
			process.stdout.write(
				`Demo Unstructured API on ${api.url} (API key: ${api.apiKey}); ${path.basename(__filename)}\n`,
			),
		);
}

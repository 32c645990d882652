'use strict';
const { describe, it, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { runNode, runWorkflow, NODE_TYPE } = require('../support/harness');
const { MockUnstructuredApi, makeOutputFile } = require('../support/mock-api');

const examplesDir = path.resolve(__dirname, '..', 'examples');
const mock = new MockUnstructuredApi();

before(() => mock.start());
after(() => mock.stop());
beforeEach(() => mock.reset());

describe('examples/get-job-output-files.json', () => {
	const workflow = JSON.parse(
		fs.readFileSync(path.join(examplesDir, 'get-job-output-files.json'), 'utf8'),
	);
	const node = workflow.nodes.find((candidate) => candidate.type === NODE_TYPE);

	it('connects the Manual Trigger to Unstructured › Job › Get', () => {
		const trigger = workflow.nodes.find(
			(candidate) => candidate.type === 'n8n-nodes-base.manualTrigger',
		);
		assert.equal(workflow.connections[trigger.name].main[0][0].node, node.name);
		assert.deepEqual(Object.keys(node.credentials), ['unstructuredApi']);
	});

	it('its Unstructured node runs as saved and outputs the job files', async () => {
		const file = makeOutputFile();
		const job = mock.addJob({ id: node.parameters.jobId.value, output_node_files: [file] });
		const { items, error } = await runNode({
			parameters: node.parameters,
			credentials: { apiUrl: mock.url, apiKey: mock.apiKey },
		});
		assert.equal(error, undefined);
		assert.deepEqual(
			items.map((item) => [item.json.job_id, item.json.file_id]),
			[[job.id, file.file_id]],
		);
	});
});

describe('examples/create-wait-download.json', () => {
	const workflow = JSON.parse(
		fs.readFileSync(path.join(examplesDir, 'create-wait-download.json'), 'utf8'),
	);
	const byName = Object.fromEntries(workflow.nodes.map((node) => [node.name, node]));
	const chain = [
		'When clicking ‘Execute workflow’',
		'Read Invoice',
		'Partition the File',
		'List Output Files',
		'Download Elements',
	];

	it('chains Manual Trigger → Read file → Create (wait) → Get (files) → Download Output', () => {
		for (let index = 0; index < chain.length - 1; index++) {
			assert.equal(workflow.connections[chain[index]].main[0][0].node, chain[index + 1]);
		}
		assert.deepEqual(
			chain.slice(2).map((name) => byName[name].parameters.operation),
			['create', 'get', 'download'],
		);
	});

	it("its Unstructured nodes run in turn as saved, each on the previous one's output", async () => {
		const fast = (parameters) => ({
			...parameters,
			waitOptions: { ...parameters.waitOptions, pollInterval: 1 },
		});
		const credentials = { apiUrl: mock.url, apiKey: mock.apiKey };
		mock.newJobStatuses = ['SCHEDULED', 'COMPLETED'];
		const read = [
			{
				json: {},
				binary: {
					data: {
						data: Buffer.from('%PDF-1.7').toString('base64'),
						mimeType: 'application/pdf',
						fileName: 'invoice.pdf',
					},
				},
			},
		];

		const created = await runNode({
			parameters: fast(byName['Partition the File'].parameters),
			items: read,
			credentials,
		});
		assert.equal(created.error, undefined);
		assert.equal(created.items[0].json.status, 'COMPLETED');
		const job = mock.jobs.get(created.items[0].json.id);
		const [file] = job.output_node_files;
		mock.setOutput(job.id, {
			fileId: file.file_id,
			nodeId: file.node_id,
			body: JSON.stringify([{ type: 'Title', text: 'Invoice' }]),
		});

		const files = await runNode({
			parameters: byName['List Output Files'].parameters,
			items: created.items,
			credentials,
		});
		assert.deepEqual(
			files.items.map((item) => item.json.file_id),
			['invoice.pdf'],
		);

		const downloaded = await runNode({
			parameters: byName['Download Elements'].parameters,
			items: files.items,
			credentials,
		});
		assert.equal(downloaded.error, undefined);
		assert.deepEqual(
			downloaded.items.map((item) => item.json),
			[
				{
					type: 'Title',
					text: 'Invoice',
					job_id: job.id,
					file_id: 'invoice.pdf',
					node_id: file.node_id,
				},
			],
		);
	});
});

describe('examples/scheduled-run-download.json', () => {
	const workflow = JSON.parse(
		fs.readFileSync(path.join(examplesDir, 'scheduled-run-download.json'), 'utf8'),
	);
	const byName = Object.fromEntries(workflow.nodes.map((node) => [node.name, node]));

	it('chains Schedule Trigger → Workflow › Run (wait, output files) → Job › Download Output', () => {
		assert.equal(byName['Every Night'].type, 'n8n-nodes-base.scheduleTrigger');
		assert.equal(workflow.connections['Every Night'].main[0][0].node, 'Run Nightly Ingest');
		assert.equal(workflow.connections['Run Nightly Ingest'].main[0][0].node, 'Download Output');
		assert.deepEqual(
			['Run Nightly Ingest', 'Download Output'].map((name) => [
				byName[name].parameters.resource,
				byName[name].parameters.operation,
			]),
			[
				['workflow', 'run'],
				['job', 'download'],
			],
		);
	});

	it('its Unstructured nodes run as saved, Run feeding Download Output', async () => {
		const target = mock.addWorkflow({
			id: byName['Run Nightly Ingest'].parameters.workflowId.value,
			name: 'Nightly ingest',
		});
		mock.newJobStatuses = ['COMPLETED'];
		mock.newJobOutput = [{ type: 'Title', text: 'Night report' }];
		const nodes = ['Run Nightly Ingest', 'Download Output'].map((name) => ({
			...byName[name],
			credentials: { unstructuredApi: { id: 'test', name: 'test' } },
		}));
		const { items, error } = await runWorkflow({
			nodes,
			connections: { 'Run Nightly Ingest': workflow.connections['Run Nightly Ingest'] },
			credentials: { unstructuredApi: { apiUrl: mock.url, apiKey: mock.apiKey } },
		});
		assert.equal(error, undefined);
		const [job] = [...mock.jobs.values()];
		assert.equal(job.workflow_id, target.id);
		assert.deepEqual(
			items.map((item) => item.json),
			[
				{
					type: 'Title',
					text: 'Night report',
					job_id: job.id,
					file_id: job.output_node_files[0].file_id,
					node_id: job.output_node_files[0].node_id,
				},
			],
		);
	});
});

describe('examples/trigger-job-details.json', () => {
	const workflow = JSON.parse(
		fs.readFileSync(path.join(examplesDir, 'trigger-job-details.json'), 'utf8'),
	);
	const byName = Object.fromEntries(workflow.nodes.map((node) => [node.name, node]));

	it("chains Unstructured Trigger → Job › Get Details on the event's job_id", () => {
		assert.equal(byName['When a Job Ends'].type, 'n8n-nodes-unstructured.unstructuredTrigger');
		assert.ok(
			byName['When a Job Ends'].webhookId,
			'a trigger keeps its webhook ID, and so its URL, across imports',
		);
		assert.equal(workflow.connections['When a Job Ends'].main[0][0].node, 'Get Processing Details');
		assert.equal(byName['Get Processing Details'].parameters.jobId.value, '={{ $json.job_id }}');
	});

	it('its Get Details node runs on what the trigger outputs', async () => {
		const job = mock.addJob({ status: 'COMPLETED' });
		const event = {
			type: 'job.completed',
			job_id: job.id,
			workflow_id: job.workflow_id,
			processing_time_ms: 1234,
			payload: {},
		};
		const { items, error } = await runNode({
			parameters: byName['Get Processing Details'].parameters,
			items: [{ json: event }],
			credentials: { apiUrl: mock.url, apiKey: mock.apiKey },
		});
		assert.equal(error, undefined);
		assert.deepEqual(
			items.map((item) => [item.json.job_id, item.json.processing_status]),
			[[job.id, 'SUCCESS']],
		);
	});
});

describe('examples/form-upload-elements.json', () => {
	const workflow = JSON.parse(
		fs.readFileSync(path.join(examplesDir, 'form-upload-elements.json'), 'utf8'),
	);
	const byName = Object.fromEntries(workflow.nodes.map((node) => [node.name, node]));

	it('chains Form Trigger (a file field) → Job › Create (Elements) → Aggregate of the text', () => {
		assert.equal(byName['Document Upload Form'].type, 'n8n-nodes-base.formTrigger');
		assert.equal(byName['Document Upload Form'].parameters.formFields.values[0].fieldType, 'file');
		assert.equal(
			workflow.connections['Document Upload Form'].main[0][0].node,
			'Partition into Elements',
		);
		assert.equal(
			workflow.connections['Partition into Elements'].main[0][0].node,
			'Text of All Elements',
		);
		assert.deepEqual(
			[
				byName['Partition into Elements'].parameters.operation,
				byName['Partition into Elements'].parameters.output,
			],
			['create', 'elements'],
		);
	});

	it('its Unstructured node turns the uploaded file into elements', async () => {
		mock.newJobStatuses = ['COMPLETED'];
		mock.newJobOutput = [
			{
				type: 'Title',
				element_id: 'e1',
				text: 'Quarterly report',
				metadata: { filename: 'q3.pdf' },
			},
		];
		const upload = {
			json: { Document: { filename: 'q3.pdf' } },
			binary: {
				Document: {
					data: Buffer.from('%PDF').toString('base64'),
					mimeType: 'application/pdf',
					fileName: 'q3.pdf',
				},
			},
		};
		const { items, error } = await runNode({
			parameters: byName['Partition into Elements'].parameters,
			items: [upload],
			credentials: { apiUrl: mock.url, apiKey: mock.apiKey },
		});
		assert.equal(error, undefined);
		const [job] = mock.jobs.values();
		assert.deepEqual(
			items.map((item) => item.json),
			[
				{
					type: 'Title',
					element_id: 'e1',
					text: 'Quarterly report',
					metadata: { filename: 'q3.pdf' },
					job_id: job.id,
					file_id: 'q3.pdf',
					file_name: 'q3.pdf',
				},
			],
		);
	});
});

describe('examples/setup-source-workflow-destination.json', () => {
	const workflow = JSON.parse(
		fs.readFileSync(path.join(examplesDir, 'setup-source-workflow-destination.json'), 'utf8'),
	);
	const chain = [
		'Create S3 Source',
		'Test Source Connection',
		'Create Pinecone Destination',
		'Create Workflow',
		'Run Workflow',
	];
	const byName = Object.fromEntries(workflow.nodes.map((node) => [node.name, node]));

	it('chains Manual Trigger → Source › Create → Test Connection → Destination › Create → Workflow › Create → Run', () => {
		assert.equal(
			workflow.connections['When clicking ‘Execute workflow’'].main[0][0].node,
			chain[0],
		);
		for (let index = 0; index < chain.length - 1; index++)
			assert.equal(workflow.connections[chain[index]].main[0][0].node, chain[index + 1]);
		assert.deepEqual(
			chain.map(
				(name) => `${byName[name].parameters.resource}:${byName[name].parameters.operation}`,
			),
			[
				'source:create',
				'source:testConnection',
				'destination:create',
				'workflow:create',
				'workflow:run',
			],
		);
	});

	it('runs as saved: the workflow is made of the source and destination just created, and runs', async () => {
		mock.connectionCheckStatuses = ['SUCCESS'];
		mock.newJobStatuses = ['COMPLETED'];
		const nodes = chain.map((name) => ({
			...byName[name],
			parameters:
				name === 'Run Workflow'
					? { ...byName[name].parameters, waitOptions: { pollInterval: 1 } }
					: byName[name].parameters,
		}));
		const { items, error } = await runWorkflow({
			nodes,
			connections: Object.fromEntries(
				chain.slice(0, -1).map((name) => [name, workflow.connections[name]]),
			),
			credentials: { unstructuredApi: { apiUrl: mock.url, apiKey: mock.apiKey } },
		});
		assert.equal(error, undefined, error?.message);
		const [source] = mock.connectors.source.values();
		const [destination] = mock.connectors.destination.values();
		const [created] = mock.workflows;
		assert.deepEqual([source.type, destination.type], ['s3', 'pinecone']);
		assert.deepEqual(
			[created.sources, created.destinations, created.workflow_nodes.map((node) => node.type)],
			[[source.id], [destination.id], ['partition', 'chunk', 'embed']],
		);
		const [job] = mock.jobs.values();
		assert.deepEqual(
			items.map((item) => [item.json.job_id, item.json.workflow_id, item.json.status]),
			[[job.id, created.id, 'COMPLETED']],
		);
	});
});

describe('examples/rag-elements-vector-store.json', () => {
	const workflow = JSON.parse(
		fs.readFileSync(path.join(examplesDir, 'rag-elements-vector-store.json'), 'utf8'),
	);
	const byName = Object.fromEntries(workflow.nodes.map((node) => [node.name, node]));
	const to = (from, type) => workflow.connections[from][type][0].map((target) => target.node);

	it('inserts: form → Create (partition and chunk, Elements) → Vector Store insert with a JSON data loader and embeddings', () => {
		assert.deepEqual(to('Document Upload Form', 'main'), ['Partition and Chunk']);
		assert.deepEqual(to('Partition and Chunk', 'main'), ['Insert into Vector Store']);
		assert.deepEqual(to('Elements as Documents', 'ai_document'), ['Insert into Vector Store']);
		assert.deepEqual(to('Embeddings', 'ai_embedding'), ['Insert into Vector Store']);
		const create = byName['Partition and Chunk'].parameters;
		assert.deepEqual(
			[create.output, JSON.parse(create.jobNodes).map((node) => node.type)],
			['elements', ['partition', 'chunk']],
		);
		const loader = byName['Elements as Documents'].parameters;
		assert.deepEqual(
			[loader.dataType, loader.jsonMode, loader.jsonData],
			['json', 'expressionData', '={{ $json.text }}'],
		);
		assert.deepEqual(
			loader.options.metadata.metadataValues.map((value) => value.name),
			['file_name', 'page_number', 'element_id', 'element_type', 'job_id'],
		);
	});

	it('asks: form → Vector Store search of the same store, with embeddings', () => {
		assert.deepEqual(to('Question Form', 'main'), ['Search the Vector Store']);
		assert.deepEqual(to('Embeddings for the Question', 'ai_embedding'), [
			'Search the Vector Store',
		]);
		assert.equal(
			byName['Search the Vector Store'].parameters.memoryKey.value,
			byName['Insert into Vector Store'].parameters.memoryKey.value,
		);
		assert.equal(byName['Search the Vector Store'].parameters.mode, 'load');
	});
});

describe('the Unstructured Transform examples', () => {
	const { MockTransformApi } = require('../support/mock-transform-api');
	const transform = new MockTransformApi();
	before(() => transform.start());
	after(() => transform.stop());
	const formItem = (text) => ({
		json: { Document: { filename: 'invoice.txt' } },
		binary: {
			Document: {
				data: Buffer.from(text).toString('base64'),
				mimeType: 'text/plain',
				fileName: 'invoice.txt',
			},
		},
	});
	const transformNode = (file) => {
		const workflow = JSON.parse(fs.readFileSync(path.join(examplesDir, file), 'utf8'));
		const node = workflow.nodes.find(
			(candidate) => candidate.type === 'n8n-nodes-unstructured.unstructuredTransform',
		);
		const trigger = workflow.nodes.find(
			(candidate) => candidate.type === 'n8n-nodes-base.formTrigger',
		);
		assert.equal(workflow.connections[trigger.name].main[0][0].node, node.name);
		assert.deepEqual(Object.keys(node.credentials), ['unstructuredTransformApi']);
		return node;
	};
	const run = async (node, text) =>
		await runNode({
			node: 'unstructuredTransform',
			parameters: node.parameters,
			items: [formItem(text)],
			credentials: { apiKey: transform.apiKey, baseUrl: transform.url },
		});

	it("examples/transform-invoice-fields.json: the form's file → Extract with a field list → the invoice's fields", async () => {
		transform.reset();
		const node = transformNode('transform-invoice-fields.json');
		const { items, error } = await run(
			node,
			'Invoice number: INV-7\n\nInvoice date: 2026-11-30\n\nVendor: Paper Co\n\nTotal: 99.90',
		);
		assert.equal(error, undefined);
		assert.deepEqual(
			[
				items[0].json.invoice_number,
				items[0].json.invoice_date,
				items[0].json.vendor,
				items[0].json.total,
				items[0].json.line_items,
			],
			['INV-7', '2026-11-30', 'Paper Co', 99.9, null],
		);
	});

	it("examples/transform-elements-vector-store.json: the form's file → Parse → one item per element, as the loader reads them", async () => {
		transform.reset();
		const { items, error } = await run(
			transformNode('transform-elements-vector-store.json'),
			'# Notes\n\nSome text.',
		);
		assert.equal(error, undefined);
		assert.deepEqual(
			items.map((item) => [
				item.json.type,
				item.json.text,
				item.json.file_name,
				item.json.metadata.page_number,
			]),
			[
				['Title', 'Notes', 'invoice.txt', 1],
				['NarrativeText', 'Some text.', 'invoice.txt', 1],
			],
		);
	});

	it("examples/transform-document-markdown.json: the form's file → Parse → its Markdown", async () => {
		transform.reset();
		const { items, error } = await run(
			transformNode('transform-document-markdown.json'),
			'# Notes\n\nSome text.',
		);
		assert.equal(error, undefined);
		assert.equal(items[0].json.markdown, '# Notes\n\nSome text.');
	});
});

'use strict';
/** Output "Elements" of Job › Create and Workflow › Run: from files to document elements in one node. */
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../support/harness');
const { allRenderings, binaryFile, byId, plain, useMockApi } = require('./helpers');

const { mock, credentials } = useMockApi();

const CONTINUE = { onError: 'continueRegularOutput' };

/** Elements as Unstructured returns them, a few per file, named after the file. */
function elementsOf(fileName, count = 2) {
	return Array.from({ length: count }, (_, index) => ({
		type: index === 0 ? 'Title' : 'NarrativeText',
		element_id: `${fileName}-${index}`,
		text: `${fileName} text ${index}`,
		metadata: { filename: fileName, page_number: 1, languages: ['eng'] },
		embeddings: null,
	}));
}

function fileItem(...names) {
	return {
		json: {},
		binary: Object.fromEntries(
			names.map((name, index) => [
				`file_${index}`,
				binaryFile(name, 'text/plain', `content of ${name}`),
			]),
		),
	};
}

const createElements = (extra = {}) => ({
	resource: 'job',
	operation: 'create',
	templateId: byId('hi_res_partition'),
	waitForCompletion: true,
	output: 'elements',
	...extra,
});

/** Finished jobs whose files download as `elementsOf(file)`. */
function jobsFinishWithElements() {
	mock.newJobStatuses = ['COMPLETED'];
	mock.newJobOutput = (file) => elementsOf(file.file_id);
}

/** The items expected for a file: its elements with the job and file context after them. */
function expectedElements(job, fileName, item) {
	return elementsOf(fileName).map((element) => ({
		json: { ...element, job_id: job.id, file_id: fileName, file_name: fileName },
		pairedItem: { item },
	}));
}

const jobFor = (fileName) =>
	[...mock.jobs.values()].find((job) => job.input_file_ids?.includes(fileName));

describe('Output: Elements', () => {
	it('Job › Create outputs every element of every file, in file then element order, with its context', async () => {
		jobsFinishWithElements();
		const { items, error } = await runNode({
			parameters: createElements(),
			items: [fileItem('a.pdf', 'b.pdf')],
			credentials,
		});
		assert.equal(error, undefined);
		const job = jobFor('a.pdf');
		assert.deepEqual(plain(items), [
			...expectedElements(job, 'a.pdf', 0),
			...expectedElements(job, 'b.pdf', 0),
		]);
		assert.deepEqual(
			mock.requests.map(({ method, path, query }) => [method, path, query]),
			[
				['POST', '/api/v1/jobs/', {}],
				['GET', `/api/v1/jobs/${job.id}/failed-files`, {}],
				['GET', `/api/v1/jobs/${job.id}/download`, { file_id: 'a.pdf' }],
				['GET', `/api/v1/jobs/${job.id}/download`, { file_id: 'b.pdf' }],
			],
		);
	});

	it('pairs the elements of two inputs, of one and two files, with their own input', async () => {
		jobsFinishWithElements();
		const { items } = await runNode({
			parameters: createElements(),
			items: [fileItem('one.txt'), fileItem('two.txt', 'three.txt')],
			credentials,
		});
		assert.deepEqual(plain(items), [
			...expectedElements(jobFor('one.txt'), 'one.txt', 0),
			...expectedElements(jobFor('two.txt'), 'two.txt', 1),
			...expectedElements(jobFor('two.txt'), 'three.txt', 1),
		]);
	});

	it('a completed job with a failed file fails the item by default, naming the file and the reason', async () => {
		jobsFinishWithElements();
		mock.newJobFailedFiles = [{ document: 'b.pdf', error: 'Unsupported file type' }];
		const { error } = await runNode({
			parameters: createElements(),
			items: [fileItem('a.pdf', 'b.pdf')],
			credentials,
		});
		const job = jobFor('a.pdf');
		assert.equal(error.message, `Job "${job.id}" completed, but 1 of its 2 files failed`);
		assert.match(
			error.description,
			/^Failed files: b\.pdf \(Unsupported file type\)\. No element is output while one file failed\. Turn off "Fail When the Job or a File Fails"/,
		);
		assert.ok(
			!mock.requests.some((request) => request.path.endsWith('/download')),
			'nothing is downloaded for an item that fails',
		);
	});

	it('with "Fail When the Job Fails" off, gives the other files\' elements and one item per failed file', async () => {
		jobsFinishWithElements();
		mock.newJobFailedFiles = [{ document: 'b.pdf', error: 'Unsupported file type' }];
		const { items } = await runNode({
			parameters: createElements({ waitOptions: { failWhenJobFails: false } }),
			items: [fileItem('a.pdf', 'b.pdf')],
			credentials,
		});
		const job = jobFor('a.pdf');
		assert.deepEqual(plain(items), [
			...expectedElements(job, 'a.pdf', 0),
			{
				json: {
					job_id: job.id,
					file_id: 'b.pdf',
					file_name: 'b.pdf',
					error: 'Unsupported file type',
				},
				pairedItem: { item: 0 },
			},
		]);
		assert.equal(mock.requests.filter((request) => request.path.endsWith('/download')).length, 1);
	});

	it('from node version 1.2, failed files stay out of the elements and are listed on the last item', async () => {
		jobsFinishWithElements();
		mock.newJobFailedFiles = [{ document: 'b.pdf', error: 'Unsupported file type' }];
		const { items } = await runNode({
			parameters: createElements({ waitOptions: { failWhenJobFails: false } }),
			items: [fileItem('a.pdf', 'b.pdf', 'c.pdf')],
			credentials,
			settings: { typeVersion: 1.2 },
		});
		const job = jobFor('a.pdf');
		const [c0, c1] = expectedElements(job, 'c.pdf', 0);
		assert.deepEqual(plain(items), [
			...expectedElements(job, 'a.pdf', 0),
			c0,
			{
				...c1,
				json: {
					...c1.json,
					failed_files: [{ file_id: 'b.pdf', file_name: 'b.pdf', error: 'Unsupported file type' }],
				},
			},
		]);
		assert.ok(
			items.every((item) => typeof item.json.text === 'string'),
			'every item has text',
		);
	});

	it('from node version 1.2, a job whose every file failed gives one item listing them', async () => {
		jobsFinishWithElements();
		mock.newJobFailedFiles = [{ document: 'a.pdf', error: 'Encrypted' }];
		const { items } = await runNode({
			parameters: createElements({ waitOptions: { failWhenJobFails: false } }),
			items: [fileItem('a.pdf')],
			credentials,
			settings: { typeVersion: 1.2 },
		});
		const job = jobFor('a.pdf');
		assert.deepEqual(plain(items), [
			{
				json: {
					job_id: job.id,
					failed_files: [{ file_id: 'a.pdf', file_name: 'a.pdf', error: 'Encrypted' }],
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Elements of Node naming no node of the template fails before the job is created', async () => {
		const { error } = await runNode({
			parameters: createElements({ elementsNode: 'chunk' }),
			items: [fileItem('a.pdf')],
			credentials,
		});
		assert.equal(
			error.message,
			'No node "chunk" in template "hi_res_partition" for Elements of Node',
		);
		assert.equal(
			error.description,
			'Give the type or subtype of one of its nodes, or leave Elements of Node empty for the last node. Its nodes: Partitioner (partition, unstructured_api).',
		);
		assert.deepEqual(
			mock.requests.map(({ method, path }) => `${method} ${path}`),
			['GET /api/v1/templates/hi_res_partition'],
		);
	});

	it('Elements of Node is checked against the Job Nodes given, with no request when it matches none', async () => {
		const jobNodes = JSON.stringify([
			{ name: 'Partitioner', type: 'partition', subtype: 'unstructured_api' },
			{ name: 'Chunker', type: 'chunk', subtype: 'chunk_by_title' },
		]);
		const parameters = createElements({
			jobDefinition: 'jobNodes',
			jobNodes,
			elementsNode: 'embed',
		});
		const { error } = await runNode({
			parameters,
			items: [fileItem('a.pdf')],
			credentials,
			settings: { typeVersion: 1.1 },
		});
		assert.equal(error.message, 'No node "embed" in the Job Nodes for Elements of Node');
		assert.equal(mock.requests.length, 0);
		mock.newJobStatuses = ['COMPLETED'];
		const passes = await runNode({
			parameters: { ...parameters, elementsNode: 'chunk' },
			items: [fileItem('a.pdf')],
			credentials,
			settings: { typeVersion: 1.1 },
		});
		assert.equal(mock.requests[0].path, '/api/v1/jobs/', 'a node of the job passes the check');
		assert.match(
			passes.error.message,
			/has no output of a node "chunk"/,
			"the mock's job has only a partition output",
		);
	});

	it('Workflow › Run whose output goes only to its destination fails before the run, not with zero items', async () => {
		const workflow = mock.addWorkflow();
		mock.newJobStatuses = ['COMPLETED'];
		const { error, items } = await runNode({
			parameters: {
				resource: 'workflow',
				operation: 'run',
				workflowId: byId(workflow.id),
				waitForCompletion: true,
				output: 'elements',
			},
			credentials,
		});
		assert.deepEqual(items, []);
		assert.equal(error.message, 'Output "Elements" needs Send Input Files');
		assert.match(error.description, /writes its output to the destination only/);
		assert.equal(mock.requests.length, 0, 'no run is started');
	});

	it('Workflow › Run with input files outputs their elements', async () => {
		const workflow = mock.addWorkflow();
		jobsFinishWithElements();
		const { items } = await runNode({
			parameters: {
				resource: 'workflow',
				operation: 'run',
				workflowId: byId(workflow.id),
				sendInputFiles: true,
				waitForCompletion: true,
				output: 'elements',
			},
			items: [fileItem('report.docx')],
			credentials,
		});
		assert.deepEqual(plain(items), expectedElements(jobFor('report.docx'), 'report.docx', 0));
	});

	it('a download that fails mid-way fails its item as a whole; with Continue On Fail the other inputs keep their elements', async () => {
		jobsFinishWithElements();
		mock.setResponse({
			path: /\/download$/,
			status: 404,
			body: { detail: 'File not found' },
			times: 1,
		});
		const run = await runNode({
			parameters: createElements(),
			items: [fileItem('x.txt', 'y.txt')],
			credentials,
		});
		assert.match(
			run.error.message,
			/^Unstructured has no output of file "x\.txt" of job "[^"]+" \(404\): File not found$/,
		);
		assert.deepEqual(run.items, []);
		assert.ok(!allRenderings(run.error).includes(mock.apiKey));

		mock.reset();
		jobsFinishWithElements();
		// The second download of the run (the second file of whichever item came first) fails.
		let downloads = 0;
		const route = mock.route.bind(mock);
		mock.route = (request) =>
			request.path.endsWith('/download') && ++downloads === 2
				? { status: 500, body: { detail: 'Internal server error' } }
				: route(request);
		try {
			const { items } = await runNode({
				parameters: createElements({ retryOptions: { retry: false } }),
				items: [fileItem('p.txt', 'q.txt'), fileItem('r.txt')],
				credentials,
				settings: CONTINUE,
			});
			assert.deepEqual(plain(items), [
				{
					json: { error: 'The Unstructured API had a server error (500): Internal server error' },
					pairedItem: { item: 0 },
				},
				...expectedElements(jobFor('r.txt'), 'r.txt', 1),
			]);
		} finally {
			delete mock.route;
		}
	});

	it("Elements of Node picks another node's output by type, and names the nodes when none matches", async () => {
		jobsFinishWithElements();
		const { items } = await runNode({
			parameters: createElements({ elementsNode: 'partition' }),
			items: [fileItem('n.txt')],
			credentials,
		});
		const job = jobFor('n.txt');
		const [file] = job.output_node_files;
		const download = mock.requests.find((request) => request.path.endsWith('/download'));
		assert.deepEqual(download.query, { file_id: 'n.txt', node_id: file.node_id });
		assert.deepEqual(items[0].json, {
			...elementsOf('n.txt')[0],
			job_id: job.id,
			file_id: 'n.txt',
			node_id: file.node_id,
			file_name: 'n.txt',
		});

		// A node ID is checked once the job has run (no source says a job keeps its template's node IDs).
		const missing = '0d0d0d0d-0d0d-40d0-80d0-0d0d0d0d0d0d';
		const { error } = await runNode({
			parameters: createElements({ elementsNode: missing }),
			items: [fileItem('m.txt')],
			credentials,
		});
		const other = jobFor('m.txt');
		assert.equal(error.message, `Job "${other.id}" has no output of a node "${missing}"`);
		assert.match(
			error.description,
			new RegExp(
				`Nodes with output: ${other.output_node_files[0].node_id} \\(partition, unstructured_api\\)`,
			),
		);
	});

	it("an element field the API adds later comes through as it is, and the API's fields win over the context", async () => {
		mock.newJobStatuses = ['COMPLETED'];
		mock.newJobOutput = () => [
			{
				type: 'Table',
				element_id: 'e1',
				text: 't',
				metadata: {},
				file_id: 'from-the-api',
				new_field: { nested: true },
			},
		];
		const { items } = await runNode({
			parameters: createElements(),
			items: [fileItem('t.csv')],
			credentials,
		});
		assert.deepEqual(items[0].json, {
			type: 'Table',
			element_id: 'e1',
			text: 't',
			metadata: {},
			file_id: 'from-the-api',
			new_field: { nested: true },
			job_id: jobFor('t.csv').id,
			file_name: 't.csv',
		});
	});

	it('Job › Create with Output Elements but without Wait for Completion fails before creating a job', async () => {
		const { error } = await runNode({
			parameters: createElements({ waitForCompletion: false }),
			items: [fileItem('w.txt')],
			credentials,
		});
		assert.equal(error.message, 'Output "Elements" needs Wait for Completion');
		assert.equal(mock.requests.length, 0);
	});
});

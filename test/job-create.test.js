'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../support/harness');
const { binaryFile, byId, plain, useMockApi, withJobId } = require('./helpers');

const { mock, credentials } = useMockApi();

function jobCreate(extra = {}) {
	return {
		resource: 'job',
		operation: 'create',
		templateId: byId('hi_res_partition'),
		waitForCompletion: false,
		...extra,
	};
}

const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x2d, 0x00, 0xff, 0x0d, 0x0a]);

describe('Job › Create: the request', () => {
	it('sends one multipart POST /api/v1/jobs/ with request_data and one input_files part per binary', async () => {
		const { items, error } = await runNode({
			parameters: jobCreate(),
			items: [
				{
					json: {},
					binary: {
						data: binaryFile('invoice.pdf', 'application/pdf', pdf),
						notes: binaryFile('notes "v2".txt', 'text/plain', 'hello'),
					},
				},
			],
			credentials,
		});
		assert.equal(error, undefined);
		assert.equal(mock.requests.length, 1);
		const [request] = mock.requests;
		assert.equal(request.method, 'POST');
		assert.equal(request.path, '/api/v1/jobs/');
		assert.equal(request.headers['unstructured-api-key'], mock.apiKey);
		const boundary = /^multipart\/form-data; boundary=(\S+)$/.exec(
			request.headers['content-type'],
		)[1];
		const expected = Buffer.concat([
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="request_data"\r\n\r\n{"template_id":"hi_res_partition"}\r\n`,
			),
			Buffer.from(
				`--${boundary}\r\nContent-Disposition: form-data; name="input_files"; filename="invoice.pdf"\r\nContent-Type: application/pdf\r\n\r\n`,
			),
			pdf,
			Buffer.from(
				`\r\n--${boundary}\r\nContent-Disposition: form-data; name="input_files"; filename="notes %22v2%22.txt"\r\nContent-Type: text/plain\r\n\r\nhello\r\n`,
			),
			Buffer.from(`--${boundary}--\r\n`),
		]);
		assert.deepEqual(request.body, expected);
		const created = mock.jobs.get(items[0].json.id);
		assert.deepEqual(plain(items), [{ json: withJobId(created), pairedItem: { item: 0 } }]);
		assert.deepEqual(created.input_file_ids, ['invoice.pdf', 'notes %22v2%22.txt']);
		assert.equal(created.job_type, 'template');
	});

	it('sends job_nodes from Job Nodes (JSON), and only the binary fields named', async () => {
		const nodes = [
			{
				name: 'Partitioner',
				type: 'partition',
				subtype: 'unstructured_api',
				settings: { strategy: 'fast' },
			},
		];
		await runNode({
			parameters: jobCreate({
				templateId: byId(''),
				jobNodes: JSON.stringify(nodes),
				inputBinaryFields: ' b , c ',
			}),
			items: [
				{
					json: {},
					binary: {
						a: binaryFile('a.txt', 'text/plain', 'A'),
						b: binaryFile('b.txt', 'text/plain', 'B'),
						c: binaryFile('c.txt', 'text/plain', 'C'),
					},
				},
			],
			credentials,
		});
		const { form } = mock.requests[0];
		assert.deepEqual(JSON.parse(form.fields.request_data), { job_nodes: nodes });
		assert.deepEqual(
			form.files.map((file) => [file.name, file.filename, file.contentType, file.data.toString()]),
			[
				['input_files', 'b.txt', 'text/plain', 'B'],
				['input_files', 'c.txt', 'text/plain', 'C'],
			],
		);
	});

	const oneFile = [{ json: {}, binary: { data: binaryFile('a.pdf', 'application/pdf', pdf) } }];
	for (const [label, parameters, items, message] of [
		[
			'both a template and job nodes',
			jobCreate({ jobNodes: '[{"name":"p","type":"partition","subtype":"unstructured_api"}]' }),
			oneFile,
			'Give either a Template or Job Nodes, not both',
		],
		[
			'neither a template nor job nodes',
			jobCreate({ templateId: byId('  ') }),
			oneFile,
			'Give a Template or Job Nodes',
		],
		[
			'job nodes that are not JSON',
			jobCreate({ templateId: byId(''), jobNodes: '[{name:' }),
			oneFile,
			'The parameter "Job Nodes (JSON)" is not valid JSON',
		],
		[
			'job nodes that are not a list',
			jobCreate({ templateId: byId(''), jobNodes: '{"name":"p"}' }),
			oneFile,
			'The parameter "Job Nodes (JSON)" must be a non-empty JSON list',
		],
		['no file on the item', jobCreate(), [{ json: {} }], 'The item has no file to send'],
		[
			'a binary field the item lacks',
			jobCreate({ inputBinaryFields: 'data, attachment' }),
			oneFile,
			'The item has no binary field "attachment"',
		],
		[
			'more than 10 files',
			jobCreate(),
			[
				{
					json: {},
					binary: Object.fromEntries(
						Array.from({ length: 11 }, (_, index) => [
							`file${index}`,
							binaryFile(`${index}.txt`, 'text/plain', 'x'),
						]),
					),
				},
			],
			'Too many input files: 11, at most 10',
		],
	]) {
		it(`fails before any request with ${label}`, async () => {
			const { error } = await runNode({ parameters, items, credentials });
			assert.equal(error?.message, message);
			assert.equal(mock.requests.length, 0);
		});
	}

	it('pairs a failing item with Continue On Fail while the others create their jobs', async () => {
		const { items } = await runNode({
			parameters: jobCreate(),
			items: [oneFile[0], { json: {} }, oneFile[0]],
			credentials,
			settings: { onError: 'continueRegularOutput' },
		});
		assert.deepEqual(
			items.map((item) => [item.json.error ?? item.json.status, item.pairedItem]),
			[
				['SCHEDULED', { item: 0 }],
				['The item has no file to send', { item: 1 }],
				['SCHEDULED', { item: 2 }],
			],
		);
		assert.equal(mock.requests.length, 2);
	});
});

describe('Job › Create: answers', () => {
	it('is never retried by the node: a 500 fails after one request, with the API words', async () => {
		mock.setResponse({
			method: 'POST',
			path: '/api/v1/jobs/',
			status: 500,
			body: { detail: 'Internal server error' },
		});
		const { error } = await runNode({
			parameters: jobCreate(),
			items: [{ json: {}, binary: { data: binaryFile('a.pdf', 'application/pdf', pdf) } }],
			credentials,
		});
		assert.equal(
			error.message,
			'The Unstructured API had a server error (500): Internal server error',
		);
		assert.equal(mock.requests.length, 1);
	});

	it('a success status with only `detail` is an error, not a job', async () => {
		mock.setResponse({
			method: 'POST',
			path: '/api/v1/jobs/',
			status: 202,
			body: { detail: 'There is a running job in progress. No new job run.' },
		});
		const { error } = await runNode({
			parameters: jobCreate(),
			items: [{ json: {}, binary: { data: binaryFile('a.pdf', 'application/pdf', pdf) } }],
			credentials,
		});
		assert.equal(
			error.message,
			'The Unstructured API answered 202 without a result: There is a running job in progress. No new job run.',
		);
	});

	it('Max File Size fails a larger file before any request, naming it with its size', async () => {
		const big = Buffer.alloc(1.5 * 1024 * 1024, 1);
		const { error } = await runNode({
			parameters: jobCreate({ maxFileSize: 1 }),
			items: [
				{
					json: {},
					binary: {
						data: binaryFile('big.pdf', 'application/pdf', big),
						small: binaryFile('small.txt', 'text/plain', 'x'),
					},
				},
			],
			credentials,
		});
		assert.equal(error.message, 'The file "big.pdf" is 1.5 MB, over the Max File Size of 1 MB');
		assert.match(error.description, /^Files over the limit: big\.pdf \(1\.5 MB\)\./);
		assert.equal(mock.requests.length, 0);
	});

	it('a refusal for size (413) names the files sent and their sizes', async () => {
		mock.maxFileBytes = 1000;
		const { error } = await runNode({
			parameters: jobCreate(),
			items: [
				{
					json: {},
					binary: {
						data: binaryFile('scan.pdf', 'application/pdf', Buffer.alloc(2 * 1024 * 1024, 1)),
					},
				},
			],
			credentials,
		});
		assert.equal(
			error.message,
			'Unstructured refused the files as too large (413): File size exceeds the limit of 1000 bytes',
		);
		assert.match(error.description, /^Files sent: scan\.pdf \(2\.0 MB\)\./);
		assert.equal(error.httpCode, '413');
	});

	it('from version 1.2, Output shows only with waiting: without it the job is output', async () => {
		const { items, error } = await runNode({
			parameters: jobCreate({ output: 'outputFiles' }),
			items: [{ json: {}, binary: { data: binaryFile('a.pdf', 'application/pdf', pdf) } }],
			credentials,
			settings: { typeVersion: 1.2 },
		});
		assert.equal(error, undefined);
		const created = mock.jobs.get(items[0].json.id);
		assert.deepEqual(plain(items), [{ json: withJobId(created), pairedItem: { item: 0 } }]);
	});

	it('Output Files without Wait for Completion fails before any request, instead of giving no item', async () => {
		const { items, error } = await runNode({
			parameters: jobCreate({ output: 'outputFiles' }),
			items: [{ json: {}, binary: { data: binaryFile('a.pdf', 'application/pdf', pdf) } }],
			credentials,
		});
		assert.deepEqual(items, []);
		assert.equal(error.message, 'Output "Output Files" needs Wait for Completion');
		assert.equal(
			error.description,
			'Turn on Wait for Completion: a job has its output files once it has finished. Without waiting, set Output to Job.',
		);
		assert.equal(mock.requests.length, 0);
	});

	it("waits by default, then outputs the finished job's files with Output Files", async () => {
		mock.newJobStatuses = ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED'];
		const { items, error } = await runNode({
			parameters: {
				resource: 'job',
				operation: 'create',
				templateId: byId('hi_res_partition'),
				output: 'outputFiles',
				waitOptions: { pollInterval: 1 },
			},
			items: [{ json: {}, binary: { data: binaryFile('a.pdf', 'application/pdf', pdf) } }],
			credentials,
		});
		assert.equal(error, undefined);
		const jobId = items[0]?.json.job_id;
		assert.deepEqual(
			mock.requests.map(({ method, path }) => [method, path]),
			[
				['POST', '/api/v1/jobs/'],
				['GET', `/api/v1/jobs/${jobId}`],
				['GET', `/api/v1/jobs/${jobId}`],
			],
		);
		assert.deepEqual(
			items.map((item) => [item.json.file_id, item.json.status, item.pairedItem]),
			[['a.pdf', 'COMPLETED', { item: 0 }]],
		);
	});
});

describe('Job › Create, version 1.1: "Define Job By" shows one of Template and Job Nodes', () => {
	const { resolvedParameters } = require('../support/harness');
	const v11 = { typeVersion: 1.1 };

	it('shows only the field chosen, and Job Nodes starts from a valid example, not an empty editor', async () => {
		const byTemplate = await resolvedParameters({
			typeVersion: 1.1,
			parameters: { resource: 'job', operation: 'create' },
		});
		assert.equal(byTemplate.jobDefinition, 'template');
		assert.ok('templateId' in byTemplate);
		assert.ok(!('jobNodes' in byTemplate));
		const byNodes = await resolvedParameters({
			typeVersion: 1.1,
			parameters: { resource: 'job', operation: 'create', jobDefinition: 'jobNodes' },
		});
		assert.ok(!('templateId' in byNodes));
		assert.deepEqual(JSON.parse(byNodes.jobNodes), [
			{
				name: 'Partitioner',
				type: 'partition',
				subtype: 'unstructured_api',
				settings: { strategy: 'fast' },
			},
		]);
		const version1 = await resolvedParameters({
			typeVersion: 1,
			parameters: { resource: 'job', operation: 'create' },
		});
		assert.ok(
			'templateId' in version1 && 'jobNodes' in version1 && !('jobDefinition' in version1),
			'saved version-1 nodes keep both fields',
		);
		assert.equal(version1.jobNodes, '');
	});

	it('sends the template chosen', async () => {
		const { error } = await runNode({
			parameters: jobCreate(),
			items: [{ json: {}, binary: { data: binaryFile('a.txt', 'text/plain', 'A') } }],
			credentials,
			settings: v11,
		});
		assert.equal(error, undefined);
		assert.deepEqual(JSON.parse(mock.requests[0].form.fields.request_data), {
			template_id: 'hi_res_partition',
		});
	});

	it('sends the job nodes, and only them, when they define the job', async () => {
		const nodes = [{ name: 'Chunker', type: 'chunk', subtype: 'chunk_by_title', settings: {} }];
		await runNode({
			parameters: jobCreate({ jobDefinition: 'jobNodes', jobNodes: JSON.stringify(nodes) }),
			items: [{ json: {}, binary: { data: binaryFile('a.txt', 'text/plain', 'A') } }],
			credentials,
			settings: v11,
		});
		assert.deepEqual(JSON.parse(mock.requests[0].form.fields.request_data), { job_nodes: nodes });
	});

	it('an empty Template or Job Nodes fails before any request, naming the field', async () => {
		const item = [{ json: {}, binary: { data: binaryFile('a.txt', 'text/plain', 'A') } }];
		const noTemplate = await runNode({
			parameters: jobCreate({ templateId: byId('={{ $json.none }}') }),
			items: item,
			credentials,
			settings: v11,
		});
		assert.equal(noTemplate.error.message, 'The parameter "Template" is empty');
		const noNodes = await runNode({
			parameters: jobCreate({ jobDefinition: 'jobNodes', jobNodes: ' ' }),
			items: item,
			credentials,
			settings: v11,
		});
		assert.equal(noNodes.error.message, 'The parameter "Job Nodes (JSON)" is empty');
		assert.equal(mock.requests.length, 0);
	});
});

'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../support/harness');
const { makeOutputFile } = require('../support/mock-api');
const { byId, plain, useMockApi } = require('./helpers');

const { mock, credentials } = useMockApi();

const elements = [
	{ type: 'Title', element_id: 'e1', text: 'Invoice 42', metadata: { page_number: 1 } },
	{ type: 'NarrativeText', element_id: 'e2', text: 'Total: 12 EUR', metadata: { page_number: 1 } },
];

describe('Job › Download Output', () => {
	it('chains after Job › Get (Output Files) with nothing typed, and puts the file in binary "data"', async () => {
		const file = makeOutputFile({ file_id: 'invoice.pdf', node_type: 'partition' });
		const job = mock.addJob({ output_node_files: [file] });
		mock.setOutput(job.id, {
			fileId: 'invoice.pdf',
			nodeId: file.node_id,
			body: JSON.stringify(elements),
			contentType: 'application/json',
		});
		const files = await runNode({
			parameters: { resource: 'job', operation: 'get', jobId: byId(job.id) },
			credentials,
		});
		mock.requests.length = 0;

		const { items, error } = await runNode({
			parameters: { resource: 'job', operation: 'download' },
			items: files.items,
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(
			mock.requests.map(({ method, path, query }) => [method, path, query]),
			[
				[
					'GET',
					`/api/v1/jobs/${job.id}/download`,
					{ file_id: 'invoice.pdf', node_id: file.node_id },
				],
			],
		);
		assert.deepEqual(plain(items), [
			{
				json: { job_id: job.id, file_id: 'invoice.pdf', node_id: file.node_id },
				pairedItem: { item: 0 },
			},
		]);
		const { data } = items[0].binary;
		assert.equal(data.fileName, 'invoice.pdf');
		assert.equal(data.mimeType, 'application/json');
		assert.deepEqual(JSON.parse(Buffer.from(data.data, 'base64').toString('utf8')), elements);
	});

	it('keeps a binary body byte for byte, names the file from its ID and uses the chosen field', async () => {
		const job = mock.addJob();
		const bytes = Buffer.from([0x25, 0x50, 0x44, 0x46, 0x00, 0xff, 0xfe, 0x80, 0x0a]);
		mock.setOutput(job.id, {
			fileId: 'folder/scan.pdf',
			body: bytes,
			contentType: 'application/pdf',
		});
		const { items } = await runNode({
			parameters: {
				resource: 'job',
				operation: 'download',
				jobId: byId(job.id),
				fileId: 'folder/scan.pdf',
				nodeId: '',
				binaryPropertyName: 'pdf',
			},
			credentials,
		});
		assert.deepEqual(
			mock.requests[0].query,
			{ file_id: 'folder/scan.pdf' },
			'an empty Node ID is left out',
		);
		assert.deepEqual(items[0].json, { job_id: job.id, file_id: 'folder/scan.pdf' });
		assert.equal(items[0].binary.pdf.fileName, 'scan.pdf');
		assert.equal(items[0].binary.pdf.mimeType, 'application/pdf');
		assert.deepEqual(Buffer.from(items[0].binary.pdf.data, 'base64'), bytes);
	});

	it('outputs one JSON item per element, each keeping job_id and file_id', async () => {
		const job = mock.addJob();
		mock.setOutput(job.id, { fileId: 'document.pdf', body: JSON.stringify(elements) });
		const { items } = await runNode({
			parameters: {
				resource: 'job',
				operation: 'download',
				jobId: byId(job.id),
				fileId: 'document.pdf',
				nodeId: '',
				putOutputIn: 'json',
			},
			items: [{ json: {} }],
			credentials,
		});
		assert.deepEqual(
			plain(items),
			elements.map((element) => ({
				json: { ...element, job_id: job.id, file_id: 'document.pdf' },
				pairedItem: { item: 0 },
			})),
		);
	});

	it('outputs one JSON item for an object body', async () => {
		const job = mock.addJob();
		mock.setOutput(job.id, { fileId: 'a.json', body: JSON.stringify({ summary: 'ok' }) });
		const { items } = await runNode({
			parameters: {
				resource: 'job',
				operation: 'download',
				jobId: byId(job.id),
				fileId: 'a.json',
				nodeId: '',
				putOutputIn: 'json',
			},
			credentials,
		});
		assert.deepEqual(plain(items), [
			{ json: { summary: 'ok', job_id: job.id, file_id: 'a.json' }, pairedItem: { item: 0 } },
		]);
	});

	it('says so when JSON Items is chosen for output that is not JSON', async () => {
		const job = mock.addJob();
		mock.setOutput(job.id, {
			fileId: 'a.pdf',
			body: Buffer.from('%PDF-1.7'),
			contentType: 'application/pdf',
		});
		const { error } = await runNode({
			parameters: {
				resource: 'job',
				operation: 'download',
				jobId: byId(job.id),
				fileId: 'a.pdf',
				nodeId: '',
				putOutputIn: 'json',
			},
			credentials,
		});
		assert.equal(error.message, 'The output of file "a.pdf" is not JSON (application/pdf)');
		assert.equal(
			error.description,
			'Set "Put Output In" to "Binary File" to download it as a file.',
		);
	});

	it('fails before any request when the File ID is empty', async () => {
		const job = mock.addJob();
		const { error } = await runNode({
			parameters: { resource: 'job', operation: 'download', jobId: byId(job.id) },
			items: [{ json: { job_id: job.id } }],
			credentials,
		});
		assert.equal(error.message, 'The parameter "File ID" is empty');
		assert.equal(mock.requests.length, 0);
	});

	it('names the file and job on a 404, reading the JSON error body', async () => {
		const job = mock.addJob();
		const { error } = await runNode({
			parameters: {
				resource: 'job',
				operation: 'download',
				jobId: byId(job.id),
				fileId: 'missing.pdf',
				nodeId: '',
			},
			credentials,
		});
		assert.equal(
			error.message,
			`The Unstructured API found no output "missing.pdf" of job "${job.id}" (404): File not found`,
		);
	});

	it('URL-encodes the IDs into the path and the query', async () => {
		await runNode({
			parameters: {
				resource: 'job',
				operation: 'download',
				jobId: byId('a/b'),
				fileId: 'x&y=1#z',
				nodeId: '',
			},
			credentials,
			settings: { onError: 'continueRegularOutput' },
		});
		assert.equal(mock.requests[0].path, '/api/v1/jobs/a%2Fb/download');
		assert.deepEqual(mock.requests[0].query, { file_id: 'x&y=1#z' });
	});
});

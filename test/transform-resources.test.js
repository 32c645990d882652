'use strict';
/** Unstructured Transform › Upload and Job, and the Transform credential, through the engine. */
const assert = require('node:assert/strict');
const { describe, it } = require('node:test');

const { testCredential } = require('../support/harness');
const { plain } = require('./helpers');
const {
	INVOICE,
	documentItem,
	formOf,
	requestLines,
	runTransform,
	useTransformMock,
} = require('./transform-helpers');

const { mock, credentials } = useTransformMock();

describe('Transform › Upload', () => {
	it('Upload sends the file as `file` and outputs its file_id; Parse then reads it by that ID', async () => {
		const { items, error } = await runTransform({
			parameters: { resource: 'upload', operation: 'upload' },
			items: [documentItem(INVOICE)],
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(
			formOf(mock.requests[0]).files.map((file) => [file.name, file.fileName, file.text]),
			[['file', 'invoice.txt', INVOICE]],
		);
		const [upload] = mock.uploads.values();
		assert.deepEqual(plain(items), [{ json: upload.info, pairedItem: { item: 0 } }]);
		const parsed = await runTransform({
			parameters: { resource: 'document', operation: 'parse', source: 'fileId' },
			items: plain(items),
			credentials,
		});
		assert.equal(parsed.items[0].json.markdown.includes('INV-1001'), true);
		assert.equal(formOf(mock.requests[1]).fields.file_id, upload.info.file_id);
	});

	it('Get reads an upload by its file_id; a missing one says it expired or was deleted', async () => {
		mock.uploads.set('f 1', {
			info: { file_id: 'f 1', filename: 'a.pdf', mimetype: 'application/pdf' },
			data: Buffer.from('x'),
		});
		const { items } = await runTransform({
			parameters: { resource: 'upload', operation: 'get', fileId: 'f 1' },
			credentials,
		});
		assert.deepEqual(requestLines(mock), ['GET /api/v2/upload/f%201']);
		assert.deepEqual(items[0].json, {
			file_id: 'f 1',
			filename: 'a.pdf',
			mimetype: 'application/pdf',
		});
		const { error } = await runTransform({
			parameters: { resource: 'upload', operation: 'get', fileId: 'gone' },
			credentials,
		});
		assert.equal(
			error.message,
			'Unstructured Transform has no upload "gone": it was deleted, or expired 24 hours after its upload (404): The file is missing or expired. [not_found]',
		);
	});

	it('Delete answers deleted: true (204)', async () => {
		const { items } = await runTransform({
			parameters: { resource: 'upload', operation: 'delete', fileId: 'f1' },
			credentials,
		});
		assert.deepEqual(requestLines(mock), ['DELETE /api/v2/upload/f1']);
		assert.deepEqual(items[0].json, { file_id: 'f1', deleted: true });
	});
});

describe('Transform › Job', () => {
	async function parsedJob() {
		await runTransform({
			parameters: { resource: 'document', operation: 'parse' },
			items: [documentItem(INVOICE)],
			credentials,
		});
		mock.requests.length = 0;
		return [...mock.jobs.values()].at(-1);
	}

	it('Get returns the job with its result, and job_id', async () => {
		const job = await parsedJob();
		const { items } = await runTransform({
			parameters: { resource: 'job', operation: 'get' },
			items: [{ json: { job_id: job.id } }],
			credentials,
		});
		assert.deepEqual(requestLines(mock), [`GET /api/v2/jobs/${job.id}`]);
		assert.equal(items[0].json.job_id, job.id);
		assert.equal(items[0].json.status, 'completed');
		assert.match(items[0].json.result.markdown, /INV-1001/);
	});

	it('Get of a job whose result expired (410 result_expired) says to run it again', async () => {
		const job = await parsedJob();
		job.resultExpired = true;
		const { error } = await runTransform({
			parameters: { resource: 'job', operation: 'get', jobId: job.id },
			credentials,
		});
		assert.equal(
			error.message,
			'The job exists, but Unstructured Transform no longer keeps its result (410): The job exists but its stored result is no longer available. [result_expired]',
		);
		assert.equal(error.description, 'Run the original Parse or Extract again.');
	});

	it('Get Many lists the jobs with job_id, up to Limit', async () => {
		await parsedJob();
		await parsedJob();
		const { items } = await runTransform({
			parameters: { resource: 'job', operation: 'getAll', limit: 1 },
			credentials,
		});
		assert.deepEqual(requestLines(mock), ['GET /api/v2/jobs']);
		assert.equal(items.length, 1);
		assert.equal(items[0].json.job_id, [...mock.jobs.values()].at(-1).id);
	});

	it('Cancel and Delete', async () => {
		const job = {
			id: 'running-job',
			kind: 'parse',
			document: { text: INVOICE, filename: 'invoice.txt' },
			include: [],
			startedAt: Date.now(),
			durationMs: 60_000,
		};
		mock.jobs.set(job.id, job);
		const cancelled = await runTransform({
			parameters: { resource: 'job', operation: 'cancel', jobId: job.id },
			credentials,
		});
		assert.deepEqual(cancelled.items[0].json.status, 'cancelled');
		const deleted = await runTransform({
			parameters: { resource: 'job', operation: 'delete', jobId: job.id },
			credentials,
		});
		assert.deepEqual(deleted.items[0].json, { job_id: job.id, deleted: true });
		assert.deepEqual(requestLines(mock), [
			`POST /api/v2/jobs/${job.id}/cancel`,
			`DELETE /api/v2/jobs/${job.id}`,
		]);
	});
});

describe('Unstructured Transform API credential', () => {
	it('"Test" lists the jobs with the key, at a Base URL given with /api/v2', async () => {
		const result = await testCredential(
			{ ...credentials, baseUrl: `${mock.url}/api/v2/` },
			'unstructuredTransformApi',
		);
		assert.deepEqual(result, { status: 'OK', message: 'Connection successful!' });
		assert.deepEqual(requestLines(mock), ['GET /api/v2/jobs']);
		assert.equal(mock.requests[0].headers['unstructured-api-key'], mock.apiKey);
	});

	it('"Test" says a rejected key may be a Pipelines key', async () => {
		const result = await testCredential(
			{ ...credentials, apiKey: 'wrong' },
			'unstructuredTransformApi',
		);
		assert.equal(result.status, 'Error');
		assert.match(result.message, /keys of Unstructured Pipelines do not work with Transform/);
	});
});

describe('the Unstructured Transform node as n8n loads it', () => {
	it('has its stable names, credential, icons, codex, tool use, resources and operations', async () => {
		const { loadPackage, nodeSubtitle } = require('../support/harness');
		const loader = await loadPackage();
		const { description } = loader.nodeTypes.unstructuredTransform.type;
		assert.equal(description.displayName, 'Unstructured Transform');
		assert.equal(description.usableAsTool, true);
		assert.deepEqual(description.credentials, [
			{ name: 'unstructuredTransformApi', required: true },
		]);
		assert.ok(
			description.codex?.categories?.length,
			'the codex is read from UnstructuredTransform.node.json',
		);
		assert.deepEqual(description.iconUrl, {
			light:
				'icons/n8n-nodes-unstructured/dist/nodes/UnstructuredTransform/unstructuredTransform.svg',
			dark: 'icons/n8n-nodes-unstructured/dist/nodes/UnstructuredTransform/unstructuredTransform.dark.svg',
		});
		const named = (name) => description.properties.filter((property) => property.name === name);
		assert.deepEqual(
			named('resource')[0].options.map((option) => option.value),
			['document', 'job', 'upload'],
		);
		const operationsOf = (resource) =>
			named('operation')
				.find((property) => property.displayOptions.show.resource.includes(resource))
				.options.map((option) => option.value);
		assert.deepEqual(operationsOf('document'), ['extract', 'parse']);
		assert.deepEqual(operationsOf('upload'), ['delete', 'get', 'upload']);
		assert.deepEqual(operationsOf('job'), ['cancel', 'delete', 'get', 'getAll']);
		assert.equal(
			await nodeSubtitle({
				type: 'unstructuredTransform',
				parameters: { resource: 'document', operation: 'extract' },
			}),
			'Extract Document',
		);
		assert.ok(loader.credentialTypes.unstructuredTransformApi);
	});
});

'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../support/harness');
const { byId, plain, useMockApi } = require('./helpers');

const { mock, credentials } = useMockApi();

describe('Job › Get Failed Files', () => {
	it('sends GET /api/v1/jobs/{id}/failed-files and outputs one item per failed file', async () => {
		const job = mock.addJob({ status: 'COMPLETED' });
		const failed = [
			{ document: 's3://bucket/a.pdf', error: 'File is encrypted' },
			{ document: 's3://bucket/b.docx', error: 'Unsupported file type' },
		];
		mock.setFailedFiles(job.id, failed);
		const { items } = await runNode({
			parameters: { resource: 'job', operation: 'getFailedFiles', jobId: byId(job.id) },
			credentials,
		});
		assert.deepEqual(
			mock.requests.map(({ method, path }) => [method, path]),
			[['GET', `/api/v1/jobs/${job.id}/failed-files`]],
		);
		assert.deepEqual(
			plain(items),
			failed.map((file) => ({ json: { job_id: job.id, ...file }, pairedItem: { item: 0 } })),
		);
	});

	it('outputs nothing when no file failed', async () => {
		const job = mock.addJob();
		const { items, error } = await runNode({
			parameters: { resource: 'job', operation: 'getFailedFiles', jobId: byId(job.id) },
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(items, []);
	});

	it('pairs the files of many jobs, and error items with Continue On Fail', async () => {
		const first = mock.addJob();
		const last = mock.addJob();
		mock.setFailedFiles(first.id, [
			{ document: 'a.pdf', error: 'x' },
			{ document: 'b.pdf', error: 'y' },
		]);
		mock.setFailedFiles(last.id, [{ document: 'c.pdf', error: 'z' }]);
		const { items } = await runNode({
			parameters: { resource: 'job', operation: 'getFailedFiles', jobId: byId('={{ $json.id }}') },
			items: [{ json: { id: first.id } }, { json: { id: '' } }, { json: { id: last.id } }],
			credentials,
			settings: { onError: 'continueRegularOutput' },
		});
		assert.deepEqual(
			items.map((item) => [item.json.document ?? item.json.error, item.pairedItem]),
			[
				['a.pdf', { item: 0 }],
				['b.pdf', { item: 0 }],
				['The parameter "Job ID" is empty', { item: 1 }],
				['c.pdf', { item: 2 }],
			],
		);
	});
});

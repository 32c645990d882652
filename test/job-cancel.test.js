'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../support/harness');
const { byId, plain, useMockApi } = require('./helpers');

const { mock, credentials } = useMockApi();

describe('Job › Cancel', () => {
	it('sends POST /api/v1/jobs/{id}/cancel without a body and outputs the job ID with the answer', async () => {
		const job = mock.addJob({ status: 'IN_PROGRESS' });
		const { items } = await runNode({
			parameters: { resource: 'job', operation: 'cancel', jobId: byId(job.id) },
			credentials,
		});
		assert.deepEqual(
			mock.requests.map(({ method, path, query, body, headers }) => [
				method,
				path,
				query,
				body.length,
				headers['unstructured-api-key'],
			]),
			[['POST', `/api/v1/jobs/${job.id}/cancel`, {}, 0, mock.apiKey]],
		);
		assert.deepEqual(plain(items), [
			{
				json: {
					job_id: job.id,
					id: job.id,
					status: 'cancelled',
					message: 'Job successfully cancelled.',
				},
				pairedItem: { item: 0 },
			},
		]);
		assert.equal(mock.jobs.get(job.id).status, 'STOPPED');
	});

	it('gives the API words for a job that has already finished, sending the request once', async () => {
		const job = mock.addJob({ status: 'COMPLETED' });
		const { error } = await runNode({
			parameters: { resource: 'job', operation: 'cancel', jobId: byId(job.id) },
			credentials,
		});
		assert.equal(error.httpCode, '400');
		assert.equal(
			error.message,
			`The Unstructured API refused the request (400): Job ${job.id} is COMPLETED and cannot be cancelled.`,
		);
		assert.equal(mock.requests.length, 1);
	});

	it('is never retried by the node: a 503 fails after one request', async () => {
		const job = mock.addJob({ status: 'IN_PROGRESS' });
		mock.setResponse({
			method: 'POST',
			path: `/api/v1/jobs/${job.id}/cancel`,
			status: 503,
			body: { detail: 'Service Unavailable' },
		});
		const { error } = await runNode({
			parameters: { resource: 'job', operation: 'cancel', jobId: byId(job.id) },
			credentials,
		});
		assert.equal(
			error.message,
			'The Unstructured API had a server error (503): Service Unavailable',
		);
		assert.equal(mock.requests.length, 1);
	});
});

'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../support/harness');
const { byId, plain, useMockApi } = require('./helpers');

const { mock, credentials } = useMockApi();

const nodeStats = [
	{
		node_name: 'Partitioner',
		node_type: 'partition',
		node_subtype: 'unstructured_api',
		ready: 0,
		in_progress: 0,
		success: 8,
		failure: 2,
	},
	{
		node_name: 'S3',
		node_type: 'destination',
		node_subtype: 's3',
		ready: 0,
		in_progress: 0,
		success: 8,
		failure: 0,
	},
];

describe('Job › Get Details', () => {
	it('sends GET /api/v1/jobs/{id}/details and outputs one item with job_id', async () => {
		const job = mock.addJob();
		mock.setDetails(job.id, {
			id: job.id,
			processing_status: 'COMPLETED_WITH_ERRORS',
			node_stats: nodeStats,
			message: '2 files failed',
		});
		const { items } = await runNode({
			parameters: { resource: 'job', operation: 'getDetails', jobId: byId(job.id) },
			credentials,
		});
		assert.deepEqual(
			mock.requests.map(({ method, path }) => [method, path]),
			[['GET', `/api/v1/jobs/${job.id}/details`]],
		);
		assert.deepEqual(plain(items), [
			{
				json: {
					id: job.id,
					job_id: job.id,
					processing_status: 'COMPLETED_WITH_ERRORS',
					node_stats: nodeStats,
					message: '2 files failed',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('outputs one item per node with "One Item per Node"', async () => {
		const job = mock.addJob();
		mock.setDetails(job.id, {
			id: job.id,
			processing_status: 'SUCCESS',
			node_stats: nodeStats,
			message: null,
		});
		const { items } = await runNode({
			parameters: {
				resource: 'job',
				operation: 'getDetails',
				jobId: byId(job.id),
				output: 'nodeStats',
			},
			credentials,
		});
		assert.deepEqual(
			plain(items),
			nodeStats.map((stat) => ({
				json: { job_id: job.id, processing_status: 'SUCCESS', ...stat },
				pairedItem: { item: 0 },
			})),
		);
	});

	it('names the job on a 404', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'job',
				operation: 'getDetails',
				jobId: byId('7a7a7a7a-7a7a-47a7-87a7-7a7a7a7a7a7a'),
			},
			credentials,
		});
		assert.equal(
			error.message,
			'The Unstructured API found no job with ID "7a7a7a7a-7a7a-47a7-87a7-7a7a7a7a7a7a" (404): Job not found',
		);
	});
});

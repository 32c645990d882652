'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../support/harness');
const { byId, plain, useMockApi, withJobId } = require('./helpers');

const { mock, credentials } = useMockApi();

function addJobsOverDays(count) {
	return Array.from({ length: count }, (_, day) =>
		mock.addJob({ created_at: new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString() }),
	);
}

describe('Job › Get Many', () => {
	it('sends GET /api/v1/jobs/ and outputs the 50 newest jobs by default, paired to the input', async () => {
		const jobs = addJobsOverDays(60);
		const { items, error } = await runNode({
			parameters: { resource: 'job', operation: 'getAll' },
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(
			mock.requests.map(({ method, path, query }) => [method, path, query]),
			[['GET', '/api/v1/jobs/', {}]],
		);
		const newestFirst = [...jobs].reverse();
		assert.deepEqual(
			plain(items),
			newestFirst.slice(0, 50).map((job) => ({ json: withJobId(job), pairedItem: { item: 0 } })),
		);
	});

	it('Return All outputs every job; Limit cuts after sorting', async () => {
		const jobs = addJobsOverDays(7);
		const all = await runNode({
			parameters: { resource: 'job', operation: 'getAll', returnAll: true },
			credentials,
		});
		assert.deepEqual(
			all.items.map((item) => item.json.id),
			[...jobs].reverse().map((job) => job.id),
		);
		const three = await runNode({
			parameters: { resource: 'job', operation: 'getAll', limit: 3 },
			credentials,
		});
		assert.deepEqual(
			three.items.map((item) => item.json.id),
			[jobs[6].id, jobs[5].id, jobs[4].id],
		);
	});

	it('sends the Status and Workflow filters as status and workflow_id', async () => {
		const workflowId = '6f1d2c3b-4a59-4e68-9d7c-8b9a0f1e2d3c';
		const match = mock.addJob({ workflow_id: workflowId, status: 'FAILED' });
		mock.addJob({ workflow_id: workflowId, status: 'COMPLETED' });
		mock.addJob({ status: 'FAILED' });
		const { items } = await runNode({
			parameters: {
				resource: 'job',
				operation: 'getAll',
				returnAll: true,
				filters: { status: 'FAILED', workflowId: { __rl: true, mode: 'list', value: workflowId } },
			},
			credentials,
		});
		assert.deepEqual(mock.requests[0].query, { status: 'FAILED', workflow_id: workflowId });
		assert.deepEqual(
			items.map((item) => item.json.id),
			[match.id],
		);
	});

	it('leaves out a Workflow filter that is empty', async () => {
		await runNode({
			parameters: { resource: 'job', operation: 'getAll', filters: { workflowId: byId('  ') } },
			credentials,
		});
		assert.deepEqual(mock.requests[0].query, {});
	});

	it('sends one request per input item and pairs each job with its input', async () => {
		const [first, second] = [
			mock.addJob({ status: 'FAILED' }),
			mock.addJob({ status: 'COMPLETED' }),
		];
		const { items } = await runNode({
			parameters: {
				resource: 'job',
				operation: 'getAll',
				filters: { status: '={{ $json.status }}' },
			},
			items: [{ json: { status: 'FAILED' } }, { json: { status: 'COMPLETED' } }],
			credentials,
		});
		assert.deepEqual(
			items.map((item) => [item.json.id, item.pairedItem]),
			[
				[first.id, { item: 0 }],
				[second.id, { item: 1 }],
			],
		);
		assert.deepEqual(mock.requests.map((request) => request.query.status).sort(), [
			'COMPLETED',
			'FAILED',
		]);
	});

	it('gives the API words for an invalid workflow ID', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'job',
				operation: 'getAll',
				filters: { workflowId: byId('not-a-uuid') },
			},
			credentials,
		});
		assert.equal(
			error.message,
			'The Unstructured API rejected the request as invalid (422): query.workflow_id: Input should be a valid UUID',
		);
	});
});

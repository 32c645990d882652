'use strict';
/**
 * The chains n8n users build, each node left at its defaults: every node of ours that outputs a job
 * gives `job_id`, so the next node's Job ID (default `{{ $json.job_id }}`) works with nothing typed.
 */
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runWorkflow, makeNode, CREDENTIAL_TYPE } = require('../support/harness');
const { binaryFile, byId, plain, useMockApi } = require('./helpers');

const { mock, credentials } = useMockApi();

/** `first` → Job › Get Details with only its resource and operation set, run as one workflow. */
/** @param {{ parameters: object }} first @param {{ items?: object[], startType?: string }} [options] */
async function thenGetDetails(first, { items = undefined, startType = undefined } = {}) {
	const source = {
		...makeNode(first.parameters, { name: 'First', typeVersion: 1.2 }),
		...(startType ? { type: startType, typeVersion: 1 } : {}),
	};
	const details = makeNode(
		{ resource: 'job', operation: 'getDetails' },
		{ id: 'details', name: 'Get Details', typeVersion: 1.2 },
	);
	return await runWorkflow({
		nodes: [source, details],
		connections: { First: { main: [[{ node: 'Get Details', type: 'main', index: 0 }]] } },
		items,
		credentials: { [CREDENTIAL_TYPE]: credentials },
	});
}

function expectDetailsOf(result, jobs) {
	assert.equal(result.error, undefined, result.error?.message);
	const detailsAsked = mock.requests
		.filter(({ path }) => path.endsWith('/details'))
		.map(({ path }) => path);
	assert.deepEqual(
		detailsAsked,
		jobs.map((job) => `/api/v1/jobs/${job.id}/details`),
	);
	assert.deepEqual(
		plain(result.items).map(({ json, pairedItem }) => [json.job_id, pairedItem]),
		jobs.map((job, index) => [job.id, { item: index }]),
	);
}

describe('Chains with the defaults: Job ID reads job_id', () => {
	it('Job › Create (Output: Job) → Get Details', async () => {
		mock.newJobStatuses = ['COMPLETED'];
		const result = await thenGetDetails(
			{
				parameters: { resource: 'job', operation: 'create', templateId: byId('hi_res_partition') },
			},
			{ items: [{ json: {}, binary: { data: binaryFile('a.txt', 'text/plain', 'a') } }] },
		);
		expectDetailsOf(result, [...mock.jobs.values()]);
		const created = result.runData.First[0].data.main[0][0].json;
		assert.equal(created.job_id, created.id);
	});

	it('Job › Get Many → Get Details', async () => {
		const older = mock.addJob({ created_at: '2026-01-01T00:00:00Z' });
		const newer = mock.addJob({ created_at: '2026-01-02T00:00:00Z' });
		expectDetailsOf(
			await thenGetDetails({ parameters: { resource: 'job', operation: 'getAll' } }),
			[newer, older],
		);
	});

	it('Job › Get (Output: Job) → Get Details', async () => {
		const job = mock.addJob();
		expectDetailsOf(
			await thenGetDetails({
				parameters: { resource: 'job', operation: 'get', jobId: byId(job.id), output: 'job' },
			}),
			[job],
		);
	});

	it('Workflow › Run without waiting → Get Details', async () => {
		const workflow = mock.addWorkflow();
		const result = await thenGetDetails({
			parameters: {
				resource: 'workflow',
				operation: 'run',
				workflowId: byId(workflow.id),
				waitForCompletion: false,
			},
		});
		expectDetailsOf(result, [...mock.jobs.values()]);
	});

	it('Unstructured Polling Trigger (Output: Job, its default) → Get Details', async () => {
		const job = mock.addJob({ status: 'COMPLETED' });
		const result = await thenGetDetails(
			{ parameters: {} },
			{ startType: 'n8n-nodes-unstructured.unstructuredPollingTrigger' },
		);
		expectDetailsOf(result, [job]);
	});

	it('Job › Get (Output Files, its default) → Download Output reads file_id and node_id', async () => {
		const nodeId = '5b0e7c1a-2d3f-4e5a-8b6c-7d8e9f0a1b2c';
		const job = mock.addJob({
			output_node_files: [
				{
					node_id: nodeId,
					file_id: 'out.json',
					node_type: 'partition',
					node_subtype: 'unstructured_api',
				},
			],
		});
		mock.setOutput(job.id, { fileId: 'out.json', nodeId, body: '[{"type":"Title","text":"Hi"}]' });
		const get = makeNode(
			{ resource: 'job', operation: 'get', jobId: byId(job.id) },
			{ name: 'First', typeVersion: 1.2 },
		);
		const download = makeNode(
			{ resource: 'job', operation: 'download', putOutputIn: 'json' },
			{ id: 'download', name: 'Download', typeVersion: 1.2 },
		);
		const { items, error } = await runWorkflow({
			nodes: [get, download],
			connections: { First: { main: [[{ node: 'Download', type: 'main', index: 0 }]] } },
			credentials: { [CREDENTIAL_TYPE]: credentials },
		});
		assert.equal(error, undefined);
		assert.deepEqual(plain(items), [
			{
				json: { type: 'Title', text: 'Hi', job_id: job.id, file_id: 'out.json', node_id: nodeId },
				pairedItem: { item: 0 },
			},
		]);
	});
});

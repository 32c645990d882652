'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runNode, runWorkflow, makeNode, CREDENTIAL_TYPE } = require('../support/harness');
const { byId, NO_RETRIES, plain, useMockApi, withJobId } = require('./helpers');

const { mock, credentials } = useMockApi();

function addWorkflows(count, overrides = {}) {
	return Array.from({ length: count }, (_, index) =>
		mock.addWorkflow({
			id: `00000000-0000-4000-8000-${String(index).padStart(12, '0')}`,
			name: `Workflow ${index}`,
			...overrides,
		}),
	);
}

const getMany = (extra = {}) => ({ resource: 'workflow', operation: 'getAll', ...extra });
const run = (workflowId, extra = {}) => ({
	resource: 'workflow',
	operation: 'run',
	workflowId: byId(workflowId),
	...extra,
});

describe('Workflow › Get Many', () => {
	it('Return All follows the API pages (three of them) and outputs every workflow, paired', async () => {
		const workflows = addWorkflows(230);
		const { items, error } = await runNode({
			parameters: getMany({ returnAll: true }),
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(
			mock.requests.map(({ method, path, query }) => [method, path, query]),
			[1, 2, 3].map((page) => [
				'GET',
				'/api/v1/workflows/',
				{ page: String(page), page_size: '100' },
			]),
		);
		assert.deepEqual(
			plain(items),
			workflows.map((workflow) => ({
				json: { ...workflow, workflow_id: workflow.id },
				pairedItem: { item: 0 },
			})),
		);
	});

	it('Limit stops after the pages it needs', async () => {
		const workflows = addWorkflows(230);
		const { items } = await runNode({ parameters: getMany({ limit: 150 }), credentials });
		assert.deepEqual(
			mock.requests.map((request) => request.query.page),
			['1', '2'],
		);
		assert.deepEqual(
			items.map((item) => item.json.id),
			workflows.slice(0, 150).map((workflow) => workflow.id),
		);
		mock.requests.length = 0;
		const few = await runNode({ parameters: getMany(), credentials });
		assert.deepEqual(
			mock.requests.map((request) => request.query),
			[{ page: '1', page_size: '50' }],
		);
		assert.equal(few.items.length, 50);
	});

	it('asks for one more page after a short last page and stops at an empty one', async () => {
		addWorkflows(7);
		const { items } = await runNode({ parameters: getMany({ returnAll: true }), credentials });
		assert.equal(items.length, 7);
		assert.deepEqual(
			mock.requests.map((request) => request.query.page),
			['1', '2'],
		);
	});

	it('stops when the API answers the same page again instead of going on forever', async () => {
		const workflows = addWorkflows(3);
		const originalTake = mock.takeOverride.bind(mock);
		mock.takeOverride = (request) =>
			request.path === '/api/v1/workflows/'
				? { status: 200, body: workflows }
				: originalTake(request);
		const { items } = await runNode({ parameters: getMany({ returnAll: true }), credentials });
		mock.takeOverride = originalTake;
		assert.equal(items.length, 3);
		assert.equal(mock.requests.length, 2);
	});

	it('sends the filters and the sort as the API query parameters', async () => {
		const match = mock.addWorkflow({
			name: 'Invoices EU',
			status: 'active',
			sources: ['src-1'],
			destinations: ['dst-1'],
			created_at: '2026-03-01T00:00:00Z',
		});
		mock.addWorkflow({
			name: 'Invoices US',
			status: 'inactive',
			sources: ['src-1'],
			destinations: ['dst-1'],
			created_at: '2026-03-01T00:00:00Z',
		});
		const { items } = await runNode({
			parameters: getMany({
				returnAll: true,
				filters: {
					status: 'active',
					name: 'invoices',
					sourceId: 'src-1',
					destinationId: 'dst-1',
					createdSince: '2026-02-01T00:00:00Z',
					createdBefore: '2026-04-01T00:00:00Z',
				},
				sort: { sortBy: 'name', sortDirection: 'desc' },
			}),
			credentials,
		});
		assert.deepEqual(mock.requests[0].query, {
			status: 'active',
			name: 'invoices',
			source_id: 'src-1',
			destination_id: 'dst-1',
			created_since: '2026-02-01T00:00:00Z',
			created_before: '2026-04-01T00:00:00Z',
			sort_by: 'name',
			sort_direction: 'desc',
			page: '1',
			page_size: '100',
		});
		assert.deepEqual(
			items.map((item) => item.json.id),
			[match.id],
		);
	});

	it('pairs the workflows of each input item and error items with Continue On Fail', async () => {
		addWorkflows(2);
		mock.setResponse({
			path: '/api/v1/workflows/',
			status: 500,
			body: { detail: 'Internal server error' },
		});
		const { items } = await runNode({
			parameters: getMany({ returnAll: true, ...NO_RETRIES }),
			items: [{ json: {} }, { json: {} }],
			credentials,
			settings: { onError: 'continueRegularOutput' },
		});
		// Both inputs send their request at once; whichever got the 500 gives the error item.
		const errors = items.filter((item) => item.json.error);
		const listed = items.filter((item) => !item.json.error);
		assert.deepEqual(
			errors.map((item) => item.json.error),
			['The Unstructured API had a server error (500): Internal server error'],
		);
		assert.deepEqual(
			listed.map((item) => item.json.name),
			['Workflow 0', 'Workflow 1'],
		);
		assert.equal(new Set(listed.map((item) => item.pairedItem.item)).size, 1);
		assert.deepEqual([errors[0].pairedItem.item, listed[0].pairedItem.item].sort(), [0, 1]);
	});
});

describe('Workflow › Get', () => {
	it('sends GET /api/v1/workflows/{id} and outputs the workflow', async () => {
		const workflow = mock.addWorkflow({
			workflow_nodes: [
				{ id: 'n1', name: 'Partitioner', type: 'partition', subtype: 'unstructured_api' },
			],
		});
		const { items } = await runNode({
			parameters: {
				resource: 'workflow',
				operation: 'get',
				workflowId: { __rl: true, mode: 'list', value: workflow.id },
			},
			credentials,
		});
		assert.deepEqual(
			mock.requests.map(({ method, path }) => [method, path]),
			[['GET', `/api/v1/workflows/${workflow.id}`]],
		);
		assert.deepEqual(plain(items), [
			{ json: { ...workflow, workflow_id: workflow.id }, pairedItem: { item: 0 } },
		]);
	});

	it('names the workflow on a 404, and encodes hostile IDs', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'workflow',
				operation: 'get',
				workflowId: byId('00000000-0000-4000-8000-00000000dead'),
			},
			credentials,
		});
		assert.equal(
			error.message,
			'The Unstructured API found no workflow with ID "00000000-0000-4000-8000-00000000dead" (404): Workflow not found',
		);
		await runNode({
			parameters: { resource: 'workflow', operation: 'get', workflowId: byId('../jobs/x?y') },
			credentials,
			settings: { onError: 'continueRegularOutput' },
		});
		assert.equal(mock.requests.at(-1).path, '/api/v1/workflows/..%2Fjobs%2Fx%3Fy');
	});

	it('fails before any request when the Workflow is empty', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'workflow',
				operation: 'get',
				workflowId: byId('={{ $json.nothing }}'),
			},
			credentials,
		});
		assert.equal(error.message, 'The parameter "Workflow" is empty');
		assert.equal(mock.requests.length, 0);
	});
});

describe('Workflow › Run', () => {
	it('sends POST /api/v1/workflows/{id}/run without a body, waits, and outputs the job files', async () => {
		const workflow = mock.addWorkflow({ name: 'Nightly ingest' });
		mock.newJobStatuses = ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED'];
		const { items, error } = await runNode({
			parameters: run(workflow.id, { waitOptions: { pollInterval: 1 } }),
			credentials,
		});
		assert.equal(error, undefined);
		const [job] = [...mock.jobs.values()];
		assert.deepEqual(
			mock.requests.map(({ method, path, body }) => [method, path, body.length]),
			[
				['POST', `/api/v1/workflows/${workflow.id}/run`, 0],
				['GET', `/api/v1/jobs/${job.id}`, 0],
				['GET', `/api/v1/jobs/${job.id}`, 0],
			],
		);
		assert.deepEqual(
			items.map((item) => [
				item.json.job_id,
				item.json.file_id,
				item.json.workflow_name,
				item.json.status,
				item.pairedItem,
			]),
			[[job.id, job.output_node_files[0].file_id, 'Nightly ingest', 'COMPLETED', { item: 0 }]],
		);
	});

	it('without waiting, outputs the job it started', async () => {
		const workflow = mock.addWorkflow();
		const { items } = await runNode({
			parameters: run(workflow.id, { waitForCompletion: false }),
			credentials,
		});
		const [job] = [...mock.jobs.values()];
		assert.deepEqual(plain(items), [{ json: withJobId(job), pairedItem: { item: 0 } }]);
		assert.equal(job.status, 'SCHEDULED');
	});

	it('sends the item\'s files as input_files parts with "Send Input Files"', async () => {
		const workflow = mock.addWorkflow();
		const pdf = Buffer.from([0x25, 0x50, 0x44, 0x46, 0xff, 0x00]);
		await runNode({
			parameters: run(workflow.id, { waitForCompletion: false, sendInputFiles: true }),
			items: [
				{
					json: {},
					binary: {
						data: { data: pdf.toString('base64'), mimeType: 'application/pdf', fileName: 'a.pdf' },
					},
				},
			],
			credentials,
		});
		const [request] = mock.requests;
		assert.match(request.headers['content-type'], /^multipart\/form-data; boundary=/);
		assert.deepEqual(request.form.fields, {});
		assert.deepEqual(
			request.form.files.map((file) => [
				file.name,
				file.filename,
				file.contentType,
				file.data.equals(pdf),
			]),
			[['input_files', 'a.pdf', 'application/pdf', true]],
		);
		assert.deepEqual([...mock.jobs.values()][0].input_file_ids, ['a.pdf']);
	});

	it('a run refused because a job is running is a clear error, not a job', async () => {
		const workflow = mock.addWorkflow();
		const running = mock.addJob({ workflow_id: workflow.id, status: 'IN_PROGRESS' });
		const { error } = await runNode({ parameters: run(workflow.id), credentials });
		assert.equal(error.httpCode, '202');
		assert.equal(
			error.message,
			`Workflow "${workflow.id}" started no job: There is a running job ${running.id} for workflow ${workflow.id} in progress. No new job run.`,
		);
		assert.match(
			error.description,
			/Wait for the running job .* or stop it with Job › Cancel, and run again\./,
		);
		assert.equal(mock.requests.length, 1);
	});

	it('is never retried by the node: a 500 fails after one request', async () => {
		const workflow = mock.addWorkflow();
		mock.setResponse({
			method: 'POST',
			path: `/api/v1/workflows/${workflow.id}/run`,
			status: 500,
			body: { detail: 'Internal server error' },
		});
		const { error } = await runNode({ parameters: run(workflow.id), credentials });
		assert.equal(
			error.message,
			'The Unstructured API had a server error (500): Internal server error',
		);
		assert.equal(mock.requests.length, 1);
	});

	it('Run → Download Output is two nodes', async () => {
		const workflow = mock.addWorkflow();
		mock.newJobStatuses = ['COMPLETED'];
		mock.newJobOutput = [{ type: 'Title', text: 'Report' }];
		const runNodeDescription = makeNode(run(workflow.id), { name: 'Run Workflow' });
		const download = makeNode(
			{ resource: 'job', operation: 'download', putOutputIn: 'json' },
			{ id: 'download', name: 'Download Output' },
		);
		const { items, error } = await runWorkflow({
			nodes: [runNodeDescription, download],
			connections: {
				'Run Workflow': { main: [[{ node: 'Download Output', type: 'main', index: 0 }]] },
			},
			credentials: { [CREDENTIAL_TYPE]: credentials },
		});
		assert.equal(error, undefined);
		const [job] = [...mock.jobs.values()];
		assert.deepEqual(
			items.map((item) => item.json),
			[
				{
					type: 'Title',
					text: 'Report',
					job_id: job.id,
					file_id: job.output_node_files[0].file_id,
					node_id: job.output_node_files[0].node_id,
				},
			],
		);
	});
});

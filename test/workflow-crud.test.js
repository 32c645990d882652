'use strict';
/** Workflow › Create, Update and Delete (docs/unstructured-api.md §5), through the engine against the mock. */
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../support/harness');
const { byId, plain, useMockApi } = require('./helpers');

const { mock, credentials } = useMockApi();

const bodyOf = (request) => JSON.parse(request.body.toString('utf8'));
const EXAMPLE_NODES = [
	{
		name: 'Partitioner',
		type: 'partition',
		subtype: 'unstructured_api',
		settings: { strategy: 'fast' },
	},
];

describe('Workflow › Create', () => {
	it('sends the name, custom type, the example nodes and reprocess_all, and nothing left empty', async () => {
		const { items, error } = await runNode({
			parameters: { resource: 'workflow', operation: 'create', name: 'Invoices' },
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(
			mock.requests.map(({ method, path }) => `${method} ${path}`),
			['POST /api/v1/workflows/'],
		);
		assert.deepEqual(bodyOf(mock.requests[0]), {
			name: 'Invoices',
			workflow_type: 'custom',
			workflow_nodes: EXAMPLE_NODES,
			reprocess_all: true,
		});
		const [created] = mock.workflows;
		assert.deepEqual(plain(items), [
			{ json: { ...created, workflow_id: created.id }, pairedItem: { item: 0 } },
		]);
	});

	it('sets up source → workflow → destination on a schedule, with the connectors picked by ID', async () => {
		const source = mock.addConnector('source');
		const destination = mock.addConnector('destination');
		const { items } = await runNode({
			parameters: {
				resource: 'workflow',
				operation: 'create',
				name: 'Nightly',
				workflowType: 'template',
				templateId: byId('hi_res_partition'),
				sourceId: byId(source.id),
				destinationId: byId(destination.id),
				schedule: 'daily',
				reprocessAll: false,
			},
			credentials,
		});
		assert.deepEqual(bodyOf(mock.requests[0]), {
			name: 'Nightly',
			workflow_type: 'template',
			template_id: 'hi_res_partition',
			source_id: source.id,
			destination_id: destination.id,
			schedule: 'daily',
			reprocess_all: false,
		});
		assert.deepEqual(
			[items[0].json.sources, items[0].json.destinations, items[0].json.schedule],
			[[source.id], [destination.id], { crontab_entries: [{ cron_expression: '0 0 * * *' }] }],
		);
	});

	it('an empty name fails before any request; a 422 names the field', async () => {
		const { error } = await runNode({
			parameters: { resource: 'workflow', operation: 'create', name: ' ' },
			credentials,
		});
		assert.equal(error.message, 'The parameter "Name" is empty');
		assert.equal(mock.requests.length, 0);
		const invalid = await runNode({
			parameters: {
				resource: 'workflow',
				operation: 'create',
				name: 'X',
				sourceId: byId('not-a-uuid'),
			},
			credentials,
		});
		assert.equal(
			invalid.error.message,
			'The Unstructured API rejected the request as invalid (422): body.source_id: Input should be a valid UUID',
		);
	});

	it('Workflow Nodes that are not a JSON list fail before any request', async () => {
		const { error } = await runNode({
			parameters: {
				resource: 'workflow',
				operation: 'create',
				name: 'X',
				workflowNodes: '{"name": "one"}',
			},
			credentials,
		});
		assert.equal(error.message, 'The parameter "Workflow Nodes (JSON)" must be a JSON list');
		assert.equal(mock.requests.length, 0);
	});
});

describe('Workflow › Update', () => {
	it('sends only the fields added under Update Fields', async () => {
		const workflow = mock.addWorkflow({ name: 'Old', schedule: null });
		const { items, error } = await runNode({
			parameters: {
				resource: 'workflow',
				operation: 'update',
				workflowId: byId(workflow.id),
				updateFields: { name: 'New', schedule: 'weekly' },
			},
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(
			mock.requests.map(({ method, path }) => `${method} ${path}`),
			[`PUT /api/v1/workflows/${workflow.id}`],
		);
		assert.deepEqual(bodyOf(mock.requests[0]), { name: 'New', schedule: 'weekly' });
		assert.deepEqual(
			[items[0].json.name, items[0].json.workflow_id, items[0].json.schedule],
			['New', workflow.id, { crontab_entries: [{ cron_expression: '0 0 * * 0' }] }],
		);
	});

	it('with no field to update, fails before any request', async () => {
		const workflow = mock.addWorkflow();
		const { error } = await runNode({
			parameters: {
				resource: 'workflow',
				operation: 'update',
				workflowId: byId(workflow.id),
				updateFields: {},
			},
			credentials,
		});
		assert.equal(error.message, 'No field to update');
		assert.equal(mock.requests.length, 0);
	});

	it('names the workflow on a 404, and is not sent again after a 5xx', async () => {
		const missing = '8d8d8d8d-8d8d-48d8-88d8-8d8d8d8d8d8d';
		const { error } = await runNode({
			parameters: {
				resource: 'workflow',
				operation: 'update',
				workflowId: byId(missing),
				updateFields: { name: 'N' },
			},
			credentials,
		});
		assert.equal(
			error.message,
			`The Unstructured API found no workflow with ID "${missing}" (404): Workflow not found`,
		);
		const workflow = mock.addWorkflow();
		mock.setResponse({
			method: 'PUT',
			path: `/api/v1/workflows/${workflow.id}`,
			status: 502,
			body: { detail: 'Bad Gateway' },
		});
		const failed = await runNode({
			parameters: {
				resource: 'workflow',
				operation: 'update',
				workflowId: byId(workflow.id),
				updateFields: { name: 'N' },
			},
			credentials,
		});
		assert.match(
			failed.error.description,
			/Not sent again: after a 502 the API may have acted on the PUT/,
		);
		assert.equal(mock.requests.filter((request) => request.method === 'PUT').length, 2);
	});
});

describe('Workflow › Delete', () => {
	it("deletes, and outputs workflow_id, deleted: true and the API's answer", async () => {
		const workflow = mock.addWorkflow();
		const { items } = await runNode({
			parameters: { resource: 'workflow', operation: 'delete', workflowId: byId(workflow.id) },
			credentials,
		});
		assert.deepEqual(
			mock.requests.map(({ method, path }) => `${method} ${path}`),
			[`DELETE /api/v1/workflows/${workflow.id}`],
		);
		assert.deepEqual(plain(items), [
			{
				json: {
					workflow_id: workflow.id,
					deleted: true,
					detail: `Workflow with id ${workflow.id} successfully deleted.`,
				},
				pairedItem: { item: 0 },
			},
		]);
		assert.equal(mock.workflows.length, 0);
	});

	it("a 204 without a body is a deletion too (the SDK's own live test accepts it)", async () => {
		const workflow = mock.addWorkflow();
		mock.setResponse({ method: 'DELETE', path: `/api/v1/workflows/${workflow.id}`, status: 204 });
		const { items, error } = await runNode({
			parameters: { resource: 'workflow', operation: 'delete', workflowId: byId(workflow.id) },
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(items[0].json, { workflow_id: workflow.id, deleted: true });
	});
});

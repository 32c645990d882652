'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../support/harness');
const { byId, plain, useMockApi } = require('./helpers');

const { mock, credentials } = useMockApi();

describe('Template › Get Many', () => {
	it('sends GET /api/v1/templates/ and outputs one item per template', async () => {
		const { items } = await runNode({
			parameters: { resource: 'template', operation: 'getAll' },
			credentials,
		});
		assert.deepEqual(
			mock.requests.map(({ method, path }) => [method, path]),
			[['GET', '/api/v1/templates/']],
		);
		assert.deepEqual(
			plain(items),
			mock.templates.map((template) => ({
				json: { ...template, template_id: template.id },
				pairedItem: { item: 0 },
			})),
		);
	});

	it('keeps Limit templates unless Return All', async () => {
		const { items } = await runNode({
			parameters: { resource: 'template', operation: 'getAll', limit: 1 },
			credentials,
		});
		assert.deepEqual(
			items.map((item) => item.json.id),
			['hi_res_partition'],
		);
	});
});

describe('Template › Get', () => {
	it('sends GET /api/v1/templates/{id} and outputs the template with its nodes', async () => {
		const { items } = await runNode({
			parameters: {
				resource: 'template',
				operation: 'get',
				templateId: byId('hi_res_and_enrichment'),
			},
			credentials,
		});
		assert.deepEqual(
			mock.requests.map(({ method, path }) => [method, path]),
			[['GET', '/api/v1/templates/hi_res_and_enrichment']],
		);
		assert.equal(items[0].json.id, 'hi_res_and_enrichment');
		assert.deepEqual(
			items[0].json.nodes.map((node) => node.type),
			['partition'],
		);
		assert.deepEqual(items[0].pairedItem, { item: 0 });
		assert.equal(items[0].json.template_id, 'hi_res_and_enrichment');
	});

	it('names the template on a 404', async () => {
		const { error } = await runNode({
			parameters: { resource: 'template', operation: 'get', templateId: byId('nope') },
			credentials,
		});
		assert.equal(
			error.message,
			'The Unstructured API found no template with ID "nope" (404): Template nope not found',
		);
	});
});

'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { listSearch } = require('../support/harness');
const { useMockApi } = require('./helpers');

const { mock, credentials } = useMockApi();

describe('Job ID "From List"', () => {
	it('lists the jobs newest first, named by workflow, status and start time', async () => {
		const older = mock.addJob({
			workflow_name: 'Invoices',
			status: 'COMPLETED',
			created_at: '2026-03-01T10:00:00Z',
		});
		const newest = mock.addJob({
			workflow_name: 'Contracts',
			status: 'IN_PROGRESS',
			created_at: '2026-03-02T09:00:00Z',
		});
		const oldest = mock.addJob({
			workflow_name: 'Invoices',
			status: 'FAILED',
			created_at: '2026-02-01T00:00:00Z',
		});
		const result = await listSearch({ method: 'searchJobs', credentials });
		assert.deepEqual(result, {
			results: [
				{
					name: `${newest.id.slice(0, 8)} · Contracts · In progress 2 Mar 09:00`,
					value: newest.id,
				},
				{ name: `${older.id.slice(0, 8)} · Invoices · Completed 1 Mar 10:00`, value: older.id },
				{ name: `${oldest.id.slice(0, 8)} · Invoices · Failed 1 Feb 00:00`, value: oldest.id },
			],
			paginationToken: undefined,
		});
		assert.deepEqual(
			mock.requests.map(({ method, path, query, headers }) => [
				method,
				path,
				query,
				headers['unstructured-api-key'],
			]),
			[['GET', '/api/v1/jobs/', {}, mock.apiKey]],
		);
	});

	it('searches workflow name, status and job ID, ignoring case', async () => {
		const invoice = mock.addJob({ workflow_name: 'Invoices', status: 'COMPLETED' });
		const failed = mock.addJob({ workflow_name: 'Contracts', status: 'FAILED' });
		mock.addJob({ workflow_name: 'Contracts', status: 'COMPLETED' });
		const byName = await listSearch({ method: 'searchJobs', credentials, filter: 'invoi' });
		assert.deepEqual(
			byName.results.map((item) => item.value),
			[invoice.id],
		);
		const byStatus = await listSearch({ method: 'searchJobs', credentials, filter: 'failed' });
		assert.deepEqual(
			byStatus.results.map((item) => item.value),
			[failed.id],
		);
		const byId = await listSearch({
			method: 'searchJobs',
			credentials,
			filter: failed.id.slice(0, 13).toUpperCase(),
		});
		assert.deepEqual(
			byId.results.map((item) => item.value),
			[failed.id],
		);
	});

	it('pages through long lists 100 at a time', async () => {
		for (let day = 0; day < 150; day++) {
			mock.addJob({ created_at: new Date(Date.UTC(2026, 0, 1) + day * 86_400_000).toISOString() });
		}
		const first = await listSearch({ method: 'searchJobs', credentials });
		assert.equal(first.results.length, 100);
		assert.equal(first.paginationToken, '100');
		const second = await listSearch({
			method: 'searchJobs',
			credentials,
			paginationToken: first.paginationToken,
		});
		assert.equal(second.results.length, 50);
		assert.equal(second.paginationToken, undefined);
		const all = [...first.results, ...second.results].map(
			(item) => mock.jobs.get(item.value).created_at,
		);
		assert.deepEqual(all, [...all].sort().reverse(), 'newest first');
	});

	it('fails with the API words when the key is rejected', async () => {
		await assert.rejects(
			listSearch({ method: 'searchJobs', credentials: { ...credentials, apiKey: 'nope' } }),
			{
				name: 'NodeApiError',
				message:
					'The Unstructured API rejected the API key (401): API key is invalid, please provide a valid API key in the header.',
			},
		);
	});
});

describe('Workflow "From List"', () => {
	it('asks the API for a page of workflows and names them with their status', async () => {
		const active = mock.addWorkflow({
			id: '10000000-0000-4000-8000-000000000001',
			name: 'Invoices',
			status: 'active',
		});
		const inactive = mock.addWorkflow({
			id: '20000000-0000-4000-8000-000000000002',
			name: 'Contracts',
			status: 'inactive',
		});
		const result = await listSearch({ method: 'searchWorkflows', credentials });
		assert.deepEqual(result, {
			results: [
				{ name: 'Invoices · Active', value: active.id },
				{ name: 'Contracts · Inactive', value: inactive.id },
			],
			paginationToken: undefined,
		});
		assert.deepEqual(mock.requests[0].query, { page: '1', page_size: '100' });
	});

	it('searches by name on the API side and follows pages', async () => {
		for (let index = 0; index < 130; index++) mock.addWorkflow({ name: `Invoices ${index}` });
		mock.addWorkflow({ name: 'Contracts' });
		const first = await listSearch({ method: 'searchWorkflows', credentials, filter: 'invoices' });
		assert.equal(first.results.length, 100);
		assert.equal(first.paginationToken, '2');
		const second = await listSearch({
			method: 'searchWorkflows',
			credentials,
			filter: 'invoices',
			paginationToken: '2',
		});
		assert.equal(second.results.length, 30);
		assert.equal(second.paginationToken, undefined);
		assert.deepEqual(
			mock.requests.map((request) => request.query),
			[
				{ page: '1', page_size: '100', name: 'invoices' },
				{ page: '2', page_size: '100', name: 'invoices' },
			],
		);
	});
});

describe('Template "From List"', () => {
	it('lists the templates by name and ID, searchable', async () => {
		const all = await listSearch({ method: 'searchTemplates', credentials });
		assert.deepEqual(all.results, [
			{
				name: 'High-resolution partition',
				value: 'hi_res_partition',
				description: 'hi_res_partition: Partitions documents with the hi_res strategy',
			},
			{
				name: 'High-resolution partition and enrichment',
				value: 'hi_res_and_enrichment',
				description: 'hi_res_and_enrichment: Partitions and enriches images and tables',
			},
		]);
		const found = await listSearch({ method: 'searchTemplates', credentials, filter: 'ENRICH' });
		assert.deepEqual(
			found.results.map((item) => item.value),
			['hi_res_and_enrichment'],
		);
		assert.deepEqual(
			mock.requests.map((request) => request.path),
			['/api/v1/templates/', '/api/v1/templates/'],
		);
	});
});

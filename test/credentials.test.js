'use strict';
const { describe, it, before, after, beforeEach } = require('node:test');
const assert = require('node:assert/strict');

const { testCredential, loadPackage } = require('../support/harness');
const { MockUnstructuredApi } = require('../support/mock-api');

const mock = new MockUnstructuredApi();

before(() => mock.start());
after(() => mock.stop());
beforeEach(() => mock.reset());

describe('Unstructured API credential', () => {
	it('is loaded by n8n with its fields, icon and documentation URL', async () => {
		const loader = await loadPackage();
		const type = loader.credentialTypes.unstructuredApi.type;
		assert.equal(type.displayName, 'Unstructured API');
		assert.deepEqual(
			type.properties.map(({ name, type: fieldType, default: value, typeOptions }) => [
				name,
				fieldType,
				value,
				typeOptions,
			]),
			[
				['apiUrl', 'string', 'https://platform.unstructuredapp.io', undefined],
				['apiKey', 'string', '', { password: true }],
			],
		);
		assert.match(type.documentationUrl, /^https:\/\//);
		// n8n resolves `file:` icons into URLs of files that must exist in dist/.
		assert.deepEqual(type.iconUrl, {
			light: 'icons/n8n-nodes-unstructured/dist/nodes/Unstructured/unstructured.svg',
			dark: 'icons/n8n-nodes-unstructured/dist/nodes/Unstructured/unstructured.dark.svg',
		});
	});

	it('"Test" succeeds with a good key, calling one cheap authenticated endpoint', async () => {
		const result = await testCredential({ apiUrl: `${mock.url}/api/v1/`, apiKey: mock.apiKey });
		assert.deepEqual(result, { status: 'OK', message: 'Connection successful!' });
		assert.deepEqual(
			mock.requests.map(({ method, path, query, headers }) => [
				method,
				path,
				query,
				headers['unstructured-api-key'],
			]),
			[['GET', '/api/v1/workflows/', { page: '1', page_size: '1' }, mock.apiKey]],
		);
	});

	it('"Test" says the key was rejected for a bad key', async () => {
		const result = await testCredential({ apiUrl: mock.url, apiKey: 'not-the-key' });
		assert.deepEqual(result, {
			status: 'Error',
			message: 'The API key was rejected. Copy a current key from API Keys in the Unstructured UI.',
		});
		assert.ok(mock.requests.length >= 1);
		assert.ok(
			mock.requests.every((request) => request.headers['unstructured-api-key'] === 'not-the-key'),
		);
	});

	it('"Test" says no API answers at a wrong URL', async () => {
		const result = await testCredential({ apiUrl: `${mock.url}/not-the-api`, apiKey: mock.apiKey });
		assert.equal(result.status, 'Error');
		assert.match(result.message, /^No Unstructured API answers at this URL/);
		assert.equal(mock.requests[0].path, '/not-the-api/api/v1/workflows/');
	});

	it('"Test" names the failure when nothing listens at the URL', async () => {
		const result = await testCredential({ apiUrl: 'http://127.0.0.1:9', apiKey: mock.apiKey });
		assert.deepEqual(result, { status: 'Error', message: 'ECONNREFUSED' });
	});
});

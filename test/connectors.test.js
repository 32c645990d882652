'use strict';
/**
 * Source and Destination: Get Many, Get, Create, Update, Delete and Test Connection, through the
 * engine against the mock's connector endpoints (docs/unstructured-api.md §7). A connector's
 * configuration holds customers' secrets: none may reach an output, an error or a log line.
 */
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { readLog, runNode, listSearch } = require('../support/harness');
const { allRenderings, byId, plain, useMockApi } = require('./helpers');

const { mock, credentials } = useMockApi();

const SECRET = 'wJalrXUtnFEMI-K7MDENG-bPxRfiCYEXAMPLEKEY';
const CONTINUE = { onError: 'continueRegularOutput' };

/**
 * Everything our code puts into an error, in every form it can be shown or stored in. n8n attaches
 * the node, parameters included, to every error: the configuration is a parameter the workflow
 * already holds, so `node` is left out here.
 */
function errorRenderings(error) {
	const { node: _node, ...rest } = Object.fromEntries(
		Object.getOwnPropertyNames(error).map((name) => [name, error[name]]),
	);
	return allRenderings({ ...rest, cause: error.cause && { ...error.cause, node: undefined } });
}

const requests = () =>
	mock.requests.map(
		({ method, path, query }) =>
			`${method} ${path}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`,
	);
const bodyOf = (request) => JSON.parse(request.body.toString('utf8'));

for (const [kind, collection, idName, idField] of [
	['source', '/api/v1/sources/', 'sourceId', 'source_id'],
	['destination', '/api/v1/destinations/', 'destinationId', 'destination_id'],
]) {
	const label = kind === 'source' ? 'Source' : 'Destination';
	const op = (operation, extra = {}) => ({ resource: kind, operation, ...extra });

	describe(`${label} › Get Many and Get`, () => {
		it(`lists the ${kind}s newest first, of one type when filtered, each with ${idField}`, async () => {
			const older = mock.addConnector(kind, {
				type: 's3',
				created_at: '2026-01-01T00:00:00Z',
				config: { remote_url: 's3://a/', key: 'k', secret: SECRET },
			});
			const newer = mock.addConnector(kind, {
				type: 's3',
				created_at: '2026-02-01T00:00:00Z',
				config: { remote_url: 's3://b/' },
			});
			mock.addConnector(kind, { type: 'gcs' });
			const { items, error } = await runNode({
				parameters: op('getAll', { filters: { connectorType: 's3' } }),
				credentials,
			});
			assert.equal(error, undefined);
			assert.deepEqual(requests(), [`GET ${collection}?${kind}_type=s3`]);
			assert.deepEqual(
				plain(items).map(({ json, pairedItem }) => [json.id, json[idField], pairedItem]),
				[
					[newer.id, newer.id, { item: 0 }],
					[older.id, older.id, { item: 0 }],
				],
			);
			assert.deepEqual(
				items[1].json.config,
				{ remote_url: 's3://a/', key: '**********', secret: '**********' },
				'as the API shows it',
			);
		});

		it('keeps Limit connectors, and filters by a type given by value', async () => {
			for (let index = 0; index < 3; index++) mock.addConnector(kind, { type: 'teradata' });
			const { items } = await runNode({
				parameters: op('getAll', {
					limit: 2,
					filters: { connectorType: 'other', otherConnectorType: 'teradata' },
				}),
				credentials,
			});
			assert.equal(items.length, 2);
			assert.deepEqual(requests(), [`GET ${collection}?${kind}_type=teradata`]);
		});

		it(`gets one by ID, and names it on a 404`, async () => {
			const connector = mock.addConnector(kind, { config: { remote_url: 's3://bucket/' } });
			const { items } = await runNode({
				parameters: op('get', { [idName]: byId(connector.id) }),
				credentials,
			});
			assert.deepEqual(plain(items), [
				{ json: { ...connector, [idField]: connector.id }, pairedItem: { item: 0 } },
			]);
			const missing = '9e9e9e9e-9e9e-49e9-89e9-9e9e9e9e9e9e';
			const { error } = await runNode({
				parameters: op('get', { [idName]: byId(missing) }),
				credentials,
			});
			assert.equal(
				error.message,
				`The Unstructured API found no ${kind} with ID "${missing}" (404): ${label} not found`,
			);
		});

		it('checks and encodes the ID: an empty or dot ID fails before any request, others stay one path segment', async () => {
			const empty = await runNode({ parameters: op('get', { [idName]: byId(' ') }), credentials });
			assert.equal(empty.error.message, `The parameter "${label}" is empty`);
			const dots = await runNode({
				parameters: op('delete', { [idName]: byId('..') }),
				credentials,
			});
			assert.equal(dots.error.message, `The parameter "${label}" is not a valid ID: ".."`);
			assert.equal(mock.requests.length, 0);
			await runNode({ parameters: op('get', { [idName]: byId('../jobs?x=1') }), credentials });
			assert.deepEqual(
				mock.requests.map((request) => request.path),
				[`${collection}..%2Fjobs%3Fx%3D1`],
			);
		});
	});

	describe(`${label} › Create and Update`, () => {
		it('sends {name, type, config} and outputs the connector as the API answers, with its ID field', async () => {
			const config = {
				remote_url: 's3://bucket/in/',
				key: 'AKIAEXAMPLE',
				secret: SECRET,
				recursive: true,
			};
			const { items, error } = await runNode({
				parameters: op('create', {
					name: 'Invoices bucket',
					connectorType: 's3',
					config: JSON.stringify(config),
				}),
				credentials,
			});
			assert.equal(error, undefined);
			assert.deepEqual(requests(), [`POST ${collection}`]);
			assert.deepEqual(bodyOf(mock.requests[0]), { name: 'Invoices bucket', type: 's3', config });
			const [created] = mock.connectors[kind].values();
			assert.deepEqual(plain(items), [
				{
					json: { ...mock.shownConnector(created), [idField]: created.id },
					pairedItem: { item: 0 },
				},
			]);
			assert.ok(
				!JSON.stringify(items).includes(SECRET),
				'the API masks secrets on read; the node adds none',
			);
		});

		it('takes a type Unstructured adds later by value', async () => {
			await runNode({
				parameters: op('create', {
					name: 'T',
					connectorType: 'other',
					otherConnectorType: 'teradata',
					config: '{"host": "db"}',
				}),
				credentials,
			});
			assert.equal(bodyOf(mock.requests[0]).type, 'teradata');
		});

		it('a 422 names the wrong field of the configuration, and no secret of it reaches the error or the log', async () => {
			const config = { key: 'AKIAEXAMPLE', secret: SECRET };
			const { error } = await runNode({
				parameters: op('create', {
					name: 'Broken',
					connectorType: 's3',
					config: JSON.stringify(config),
				}),
				credentials,
			});
			assert.equal(
				error.message,
				'The Unstructured API rejected the request as invalid (422): body.config.remote_url: Field required',
			);
			assert.ok(
				!errorRenderings(error).includes(SECRET),
				'the API echoed the config in `input`: dropped',
			);
			assert.ok(errorRenderings(error).includes('remote_url'), 'the renderings do hold the error');
			assert.ok(!readLog().includes(SECRET));
		});

		it('a configuration that is not JSON fails before any request, without quoting it', async () => {
			const { error } = await runNode({
				parameters: op('create', {
					name: 'X',
					connectorType: 's3',
					config: `{"secret": "${SECRET}" "key": 1}`,
				}),
				credentials,
			});
			assert.equal(error.message, 'The parameter "Configuration (JSON)" is not valid JSON');
			assert.match(error.description, /^The JSON breaks at character \d+\.$/);
			assert.ok(!errorRenderings(error).includes(SECRET.slice(0, 12)));
			assert.equal(mock.requests.length, 0);
		});

		it('Update sends {config} alone, the whole new configuration', async () => {
			const connector = mock.addConnector(kind, {
				config: { remote_url: 's3://old/', key: 'old', secret: 'old' },
			});
			const config = { remote_url: 's3://old/', key: 'AKIANEW', secret: SECRET };
			const { items, error } = await runNode({
				parameters: op('update', { [idName]: byId(connector.id), config: JSON.stringify(config) }),
				credentials,
			});
			assert.equal(error, undefined);
			assert.deepEqual(requests(), [`PUT ${collection}${connector.id}`]);
			assert.deepEqual(bodyOf(mock.requests[0]), { config });
			assert.deepEqual(items[0].json.config, {
				remote_url: 's3://old/',
				key: '**********',
				secret: '**********',
			});
		});

		it('Update and Delete are not sent again after a 5xx or a dropped connection: the API may have acted', async () => {
			const connector = mock.addConnector(kind, { config: { remote_url: 's3://x/' } });
			mock.setResponse({
				method: 'PUT',
				path: `${collection}${connector.id}`,
				status: 503,
				body: { detail: 'Service Unavailable' },
			});
			const update = await runNode({
				parameters: op('update', {
					[idName]: byId(connector.id),
					config: '{"remote_url": "s3://y/"}',
				}),
				credentials,
			});
			assert.match(
				update.error.description,
				/Not sent again: after a 503 the API may have acted on the PUT/,
			);
			mock.setResponse({
				method: 'DELETE',
				path: `${collection}${connector.id}`,
				dropConnection: true,
			});
			const removal = await runNode({
				parameters: op('delete', { [idName]: byId(connector.id) }),
				credentials,
			});
			assert.match(
				removal.error.description,
				/Not sent again: the connection broke after the DELETE was sent/,
			);
			assert.deepEqual(requests(), [
				`PUT ${collection}${connector.id}`,
				`DELETE ${collection}${connector.id}`,
			]);
		});

		it("Delete outputs the ID, deleted: true and the API's answer", async () => {
			const connector = mock.addConnector(kind);
			const { items } = await runNode({
				parameters: op('delete', { [idName]: byId(connector.id) }),
				credentials,
			});
			assert.deepEqual(plain(items), [
				{
					json: {
						[idField]: connector.id,
						deleted: true,
						detail: `${label} with id ${connector.id} successfully deleted.`,
					},
					pairedItem: { item: 0 },
				},
			]);
			assert.equal(mock.connectors[kind].size, 0);
		});
	});

	describe(`${label} › Test Connection`, () => {
		const test = (id, waitOptions = {}) =>
			op('testConnection', {
				[idName]: byId(id),
				checkWaitOptions: { pollInterval: 1, ...waitOptions },
			});

		it('starts the check, waits for its result and outputs it', async () => {
			const connector = mock.addConnector(kind);
			mock.connectionCheckStatuses = ['SCHEDULED', 'SUCCESS'];
			const { items, error } = await runNode({ parameters: test(connector.id), credentials });
			assert.equal(error, undefined);
			const check = `${collection}${connector.id}/connection-check`;
			assert.deepEqual(requests(), [`POST ${check}`, `GET ${check}`, `GET ${check}`]);
			assert.equal(items[0].json.status, 'SUCCESS');
			assert.equal(items[0].json[idField], connector.id);
			assert.deepEqual(items[0].pairedItem, { item: 0 });
		});

		it("a check that fails fails the item with the API's reason; its polls were retried through a 503", async () => {
			const connector = mock.addConnector(kind);
			mock.connectionCheckStatuses = ['FAILURE'];
			mock.connectionCheckReason = 'Access Denied to s3://bucket/';
			mock.setResponse({
				method: 'GET',
				path: `${collection}${connector.id}/connection-check`,
				status: 503,
				body: { detail: 'busy' },
			});
			const { error } = await runNode({ parameters: test(connector.id), credentials });
			assert.equal(
				error.message,
				`The connection check of ${kind} "${connector.id}" failed: Access Denied to s3://bucket/`,
			);
			assert.equal(mock.requests.length, 3, 'the POST, a poll answered 503, a poll');
		});

		it('with "Fail When the Check Fails" off, outputs the failed check; with Continue On Fail, an error item', async () => {
			const connector = mock.addConnector(kind);
			mock.connectionCheckStatuses = ['FAILURE'];
			mock.connectionCheckReason = 'Bad key';
			const { items } = await runNode({
				parameters: test(connector.id, { failWhenCheckFails: false }),
				credentials,
			});
			assert.deepEqual([items[0].json.status, items[0].json.reason], ['FAILURE', 'Bad key']);
			const continued = await runNode({
				parameters: test(connector.id),
				credentials,
				settings: CONTINUE,
			});
			assert.deepEqual(plain(continued.items), [
				{
					json: { error: `The connection check of ${kind} "${connector.id}" failed: Bad key` },
					pairedItem: { item: 0 },
				},
			]);
		});

		it('a check still running at the timeout says so', async () => {
			const connector = mock.addConnector(kind);
			mock.connectionCheckStatuses = ['SCHEDULED'];
			const { error } = await runNode({
				parameters: test(connector.id, { timeout: 1 }),
				credentials,
			});
			assert.equal(
				error.message,
				`The connection check of ${kind} "${connector.id}" was still SCHEDULED after waiting 1 s`,
			);
		});
	});

	describe(`${label} "From List"`, () => {
		it('lists the connectors by name and type, newest first, searchable', async () => {
			const older = mock.addConnector(kind, {
				name: 'Invoices',
				type: 's3',
				created_at: '2026-01-01T00:00:00Z',
			});
			const newer = mock.addConnector(kind, {
				name: 'Contracts',
				type: 'gcs',
				created_at: '2026-02-01T00:00:00Z',
			});
			const method = kind === 'source' ? 'searchSources' : 'searchDestinations';
			const all = await listSearch({ method, credentials });
			assert.deepEqual(all.results, [
				{ name: 'Contracts · gcs', value: newer.id },
				{ name: 'Invoices · s3', value: older.id },
			]);
			const found = await listSearch({ method, credentials, filter: 's3' });
			assert.deepEqual(
				found.results.map((result) => result.value),
				[older.id],
			);
		});
	});
}

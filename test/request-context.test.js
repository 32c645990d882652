'use strict';
/**
 * Every request of an item runs under what n8n gave the item's first one (Settings › Request
 * Options: proxy, timeout, "Ignore SSL Issues") and under the execution (Stop): the routed request,
 * the wait's polls, the failure diagnostics and the downloads of Output Elements alike.
 */
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../support/harness');
const { MockUnstructuredApi, makeOutputFile } = require('../support/mock-api');
const { RecordingProxy } = require('../support/recording-proxy');
const { selfSignedCertificate } = require('../support/self-signed');
const { allRenderings, binaryFile, byId, jobGet, plain, useMockApi } = require('./helpers');

const { mock, credentials } = useMockApi();
const proxy = new RecordingProxy();
/**
 * On n8n 1.x (npm run test:n8n1) a request with a body sent through an HTTP proxy does not reach
 * the API: n8n-core 1.122's HTTP helper writes it to the proxy twice and the proxy refuses it
 * (docs/n8n-engine.md, "n8n 1.x"). These tests run there as todo: reported, not counted as failed.
 */
const POST_THROUGH_PROXY = require('n8n-workflow/package.json').version.startsWith('1.')
	? { todo: 'n8n 1.x sends a POST through a proxy twice' }
	: {};
const tlsMock = new MockUnstructuredApi({ tls: selfSignedCertificate() });

before(async () => {
	await proxy.start();
	await tlsMock.start();
});
after(async () => {
	await proxy.stop();
	await tlsMock.stop();
});

const waitingGet = (jobId, extra = {}) =>
	jobGet(jobId, { waitForCompletion: true, waitOptions: { pollInterval: 1 }, ...extra });
const create = (extra = {}) => ({
	resource: 'job',
	operation: 'create',
	templateId: byId('hi_res_partition'),
	waitForCompletion: true,
	waitOptions: { pollInterval: 1 },
	...extra,
});
const fileItem = (name) => ({
	json: {},
	binary: { data: binaryFile(name, 'text/plain', `content of ${name}`) },
});

/** What the mock received, as `METHOD /path?query`. */
const received = (api = mock) =>
	api.requests.map(
		({ method, path, query }) =>
			`${method} ${path}${Object.keys(query).length ? `?${new URLSearchParams(query)}` : ''}`,
	);
/** What the proxy carried, in the same form. */
const carried = () =>
	proxy.seen.map(
		({ method, target }) => `${method} ${new URL(target).pathname}${new URL(target).search}`,
	);

/** The `nth` (1-based) request to `path` and the `times - 1` after it get `answer`, instead of the normal one. */
function answerNth(api, path, nth, answer, times = 1) {
	let count = 0;
	const take = api.takeOverride.bind(api);
	api.takeOverride = (request) =>
		request.path === path && ++count >= nth && count < nth + times ? answer : take(request);
	return () => (api.takeOverride = take);
}

describe('Settings › Request Options › Proxy carries every request of an item', () => {
	it('Job › Get with Wait for Completion: the Get and every poll', async () => {
		proxy.seen = [];
		const job = mock.addJob({ status: 'SCHEDULED', output_node_files: [makeOutputFile()] });
		mock.setStatusSequence(job.id, ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED']);
		const { items, error } = await runNode({
			parameters: waitingGet(job.id, { requestOptions: { proxy: proxy.url } }),
			credentials,
		});
		assert.equal(error, undefined);
		assert.equal(items.length, 1);
		assert.deepEqual(received(), Array(3).fill(`GET /api/v1/jobs/${job.id}`));
		assert.deepEqual(carried(), received());
	});

	it(
		'Job › Create + Wait, ending FAILED: the creation, the polls and both failure diagnostics',
		POST_THROUGH_PROXY,
		async () => {
			proxy.seen = [];
			mock.newJobStatuses = ['SCHEDULED', 'FAILED'];
			const { error } = await runNode({
				parameters: create({ output: 'outputFiles', requestOptions: { proxy: proxy.url } }),
				items: [fileItem('a.txt')],
				credentials,
			});
			assert.match(error.message, /ended FAILED/);
			const job = [...mock.jobs.values()][0];
			assert.deepEqual(received().slice(0, 2), [
				'POST /api/v1/jobs/',
				`GET /api/v1/jobs/${job.id}`,
			]);
			assert.deepEqual(received().slice(2).sort(), [
				`GET /api/v1/jobs/${job.id}/details`,
				`GET /api/v1/jobs/${job.id}/failed-files`,
			]);
			assert.deepEqual(carried().sort(), received().sort());
		},
	);

	it(
		'Job › Create + Output Elements: the creation, the poll, the failed files and every download',
		POST_THROUGH_PROXY,
		async () => {
			proxy.seen = [];
			mock.newJobStatuses = ['SCHEDULED', 'COMPLETED'];
			mock.newJobOutput = (file) => [
				{ type: 'Title', element_id: `${file.file_id}-0`, text: file.file_id, metadata: {} },
			];
			const { items, error } = await runNode({
				parameters: create({ output: 'elements', requestOptions: { proxy: proxy.url } }),
				items: [
					{
						json: {},
						binary: {
							a: binaryFile('a.txt', 'text/plain', 'a'),
							b: binaryFile('b.txt', 'text/plain', 'b'),
						},
					},
				],
				credentials,
			});
			assert.equal(error, undefined);
			assert.deepEqual(
				items.map((item) => item.json.text),
				['a.txt', 'b.txt'],
			);
			assert.equal(received().length, 5);
			assert.deepEqual(carried(), received());
		},
	);

	it('Job › Download Output', POST_THROUGH_PROXY, async () => {
		proxy.seen = [];
		const job = mock.addJob();
		mock.setOutput(job.id, { fileId: 'out.json', body: '[{"type":"Title","text":"Hello"}]' });
		const { items, error } = await runNode({
			parameters: {
				resource: 'job',
				operation: 'download',
				jobId: byId(job.id),
				fileId: 'out.json',
				nodeId: '',
				putOutputIn: 'json',
				requestOptions: { proxy: proxy.url },
			},
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(plain(items), [
			{
				json: { type: 'Title', text: 'Hello', job_id: job.id, file_id: 'out.json' },
				pairedItem: { item: 0 },
			},
		]);
		assert.deepEqual(carried(), [`GET /api/v1/jobs/${job.id}/download?file_id=out.json`]);
		assert.deepEqual(carried(), received());
	});
});

describe('An API URL with a self-signed certificate', () => {
	const tlsCredentials = () => ({ apiUrl: tlsMock.url, apiKey: tlsMock.apiKey });

	it('works end to end, polls included, with "Ignore SSL Issues" on', async () => {
		tlsMock.reset();
		const job = tlsMock.addJob({ status: 'IN_PROGRESS', output_node_files: [makeOutputFile()] });
		tlsMock.setStatusSequence(job.id, ['IN_PROGRESS', 'COMPLETED']);
		const { items, error } = await runNode({
			parameters: waitingGet(job.id, { requestOptions: { allowUnauthorizedCerts: true } }),
			credentials: tlsCredentials(),
		});
		assert.equal(error, undefined);
		assert.deepEqual(
			plain(items).map(({ json, pairedItem }) => [json.job_id, json.status, pairedItem]),
			[[job.id, 'COMPLETED', { item: 0 }]],
		);
		assert.deepEqual(received(tlsMock), Array(2).fill(`GET /api/v1/jobs/${job.id}`));
	});

	it('fails at once with a clear TLS error with it off, and no key in it', async () => {
		tlsMock.reset();
		const job = tlsMock.addJob({ status: 'IN_PROGRESS' });
		const started = Date.now();
		const { error } = await runNode({
			parameters: waitingGet(job.id),
			credentials: tlsCredentials(),
		});
		assert.ok(Date.now() - started < 5000, 'a TLS error is not retried');
		assert.equal(
			error.message,
			`The Unstructured API at ${new URL(tlsMock.url).host} has a self-signed TLS certificate`,
		);
		assert.match(error.description, /DEPTH_ZERO_SELF_SIGNED_CERT/);
		assert.equal(tlsMock.requests.length, 0);
		assert.ok(!allRenderings(error).includes(tlsMock.apiKey));
	});
});

describe('Settings › Request Options › Timeout and Stop', () => {
	it('a Timeout of 2 s ends a hanging poll as a timeout, and the wait goes on', async () => {
		const job = mock.addJob({ status: 'IN_PROGRESS', output_node_files: [makeOutputFile()] });
		mock.setStatusSequence(job.id, ['IN_PROGRESS', 'IN_PROGRESS', 'COMPLETED']);
		const restore = answerNth(mock, `/api/v1/jobs/${job.id}`, 2, { delayMs: 30_000, body: {} });
		const started = Date.now();
		const { items, error } = await runNode({
			parameters: waitingGet(job.id, { requestOptions: { timeout: 2000 } }),
			credentials,
		});
		restore();
		assert.equal(error, undefined);
		assert.equal(items[0].json.status, 'COMPLETED');
		const elapsed = Date.now() - started;
		assert.ok(
			elapsed >= 2000 && elapsed < 15_000,
			`the hanging poll was given up after its 2 s timeout (run took ${elapsed} ms)`,
		);
		assert.equal(mock.requests.length, 4);
	});

	it('a wait that runs out says the last poll timed out', async () => {
		const job = mock.addJob({ status: 'IN_PROGRESS' });
		const restore = answerNth(
			mock,
			`/api/v1/jobs/${job.id}`,
			2,
			{ delayMs: 30_000, body: {} },
			Infinity,
		);
		const { error } = await runNode({
			parameters: waitingGet(job.id, {
				waitOptions: { pollInterval: 1, timeout: 3 },
				requestOptions: { timeout: 1500 },
			}),
			credentials,
		});
		restore();
		assert.equal(error.message, `Job "${job.id}" was still IN_PROGRESS after waiting 3 s`);
		assert.match(error.description, /the last poll failed: the API did not answer in time/);
	});

	it('Stop during a hanging request ends the execution within a second or two', async () => {
		const job = mock.addJob({ status: 'IN_PROGRESS' });
		const restore = answerNth(mock, `/api/v1/jobs/${job.id}`, 2, { delayMs: 30_000, body: {} });
		const controller = new AbortController();
		const run = runNode({ parameters: waitingGet(job.id), credentials, signal: controller.signal });
		// The Get is answered at once; the first poll, a second later, hangs.
		await new Promise((resolve) => setTimeout(resolve, 1800));
		assert.equal(mock.requests.length, 2);
		const stopped = Date.now();
		controller.abort();
		const result = await run;
		restore();
		const elapsed = Date.now() - stopped;
		assert.ok(elapsed < 2000, `the run ended ${elapsed} ms after Stop`);
		assert.equal(result.status, 'canceled');
	});

	it('Stop during a hanging job creation ends the execution, and the POST is not sent again', async () => {
		mock.setResponse({ method: 'POST', path: '/api/v1/jobs/', delayMs: 30_000, body: {} });
		const controller = new AbortController();
		const run = runNode({
			parameters: create(),
			items: [fileItem('a.txt')],
			credentials,
			signal: controller.signal,
		});
		await new Promise((resolve) => setTimeout(resolve, 800));
		const stopped = Date.now();
		controller.abort();
		const result = await run;
		assert.ok(Date.now() - stopped < 2000);
		assert.equal(result.status, 'canceled');
		await new Promise((resolve) => setTimeout(resolve, 300));
		assert.deepEqual(received(), ['POST /api/v1/jobs/']);
	});
});

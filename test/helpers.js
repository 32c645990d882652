'use strict';
const assert = require('node:assert/strict');
const { before, after, beforeEach } = require('node:test');
const util = require('node:util');

const { readLog } = require('../support/harness');
const { MockUnstructuredApi } = require('../support/mock-api');

/** A resource-locator value as n8n saves it. */
function byId(value) {
	return { __rl: true, mode: 'id', value };
}

/** Node parameters that turn automatic retries off, for tests of what one answer gives. */
const NO_RETRIES = { retryOptions: { retry: false } };

function jobGet(jobId, extra = {}) {
	return {
		resource: 'job',
		operation: 'get',
		jobId: typeof jobId === 'string' ? byId(jobId) : jobId,
		...extra,
	};
}

/** A binary property of an input item, as n8n keeps small files in memory. */
function binaryFile(fileName, mimeType, content) {
	return { data: Buffer.from(content).toString('base64'), mimeType, fileName };
}

/** Everything a process writes to stdout and stderr from now on, kept so tests can search it. */
function captureOutput() {
	const chunks = [];
	const originals = { out: process.stdout.write, err: process.stderr.write };
	const tee = (original) =>
		function write(chunk, ...rest) {
			chunks.push(String(chunk));
			return original.call(this, chunk, ...rest);
		};
	process.stdout.write = tee(originals.out);
	process.stderr.write = tee(originals.err);
	return {
		text: () => chunks.join(''),
		restore() {
			process.stdout.write = originals.out;
			process.stderr.write = originals.err;
		},
	};
}

/** Every form an error or item can be shown or stored in: JSON, and a deep inspection with causes. */
function allRenderings(value) {
	return `${JSON.stringify(value)}\n${util.inspect(value, { depth: 12, showHidden: true })}`;
}

/**
 * Starts `mock` for the test file, resets it before each test, and at the end checks that nothing
 * the file's runs printed or logged holds its API key. Returns `{ mock, credentials }`;
 * `credentials` is filled in with `credentialsOf(mock)` once the mock has started.
 * @template M
 * @param {M & { start(): Promise<unknown>, stop(): Promise<unknown>, reset(): void, apiKey: string }} mock
 * @param {(mock: M) => object} credentialsOf
 */
function useMock(mock, credentialsOf) {
	const context = { mock, credentials: {} };
	const output = captureOutput();
	before(async () => {
		await mock.start();
		Object.assign(context.credentials, credentialsOf(mock));
	});
	beforeEach(() => mock.reset());
	after(async () => {
		output.restore();
		await mock.stop();
		assert.ok(!output.text().includes(mock.apiKey), 'the API key appeared in the output');
		assert.ok(!readLog().includes(mock.apiKey), "the API key appeared in n8n's log");
	});
	return context;
}

/** `useMock` with a mock Unstructured (Pipelines) API and its credential. */
function useMockApi() {
	return useMock(new MockUnstructuredApi(), (mock) => ({ apiUrl: mock.url, apiKey: mock.apiKey }));
}

/** A job as the node outputs it (Output: Job): as the API returned it, with `job_id` added. */
function withJobId(job) {
	return { ...job, job_id: job.id };
}

/** Output items reduced to what a user sees: json and pairedItem. */
function plain(items) {
	return items.map(({ json, pairedItem }) => ({ json, pairedItem }));
}

module.exports = {
	NO_RETRIES,
	binaryFile,
	byId,
	jobGet,
	captureOutput,
	allRenderings,
	plain,
	useMock,
	useMockApi,
	withJobId,
};

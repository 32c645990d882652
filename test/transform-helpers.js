'use strict';
const assert = require('node:assert/strict');
const { after, before, beforeEach } = require('node:test');

const { readLog, runNode } = require('../support/harness');
const { parseMultipart } = require('../support/mock-api');
const { MockTransformApi } = require('../support/mock-transform-api');
const { captureOutput } = require('./helpers');

/**
 * Starts a mock Transform API for the test file, resets it before each test, and at the end checks
 * that nothing the file's runs printed or logged holds the API key.
 */
function useTransformMock() {
	const mock = new MockTransformApi();
	const context = { mock, credentials: { apiKey: mock.apiKey, baseUrl: '' } };
	const output = captureOutput();
	before(async () => {
		await mock.start();
		context.credentials.baseUrl = `${mock.url}/`;
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

/**
 * Runs the Unstructured Transform node.
 * @param {{ parameters: object, items?: object[], credentials: object, settings?: object, signal?: AbortSignal }} options
 */
async function runTransform({
	parameters,
	items = undefined,
	credentials,
	settings = {},
	signal = undefined,
}) {
	return await runNode({
		parameters,
		items,
		credentials,
		settings,
		signal,
		node: 'unstructuredTransform',
	});
}

/** An item with a text document in its binary field `data`. */
function documentItem(text, fileName = 'invoice.txt', field = 'data') {
	return {
		json: {},
		binary: {
			[field]: { data: Buffer.from(text).toString('base64'), mimeType: 'text/plain', fileName },
		},
	};
}

/** A multipart request's text fields and files (name, file name, text). */
function formOf(request) {
	const form = parseMultipart(request.body, request.headers['content-type']);
	return {
		fields: form.fields,
		files: form.files.map((file) => ({
			name: file.name,
			fileName: file.filename,
			text: file.data.toString('utf8'),
		})),
	};
}

/** `[method, path with query]` of every request the mock received. */
function requestLines(mock) {
	return mock.requests.map((request) => `${request.method} ${request.rawUrl}`);
}

const NO_RETRIES = { retryOptions: { retry: false } };

const INVOICE = '# Invoice\n\nInvoice number: INV-1001\n\nTotal: 120.50\n\nCustomer: ACME Corp';

module.exports = {
	INVOICE,
	NO_RETRIES,
	documentItem,
	formOf,
	requestLines,
	runTransform,
	useTransformMock,
};

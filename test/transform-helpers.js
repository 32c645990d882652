'use strict';
const { runNode } = require('../support/harness');
const { parseMultipart } = require('../support/mock-api');
const { MockTransformApi } = require('../support/mock-transform-api');
const { useMock } = require('./helpers');

/** `useMock` with a mock Transform API and its credential (the Base URL with a trailing slash, which it accepts). */
function useTransformMock() {
	return useMock(new MockTransformApi(), (mock) => ({
		apiKey: mock.apiKey,
		baseUrl: `${mock.url}/`,
	}));
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

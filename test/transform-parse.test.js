'use strict';
/** Unstructured Transform › Document › Parse, through the engine against the mock Transform API. */
const assert = require('node:assert/strict');
const { describe, it } = require('node:test');

const { plain } = require('./helpers');
const {
	INVOICE,
	documentItem,
	formOf,
	requestLines,
	runTransform,
	useTransformMock,
} = require('./transform-helpers');

const { mock, credentials } = useTransformMock();

const parse = (extra = {}) => ({ resource: 'document', operation: 'parse', ...extra });

describe('Transform › Document › Parse', () => {
	it('sends the binary file as input with Prefer: wait=60 and outputs the Markdown with its parse ID (a 200)', async () => {
		const { items, error } = await runTransform({
			parameters: parse(),
			items: [documentItem(INVOICE)],
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(requestLines(mock), ['POST /api/v2/parse']);
		const [request] = mock.requests;
		assert.equal(request.headers.prefer, 'wait=60');
		assert.equal(request.headers['unstructured-api-key'], mock.apiKey);
		assert.deepEqual(formOf(request), {
			fields: { output: 'markdown' },
			files: [{ name: 'input', fileName: 'invoice.txt', text: INVOICE }],
		});
		const [job] = mock.jobs.values();
		assert.deepEqual(plain(items), [
			{
				json: {
					markdown: '# Invoice\n\nInvoice number: INV-1001\n\nTotal: 120.50\n\nCustomer: ACME Corp',
					parse_id: job.id,
					status: 'completed',
					file_name: 'invoice.txt',
					file_id: job.document.fileId,
					page_count: 1,
					mimetype: 'text/plain',
					expires_at: new Date(job.startedAt + 24 * 3600_000).toISOString(),
					profile: 'balanced',
					format_version: '2.0',
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it("Output Elements: one item per element, shaped like the Unstructured node's Output Elements; include as query", async () => {
		const { items, error } = await runTransform({
			parameters: parse({ output: 'elements', includeCoordinates: true, profile: ' best ' }),
			items: [documentItem('# Title\n\nFirst paragraph.')],
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(requestLines(mock), ['POST /api/v2/parse?include=coordinates']);
		assert.deepEqual(formOf(mock.requests[0]).fields, { output: 'elements', profile: 'best' });
		const [job] = mock.jobs.values();
		assert.deepEqual(
			items.map((item) => [
				item.json.type,
				item.json.text,
				item.json.metadata.filename,
				item.json.metadata.page_number,
				item.json.parse_id,
				item.json.file_name,
				item.pairedItem,
			]),
			[
				['Title', 'Title', 'invoice.txt', 1, job.id, 'invoice.txt', { item: 0 }],
				['NarrativeText', 'First paragraph.', 'invoice.txt', 1, job.id, 'invoice.txt', { item: 0 }],
			],
		);
		assert.ok(items[0].json.metadata.coordinates);
		assert.equal(items[0].json.element_id, `${job.id.slice(0, 8)}-0`);
	});

	it('Element Items: One per Document keeps the elements as a list on one item', async () => {
		const { items } = await runTransform({
			parameters: parse({ output: 'elements', elementItems: 'perDocument' }),
			items: [documentItem('A\n\nB')],
			credentials,
		});
		assert.equal(items.length, 1);
		assert.deepEqual(
			items[0].json.elements.map((element) => element.text),
			['A', 'B'],
		);
	});

	it('a 202 is read at its Location until it completes; completed_with_warnings keeps the warnings on the item', async () => {
		mock.processingMs = 1500;
		mock.warnings = [[{ code: 'low_quality_scan', message: 'Page 1 is blurry' }]];
		const { items, error } = await runTransform({
			parameters: parse({ options: { waitSeconds: 0, pollInterval: 1 } }),
			items: [documentItem(INVOICE)],
			credentials,
		});
		assert.equal(error, undefined);
		const [job] = mock.jobs.values();
		const lines = requestLines(mock);
		assert.equal(lines[0], 'POST /api/v2/parse');
		assert.equal(mock.requests[0].headers.prefer, 'wait=0');
		assert.ok(lines.length >= 2);
		assert.ok(lines.slice(1).every((line) => line === `GET /api/v2/jobs/${job.id}`));
		assert.equal(items[0].json.status, 'completed_with_warnings');
		assert.deepEqual(items[0].json.warnings, [
			{ code: 'low_quality_scan', message: 'Page 1 is blurry' },
		]);
		assert.equal(items[0].json.job_id, job.id);
		assert.equal(items[0].json.parse_id, job.id);
	});

	it("an absolute Location of the API's own host is followed by its path; many items keep their order and pairing", async () => {
		mock.processingMs = 1200;
		mock.absoluteLocation = true;
		const inputs = ['one', 'two', 'three', 'four', 'five'].map((text) =>
			documentItem(text, `${text}.txt`),
		);
		const { items, error } = await runTransform({
			parameters: parse({ options: { waitSeconds: 0, pollInterval: 1 } }),
			items: inputs,
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(
			items.map((item) => [item.json.markdown, item.pairedItem.item]),
			[
				['one', 0],
				['two', 1],
				['three', 2],
				['four', 3],
				['five', 4],
			],
		);
		assert.deepEqual(mock.processed.sort(), ['five', 'four', 'one', 'three', 'two']);
	});

	it('a Location on another host is not followed: the key goes only to the Base URL', async () => {
		mock.setResponse({
			path: '/api/v2/parse',
			status: 202,
			headers: { location: 'https://elsewhere.example/api/v2/jobs/x' },
			body: { id: 'x', status: 'queued' },
		});
		const { error } = await runTransform({
			parameters: parse(),
			items: [documentItem(INVOICE)],
			credentials,
		});
		assert.equal(
			error.message,
			'Unstructured Transform asked to look for the result at another host (elsewhere.example)',
		);
		assert.deepEqual(requestLines(mock), ['POST /api/v2/parse']);
	});

	it('a file ID is sent as file_id, and an extraction schema in the same call comes back as extracted_data', async () => {
		mock.uploads.set('inv-1', {
			info: { file_id: 'inv-1', filename: 'invoice.txt', mimetype: 'text/plain' },
			data: Buffer.from(INVOICE),
		});
		const { items, error } = await runTransform({
			parameters: parse({
				source: 'fileId',
				fileId: ' inv-1 ',
				parseSchema: '{"type":"object","properties":{"invoice_number":{"type":"string"}}}',
			}),
			credentials,
		});
		assert.equal(error, undefined);
		const { fields, files } = formOf(mock.requests[0]);
		assert.deepEqual(files, []);
		assert.deepEqual(fields, {
			file_id: 'inv-1',
			output: 'markdown',
			schema:
				'{"type":"object","properties":{"invoice_number":{"type":"string"}},"required":["invoice_number"],"additionalProperties":false}',
		});
		assert.deepEqual(items[0].json.extracted_data, [
			{ data: { invoice_number: 'INV-1001' }, field_metadata: { cited: true } },
		]);
	});
});

describe('Transform › Document › Parse: what fails before any request', () => {
	for (const [
		name,
		parameters,
		items,
		message,
	] of /** @type {Array<[string, object, object[], string]>} */ ([
		[
			'no binary field of that name',
			parse({ binaryPropertyName: 'file' }),
			[documentItem(INVOICE)],
			'The item has no binary field "file"',
		],
		[
			'a blank file ID',
			parse({ source: 'fileId', fileId: '  ' }),
			[{ json: {} }],
			'The parameter "File ID" is empty',
		],
		[
			'a schema that is not JSON',
			parse({ parseSchema: '{"type": "object",' }),
			[documentItem(INVOICE)],
			'The parameter "Extraction Schema (JSON)" is not valid JSON',
		],
	])) {
		it(`${name}: "${message}", naming the item`, async () => {
			const { error } = await runTransform({ parameters, items, credentials });
			assert.equal(error.message, message);
			assert.deepEqual(mock.requests, []);
		});
	}

	it('a document over 50 MB', async () => {
		const big = {
			json: {},
			binary: {
				data: {
					data: Buffer.alloc(51 * 1024 * 1024).toString('base64'),
					mimeType: 'application/pdf',
					fileName: 'scan.pdf',
				},
			},
		};
		const { error } = await runTransform({ parameters: parse(), items: [big], credentials });
		assert.equal(
			error.message,
			'The document "scan.pdf" is 51.0 MB, over Unstructured Transform\'s 50 MB',
		);
		assert.deepEqual(mock.requests, []);
	});

	it('a credential that points at Unstructured Pipelines', async () => {
		const { error } = await runTransform({
			parameters: parse(),
			items: [documentItem(INVOICE)],
			credentials: { ...credentials, baseUrl: 'https://platform.unstructuredapp.io/api/v1' },
		});
		assert.equal(
			error.message,
			'The Unstructured Transform credential points at Unstructured Pipelines',
		);
	});
});

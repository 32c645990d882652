'use strict';
/** Unstructured Transform › Document › Extract, through the engine against the mock Transform API. */
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

const extract = (extra = {}) => ({ resource: 'document', operation: 'extract', ...extra });
const FIELDS = {
	schemaFields: {
		field: [
			{
				name: 'invoice_number',
				type: 'string',
				description: 'The number at the top',
				required: true,
			},
			{ name: 'total', type: 'number', required: true },
			{ name: 'customer', type: 'string', required: false },
		],
	},
};
const STRICT_SCHEMA = {
	type: 'object',
	properties: {
		invoice_number: { type: 'string', description: 'The number at the top' },
		total: { type: 'number' },
		customer: { type: ['string', 'null'] },
	},
	required: ['invoice_number', 'total', 'customer'],
	additionalProperties: false,
};

describe('Transform › Document › Extract', () => {
	it("a field list becomes a strict JSON Schema; the record's fields come at the top of the item, the rest under extraction", async () => {
		const { items, error } = await runTransform({
			parameters: extract({ ...FIELDS, prompt: 'Totals as numbers' }),
			items: [documentItem(INVOICE)],
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(requestLines(mock), ['POST /api/v2/extract']);
		const { fields, files } = formOf(mock.requests[0]);
		assert.deepEqual(JSON.parse(fields.schema), STRICT_SCHEMA);
		assert.equal(fields.prompt, 'Totals as numbers');
		assert.deepEqual(
			files.map((file) => [file.name, file.fileName]),
			[['input', 'invoice.txt']],
		);
		const [job] = mock.jobs.values();
		assert.deepEqual(plain(items), [
			{
				json: {
					invoice_number: 'INV-1001',
					total: 120.5,
					customer: 'ACME Corp',
					extraction: {
						extract_id: job.id,
						status: 'completed',
						file_name: 'invoice.txt',
						file_id: job.document.fileId,
						field_metadata: { cited: true },
						source: {
							file_id: job.document.fileId,
							filename: 'invoice.txt',
							mimetype: 'text/plain',
							expires_at: new Date(job.startedAt + 24 * 3600_000).toISOString(),
						},
					},
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	it('Include Extraction Metadata off: only the fields, ready for a Sheets or Postgres node', async () => {
		const { items } = await runTransform({
			parameters: extract({ ...FIELDS, options: { includeMetadata: false } }),
			items: [documentItem(INVOICE)],
			credentials,
		});
		assert.deepEqual(items[0].json, {
			invoice_number: 'INV-1001',
			total: 120.5,
			customer: 'ACME Corp',
		});
	});

	it("from a parse ID: JSON with parse_id and the schema as an object; no second parse; a 202's Location is kept whole, query and all", async () => {
		const parsed = await runTransform({
			parameters: { resource: 'document', operation: 'parse' },
			items: [documentItem(INVOICE)],
			credentials,
		});
		const parseId = parsed.items[0].json.parse_id;
		mock.requests.length = 0;
		mock.processingMs = 1200;
		const { items, error } = await runTransform({
			parameters: extract({
				source: 'parseId',
				schemaType: 'example',
				schemaExample: '{"invoice_number": "X", "total": 1.5}',
				options: { waitSeconds: 0, pollInterval: 1 },
			}),
			items: [{ json: { parse_id: parseId } }],
			credentials,
		});
		assert.equal(error, undefined);
		const [post, ...polls] = mock.requests;
		assert.equal(post.headers['content-type'], 'application/json');
		assert.deepEqual(JSON.parse(post.body.toString()), {
			parse_id: parseId,
			schema: {
				type: 'object',
				properties: { invoice_number: { type: 'string' }, total: { type: 'number' } },
				required: ['invoice_number', 'total'],
				additionalProperties: false,
			},
		});
		const job = [...mock.jobs.values()].find((candidate) => candidate.kind === 'extract');
		assert.ok(polls.length > 0);
		assert.ok(polls.every((poll) => poll.rawUrl === `/api/v2/jobs/${job.id}${job.extractQuery}`));
		assert.equal(mock.processed.length, 1, 'the document was parsed once');
		assert.deepEqual(
			[items[0].json.invoice_number, items[0].json.total, items[0].json.extraction.parse_id],
			['INV-1001', 120.5, parseId],
		);
	});

	it('a JSON Schema is made strict at every depth', async () => {
		const schema = {
			type: 'object',
			properties: {
				lines: {
					type: 'array',
					items: { type: 'object', properties: { amount: { type: 'number' } } },
				},
			},
		};
		await runTransform({
			parameters: extract({ schemaType: 'jsonSchema', jsonSchema: JSON.stringify(schema) }),
			items: [documentItem(INVOICE)],
			credentials,
		});
		assert.deepEqual(JSON.parse(formOf(mock.requests[0]).fields.schema), {
			type: 'object',
			properties: {
				lines: {
					type: 'array',
					items: {
						type: 'object',
						properties: { amount: { type: 'number' } },
						required: ['amount'],
						additionalProperties: false,
					},
				},
			},
			required: ['lines'],
			additionalProperties: false,
		});
	});
});

describe('Transform › Document › Extract: what fails before any request', () => {
	for (const [name, parameters, message] of /** @type {Array<[string, object, string]>} */ ([
		['an empty field list', extract({ schemaFields: {} }), 'The field list is empty'],
		[
			'an example that is not JSON',
			extract({ schemaType: 'example', schemaExample: '{"a": }' }),
			'The parameter "JSON Example" is not valid JSON',
		],
		[
			'an empty JSON Schema',
			extract({ schemaType: 'jsonSchema', jsonSchema: '{}' }),
			'The parameter "JSON Schema" is empty',
		],
		[
			'a blank parse ID',
			extract({ ...FIELDS, source: 'parseId', parseId: '  ' }),
			'The parameter "Parse ID" is empty',
		],
	])) {
		it(`${name}: "${message}"`, async () => {
			const { error } = await runTransform({
				parameters,
				items: [documentItem(INVOICE)],
				credentials,
			});
			assert.equal(error.message, message);
			assert.deepEqual(mock.requests, []);
		});
	}
});

describe("Transform › Document › Extract: the API's errors", () => {
	it("409 parse_expired says to parse again, with the API's own code and message", async () => {
		mock.expiredParses.add('old-parse');
		const { error } = await runTransform({
			parameters: extract({ ...FIELDS, source: 'parseId', parseId: 'old-parse' }),
			items: [{ json: {} }],
			credentials,
		});
		assert.equal(
			error.message,
			'The parse this Extract reuses is no longer kept by Unstructured Transform (409): The parse output is no longer retained: parse the document again. [parse_expired]',
		);
		assert.match(error.description, /Parse the document again/);
	});

	it("an invalid schema (422 invalid_schema) passes the API's words through", async () => {
		mock.setResponse({
			path: '/api/v2/extract',
			status: 422,
			body: { code: 'invalid_schema', message: 'enum is not supported' },
		});
		const { error } = await runTransform({
			parameters: extract(FIELDS),
			items: [documentItem(INVOICE)],
			credentials,
		});
		assert.equal(
			error.message,
			'Unstructured Transform does not support this schema (422): enum is not supported [invalid_schema]',
		);
	});

	it('a 401 says to check the Transform key, and that Pipelines keys do not work', async () => {
		const { error } = await runTransform({
			parameters: extract(FIELDS),
			items: [documentItem(INVOICE)],
			credentials: { ...credentials, apiKey: 'a-pipelines-key' },
		});
		assert.equal(
			error.message,
			'Unstructured Transform rejected the API key (401): The API key is missing or not valid. [unauthorized]',
		);
		assert.match(error.description, /Keys of Unstructured Pipelines do not work with Transform/);
	});
});

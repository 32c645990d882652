'use strict';
/**
 * Job › Create with n8n's filesystem binary-data mode (n8n's default since 2.0, and its advice for
 * large files): the items point at files on disk, which the node streams into the request body
 * only when the job's turn comes. The bytes sent must be the file's, byte for byte.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-unstructured-binary-'));
// Read by n8n-core's BinaryDataConfig when the service is first asked for: before the harness loads it.
process.env.N8N_DEFAULT_BINARY_DATA_MODE = 'filesystem';
process.env.N8N_BINARY_DATA_STORAGE_PATH = storage;

const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const { randomBytes } = require('node:crypto');

const { runNode } = require('../support/harness');
const { parseMultipart } = require('../support/mock-api');
const { byId, plain, useMockApi } = require('./helpers');

const { mock, credentials } = useMockApi();
let service;

before(async () => {
	const { Container } = require('@n8n/di');
	const { BinaryDataService } = require('n8n-core');
	service = Container.get(BinaryDataService);
	await service.init();
});
after(() => fs.rmSync(storage, { recursive: true, force: true }));

/** A binary property as n8n's filesystem mode keeps it: an ID pointing at the file on disk. */
async function storedFile(content, fileName, mimeType) {
	return await service.store(
		{ type: 'execution', workflowId: 'test-workflow', executionId: 'test' },
		content,
		{ fileName, mimeType, data: '' },
	);
}

describe("Job › Create with files in n8n's filesystem binary-data mode", () => {
	it("sends each file byte for byte, from disk, in its own item's job", async () => {
		const files = [randomBytes(3 * 1024 * 1024 + 17), randomBytes(1000)];
		const items = [
			{ json: {}, binary: { data: await storedFile(files[0], 'big.pdf', 'application/pdf') } },
			{ json: {}, binary: { data: await storedFile(files[1], 'small.txt', 'text/plain') } },
		];
		assert.ok(
			items.every((item) => item.binary.data.id && item.binary.data.data === 'filesystem-v2'),
			'the items hold no file content',
		);
		const { items: out, error } = await runNode({
			parameters: {
				resource: 'job',
				operation: 'create',
				templateId: byId('hi_res_partition'),
				waitForCompletion: false,
			},
			items,
			credentials,
		});
		assert.equal(error, undefined);
		assert.equal(mock.requests.length, 2);
		const forms = mock.requests.map((request) =>
			parseMultipart(request.body, request.headers['content-type']),
		);
		['big.pdf', 'small.txt'].forEach((fileName, index) => {
			const form = forms.find((candidate) => candidate.files[0]?.filename === fileName);
			assert.deepEqual(form.fields, { request_data: '{"template_id":"hi_res_partition"}' });
			assert.equal(form.files.length, 1);
			assert.equal(form.files[0].contentType, ['application/pdf', 'text/plain'][index]);
			assert.ok(form.files[0].data.equals(files[index]), `${fileName} arrived byte for byte`);
		});
		assert.deepEqual(
			plain(out).map(({ json, pairedItem }) => [json.input_file_ids, pairedItem]),
			[
				[['big.pdf'], { item: 0 }],
				[['small.txt'], { item: 1 }],
			],
		);
	});
});

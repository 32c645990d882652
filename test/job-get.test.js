'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../support/harness');
const { makeOutputFile } = require('../support/mock-api');
const {
	allRenderings,
	byId,
	jobGet,
	NO_RETRIES,
	plain,
	useMockApi,
	withJobId,
} = require('./helpers');

const { mock, credentials } = useMockApi();

describe('Job › Get: the request', () => {
	it('sends GET /api/v1/jobs/{id} with the API key header and asks for JSON', async () => {
		const job = mock.addJob();
		const { error } = await runNode({ parameters: jobGet(job.id), credentials });
		assert.equal(error, undefined);
		assert.equal(mock.requests.length, 1);
		const [request] = mock.requests;
		assert.equal(request.method, 'GET');
		assert.equal(request.path, `/api/v1/jobs/${job.id}`);
		assert.deepEqual(request.query, {});
		assert.equal(request.headers['unstructured-api-key'], mock.apiKey);
		assert.equal(request.headers.accept, 'application/json');
	});

	for (const suffix of ['', '/', '//', '/api/v1', '/api/v1/', '/API/V1/']) {
		it(`reaches the same endpoint when the API URL ends in "${suffix}"`, async () => {
			const job = mock.addJob();
			const { error } = await runNode({
				parameters: jobGet(job.id),
				credentials: { ...credentials, apiUrl: `  ${mock.url}${suffix} ` },
			});
			assert.equal(error, undefined);
			assert.deepEqual(
				mock.requests.map((request) => request.path),
				[`/api/v1/jobs/${job.id}`],
			);
		});
	}

	it('trims the ID and URL-encodes it, so no ID can reach another path or add a query', async () => {
		await runNode({
			parameters: jobGet(' a/b?c=1#d e%2F.. '),
			credentials,
			settings: { onError: 'continueRegularOutput' },
		});
		assert.equal(mock.requests.length, 1);
		assert.equal(mock.requests[0].path, '/api/v1/jobs/a%2Fb%3Fc%3D1%23d%20e%252F..');
		assert.deepEqual(mock.requests[0].query, {});
	});

	it('takes the ID from the list mode of the resource locator', async () => {
		const job = mock.addJob();
		const { error } = await runNode({
			parameters: jobGet({
				__rl: true,
				mode: 'list',
				value: job.id,
				cachedResultName: 'My ETL Workflow',
			}),
			credentials,
		});
		assert.equal(error, undefined);
		assert.equal(mock.requests[0].path, `/api/v1/jobs/${job.id}`);
	});

	for (const [label, value, expected] of [
		['an expression that gives nothing', '={{ $json.job_id }}', 'The parameter "Job ID" is empty'],
		['only spaces', '   ', 'The parameter "Job ID" is empty'],
		['".."', '..', 'The parameter "Job ID" is not a valid ID: ".."'],
		['"."', '.', 'The parameter "Job ID" is not a valid ID: "."'],
		['a control character', 'abc\ndef', 'The parameter "Job ID" is not a valid ID: "abc?def"'],
	]) {
		it(`fails before any request when the ID is ${label}, naming the field`, async () => {
			const { error, items } = await runNode({ parameters: jobGet(value), credentials });
			assert.equal(error?.message, expected);
			assert.deepEqual(items, []);
			assert.equal(mock.requests.length, 0);
		});
	}
});

describe('Job › Get: the output', () => {
	it('outputs one item per output file, each with the file fields and the job context', async () => {
		const files = [
			makeOutputFile({ node_type: 'partition', node_subtype: 'unstructured_api' }),
			makeOutputFile(),
		];
		const job = mock.addJob({ output_node_files: files });
		const { items } = await runNode({ parameters: jobGet(job.id), credentials });
		const context = {
			job_id: job.id,
			workflow_id: job.workflow_id,
			workflow_name: 'My ETL Workflow',
			status: 'COMPLETED',
			created_at: '2026-01-01T00:00:00Z',
			runtime: 'PT2M30S',
			job_type: 'ephemeral',
		};
		assert.deepEqual(plain(items), [
			{ json: { ...files[0], ...context }, pairedItem: { item: 0 } },
			{ json: { ...files[1], ...context }, pairedItem: { item: 0 } },
		]);
		assert.deepEqual(Object.keys(items[0].json).slice(0, 4), [
			'node_id',
			'file_id',
			'node_type',
			'node_subtype',
		]);
	});

	it('keeps fields the API adds later, lets file fields win over job fields, and copies only what the job has', async () => {
		const file = makeOutputFile({ page_count: 12, status: 'file-level status' });
		const job = mock.addJob({ output_node_files: [file], runtime: null });
		delete job.job_type;
		const { items } = await runNode({ parameters: jobGet(job.id), credentials });
		assert.deepEqual(plain(items), [
			{
				json: {
					...file,
					job_id: job.id,
					workflow_id: job.workflow_id,
					workflow_name: job.workflow_name,
					created_at: job.created_at,
					runtime: null,
				},
				pairedItem: { item: 0 },
			},
		]);
	});

	for (const [label, value] of [
		['empty', []],
		['null', null],
		['missing', undefined],
	]) {
		it(`outputs no items for a job whose output_node_files is ${label}`, async () => {
			const job = mock.addJob({ output_node_files: value, status: 'IN_PROGRESS' });
			if (value === undefined) delete job.output_node_files;
			const { items, error } = await runNode({ parameters: jobGet(job.id), credentials });
			assert.equal(error, undefined);
			assert.deepEqual(items, []);
			assert.equal(mock.requests.length, 1);
		});
	}

	it('outputs the job exactly as returned when Output is "Job"', async () => {
		const job = mock.addJob({
			output_node_files: [makeOutputFile()],
			input_file_ids: ['document.pdf'],
			extra: { a: 1 },
		});
		const { items } = await runNode({ parameters: jobGet(job.id, { output: 'job' }), credentials });
		assert.deepEqual(plain(items), [{ json: withJobId(job), pairedItem: { item: 0 } }]);
	});

	it('pairs every file item with its input: jobs with 2 and 3 files give 0, 0, 1, 1, 1', async () => {
		const first = mock.addJob({ output_node_files: [makeOutputFile(), makeOutputFile()] });
		const second = mock.addJob({
			output_node_files: [makeOutputFile(), makeOutputFile(), makeOutputFile()],
		});
		const { items } = await runNode({
			parameters: jobGet('={{ $json.job_id }}'),
			items: [{ json: { job_id: first.id } }, { json: { job_id: second.id } }],
			credentials,
		});
		assert.deepEqual(
			items.map((item) => [item.json.job_id, item.json.file_id, item.pairedItem]),
			[
				...first.output_node_files.map((file) => [first.id, file.file_id, { item: 0 }]),
				...second.output_node_files.map((file) => [second.id, file.file_id, { item: 1 }]),
			],
		);
		assert.deepEqual(
			mock.requests.map((request) => request.path).sort(),
			[`/api/v1/jobs/${first.id}`, `/api/v1/jobs/${second.id}`].sort(),
		);
	});

	it('sends one request per input item and pairs "Job" output too', async () => {
		const jobs = [mock.addJob(), mock.addJob(), mock.addJob()];
		const { items } = await runNode({
			parameters: jobGet('={{ $json.id }}', { output: 'job' }),
			items: jobs.map((job) => ({ json: { id: job.id } })),
			credentials,
		});
		assert.equal(mock.requests.length, 3);
		assert.deepEqual(
			plain(items),
			jobs.map((job, index) => ({ json: withJobId(job), pairedItem: { item: index } })),
		);
	});
});

describe('Job › Get: errors', () => {
	/**
	 * Runs Job › Get against a mock answer, with retries off (they have tests of their own in
	 * retries.test.js), and returns the error, checking it leaks no key.
	 */
	async function errorFor(
		response,
		{ jobId = '0f0e0d0c-0b0a-4909-8807-060504030201', parameters = {} } = {},
	) {
		if (response) mock.setResponse({ path: `/api/v1/jobs/${jobId}`, ...response });
		const { error, items } = await runNode({
			parameters: jobGet(jobId, { ...NO_RETRIES, ...parameters }),
			credentials,
		});
		assert.ok(error, 'the run should fail');
		assert.deepEqual(items, []);
		assert.ok(!allRenderings(error).includes(mock.apiKey), 'the API key appeared in the error');
		return error;
	}

	it('404: names the job, carries the status and the API detail', async () => {
		const error = await errorFor(undefined);
		assert.equal(error.name, 'NodeApiError');
		assert.equal(error.httpCode, '404');
		assert.equal(
			error.message,
			'The Unstructured API found no job with ID "0f0e0d0c-0b0a-4909-8807-060504030201" (404): Job not found',
		);
		assert.equal(
			error.description,
			'Check the ID, and that it belongs to the workspace of this API key.',
		);
	});

	it('401: gives the API words and says to check the API key and URL', async () => {
		const { error } = await runNode({
			parameters: jobGet(mock.addJob().id),
			credentials: { ...credentials, apiKey: 'wrong-key-123' },
		});
		assert.equal(error.httpCode, '401');
		assert.equal(
			error.message,
			'The Unstructured API rejected the API key (401): API key is invalid, please provide a valid API key in the header.',
		);
		assert.match(error.description, /Check the API key and the API URL/);
		assert.ok(!allRenderings(error).includes('wrong-key-123'));
	});

	it('422: renders the validation list as loc: msg pairs', async () => {
		const error = await errorFor({
			status: 422,
			body: {
				detail: [
					{ loc: ['path', 'job_id'], msg: 'Input should be a valid UUID', type: 'uuid_parsing' },
					{ loc: ['query', 'limit', 0], msg: 'Field required', type: 'missing' },
				],
			},
		});
		assert.equal(error.httpCode, '422');
		assert.equal(
			error.message,
			'The Unstructured API rejected the request as invalid (422): path.job_id: Input should be a valid UUID; query.limit.0: Field required',
		);
	});

	it('422 from a real malformed ID, sent encoded', async () => {
		const error = await errorFor(undefined, { jobId: 'not-a-uuid' });
		assert.equal(error.httpCode, '422');
		assert.match(
			error.message,
			/^The Unstructured API rejected the request as invalid \(422\): path\.job_id: Input should be a valid UUID/,
		);
	});

	it('429: says the API is rate-limiting, with its detail', async () => {
		const error = await errorFor({ status: 429, body: { detail: 'Too many requests' } });
		assert.equal(error.httpCode, '429');
		assert.equal(
			error.message,
			'The Unstructured API is rate-limiting requests (429): Too many requests',
		);
		assert.equal(
			error.description,
			'Unstructured takes one new job per second and runs at most 5 on-demand jobs at once. Raise "Max Attempts" under Retry Options, or run again later.',
		);
	});

	for (const status of [500, 503]) {
		it(`${status}: says the API had a server error`, async () => {
			const error = await errorFor({ status, body: { detail: 'Internal server error' } });
			assert.equal(error.httpCode, String(status));
			assert.equal(
				error.message,
				`The Unstructured API had a server error (${status}): Internal server error`,
			);
		});
	}

	it('an HTML error page from a proxy: says the answer was not JSON, no markup in the message', async () => {
		const error = await errorFor({
			status: 502,
			body: '<html><body><h1>502 Bad Gateway</h1></body></html>',
			contentType: 'text/html',
		});
		assert.equal(error.httpCode, '502');
		assert.equal(error.message, 'The Unstructured API had a server error (502)');
		assert.match(error.description, /The answer was not JSON \(text\/html\): check the API URL\./);
	});

	it('a 200 HTML page (a login page of a proxy) is an error, not a job', async () => {
		const error = await errorFor({
			status: 200,
			body: '<!doctype html><title>Sign in</title>',
			contentType: 'text/html',
		});
		assert.equal(
			error.message,
			'The Unstructured API answered 200 with an unexpected body (text/html)',
		);
		assert.match(error.description, /check the API URL/);
	});

	it('a 202 whose body holds only `detail` is an error carrying that detail', async () => {
		const error = await errorFor({
			status: 202,
			body: { detail: 'There is a running job in progress. No new job run.' },
		});
		assert.equal(error.httpCode, '202');
		assert.equal(
			error.message,
			'The Unstructured API answered 202 without a result: There is a running job in progress. No new job run.',
		);
	});

	it('a refused connection names the host and says to check the URL', async () => {
		const { error } = await runNode({
			parameters: jobGet(mock.addJob().id, NO_RETRIES),
			credentials: { ...credentials, apiUrl: 'http://127.0.0.1:9' },
		});
		assert.equal(error.message, 'The Unstructured API at 127.0.0.1:9 refused the connection');
		assert.equal(
			error.description,
			'The request failed with ECONNREFUSED. Check the API URL in the Unstructured credential and that this n8n instance can reach it.',
		);
		assert.ok(!allRenderings(error).includes(mock.apiKey));
	});

	it('a timeout says the API did not answer in time', async () => {
		const error = await errorFor(
			{ status: 200, body: {}, delayMs: 1500 },
			{ parameters: { requestOptions: { timeout: 200 } } },
		);
		assert.equal(
			error.message,
			`The Unstructured API at ${new URL(mock.url).host} did not answer in time`,
		);
		assert.equal(
			error.description,
			'No answer came in time (ECONNABORTED). Try again later, or raise "Timeout" in the node\'s Settings › Request Options.',
		);
	});
});

describe('Job › Get: Continue On Fail', () => {
	it('gives each failing input a paired error item while the others produce their files', async () => {
		const first = mock.addJob({ output_node_files: [makeOutputFile(), makeOutputFile()] });
		const last = mock.addJob({ output_node_files: [makeOutputFile()] });
		const missing = '11111111-2222-4333-8444-555555555555';
		const { items, error } = await runNode({
			parameters: jobGet('={{ $json.job_id }}'),
			items: [
				{ json: { job_id: first.id } },
				{ json: { job_id: missing } },
				{ json: {} },
				{ json: { job_id: last.id } },
			],
			credentials,
			settings: { onError: 'continueRegularOutput' },
		});
		assert.equal(error, undefined);
		assert.deepEqual(
			items.map((item) => [item.json.file_id ?? item.json.error, item.pairedItem]),
			[
				[first.output_node_files[0].file_id, { item: 0 }],
				[first.output_node_files[1].file_id, { item: 0 }],
				[
					`The Unstructured API found no job with ID "${missing}" (404): Job not found`,
					{ item: 1 },
				],
				['The parameter "Job ID" is empty', { item: 2 }],
				[last.output_node_files[0].file_id, { item: 3 }],
			],
		);
		assert.equal(items[2].error.name, 'NodeApiError');
		assert.equal(items[3].error.name, 'NodeOperationError');
		assert.equal(mock.requests.length, 3, 'the empty ID sent no request');
		assert.ok(!allRenderings(items).includes(mock.apiKey));
	});

	it('pairs transport errors too', async () => {
		const { items } = await runNode({
			parameters: jobGet('={{ $json.job_id }}', NO_RETRIES),
			items: [{ json: { job_id: 'a' } }, { json: { job_id: 'b' } }],
			credentials: { ...credentials, apiUrl: 'http://127.0.0.1:9' },
			settings: { onError: 'continueRegularOutput' },
		});
		assert.deepEqual(
			plain(items),
			[0, 1].map((item) => ({
				json: { error: 'The Unstructured API at 127.0.0.1:9 refused the connection' },
				pairedItem: { item },
			})),
		);
		assert.ok(!allRenderings(items).includes(mock.apiKey));
	});
});

describe('Job › Get: the key stays secret', () => {
	it('no output item of a successful run holds the key', async () => {
		const job = mock.addJob({ output_node_files: [makeOutputFile()] });
		const { items, runData } = await runNode({ parameters: jobGet(byId(job.id)), credentials });
		assert.equal(items.length, 1);
		assert.ok(!allRenderings(runData).includes(mock.apiKey));
	});
});

'use strict';
/**
 * The real service's limits and faults, through the engine against the mock's deterministic fault
 * profiles (`mock.setFaults`): what is retried, what never is, the pacing of job creation, and that
 * no input item is lost. Retry-After values are short to keep the run short.
 */
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../support/harness');
const { makeOutputFile } = require('../support/mock-api');
const { allRenderings, binaryFile, byId, jobGet, plain, useMockApi } = require('./helpers');

const { mock, credentials } = useMockApi();

const CONTINUE = { onError: 'continueRegularOutput' };

/** `count` jobs with one output file each, and the input items that name them. */
function jobsAndItems(count) {
	const jobs = Array.from({ length: count }, () =>
		mock.addJob({ output_node_files: [makeOutputFile()] }),
	);
	return { jobs, items: jobs.map((job) => ({ json: { job_id: job.id } })) };
}

/** What Job › Get (Output Files) gives for these jobs, in input order. */
function expectedFiles(jobs) {
	return jobs.map((job, index) => ({
		json: {
			...job.output_node_files[0],
			job_id: job.id,
			workflow_id: job.workflow_id,
			workflow_name: job.workflow_name,
			status: job.status,
			created_at: job.created_at,
			runtime: job.runtime,
			job_type: job.job_type,
		},
		pairedItem: { item: index },
	}));
}

function fileItems(count) {
	return Array.from({ length: count }, (_, index) => ({
		json: { index },
		binary: { data: binaryFile(`doc-${index}.txt`, 'text/plain', `document ${index}`) },
	}));
}

const jobCreate = (extra = {}) => ({
	resource: 'job',
	operation: 'create',
	templateId: byId('hi_res_partition'),
	waitForCompletion: false,
	...extra,
});

const creates = () =>
	mock.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/jobs/');

describe('Retries of reads', () => {
	it('60 × Job › Get with every third first request answered 429 (Retry-After: 1): 60 of 60 items, in input order', async () => {
		mock.setFaults({ rateLimitEvery: 3, retryAfter: 1 });
		const { jobs, items } = jobsAndItems(60);
		const { items: output, error } = await runNode({
			parameters: jobGet('={{ $json.job_id }}'),
			items,
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(plain(output), expectedFiles(jobs));
		const statuses = mock.requests.map((request) => request.path);
		assert.equal(statuses.length, 80, '60 requests and 20 retries');
		const retried = mock.requests.filter(
			(request, index) => mock.requests.findIndex((other) => other.path === request.path) !== index,
		);
		assert.equal(retried.length, 20);
		const first = new Map();
		for (const request of mock.requests) {
			if (!first.has(request.path)) first.set(request.path, request.receivedAt);
			else
				assert.ok(
					request.receivedAt - first.get(request.path) >= 990,
					'a retry waits for the Retry-After',
				);
		}
	});

	it('60 × Job › Get with every fifth first request 503 and every seventh connection dropped: 60 of 60 items', async () => {
		mock.setFaults({ serverErrorEvery: 5, dropEvery: 7 });
		const { jobs, items } = jobsAndItems(60);
		const { items: output, error } = await runNode({
			parameters: jobGet('={{ $json.job_id }}'),
			items,
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(plain(output), expectedFiles(jobs));
		// 12 answered 503; of the 8 sevenths, the 35th is one of the 503s and the 7 others were dropped.
		assert.equal(mock.requests.length, 60 + 12 + 7);
	});

	it('a slow answer within the timeout is no fault: nothing is sent twice', async () => {
		mock.setFaults({ slowEvery: 2, slowMs: 300 });
		const { jobs, items } = jobsAndItems(4);
		const { items: output } = await runNode({
			parameters: jobGet('={{ $json.job_id }}'),
			items,
			credentials,
		});
		assert.deepEqual(plain(output), expectedFiles(jobs));
		assert.equal(mock.requests.length, 4);
	});

	it('honours Retry-After given as an HTTP date', async () => {
		const job = mock.addJob();
		const retryAt = new Date(Math.ceil(Date.now() / 1000) * 1000 + 2000);
		mock.setResponse({
			path: `/api/v1/jobs/${job.id}`,
			status: 429,
			body: { detail: 'Slow down' },
			headers: { 'retry-after': retryAt.toUTCString() },
		});
		const { error } = await runNode({ parameters: jobGet(job.id), credentials });
		assert.equal(error, undefined);
		assert.equal(mock.requests.length, 2);
		assert.ok(
			mock.requests[1].receivedAt >= retryAt.getTime() - 50,
			'the retry waits until the date',
		);
	});

	it('an API that always answers 503 ends in a clear error naming the status and the attempts', async () => {
		const job = mock.addJob();
		mock.setResponse({
			path: `/api/v1/jobs/${job.id}`,
			status: 503,
			body: { detail: 'Service Unavailable' },
			headers: { 'retry-after': '0' },
			times: 100,
		});
		const started = Date.now();
		const { error } = await runNode({ parameters: jobGet(job.id), credentials });
		assert.ok(Date.now() - started < 5000);
		assert.equal(mock.requests.length, 5, 'the default: 5 attempts');
		assert.equal(error.httpCode, '503');
		assert.equal(
			error.message,
			'The Unstructured API had a server error (503): Service Unavailable',
		);
		assert.equal(
			error.description,
			'Tried 5 times over 0 s. This is on the Unstructured side. Raise "Max Attempts" under Retry Options, or run again later.',
		);
		assert.ok(!allRenderings(error).includes(mock.apiKey));
	});

	it('without Retry-After, backs off within the Max Attempts set in Retry Options', async () => {
		const job = mock.addJob();
		mock.setResponse({
			path: `/api/v1/jobs/${job.id}`,
			status: 502,
			body: { detail: 'Bad Gateway' },
			times: 100,
		});
		const { error } = await runNode({
			parameters: jobGet(job.id, { retryOptions: { maxAttempts: 3 } }),
			credentials,
		});
		assert.equal(mock.requests.length, 3);
		assert.match(error.description, /^Tried 3 times over \d+ s\./);
	});

	it('stops retrying when the next wait would pass Max Retry Time', async () => {
		const job = mock.addJob();
		mock.setResponse({
			path: `/api/v1/jobs/${job.id}`,
			status: 429,
			body: { detail: 'Too many requests' },
			headers: { 'retry-after': '30' },
			times: 100,
		});
		const started = Date.now();
		const { error } = await runNode({
			parameters: jobGet(job.id, { retryOptions: { maxRetryTime: 10 } }),
			credentials,
		});
		assert.ok(Date.now() - started < 2000, 'no wait of 30 s was started');
		assert.equal(mock.requests.length, 1);
		assert.equal(error.httpCode, '429');
	});

	it('with Automatic Retries off, the first failure is the result', async () => {
		const job = mock.addJob();
		mock.setResponse({
			path: `/api/v1/jobs/${job.id}`,
			status: 429,
			body: { detail: 'Too many requests' },
			headers: { 'retry-after': '0' },
		});
		const { error } = await runNode({
			parameters: jobGet(job.id, { retryOptions: { retry: false } }),
			credentials,
		});
		assert.equal(mock.requests.length, 1);
		assert.equal(
			error.message,
			'The Unstructured API is rate-limiting requests (429): Too many requests',
		);
	});

	it('a 4xx other than 429 is never retried', async () => {
		const { error } = await runNode({
			parameters: jobGet('0f0e0d0c-0b0a-4909-8807-060504030201'),
			credentials,
		});
		assert.equal(error.httpCode, '404');
		assert.equal(mock.requests.length, 1);
	});

	it('a 429 on the first GET of Wait for Completion is retried like any read', async () => {
		const job = mock.addJob({ status: 'COMPLETED', output_node_files: [makeOutputFile()] });
		mock.setResponse({
			path: `/api/v1/jobs/${job.id}`,
			status: 429,
			body: { detail: 'Too many requests' },
			headers: { 'retry-after': '0' },
		});
		const { items, error } = await runNode({
			parameters: jobGet(job.id, { waitForCompletion: true }),
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(plain(items), expectedFiles([job]));
	});

	it("with Continue On Fail, one item's failure keeps every other item's result, in input order", async () => {
		mock.setFaults({ rateLimitEvery: 2, retryAfter: 0 });
		const { jobs, items } = jobsAndItems(6);
		const missing = '11111111-2222-4333-8444-555555555555';
		items.splice(3, 0, { json: { job_id: missing } });
		const { items: output } = await runNode({
			parameters: jobGet('={{ $json.job_id }}'),
			items,
			credentials,
			settings: CONTINUE,
		});
		const expected = expectedFiles(jobs).map((item, index) => ({
			...item,
			pairedItem: { item: index < 3 ? index : index + 1 },
		}));
		expected.splice(3, 0, {
			json: {
				error: `The Unstructured API found no job with ID "${missing}" (404): Job not found`,
			},
			pairedItem: { item: 3 },
		});
		assert.deepEqual(plain(output), expected);
	});
});

describe('Job creation: paced, and never sent twice', () => {
	it('8 × Job › Create at once against the one-job-per-second limit: 8 jobs, no failure, no 429', async () => {
		mock.setFaults({ jobCreationIntervalMs: 1000 });
		const { items, error } = await runNode({
			parameters: jobCreate(),
			items: fileItems(8),
			credentials,
		});
		assert.equal(error, undefined);
		assert.equal(creates().length, 8);
		assert.equal(mock.jobs.size, 8);
		assert.deepEqual(
			items.map((item) => [item.json.input_file_ids, item.pairedItem]),
			Array.from({ length: 8 }, (_, index) => [[`doc-${index}.txt`], { item: index }]),
		);
		const arrivals = creates().map((request) => request.receivedAt);
		for (let index = 1; index < arrivals.length; index++)
			assert.ok(arrivals[index] - arrivals[index - 1] >= 1000);
	});

	it('two executions creating jobs at once with one credential take turns: 6 jobs a second apart, no 429', async () => {
		mock.setFaults({ jobCreationIntervalMs: 1000 });
		const [first, second] = await Promise.all(
			[0, 1].map(() => runNode({ parameters: jobCreate(), items: fileItems(3), credentials })),
		);
		assert.deepEqual([first.error, second.error], [undefined, undefined]);
		assert.equal(creates().length, 6);
		assert.equal(mock.faultsServed.creationLimit, 0);
		const arrivals = creates().map((request) => request.receivedAt);
		for (let index = 1; index < arrivals.length; index++)
			assert.ok(arrivals[index] - arrivals[index - 1] >= 1000);
	});

	it('turns a stopped execution had taken are given up: the next execution creates its job at once', async () => {
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 300);
		await runNode({
			parameters: jobCreate(),
			items: fileItems(6),
			credentials,
			signal: controller.signal,
		});
		await new Promise((resolve) => setTimeout(resolve, 1100));
		const started = Date.now();
		const { error } = await runNode({ parameters: jobCreate(), items: fileItems(1), credentials });
		assert.equal(error, undefined);
		assert.ok(
			Date.now() - started < 800,
			`the next job went after ${Date.now() - started} ms, not after the stopped run's 5 turns`,
		);
	});

	it('a 429 on Create (the API did not act) is sent again after Retry-After, creating one job', async () => {
		mock.setResponse({
			method: 'POST',
			path: '/api/v1/jobs/',
			status: 429,
			body: { detail: 'Rate limit exceeded' },
			headers: { 'retry-after': '0' },
		});
		const { items, error } = await runNode({
			parameters: jobCreate(),
			items: fileItems(1),
			credentials,
		});
		assert.equal(error, undefined);
		assert.equal(creates().length, 2);
		assert.equal(mock.jobs.size, 1);
		assert.equal(items[0].json.id, [...mock.jobs.keys()][0]);
	});

	it('a Create whose connection dropped after it was sent is not sent again, and the error says why', async () => {
		mock.setFaults({ dropEvery: 1 });
		const { error } = await runNode({ parameters: jobCreate(), items: fileItems(1), credentials });
		assert.equal(creates().length, 1);
		assert.equal(mock.jobs.size, 1, 'the API created the job before the connection dropped');
		assert.equal(
			error.message,
			`The Unstructured API at ${new URL(mock.url).host} closed the connection unexpectedly`,
		);
		assert.match(
			error.description,
			/^Not sent again: the connection broke after the POST was sent, so the API may have acted on it: check with Job › Get Many before running again\./,
		);
		assert.ok(!allRenderings(error).includes(mock.apiKey));
	});

	it('a Create answered 503 is not sent again', async () => {
		mock.setResponse({
			method: 'POST',
			path: '/api/v1/jobs/',
			status: 503,
			body: { detail: 'Service Unavailable' },
			headers: { 'retry-after': '0' },
		});
		const { error, items } = await runNode({
			parameters: jobCreate(),
			items: fileItems(2),
			credentials,
			settings: CONTINUE,
		});
		assert.equal(error, undefined);
		assert.equal(creates().length, 2, 'one request per item, none repeated');
		const failed = items.filter((item) => item.json.error);
		assert.equal(failed.length, 1);
		assert.equal(
			failed[0].json.error,
			'The Unstructured API had a server error (503): Service Unavailable',
		);
		assert.match(
			failed[0].error.description,
			/^Not sent again: after a 503 the API may have acted on the POST: check with Job › Get Many before running again\./,
		);
		const created = items.filter((item) => !item.json.error);
		assert.equal(created.length, 1);
		assert.deepEqual([failed[0].pairedItem.item, created[0].pairedItem.item].sort(), [0, 1]);
	});

	it('a Create whose connection was refused (nothing was sent) is sent again', async () => {
		const { error } = await runNode({
			parameters: jobCreate({ retryOptions: { maxAttempts: 2 } }),
			items: fileItems(1),
			credentials: { ...credentials, apiUrl: 'http://127.0.0.1:9' },
		});
		assert.equal(error.message, 'The Unstructured API at 127.0.0.1:9 refused the connection');
		assert.match(
			error.description,
			/^Tried 2 times over \d+ s\. The request failed with ECONNREFUSED\./,
		);
	});

	it('Workflow › Run is paced too: 3 runs of 3 workflows at once, a second apart', async () => {
		mock.setFaults({ jobCreationIntervalMs: 1000 });
		const workflows = [0, 1, 2].map((index) => mock.addWorkflow({ name: `Workflow ${index}` }));
		const { items, error } = await runNode({
			parameters: {
				resource: 'workflow',
				operation: 'run',
				workflowId: byId('={{ $json.workflow_id }}'),
				waitForCompletion: false,
			},
			items: workflows.map((workflow) => ({ json: { workflow_id: workflow.id } })),
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(
			items.map((item) => item.json.workflow_name),
			['Workflow 0', 'Workflow 1', 'Workflow 2'],
		);
		assert.equal(mock.requests.length, 3);
	});

	it('stopping the execution stops the pacing and the retries at once', async () => {
		// Pacing is per credential across executions: let the jobs of the tests before go out of the way.
		await new Promise((resolve) => setTimeout(resolve, 1100));
		mock.setFaults({ jobCreationIntervalMs: 1000 });
		const controller = new AbortController();
		setTimeout(() => controller.abort(), 300);
		const started = Date.now();
		const run = await runNode({
			parameters: jobCreate(),
			items: fileItems(5),
			credentials,
			signal: controller.signal,
		});
		assert.ok(Date.now() - started < 1000, 'the run ended when it was stopped');
		assert.equal(run.status, 'canceled');
		assert.equal(creates().length, 1);

		const job = mock.addJob();
		mock.reset();
		mock.addJob(job);
		mock.setResponse({
			path: /^\/api\/v1\/jobs\//,
			status: 429,
			body: { detail: 'Too many requests' },
			headers: { 'retry-after': '30' },
			times: 10,
		});
		const second = new AbortController();
		setTimeout(() => second.abort(), 300);
		const retryStarted = Date.now();
		const retried = await runNode({
			parameters: jobGet(job.id),
			credentials,
			signal: second.signal,
		});
		assert.ok(Date.now() - retryStarted < 1000);
		assert.equal(retried.status, 'canceled');
		assert.equal(mock.requests.length, 1);
	});
});

'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../support/harness');
const { makeOutputFile } = require('../support/mock-api');
const { allRenderings, jobGet, plain, useMockApi, withJobId } = require('./helpers');

const { mock, credentials } = useMockApi();

function waitingGet(jobId, waitOptions = {}, extra = {}) {
	return jobGet(jobId, {
		waitForCompletion: true,
		waitOptions: { pollInterval: 1, ...waitOptions },
		...extra,
	});
}

function pollPaths() {
	return mock.requests.map(({ method, path }) => `${method} ${path}`);
}

describe('Wait for Completion', () => {
	it('polls SCHEDULED → IN_PROGRESS → COMPLETED, then outputs the files', async () => {
		const file = makeOutputFile();
		const job = mock.addJob({ status: 'SCHEDULED', output_node_files: [file] });
		mock.setStatusSequence(job.id, ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED']);
		const { items, error } = await runNode({ parameters: waitingGet(job.id), credentials });
		assert.equal(error, undefined);
		assert.deepEqual(pollPaths(), Array(3).fill(`GET /api/v1/jobs/${job.id}`));
		assert.deepEqual(
			plain(items).map(({ json, pairedItem }) => [json.file_id, json.status, pairedItem]),
			[[file.file_id, 'COMPLETED', { item: 0 }]],
		);
		assert.ok(
			mock.requests.every((request) => request.headers['unstructured-api-key'] === mock.apiKey),
		);
	});

	it('does not poll a job that has already finished', async () => {
		const job = mock.addJob({ status: 'COMPLETED' });
		await runNode({ parameters: waitingGet(job.id, {}, { output: 'job' }), credentials });
		assert.equal(mock.requests.length, 1);
	});

	it('treats an unknown status as not finished', async () => {
		const job = mock.addJob({ status: 'QUEUED_FOR_GPU' });
		mock.setStatusSequence(job.id, ['QUEUED_FOR_GPU', 'COMPLETED']);
		const { items, error } = await runNode({
			parameters: waitingGet(job.id, {}, { output: 'job' }),
			credentials,
		});
		assert.equal(error, undefined);
		assert.equal(items[0].json.status, 'COMPLETED');
		assert.equal(mock.requests.length, 2);
	});

	it('a FAILED job fails with the job, its status, the details message and the failed files', async () => {
		const job = mock.addJob({ status: 'IN_PROGRESS', workflow_name: 'Invoices' });
		mock.setStatusSequence(job.id, ['IN_PROGRESS', 'FAILED']);
		mock.setDetails(job.id, {
			id: job.id,
			processing_status: 'FAILED',
			node_stats: [],
			message: 'Source connector failed',
		});
		mock.setFailedFiles(job.id, [{ document: 'a.pdf', error: 'File is encrypted' }]);
		const { error, items } = await runNode({ parameters: waitingGet(job.id), credentials });
		assert.deepEqual(items, []);
		assert.equal(
			error.message,
			`Job "${job.id}" of workflow "Invoices" ended FAILED: Source connector failed`,
		);
		assert.equal(
			error.description,
			'Failed files: a.pdf (File is encrypted). Turn off "Fail When the Job or a File Fails" under Wait Options to output the job as it ended, ' +
				'or, with Output Elements, the elements of the files that succeeded.',
		);
		assert.ok(!/\n/.test(error.description), "sentences, not lines that n8n's panel runs together");
		assert.equal(error.httpCode ?? null, null, 'a job status is no error code');
		assert.deepEqual(pollPaths().slice(-2).sort(), [
			`GET /api/v1/jobs/${job.id}/details`,
			`GET /api/v1/jobs/${job.id}/failed-files`,
		]);
	});

	it('with "Fail When the Job Fails" off, a STOPPED job is output with its status', async () => {
		const job = mock.addJob({ status: 'IN_PROGRESS', output_node_files: [] });
		mock.setStatusSequence(job.id, ['IN_PROGRESS', 'STOPPED']);
		const { items, error } = await runNode({
			parameters: waitingGet(job.id, { failWhenJobFails: false }),
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(plain(items), [
			{ json: withJobId({ ...job, status: 'STOPPED' }), pairedItem: { item: 0 } },
		]);
	});

	it('a timeout fails with the last status and what to do', async () => {
		const job = mock.addJob({ status: 'IN_PROGRESS' });
		const { error } = await runNode({
			parameters: waitingGet(job.id, { timeout: 1 }),
			credentials,
		});
		assert.equal(error.message, `Job "${job.id}" was still IN_PROGRESS after waiting 1 s`);
		assert.match(
			error.description,
			/Raise "Timeout" under Wait Options, set "On Timeout" to output the job as it stands, or look the job up later with Job › Get\./,
		);
		assert.equal(mock.requests.length, 2);
	});

	it('a job waiting in line (SCHEDULED) longer than the Timeout is not timed out: the Timeout counts once it runs', async () => {
		const job = mock.addJob({ status: 'SCHEDULED', output_node_files: [makeOutputFile()] });
		mock.setStatusSequence(job.id, [
			'SCHEDULED',
			'SCHEDULED',
			'SCHEDULED',
			'IN_PROGRESS',
			'COMPLETED',
		]);
		const { items, error } = await runNode({
			parameters: waitingGet(job.id, { timeout: 2 }),
			credentials,
		});
		assert.equal(error, undefined, error?.message);
		assert.equal(items[0].json.status, 'COMPLETED');
		assert.equal(
			mock.requests.length,
			5,
			'the Get, then polls seeing SCHEDULED twice, IN_PROGRESS, COMPLETED',
		);
	});

	it('a job that never leaves the line fails after Max Time Scheduled, saying it waited in line', async () => {
		const job = mock.addJob({ status: 'SCHEDULED' });
		const { error } = await runNode({
			parameters: waitingGet(job.id, { timeout: 1, maxTimeScheduled: 2 }),
			credentials,
		});
		assert.equal(error.message, `Job "${job.id}" was still SCHEDULED after waiting 2 s in line`);
		assert.match(
			error.description,
			/^Unstructured runs at most 5 on-demand jobs of an account at once; the others wait SCHEDULED, and this one never started\. It stays in line at Unstructured\. Raise "Max Time Scheduled"/,
		);
	});

	it('a job that ran past the Timeout after its time in line says both', async () => {
		const job = mock.addJob({ status: 'SCHEDULED' });
		mock.setStatusSequence(job.id, ['SCHEDULED', 'SCHEDULED', 'IN_PROGRESS']);
		const { error } = await runNode({
			parameters: waitingGet(job.id, { timeout: 1 }),
			credentials,
		});
		assert.equal(error.message, `Job "${job.id}" was still IN_PROGRESS after waiting 1 s`);
		assert.match(
			error.description,
			/^The job ran for 1 s after 2 s in line and goes on running at Unstructured\./,
		);
	});

	it('"On Timeout: Output the Job as It Stands" outputs the running job', async () => {
		const job = mock.addJob({ status: 'SCHEDULED' });
		const { items, error } = await runNode({
			parameters: waitingGet(job.id, { timeout: 1, maxTimeScheduled: 1, onTimeout: 'outputJob' }),
			credentials,
		});
		assert.equal(error, undefined);
		assert.deepEqual(plain(items), [{ json: withJobId(job), pairedItem: { item: 0 } }]);
	});

	it('retries a 429 after the Retry-After it gives, then goes on', async () => {
		const job = mock.addJob({ status: 'IN_PROGRESS', output_node_files: [makeOutputFile()] });
		mock.setStatusSequence(job.id, ['IN_PROGRESS', 'COMPLETED']);
		const path = `/api/v1/jobs/${job.id}`;
		// The first poll (second GET) gets a 429: the Get itself is answered normally first.
		let gets = 0;
		const originalTake = mock.takeOverride.bind(mock);
		mock.takeOverride = (request) => {
			if (request.path === path && ++gets === 2) {
				return {
					status: 429,
					body: { detail: 'Rate limit exceeded' },
					headers: { 'retry-after': '3' },
				};
			}
			return originalTake(request);
		};
		const { items, error } = await runNode({ parameters: waitingGet(job.id), credentials });
		mock.takeOverride = originalTake;
		assert.equal(error, undefined);
		assert.equal(items.length, 1);
		assert.equal(mock.requests.length, 3);
		const gap = mock.requests[2].receivedAt - mock.requests[1].receivedAt;
		assert.ok(gap >= 2900, `waited ${gap} ms after the 429, Retry-After asked for 3000`);
	});

	it('retries a 5xx and a dropped connection during the wait', async () => {
		const job = mock.addJob({ status: 'IN_PROGRESS' });
		mock.setStatusSequence(job.id, ['IN_PROGRESS', 'COMPLETED']);
		let gets = 0;
		const originalTake = mock.takeOverride.bind(mock);
		const failures = {
			2: { status: 502, body: '<html>Bad Gateway</html>', contentType: 'text/html' },
			3: { dropConnection: true },
		};
		mock.takeOverride = (request) => failures[++gets] ?? originalTake(request);
		const { items, error } = await runNode({
			parameters: waitingGet(job.id, {}, { output: 'job' }),
			credentials,
		});
		mock.takeOverride = originalTake;
		assert.equal(error, undefined);
		assert.equal(items[0].json.status, 'COMPLETED');
		assert.equal(mock.requests.length, 4);
	});

	it('a 404 while waiting fails at once', async () => {
		const job = mock.addJob({ status: 'IN_PROGRESS' });
		let gets = 0;
		const originalTake = mock.takeOverride.bind(mock);
		mock.takeOverride = (request) =>
			++gets === 2 ? { status: 404, body: { detail: 'Job not found' } } : originalTake(request);
		const { error } = await runNode({
			parameters: waitingGet(job.id, { timeout: 60 }),
			credentials,
		});
		mock.takeOverride = originalTake;
		assert.equal(error.httpCode, '404');
		assert.equal(mock.requests.length, 2);
		assert.ok(!allRenderings(error).includes(mock.apiKey));
	});

	it('stopping the execution stops the wait at once, with no further request', async () => {
		const job = mock.addJob({ status: 'IN_PROGRESS' });
		const controller = new AbortController();
		const started = Date.now();
		const run = runNode({
			parameters: waitingGet(job.id, { pollInterval: 30 }),
			credentials,
			signal: controller.signal,
		});
		await new Promise((resolve) => setTimeout(resolve, 500));
		controller.abort();
		const result = await run;
		const elapsed = Date.now() - started;
		assert.ok(
			elapsed < 5000,
			`the run ended ${elapsed} ms after it started, not after the 30 s poll interval`,
		);
		assert.equal(result.status, 'canceled');
		const count = mock.requests.length;
		await new Promise((resolve) => setTimeout(resolve, 300));
		assert.equal(mock.requests.length, count);
		assert.equal(count, 1);
	});

	it('waits for every input item, each paired to its own', async () => {
		const jobs = [0, 1].map(() =>
			mock.addJob({
				status: 'IN_PROGRESS',
				output_node_files: [makeOutputFile(), makeOutputFile()],
			}),
		);
		for (const job of jobs) mock.setStatusSequence(job.id, ['IN_PROGRESS', 'COMPLETED']);
		const { items } = await runNode({
			parameters: waitingGet('={{ $json.id }}'),
			items: jobs.map((job) => ({ json: { id: job.id } })),
			credentials,
		});
		assert.deepEqual(
			items.map((item) => [item.json.job_id, item.pairedItem.item]),
			[
				[jobs[0].id, 0],
				[jobs[0].id, 0],
				[jobs[1].id, 1],
				[jobs[1].id, 1],
			],
		);
	});
});

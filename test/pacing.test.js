'use strict';
/**
 * Job creation paced so that launches arrive at least a second apart at the API, with large bodies
 * and under CPU load, and Max Retry Time counted from an item's first send, not its wait in line.
 */
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const { describe, it } = require('node:test');

const { runNode } = require('../support/harness');
const { binaryFile, byId, useMockApi } = require('./helpers');

const { mock, credentials } = useMockApi();

const create = (extra = {}) => ({
	resource: 'job',
	operation: 'create',
	jobDefinition: 'template',
	templateId: byId('hi_res_partition'),
	waitForCompletion: false,
	...extra,
});

/** Milliseconds between the arrivals of consecutive job creations at the mock. */
function launchGaps() {
	const arrivals = mock.requests
		.filter((request) => request.method === 'POST' && request.path === '/api/v1/jobs/')
		.map((request) => request.receivedAt);
	return arrivals.slice(1).map((at, index) => at - arrivals[index]);
}

/** Keeps one core busy (a second process spinning) while `work` runs. */
async function underCpuLoad(work) {
	const spinner = spawn(process.execPath, ['-e', 'for (;;) {}'], { stdio: 'ignore' });
	try {
		return await work();
	} finally {
		spinner.kill('SIGKILL');
	}
}

/** Job › Create, one job per item, on `items`: every item created, each launch at least 1 s after the one before, no 429. */
async function createsPacedApart(items) {
	const { items: out, error } = await runNode({
		parameters: create(),
		items,
		credentials,
		settings: { typeVersion: 1.2 },
	});
	assert.equal(error, undefined);
	assert.equal(out.length, items.length);
	assert.equal(mock.faultsServed.creationLimit, 0);
	assert.ok(
		launchGaps().every((gap) => gap >= 1000),
		`gaps ${launchGaps().join(', ')} ms`,
	);
}

const textItems = (count) =>
	Array.from({ length: count }, (_, index) => ({
		json: {},
		binary: { data: binaryFile(`${index}.txt`, 'text/plain', 'text') },
	}));

describe('Job creation at the API', () => {
	it('4 items of 9 MB each: launches arrive at least 1 s apart, no 429 from our own pacing', async () => {
		mock.setFaults({ jobCreationIntervalMs: 1000 });
		const items = Array.from({ length: 4 }, (_, index) => ({
			json: {},
			binary: {
				data: binaryFile(
					`scan-${index}.pdf`,
					'application/pdf',
					Buffer.alloc(9 * 1024 * 1024, index),
				),
			},
		}));
		await createsPacedApart(items);
	});

	it('a slow upload followed by a fast one: the next launch waits a second after the slow one was answered', async () => {
		mock.setFaults({ jobCreationIntervalMs: 1000, jobCreationUploadMs: [700] });
		await createsPacedApart(textItems(3));
	});

	it('6 items under CPU load: launches arrive at least 1 s apart, no 429 from our own pacing', async () => {
		mock.setFaults({ jobCreationIntervalMs: 1000 });
		await underCpuLoad(async () => await createsPacedApart(textItems(6)));
	});

	it('a late item of a long line that meets a 429 is sent again: Max Retry Time counts from its first send', async () => {
		let creations = 0;
		const take = mock.takeOverride.bind(mock);
		mock.takeOverride = (request) =>
			request.method === 'POST' && request.path === '/api/v1/jobs/' && ++creations === 4
				? { status: 429, body: { detail: 'Rate limit exceeded' }, headers: { 'retry-after': '1' } }
				: take(request);
		try {
			const items = Array.from({ length: 4 }, (_, index) => ({
				json: {},
				binary: { data: binaryFile(`${index}.txt`, 'text/plain', 'text') },
			}));
			// The 4th item waits about 3.5 s in line, longer than the 2 s of Max Retry Time.
			const { items: out, error } = await runNode({
				parameters: create({ retryOptions: { maxRetryTime: 2 } }),
				items,
				credentials,
				settings: { typeVersion: 1.2 },
			});
			assert.equal(error, undefined);
			assert.equal(out.length, 4);
			assert.equal(creations, 5);
		} finally {
			mock.takeOverride = take;
		}
	});
});

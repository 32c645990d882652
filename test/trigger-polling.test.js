'use strict';
/**
 * The Unstructured Polling Trigger, poll after poll through n8n-core's TriggersAndPollers and
 * PollContext, with the node's static data carried from one poll to the next as n8n keeps it.
 */
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runPoll } = require('../support/harness');
const { makeOutputFile } = require('../support/mock-api');
const { byId, useMockApi, withJobId } = require('./helpers');

const { mock, credentials } = useMockApi();

/** Polls in sequence, keeping the static data between polls, as an active workflow does. */
function poller(parameters = {}) {
	let staticData = {};
	return {
		async poll(mode = 'trigger') {
			const result = await runPoll({
				parameters,
				credentials,
				mode,
				staticData: { 'node:Trigger': staticData },
			});
			if (mode === 'trigger') staticData = result.staticData;
			return result.items;
		},
		get state() {
			return staticData;
		},
	};
}

let clock = Date.parse('2026-11-01T00:00:00Z');
/** A job created a second after the previous one, as jobs come in. */
function newJob(overrides = {}) {
	clock += 1000;
	return mock.addJob({ created_at: new Date(clock).toISOString(), ...overrides });
}

const ids = (items) => items?.map((item) => item.json.id) ?? null;

describe('Unstructured Polling Trigger', () => {
	it('the first poll notes what is there and emits nothing; later polls emit each finished job once', async () => {
		newJob({ status: 'COMPLETED' });
		newJob({ status: 'FAILED' });
		const trigger = poller();
		assert.equal(await trigger.poll(), null);
		assert.deepEqual(
			mock.requests.map(({ method, path, query }) => [method, path, query]),
			[['GET', '/api/v1/jobs/', {}]],
		);

		const running = newJob({ status: 'IN_PROGRESS' });
		assert.equal(await trigger.poll(), null, 'a running job is not emitted');
		running.status = 'COMPLETED';
		const stopped = newJob({ status: 'STOPPED' });
		assert.deepEqual(ids(await trigger.poll()), [running.id, stopped.id], 'oldest first');
		assert.equal(await trigger.poll(), null, 'nothing twice');
	});

	it('a job running at activation is emitted when it finishes', async () => {
		const running = newJob({ status: 'SCHEDULED' });
		const trigger = poller();
		await trigger.poll();
		running.status = 'IN_PROGRESS';
		assert.equal(await trigger.poll(), null);
		running.status = 'FAILED';
		const items = await trigger.poll();
		assert.deepEqual(items, [{ json: withJobId(running) }]);
	});

	it('emits only the selected statuses, and a job that ends in another one is forgotten', async () => {
		const trigger = poller({ statuses: ['FAILED'] });
		await trigger.poll();
		const completed = newJob({ status: 'COMPLETED' });
		const failed = newJob({ status: 'FAILED' });
		assert.deepEqual(ids(await trigger.poll()), [failed.id]);
		assert.equal(await trigger.poll(), null);
		assert.ok(!trigger.state.pendingIds.includes(completed.id));
	});

	it('a status that is not final (In Progress) is emitted once, not again when the job goes on', async () => {
		const trigger = poller({ statuses: ['IN_PROGRESS'] });
		await trigger.poll();
		const job = newJob({ status: 'SCHEDULED' });
		assert.equal(await trigger.poll(), null);
		job.status = 'IN_PROGRESS';
		assert.deepEqual(ids(await trigger.poll()), [job.id]);
		assert.equal(await trigger.poll(), null);
		job.status = 'COMPLETED';
		assert.equal(await trigger.poll(), null);
	});

	it('a job created at the very time of the newest one seen is still emitted', async () => {
		const first = newJob({ status: 'COMPLETED' });
		const trigger = poller();
		await trigger.poll();
		const twin = mock.addJob({ status: 'COMPLETED', created_at: first.created_at });
		assert.deepEqual(ids(await trigger.poll()), [twin.id]);
	});

	it("with Scope: One Workflow, asks for that workflow's jobs", async () => {
		const workflow = mock.addWorkflow();
		const trigger = poller({ scope: 'workflow', workflowId: byId(workflow.id) });
		await trigger.poll();
		assert.deepEqual(mock.requests[0].query, { workflow_id: workflow.id });
	});

	it("Output: Output Files gives each emitted job's files exactly as Job › Get does", async () => {
		const trigger = poller({ output: 'outputFiles' });
		await trigger.poll();
		const job = newJob({
			status: 'COMPLETED',
			output_node_files: [makeOutputFile(), makeOutputFile()],
		});
		mock.requests.length = 0;
		const items = await trigger.poll();
		assert.deepEqual(
			mock.requests.map(({ path }) => path),
			['/api/v1/jobs/', `/api/v1/jobs/${job.id}`],
		);
		const context = {
			job_id: job.id,
			workflow_id: job.workflow_id,
			workflow_name: job.workflow_name,
			status: job.status,
			created_at: job.created_at,
			runtime: job.runtime,
			job_type: job.job_type,
		};
		assert.deepEqual(
			items,
			job.output_node_files.map((file) => ({ json: { ...file, ...context } })),
		);
	});

	it('Output Files: a job whose fetch fails does not hold the others back, and is emitted at a later poll', async () => {
		const trigger = poller({ output: 'outputFiles' });
		await trigger.poll();
		const failing = newJob({ status: 'COMPLETED', output_node_files: [makeOutputFile()] });
		const fine = newJob({ status: 'COMPLETED', output_node_files: [makeOutputFile()] });
		mock.setResponse({
			path: `/api/v1/jobs/${failing.id}`,
			status: 503,
			body: { detail: 'Service Unavailable' },
			times: 2,
		});
		const first = await trigger.poll();
		assert.deepEqual(
			first.map((item) => item.json.job_id),
			[fine.id],
		);
		assert.deepEqual(trigger.state.unfetched, { [failing.id]: 1 });
		const second = await trigger.poll();
		assert.deepEqual(
			second.map((item) => [item.json.job_id, item.json.file_id]),
			[[failing.id, failing.output_node_files[0].file_id]],
		);
		assert.equal(trigger.state.unfetched, undefined);
		assert.equal(await trigger.poll(), null, 'nothing twice');
	});

	it('Output Files: a job whose fetch keeps failing is emitted after 5 polls as listed, with the error', async () => {
		const trigger = poller({ output: 'outputFiles' });
		await trigger.poll();
		const failing = newJob({ status: 'FAILED' });
		mock.setResponse({
			path: `/api/v1/jobs/${failing.id}`,
			status: 404,
			body: { detail: 'Job not found' },
			times: 100,
		});
		for (let poll = 1; poll < 5; poll++) {
			assert.equal(await trigger.poll(), null);
			assert.deepEqual(trigger.state.unfetched, { [failing.id]: poll });
		}
		const items = await trigger.poll();
		assert.deepEqual(items, [
			{
				json: {
					...withJobId(failing),
					error: 'The Unstructured API found nothing at this address (404): Job not found',
				},
			},
		]);
		assert.equal(trigger.state.unfetched, undefined);
		assert.equal(await trigger.poll(), null);
	});

	it('finds the newest job among 200,000 without overflowing the stack', () => {
		const { jobsToEmit } = require('../dist/nodes/Unstructured/trigger/jobWatch');
		const jobs = Array.from({ length: 200_000 }, (_, index) => ({
			id: `job-${index}`,
			status: 'COMPLETED',
			created_at: new Date(Date.UTC(2026, 0, 1) + index * 1000).toISOString(),
		}));
		const { next } = jobsToEmit({}, /** @type {any[]} */ (jobs), ['COMPLETED'], 'all');
		assert.equal(next.watermarkMs, Date.UTC(2026, 0, 1) + 199_999 * 1000);
		assert.deepEqual(next.edgeIds, ['job-199999']);
	});

	it('"Fetch Test Event" gives the newest matching job and leaves the state alone', async () => {
		newJob({ status: 'COMPLETED' });
		const newest = newJob({ status: 'FAILED' });
		newJob({ status: 'IN_PROGRESS' });
		const trigger = poller();
		assert.deepEqual(ids(await trigger.poll('manual')), [newest.id]);
		assert.deepEqual(trigger.state, {});
		mock.reset();
		assert.equal(await trigger.poll('manual'), null, 'no matching job: no test event');
	});

	it('changing the statuses starts a new baseline instead of emitting jobs seen before', async () => {
		const trigger = poller({ statuses: ['COMPLETED'] });
		newJob({ status: 'IN_PROGRESS' });
		await trigger.poll();
		const result = await runPoll({
			parameters: { statuses: ['IN_PROGRESS'] },
			credentials,
			staticData: { 'node:Trigger': { ...trigger.state } },
		});
		assert.equal(result.items, null, 'the running job was already there');
		assert.notEqual(result.staticData.watching, trigger.state.watching);
		assert.deepEqual(result.staticData.pendingIds, []);
	});

	it('keeps its state small however many jobs the account has', async () => {
		for (let index = 0; index < 500; index++) newJob({ status: 'COMPLETED' });
		newJob({ status: 'IN_PROGRESS' });
		const trigger = poller();
		await trigger.poll();
		for (let index = 0; index < 200; index++) newJob({ status: 'COMPLETED' });
		assert.equal((await trigger.poll()).length, 200);
		assert.deepEqual(Object.keys(trigger.state).sort(), [
			'edgeIds',
			'pendingIds',
			'watching',
			'watermarkMs',
		]);
		assert.equal(trigger.state.edgeIds.length, 1);
		assert.equal(trigger.state.pendingIds.length, 1, 'only the running job is remembered');
		assert.ok(JSON.stringify(trigger.state).length < 300);
	});

	it('a failed list leaves the state as it was, so that no job is lost', async () => {
		const trigger = poller();
		await trigger.poll();
		const job = newJob({ status: 'COMPLETED' });
		const before = { ...trigger.state };
		mock.setResponse({
			path: '/api/v1/jobs/',
			status: 401,
			body: { detail: 'API key is invalid, please provide a valid API key in the header.' },
		});
		await assert.rejects(trigger.poll(), /rejected the API key \(401\)/);
		assert.deepEqual(trigger.state, before);
		assert.deepEqual(ids(await trigger.poll()), [job.id]);
	});
});

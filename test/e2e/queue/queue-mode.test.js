'use strict';
/**
 * Queue mode, as users who outgrow one n8n run it: a main process (activations, schedules, the
 * polling trigger), a worker (every execution) and a webhook process (webhook calls and
 * deliveries), sharing PostgreSQL and Redis, which `services.js` installs when missing, starts and
 * stops. `npm run test:e2e:queue`; the first run provisions n8n like `npm run test:e2e`.
 */
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { MockUnstructuredApi, makeOutputFile } = require('../../../support/mock-api');
const { N8nInstance, REPO, freePort, waitForPollTick } = require('../../../support/n8n');
const { Services } = require('../../../support/services');

const API_KEY = 'e2e-queue-key-3e9d1f';
const mock = new MockUnstructuredApi({ apiKey: API_KEY });
let services;
let n8n;

const fixture = (name) =>
	JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'fixtures', name), 'utf8'));
const example = (name) => JSON.parse(fs.readFileSync(path.join(REPO, 'examples', name), 'utf8'));
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The executions of a workflow, once there are `count` and none is still running. */
async function executionsOf(workflowId, count) {
	const deadline = Date.now() + 30_000;
	let list = [];
	while (Date.now() < deadline) {
		list = await n8n.executions(workflowId);
		if (
			list.length >= count &&
			!list.some((execution) => ['new', 'running', 'waiting'].includes(execution.status))
		)
			break;
		await sleep(250);
	}
	return list.sort((a, b) => Number(a.id) - Number(b.id));
}

const runDataOf = async (execution) => (await n8n.executionRun(execution.id)).resultData.runData;

/** Whether the worker ran this execution (it logs each one it picks up from the queue). */
const ranOnWorker = (execution) => new RegExp(`\\b${execution.id}\\b`).test(n8n.worker.log);

const elements = [{ type: 'Title', element_id: 'q1', text: 'Queued report' }];
let target;

before(async () => {
	await mock.start();
	services = await new Services().start();
	n8n = await new N8nInstance({ env: services.n8nEnv }).init();
	n8n.webhookPort = await freePort();
	await n8n.importJson('credentials', 'credentials', [
		{
			id: 'unstructured-example',
			name: 'Unstructured account',
			type: 'unstructuredApi',
			data: { apiUrl: mock.url, apiKey: API_KEY },
		},
	]);
	const scheduled = example('scheduled-run-download.json');
	scheduled.nodes.find((node) => node.name === 'Every Night').parameters.rule = {
		interval: [{ field: 'seconds', secondsInterval: 2 }],
	};
	target = mock.addWorkflow({
		id: scheduled.nodes.find((node) => node.name === 'Run Nightly Ingest').parameters.workflowId
			.value,
		name: 'Nightly ingest',
	});
	mock.newJobStatuses = ['COMPLETED'];
	mock.newJobOutput = elements;
	const workflows = {
		unstructuredWebhook01: fixture('webhook-job-get.json'),
		unstructuredExample3: { ...scheduled, id: 'unstructuredExample3' },
		unstructuredExample5: { ...example('form-upload-elements.json'), id: 'unstructuredExample5' },
		unstructuredTrigger01: fixture('trigger-job-files.json'),
		unstructuredPolling01: fixture('polling-trigger.json'),
	};
	for (const [id, workflow] of Object.entries(workflows)) {
		await n8n.importJson('workflow', id, workflow);
		const published = await n8n.cli(['publish:workflow', `--id=${id}`]);
		assert.equal(published.status, 0, published.stdout + published.stderr);
	}
	await n8n.start();
	await n8n.startWorker();
	await n8n.startWebhookProcess();
	await n8n.login();
});

after(async () => {
	await n8n?.stop();
	n8n?.cleanUp();
	await services?.stop();
	await mock.stop();
});

describe('queue mode: main, worker and webhook processes over PostgreSQL and Redis', () => {
	it('a webhook call to the webhook process runs Job › Get on the worker and answers with the files', async () => {
		const files = [makeOutputFile(), makeOutputFile()];
		const job = mock.addJob({ output_node_files: files });
		// The webhook process answers its health check before it has loaded the published webhooks.
		let response;
		for (const deadline = Date.now() + 30_000; Date.now() < deadline; await sleep(500)) {
			response = await fetch(`${n8n.webhookBaseUrl}/webhook/unstructured-job-files`, {
				method: 'POST',
				headers: { 'content-type': 'application/json' },
				body: JSON.stringify({ job_id: job.id }),
			});
			if (response.status !== 404) break;
		}
		assert.equal(response.status, 200);
		assert.deepEqual(
			/** @type {any} */ (await response.json()).map((item) => [item.job_id, item.file_id]),
			files.map((file) => [job.id, file.file_id]),
		);
		const [execution] = await executionsOf('unstructuredWebhook01', 1);
		assert.equal(execution.status, 'success');
		assert.ok(
			ranOnWorker(execution),
			`the worker ran execution ${execution.id}:\n${n8n.worker.log}`,
		);
	});

	it('the scheduled example (main schedules, the worker runs and downloads)', async () => {
		const deadline = Date.now() + 30_000;
		while (
			Date.now() < deadline &&
			!mock.requests.some((request) => request.path.endsWith('/download'))
		)
			await sleep(200);
		const run = mock.requests.find(
			(request) => request.method === 'POST' && request.path.endsWith('/run'),
		);
		assert.equal(run?.path, `/api/v1/workflows/${target.id}/run`);
		const [execution] = await executionsOf('unstructuredExample3', 1);
		assert.equal(execution.status, 'success');
		assert.ok(ranOnWorker(execution));
		const deactivated = await n8n.rest(
			'POST',
			'/rest/workflows/unstructuredExample3/deactivate',
			{},
		);
		assert.equal(deactivated.status, 200, deactivated.text);
	});

	it('the form example: a file sent to the webhook process comes out as elements, on the worker', async () => {
		const form = new FormData();
		form.append(
			'field-0',
			new Blob([Buffer.from('%PDF-1.7 queued')], { type: 'application/pdf' }),
			'queued.pdf',
		);
		const response = await fetch(
			`${n8n.webhookBaseUrl}/form/5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c02`,
			{ method: 'POST', body: form },
		);
		assert.equal(response.status, 200, await response.text());
		const [execution] = await executionsOf('unstructuredExample5', 1);
		assert.equal(execution.status, 'success');
		assert.ok(ranOnWorker(execution));
		const runData = await runDataOf(execution);
		assert.deepEqual(
			runData['Text of All Elements'][0].data.main[0].map((item) => item.json),
			[{ text: ['Queued report'] }],
		);
	});

	describe('Unstructured Trigger', () => {
		const url = () => `${n8n.webhookBaseUrl}/webhook/6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d02/webhook`;
		const channel = () => [...mock.channels.values()].find((candidate) => candidate.url === url());

		it("main registered the channel with the webhook process's URL", () => {
			assert.ok(
				channel(),
				`channels: ${JSON.stringify([...mock.channels.values()].map((candidate) => candidate.url))}`,
			);
			assert.deepEqual(channel().event_types, ['job.completed', 'job.failed']);
		});

		it('a signed delivery to the webhook process runs the workflow on the worker', async () => {
			const file = makeOutputFile();
			const job = mock.addJob({ output_node_files: [file] });
			const answer = await mock.deliver(channel().id, {
				type: 'job.completed',
				jobId: job.id,
				workflowId: job.workflow_id,
			});
			assert.equal(answer.status, 200, answer.body);
			const forged = await mock.deliver(
				channel().id,
				{ jobId: job.id },
				{ secret: Buffer.alloc(32, 4).toString('base64') },
			);
			assert.equal(forged.status, 401);
			const [execution] = await executionsOf('unstructuredTrigger01', 1);
			assert.equal(execution.status, 'success');
			assert.ok(ranOnWorker(execution));
			const runData = await runDataOf(execution);
			assert.deepEqual(
				runData['Unstructured Trigger'][0].data.main[0].map((item) => item.json.file_id),
				[file.file_id],
			);
		});

		it('unpublishing on main deletes the channel', async () => {
			const { id } = channel();
			const response = await n8n.rest(
				'POST',
				'/rest/workflows/unstructuredTrigger01/deactivate',
				{},
			);
			assert.equal(response.status, 200, response.text);
			const deadline = Date.now() + 15_000;
			while (mock.channels.has(id) && Date.now() < deadline) await sleep(200);
			assert.equal(mock.channels.has(id), false);
		});
	});

	it('the polling trigger polls on main and its execution runs on the worker', async () => {
		const waitForTick = async () => await waitForPollTick(mock);
		await waitForTick(); // the baseline
		const before = (await executionsOf('unstructuredPolling01', 0)).length;
		const job = mock.addJob({ status: 'COMPLETED', created_at: new Date().toISOString() });
		await waitForTick();
		const list = await executionsOf('unstructuredPolling01', before + 1);
		const execution = list.at(-1);
		assert.equal(execution.status, 'success');
		assert.ok(ranOnWorker(execution));
		const emitted = (await runDataOf(execution))[
			'Unstructured Polling Trigger'
		][0].data.main[0].map((item) => item.json.id);
		assert.ok(emitted.includes(job.id));
		assert.ok(
			!/Unstructured Polling Trigger/.test(n8n.webhookProcess.log),
			'the webhook process does not poll',
		);
	});

	it('stops every process it started', async () => {
		const pids = [
			...n8n.processes.map((child) => child.pid),
			...services.processes.map((child) => child.pid),
		];
		await n8n.stop();
		await services.stop();
		for (const pid of pids) assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' });
	});
});

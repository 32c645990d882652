'use strict';
/**
 * End to end: the packed package in a real n8n 2.41.1 server (Node.js 24), against the mock
 * Unstructured API on loopback. First run provisions n8n into .cache/e2e-n8n (a few minutes).
 */
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { MockUnstructuredApi, makeOutputFile } = require('../../support/mock-api');
const { N8nInstance, REPO, waitForPollTick } = require('../../support/n8n');

const API_KEY = 'e2e-secret-key-5d1c8a93f0';
const EXAMPLE_JOB_ID = 'b2c3d4e5-6f7a-4b9c-8d1e-2f3a4b5c6d7e';

const mock = new MockUnstructuredApi({ apiKey: API_KEY });
let n8n;

function example(name) {
	return JSON.parse(fs.readFileSync(path.join(REPO, 'examples', name), 'utf8'));
}

function outputOf(run, nodeName) {
	return run.data.resultData.runData[nodeName][0].data.main[0];
}

before(async () => {
	await mock.start();
	n8n = await new N8nInstance().init();
	await n8n.importJson('credentials', 'credentials', [
		{
			id: 'unstructured-example',
			name: 'Unstructured account',
			type: 'unstructuredApi',
			data: { apiUrl: `${mock.url}/api/v1/`, apiKey: API_KEY },
		},
	]);
});

after(async () => {
	await n8n?.stop();
	n8n?.cleanUp();
	await mock.stop();
});

describe('the examples, run by `n8n execute`', () => {
	it('examples/get-job-output-files.json outputs the job files', async () => {
		const files = [
			makeOutputFile({ file_id: 'out-1.json' }),
			makeOutputFile({ file_id: 'out-2.json' }),
		];
		const job = mock.addJob({ id: EXAMPLE_JOB_ID, output_node_files: files });
		await n8n.importJson('workflow', 'example-get', {
			...example('get-job-output-files.json'),
			id: 'unstructuredExample1',
		});
		mock.requests.length = 0;

		const result = await n8n.execute('unstructuredExample1');
		assert.equal(result.status, 0, result.stdout + result.stderr);
		const items = outputOf(result.run, 'Get Job Output Files');
		assert.deepEqual(
			items.map((item) => [
				item.json.job_id,
				item.json.file_id,
				item.json.node_id,
				item.pairedItem,
			]),
			files.map((file) => [job.id, file.file_id, file.node_id, { item: 0 }]),
		);
		assert.deepEqual(
			mock.requests.map(({ method, path: requestPath, headers }) => [
				method,
				requestPath,
				headers['unstructured-api-key'],
			]),
			[['GET', `/api/v1/jobs/${job.id}`, API_KEY]],
		);
	});

	it('examples/create-wait-download.json reads a file, creates a job, waits, lists and downloads its output', async () => {
		const pdf = Buffer.from('%PDF-1.7 e2e invoice\n');
		const filePath = path.join(n8n.filesDir, 'invoice.pdf');
		fs.writeFileSync(filePath, pdf);
		const workflow = example('create-wait-download.json');
		const readNode = workflow.nodes.find((node) => node.name === 'Read Invoice');
		readNode.parameters.fileSelector = filePath;
		const create = workflow.nodes.find((node) => node.name === 'Partition the File');
		create.parameters.waitOptions.pollInterval = 1;
		await n8n.importJson('workflow', 'example-create', { ...workflow, id: 'unstructuredExample2' });
		mock.newJobStatuses = ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED'];
		const elements = [
			{ type: 'Title', element_id: 'e1', text: 'Invoice' },
			{ type: 'NarrativeText', element_id: 'e2', text: 'Total: 12 EUR' },
		];
		mock.newJobOutput = elements;
		mock.requests.length = 0;

		const result = await n8n.execute('unstructuredExample2');
		assert.equal(result.status, 0, result.stdout + result.stderr);
		const post = mock.requests.find((request) => request.method === 'POST');
		assert.deepEqual(JSON.parse(post.form.fields.request_data), {
			template_id: 'hi_res_partition',
		});
		assert.deepEqual(
			post.form.files.map((file) => [
				file.name,
				file.filename,
				file.contentType,
				file.data.equals(pdf),
			]),
			[['input_files', 'invoice.pdf', 'application/pdf', true]],
		);
		const [created] = outputOf(result.run, 'Partition the File');
		assert.equal(created.json.status, 'COMPLETED');
		const nodeId = mock.jobs.get(created.json.id).output_node_files[0].node_id;
		assert.deepEqual(
			outputOf(result.run, 'Download Elements').map((item) => item.json),
			elements.map((element) => ({
				...element,
				job_id: created.json.id,
				file_id: 'invoice.pdf',
				node_id: nodeId,
			})),
		);
		assert.ok(
			!result.stdout.includes(API_KEY) && !result.stderr.includes(API_KEY),
			'the API key appeared in the n8n output',
		);
	});

	it('a wrong API key fails the execution with the 401, and the key appears nowhere', async () => {
		mock.apiKey = 'the-key-unstructured-expects';
		try {
			const result = await n8n.execute('unstructuredExample1');
			assert.equal(result.status, 1);
			const output = result.stdout + result.stderr;
			assert.match(
				output,
				/The Unstructured API rejected the API key \(401\): API key is invalid, please provide a valid API key in the header\./,
			);
			assert.ok(!output.includes(API_KEY), 'the API key appeared in the n8n output');
		} finally {
			mock.apiKey = API_KEY;
		}
	});
});

describe('the package in a running n8n server', () => {
	const scheduled = example('scheduled-run-download.json');
	const runParameters = scheduled.nodes.find(
		(node) => node.name === 'Run Nightly Ingest',
	).parameters;
	const elements = [{ type: 'Title', text: 'Night report' }];
	let target;
	let leftover;

	before(async () => {
		await n8n.importJson(
			'workflow',
			'webhook',
			JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'webhook-job-get.json'), 'utf8')),
		);
		// The scheduled example, firing every 2 seconds instead of nightly so that the test sees it run.
		scheduled.nodes.find((node) => node.name === 'Every Night').parameters.rule = {
			interval: [{ field: 'seconds', secondsInterval: 2 }],
		};
		await n8n.importJson('workflow', 'example-scheduled', {
			...scheduled,
			id: 'unstructuredExample3',
		});
		target = mock.addWorkflow({ id: runParameters.workflowId.value, name: 'Nightly ingest' });
		mock.newJobStatuses = ['COMPLETED'];
		mock.newJobOutput = elements;
		await n8n.importJson(
			'workflow',
			'trigger',
			JSON.parse(
				fs.readFileSync(path.join(__dirname, 'fixtures', 'trigger-job-files.json'), 'utf8'),
			),
		);
		await n8n.importJson('workflow', 'example-trigger', {
			...example('trigger-job-details.json'),
			id: 'unstructuredExample4',
		});
		await n8n.importJson(
			'workflow',
			'polling',
			JSON.parse(fs.readFileSync(path.join(__dirname, 'fixtures', 'polling-trigger.json'), 'utf8')),
		);
		await n8n.importJson('workflow', 'example-form', {
			...example('form-upload-elements.json'),
			id: 'unstructuredExample5',
		});
		// A channel left over at Unstructured for the example trigger's URL (an earlier install, lost
		// static data): its secret is unknown to n8n, so publishing must take it over by PATCH.
		leftover = {
			id: '3f4a5b6c-7d8e-4f9a-8b1c-2d3e4f5a6b7c',
			channel_type: 'webhook',
			url: `${n8n.baseUrl}/webhook/2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a02/webhook`,
			event_types: ['job.scheduled'],
			description: 'left over',
			enabled: false,
			workflow_id: null,
			created_at: '2026-01-01T00:00:00Z',
			updated_at: '2026-01-01T00:00:00Z',
			secret: 'a-secret-that-n8n-never-saw-0000',
		};
		mock.channels.set(leftover.id, leftover);
		for (const id of [
			'unstructuredWebhook01',
			'unstructuredExample3',
			'unstructuredTrigger01',
			'unstructuredExample4',
			'unstructuredPolling01',
			'unstructuredExample5',
		]) {
			const published = await n8n.cli(['publish:workflow', `--id=${id}`]);
			assert.equal(published.status, 0, published.stdout + published.stderr);
		}
		mock.requests.length = 0;
		await n8n.start();
		await n8n.login();
	});

	it('examples/scheduled-run-download.json, published, runs the workflow on schedule and downloads its output', async () => {
		const deadline = Date.now() + 30_000;
		while (
			Date.now() < deadline &&
			!mock.requests.some((request) => request.path.endsWith('/download'))
		) {
			await new Promise((resolve) => setTimeout(resolve, 200));
		}
		const run = mock.requests.find(
			(request) => request.method === 'POST' && request.path.endsWith('/run'),
		);
		assert.equal(run?.path, `/api/v1/workflows/${target.id}/run`);
		const job = [...mock.jobs.values()].find((candidate) => candidate.workflow_id === target.id);
		const [file] = job.output_node_files;
		const download = mock.requests.find((request) => request.path.endsWith('/download'));
		assert.deepEqual(
			[download?.path, download?.query],
			[`/api/v1/jobs/${job.id}/download`, { file_id: file.file_id, node_id: file.node_id }],
		);
		const statuses = (await n8n.executions('unstructuredExample3')).map(
			(execution) => execution.status,
		);
		assert.ok(statuses.includes('success'), `executions: ${JSON.stringify(statuses)}`);

		// Unpublish it, so that its runs every 2 s do not mix with the requests of the tests below.
		const deactivated = await n8n.rest(
			'POST',
			'/rest/workflows/unstructuredExample3/deactivate',
			{},
		);
		assert.equal(deactivated.status, 200, deactivated.text);
		const runs = () => mock.requests.filter((request) => request.path.endsWith('/run')).length;
		const quietDeadline = Date.now() + 20_000;
		let seen = runs();
		for (
			let quietSince = Date.now();
			Date.now() - quietSince < 3000 && Date.now() < quietDeadline;
		) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			if (runs() !== seen) [seen, quietSince] = [runs(), Date.now()];
		}
	});

	it('a webhook-triggered workflow answers with the job files', async () => {
		const files = [makeOutputFile(), makeOutputFile(), makeOutputFile()];
		const job = mock.addJob({ output_node_files: files });
		const response = await fetch(`${n8n.baseUrl}/webhook/unstructured-job-files`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({ job_id: job.id }),
		});
		assert.equal(response.status, 200);
		const body = /** @type {any[]} */ (await response.json());
		assert.deepEqual(
			body.map((item) => [item.job_id, item.file_id, item.status]),
			files.map((file) => [job.id, file.file_id, 'COMPLETED']),
		);
	});

	it('examples/form-upload-elements.json, published: a file sent through the form comes out as its elements', async () => {
		const form = new FormData();
		form.append(
			'field-0',
			new Blob([Buffer.from('%PDF-1.7 report')], { type: 'application/pdf' }),
			'report.pdf',
		);
		const response = await fetch(`${n8n.baseUrl}/form/5a6b7c8d-9e0f-4a1b-8c2d-3e4f5a6b7c02`, {
			method: 'POST',
			body: form,
		});
		assert.equal(response.status, 200, await response.text());
		const deadline = Date.now() + 20_000;
		let list = [];
		while (!list.some((execution) => execution.status === 'success') && Date.now() < deadline) {
			await new Promise((resolve) => setTimeout(resolve, 250));
			list = await n8n.executions('unstructuredExample5');
		}
		assert.equal(list.length, 1);
		assert.equal(list[0].status, 'success');
		const run = await n8n.executionRun(list[0].id);
		const output = (name) => run.resultData.runData[name][0].data.main[0].map((item) => item.json);
		const job = [...mock.jobs.values()].find((candidate) =>
			candidate.input_file_ids?.includes('report.pdf'),
		);
		assert.deepEqual(
			output('Partition into Elements'),
			elements.map((element) => ({
				...element,
				job_id: job.id,
				file_id: 'report.pdf',
				file_name: 'report.pdf',
			})),
		);
		assert.deepEqual(output('Text of All Elements'), [{ text: ['Night report'] }]);
	});

	it('n8n lists the node and the credential with their names, version, icons and codex', async () => {
		const nodes = (await n8n.rest('GET', '/types/nodes.json')).json;
		const node = nodes.find((type) => type.name === 'n8n-nodes-unstructured.unstructured');
		assert.equal(node.displayName, 'Unstructured');
		assert.deepEqual(node.version, [1, 1.1, 1.2, 1.3]);
		assert.equal(node.usableAsTool, true);
		assert.deepEqual(node.iconUrl, {
			light: 'icons/n8n-nodes-unstructured/dist/nodes/Unstructured/unstructured.svg',
			dark: 'icons/n8n-nodes-unstructured/dist/nodes/Unstructured/unstructured.dark.svg',
		});
		assert.deepEqual(node.codex.categories, ['Data & Storage', 'Development']);
		assert.ok(
			nodes.some((type) => type.name === 'n8n-nodes-unstructured.unstructuredTool'),
			'n8n offers it as an AI tool',
		);
		const credentials = (await n8n.rest('GET', '/types/credentials.json')).json;
		const credential = credentials.find((type) => type.name === 'unstructuredApi');
		assert.equal(credential.displayName, 'Unstructured API');
		assert.deepEqual(credential.iconUrl, node.iconUrl);
		for (const url of Object.values(node.iconUrl)) {
			const icon = await fetch(`${n8n.baseUrl}/${url}`);
			assert.equal(icon.status, 200);
			assert.match(icon.headers.get('content-type'), /^image\/svg\+xml/);
			assert.match(await icon.text(), /^<svg /);
		}
	});

	it("the credential dialog's Test says OK for a good key and explains a bad one", async () => {
		const test = async (apiKey) =>
			(
				await n8n.rest('POST', '/rest/credentials/test', {
					credentials: {
						id: 'unstructured-example',
						name: 'Unstructured account',
						type: 'unstructuredApi',
						data: { apiUrl: mock.url, apiKey },
					},
				})
			).json.data;
		assert.deepEqual(await test(API_KEY), { status: 'OK', message: 'Connection successful!' });
		assert.deepEqual(await test('not-the-key'), {
			status: 'Error',
			message: 'The API key was rejected. Copy a current key from API Keys in the Unstructured UI.',
		});
	});

	describe('Unstructured Trigger', () => {
		const triggerUrl = () => `${n8n.baseUrl}/webhook/6b7c8d9e-0f1a-4b2c-8d3e-4f5a6b7c8d02/webhook`;
		const channel = () =>
			[...mock.channels.values()].find((candidate) => candidate.url === triggerUrl());
		const executions = async () => await n8n.executions('unstructuredTrigger01');
		/** The executions, once there are `count` of them and none is still running. */
		async function waitForExecutions(count) {
			const deadline = Date.now() + 20_000;
			let list = await executions();
			while (
				(list.length < count ||
					list.some((execution) => ['new', 'running'].includes(execution.status))) &&
				Date.now() < deadline
			) {
				await new Promise((resolve) => setTimeout(resolve, 200));
				list = await executions();
			}
			return list;
		}

		it("publishing registered a channel for n8n's webhook URL with the chosen events", () => {
			const registered = channel();
			assert.ok(
				registered,
				`channels: ${JSON.stringify([...mock.channels.values()].map((candidate) => candidate.url))}`,
			);
			assert.equal(registered.channel_type, 'webhook');
			assert.deepEqual(registered.event_types, ['job.completed', 'job.failed']);
			assert.equal(registered.workflow_id, null);
			assert.equal(
				[...mock.channels.values()].filter((candidate) => candidate.url === triggerUrl()).length,
				1,
			);
		});

		it('publishing over a leftover channel for the same URL took it over by PATCH, with a new secret', () => {
			const forUrl = [...mock.channels.values()].filter(
				(candidate) => candidate.url === leftover.url,
			);
			assert.deepEqual(
				forUrl.map((candidate) => candidate.id),
				[leftover.id],
				'no second channel was created',
			);
			const patch = mock.requests.find(
				(request) =>
					request.method === 'PATCH' &&
					request.path === `/api/v1/notifications/channels/${leftover.id}`,
			);
			assert.ok(patch, 'the leftover channel was PATCHed');
			const sent = JSON.parse(patch.body.toString());
			assert.deepEqual(
				[sent.event_types, sent.enabled],
				[['job.completed', 'job.failed', 'job.stopped'], true],
			);
			assert.notEqual(sent.secret, 'a-secret-that-n8n-never-saw-0000');
			assert.equal(leftover.secret, sent.secret);
			assert.ok(
				!mock.requests.some(
					(request) =>
						request.method === 'POST' &&
						request.path.includes('/notifications/channels') &&
						JSON.parse(request.body.toString()).url === leftover.url,
				),
			);
			assert.ok(
				!mock.requests.some((request) => request.path.endsWith('/secret/rotate')),
				'no call to the rotate endpoint that does not exist',
			);
		});

		it('a signed job.completed starts an execution that outputs the job files like Job › Get', async () => {
			const files = [makeOutputFile(), makeOutputFile()];
			const job = mock.addJob({ output_node_files: files });
			const answer = await mock.deliver(channel().id, {
				type: 'job.completed',
				jobId: job.id,
				workflowId: job.workflow_id,
			});
			assert.equal(answer.status, 200);
			const [execution] = await waitForExecutions(1);
			assert.equal(execution.status, 'success');
			const run = await n8n.executionRun(execution.id);
			const items = run.resultData.runData['Unstructured Trigger'][0].data.main[0].map(
				(item) => item.json,
			);
			assert.deepEqual(
				items,
				files.map((file) => ({
					...file,
					job_id: job.id,
					workflow_id: job.workflow_id,
					workflow_name: job.workflow_name,
					status: job.status,
					created_at: job.created_at,
					runtime: job.runtime,
					job_type: job.job_type,
				})),
			);
		});

		it('forged, stale, replayed and unselected deliveries start no execution', async () => {
			const job = mock.addJob();
			const before = (await executions()).length;
			const forged = await mock.deliver(
				channel().id,
				{ jobId: job.id },
				{ secret: Buffer.alloc(32, 9).toString('base64') },
			);
			assert.equal(forged.status, 401);
			const stale = await mock.deliver(
				channel().id,
				{ jobId: job.id },
				{ timestamp: Math.floor(Date.now() / 1000) - 600 },
			);
			assert.equal(stale.status, 401);
			const unsigned = await mock.deliver(channel().id, { jobId: job.id }, { signature: '' });
			assert.equal(unsigned.status, 401);
			const unselected = await mock.deliver(channel().id, { type: 'job.scheduled', jobId: job.id });
			assert.equal(unselected.status, 200);
			assert.match(unselected.body, /not selected/);
			const first = await mock.deliver(channel().id, { jobId: job.id });
			const replay = await mock.deliver(channel().id, { jobId: job.id }, { id: first.id });
			assert.equal(replay.status, 200);
			assert.match(replay.body, /duplicate/);
			const after = await waitForExecutions(before + 1);
			await new Promise((resolve) => setTimeout(resolve, 1000));
			assert.equal((await executions()).length, before + 1, 'only the first genuine delivery ran');
			assert.equal(after.length, before + 1);
		});

		it("a delivery signed with the secret's raw bytes as the key starts an execution too", async () => {
			const before = (await executions()).length;
			const job = mock.addJob({ output_node_files: [makeOutputFile()] });
			const answer = await mock.deliver(channel().id, {
				type: 'job.completed',
				jobId: job.id,
				workflowId: job.workflow_id,
				keyReading: 'raw',
			});
			assert.equal(answer.status, 200, answer.body);
			const list = await waitForExecutions(before + 1);
			assert.equal(list.length, before + 1);
			assert.equal(list[0].status, 'success');
		});

		it('examples/trigger-job-details.json, published, gets the details of a job that ended', async () => {
			const exampleUrl = `${n8n.baseUrl}/webhook/2e3f4a5b-6c7d-4e8f-9a0b-1c2d3e4f5a02/webhook`;
			const exampleChannel = [...mock.channels.values()].find(
				(candidate) => candidate.url === exampleUrl,
			);
			assert.deepEqual(exampleChannel?.event_types, ['job.completed', 'job.failed', 'job.stopped']);
			const job = mock.addJob({ status: 'FAILED' });
			mock.setDetails(job.id, {
				id: job.id,
				processing_status: 'FAILED',
				node_stats: [],
				message: 'Source connector failed',
			});
			mock.requests.length = 0;
			const answer = await mock.deliver(exampleChannel.id, {
				type: 'job.failed',
				jobId: job.id,
				workflowId: job.workflow_id,
			});
			assert.equal(answer.status, 200);
			const deadline = Date.now() + 20_000;
			while (
				!mock.requests.some((request) => request.path.endsWith('/details')) &&
				Date.now() < deadline
			) {
				await new Promise((resolve) => setTimeout(resolve, 200));
			}
			assert.deepEqual(
				mock.requests.map(({ method, path: requestPath }) => [method, requestPath]),
				[['GET', `/api/v1/jobs/${job.id}/details`]],
			);
		});

		it('unpublishing deletes the channel', async () => {
			const { id } = channel();
			const response = await n8n.rest(
				'POST',
				'/rest/workflows/unstructuredTrigger01/deactivate',
				{},
			);
			assert.equal(response.status, 200, response.text);
			// n8n unpublishes through its outbox, shortly after answering.
			const deadline = Date.now() + 15_000;
			while (mock.channels.has(id) && Date.now() < deadline)
				await new Promise((resolve) => setTimeout(resolve, 200));
			assert.equal(mock.channels.has(id), false);
			assert.ok(
				mock.requests.some(
					(request) =>
						request.method === 'DELETE' && request.path.endsWith(`/notifications/channels/${id}`),
				),
			);
		});
	});

	describe('Unstructured Polling Trigger', () => {
		// n8n polls at most once a minute, at the minute's start (plus one poll when it activates the
		// workflow, whose state n8n does not keep when it emits nothing): these tests wait for ticks.
		const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));
		const waitForTick = async () => await waitForPollTick(mock);
		/** The jobs the polling workflow's executions started with, oldest execution first. */
		async function emittedJobIds() {
			const list = (await n8n.executions('unstructuredPolling01')).sort(
				(a, b) => Number(a.id) - Number(b.id),
			);
			const jobs = [];
			for (const execution of list) {
				const run = await n8n.executionRun(execution.id);
				jobs.push(
					...run.resultData.runData['Unstructured Polling Trigger'][0].data.main[0].map(
						(item) => item.json.id,
					),
				);
			}
			return jobs;
		}
		const createdNow = () => new Date().toISOString();
		let first;

		it('emits a job once it has completed, not while it runs, and only once', async () => {
			await waitForTick(); // every job the tests above made has been seen by now
			const before = await emittedJobIds();
			first = mock.addJob({ status: 'IN_PROGRESS', created_at: createdNow() });
			await waitForTick();
			assert.deepEqual(await emittedJobIds(), before, 'a running job starts nothing');
			first.status = 'COMPLETED';
			await waitForTick();
			assert.deepEqual(await emittedJobIds(), [...before, first.id]);
		});

		it('after n8n restarts, emits no job again and goes on with new ones', async () => {
			const before = await emittedJobIds();
			assert.ok(before.includes(first.id));
			// Restart well away from a minute's start, so that the activation poll is not taken for a tick.
			while (new Date().getSeconds() < 10 || new Date().getSeconds() > 35) await sleep(500);
			await n8n.stop();
			await n8n.start();
			const second = mock.addJob({ status: 'FAILED', created_at: createdNow() });
			await waitForTick();
			assert.deepEqual(await emittedJobIds(), [...before, second.id]);
		});
	});

	it('stops the server it started', async () => {
		const { pid } = n8n.server;
		await n8n.stop();
		assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' });
	});
});

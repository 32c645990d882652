'use strict';
/** The demo Unstructured API of `npm run demo` (support/demo-api.js), through the engine as a user of the demo would meet it. */
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');

const { makeNode, runNode, runHook, runWorkflow } = require('../support/harness');
const { binaryFile, byId } = require('./helpers');
const { DemoUnstructuredApi, chunkByTitle, textElements } = require('../support/demo-api');

const demo = new DemoUnstructuredApi().seed();
const credentials = () => ({ apiUrl: demo.url, apiKey: demo.apiKey });

before(async () => await demo.start());
after(async () => await demo.stop());

/**
 * Job › Create on one file against the demo: template hi_res_partition, waiting, unless `parameters`
 * say otherwise.
 */
async function createOn(file, parameters = {}, settings = {}) {
	return await runNode({
		parameters: {
			resource: 'job',
			operation: 'create',
			templateId: byId('hi_res_partition'),
			waitOptions: { pollInterval: 1 },
			...parameters,
		},
		items: [{ json: {}, binary: { data: file } }],
		credentials: credentials(),
		settings,
	});
}

describe('the demo Unstructured API', () => {
	it('turns a Markdown file into its real headings and paragraphs, a few seconds after the job is created', async () => {
		const markdown =
			'# Quarterly report\n\nRevenue grew by 12 percent.\nCosts fell.\n\n## Outlook\n\nWe expect growth to go on.';
		const started = Date.now();
		const { items, error } = await createOn(binaryFile('report.md', 'text/markdown', markdown), {
			output: 'elements',
		});
		assert.equal(error, undefined, error?.message);
		assert.deepEqual(
			items.map((item) => [item.json.type, item.json.text]),
			[
				['Title', 'Quarterly report'],
				['NarrativeText', 'Revenue grew by 12 percent. Costs fell.'],
				['Title', 'Outlook'],
				['NarrativeText', 'We expect growth to go on.'],
			],
		);
		assert.ok(Date.now() - started >= 4000, 'the job ran a few seconds, as on the real service');
	});

	it('a run of a workflow with its own source (the nightly example) has output to download: labelled samples', async () => {
		const { items, error } = await runWorkflow({
			nodes: [
				makeNode(
					{
						resource: 'workflow',
						operation: 'run',
						workflowId: byId('3f2e1d0c-9b8a-4765-8432-10fedcba9876'),
						waitOptions: { pollInterval: 1 },
					},
					{ name: 'Run', typeVersion: 1.2 },
				),
				makeNode(
					{ resource: 'job', operation: 'download', putOutputIn: 'json' },
					{ name: 'Download', typeVersion: 1.2, id: 'download-node' },
				),
			],
			connections: { Run: { main: [[{ node: 'Download', type: 'main', index: 0 }]] } },
			credentials: { unstructuredApi: credentials() },
		});
		assert.equal(error, undefined, error?.message);
		assert.ok(items.length > 0);
		assert.match(String(items[0].json.text), /^Sample element \(demo API\): /);
	});

	it('gives other files labelled sample elements', async () => {
		const { items, error } = await createOn(binaryFile('scan.pdf', 'application/pdf', '%PDF-1.7'), {
			output: 'elements',
		});
		assert.equal(error, undefined, error?.message);
		assert.equal(items[0].json.text, 'Sample element (demo API): scan.pdf');
		assert.ok(items.every((item) => item.json.metadata.demo === true));
	});

	it('reads blocks between blank lines, a `#` line as a Title', () => {
		assert.deepEqual(
			textElements('a.txt', '# Title\n\nA sentence.').map((element) => [
				element.type,
				element.text,
			]),
			[
				['Title', 'Title'],
				['NarrativeText', 'A sentence.'],
			],
		);
	});

	it('serves demo workflows and jobs in every status, each named as demo', async () => {
		const { items } = await runNode({
			parameters: { resource: 'job', operation: 'getAll', returnAll: true },
			credentials: credentials(),
		});
		const statuses = new Set(items.map((item) => item.json.status));
		for (const status of ['SCHEDULED', 'IN_PROGRESS', 'COMPLETED', 'FAILED', 'STOPPED'])
			assert.ok(statuses.has(status), `a ${status} job`);
		const seeded = items.filter((item) => !item.json.workflow_name.startsWith('job-'));
		assert.ok(
			seeded.length >= 6 && seeded.every((item) => item.json.workflow_name.startsWith('Demo · ')),
			'on-demand jobs aside (named job-…, as the API names them), every job is demo',
		);
	});

	it('announces a finished job to a registered channel, signed: the Unstructured Trigger works against it', async () => {
		const received = [];
		const http = require('node:http');
		const receiver = http.createServer((req, res) => {
			let body = '';
			req.on('data', (chunk) => (body += chunk));
			req.on('end', () => {
				received.push({ headers: req.headers, body: JSON.parse(body) });
				res.end('{}');
			});
		});
		await new Promise((resolve) => receiver.listen(0, '127.0.0.1', () => resolve()));
		try {
			const { staticData } = await runHook({
				method: 'create',
				parameters: { events: ['job.completed'] },
				credentials: credentials(),
			});
			const channel = demo.channels.get(staticData.channelId);
			channel.url = `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (receiver.address()).port}/webhook`;
			const { items } = await runNode({
				parameters: {
					resource: 'job',
					operation: 'create',
					templateId: byId('hi_res_partition'),
					waitForCompletion: false,
				},
				items: [{ json: {}, binary: { data: binaryFile('a.txt', 'text/plain', 'Hello.') } }],
				credentials: credentials(),
			});
			for (const started = Date.now(); received.length === 0 && Date.now() - started < 10_000;)
				await new Promise((resolve) => setTimeout(resolve, 200));
			assert.equal(received.length, 1);
			assert.deepEqual(
				[received[0].body.type, received[0].body.job.job_id],
				['job.completed', items[0].json.id],
			);
			assert.match(received[0].headers['webhook-signature'], /^v1,/);
		} finally {
			await new Promise((resolve) => receiver.close(resolve));
		}
	});

	it('a created job is as the reference has it: a generated name job-…, created now, and first in Job › Get Many (newest first)', async () => {
		const sentAt = Date.now();
		const created = await createOn(binaryFile('new.txt', 'text/plain', 'New.'), {
			waitForCompletion: false,
		});
		const [job] = created.items.map((item) => item.json);
		// docs/unstructured-api.md §4: "On-demand jobs get generated names, e.g. `job-fcdc4994`".
		assert.match(String(job.workflow_name), /^job-[0-9a-f]{8}$/);
		const createdAt = Date.parse(String(job.created_at));
		assert.ok(createdAt >= sentAt - 1000 && createdAt <= Date.now(), String(job.created_at));
		const { items } = await runNode({
			parameters: { resource: 'job', operation: 'getAll', returnAll: true },
			credentials: credentials(),
		});
		assert.equal(items[0].json.id, job.id);
	});

	it("Get Details agrees with the job's status: SCHEDULED or IN_PROGRESS with the file not yet done, then SUCCESS with it done", async () => {
		const { items } = await createOn(binaryFile('d.txt', 'text/plain', 'Details.'), {
			waitForCompletion: false,
		});
		const jobId = String(items[0].json.id);
		const details = async () =>
			(
				await runNode({
					parameters: { resource: 'job', operation: 'getDetails', jobId: byId(jobId) },
					credentials: credentials(),
				})
			).items[0].json;
		const status = async () =>
			(
				await runNode({
					parameters: { resource: 'job', operation: 'get', jobId: byId(jobId) },
					credentials: credentials(),
				})
			).items[0].json.status;
		const early = await details();
		assert.ok(['SCHEDULED', 'IN_PROGRESS'].includes(String(early.processing_status)));
		const [stats] = /** @type {any[]} */ (early.node_stats);
		assert.equal(stats.success, 0);
		assert.equal(stats.ready + stats.in_progress, 1);
		for (
			const started = Date.now();
			(await status()) !== 'COMPLETED' && Date.now() - started < 15_000;
		)
			await new Promise((resolve) => setTimeout(resolve, 500));
		const done = await details();
		// docs/unstructured-api.md §4: JobProcessingStatus has SUCCESS for a COMPLETED job (the mapping a GUESS).
		assert.equal(done.processing_status, 'SUCCESS');
		assert.deepEqual(
			/** @type {any[]} */ (done.node_stats).map(({ ready, in_progress, success, failure }) => [
				ready,
				in_progress,
				success,
				failure,
			]),
			[[0, 0, 1, 0]],
		);
	});

	it('a job with a chunking node (the RAG example) gives chunks: CompositeElements of whole elements, a Title starting each', async () => {
		const markdown =
			'# Report\n\nRevenue grew by 12 percent.\n\nCosts fell.\n\n## Outlook\n\nWe expect growth to go on.';
		const { items, error } = await createOn(
			binaryFile('report.md', 'text/markdown', markdown),
			{
				jobDefinition: 'jobNodes',
				jobNodes: JSON.stringify([
					{ name: 'Partitioner', type: 'partition', subtype: 'unstructured_api' },
					{
						name: 'Chunker',
						type: 'chunk',
						subtype: 'chunk_by_title',
						settings: { max_characters: 1500 },
					},
				]),
				output: 'elements',
			},
			{ typeVersion: 1.2 },
		);
		assert.equal(error, undefined, error?.message);
		assert.deepEqual(
			items.map((item) => [item.json.type, item.json.text]),
			[
				['CompositeElement', 'Report\n\nRevenue grew by 12 percent.\n\nCosts fell.'],
				['CompositeElement', 'Outlook\n\nWe expect growth to go on.'],
			],
		);
	});

	it('chunks no longer than max_characters, an element longer than that alone', () => {
		const elements = ['aaaa', 'bbbb', 'cccccccccccc', 'dd'].map((text) => ({
			type: 'NarrativeText',
			text,
			metadata: { filename: 'f.txt' },
		}));
		assert.deepEqual(
			chunkByTitle(elements, 10).map((chunk) => chunk.text),
			['aaaa\n\nbbbb', 'cccccccccccc', 'dd'],
		);
	});
});

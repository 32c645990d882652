'use strict';
/**
 * Job › Create with "Pack Files Into Jobs": the files of consecutive items share jobs of up to
 * "Files per Job" files, and every output is paired with the item its file came from.
 */
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');

const { runNode } = require('../support/harness');
const { binaryFile, byId, plain, useMockApi } = require('./helpers');
const { parseMultipart } = require('../support/mock-api');

const { mock, credentials } = useMockApi();

const CONTINUE = { onError: 'continueRegularOutput' };

const create = (extra = {}) => ({
	resource: 'job',
	operation: 'create',
	templateId: byId('hi_res_partition'),
	packFiles: true,
	waitOptions: { pollInterval: 1 },
	...extra,
});
const fileItem = (...names) => ({
	json: {},
	binary: Object.fromEntries(
		names.map((name, index) => [
			`file_${index}`,
			binaryFile(name, 'text/plain', `content of ${name}`),
		]),
	),
});
const itemsOf = (count) =>
	Array.from({ length: count }, (_, index) => fileItem(`doc-${index}.txt`));
const posts = () =>
	mock.requests.filter((request) => request.method === 'POST' && request.path === '/api/v1/jobs/');
const filesSent = () =>
	posts().map((request) =>
		parseMultipart(request.body, request.headers['content-type']).files.map(
			(file) => file.filename,
		),
	);
const jobOf = (fileName) =>
	[...mock.jobs.values()].find((job) => job.input_file_ids.includes(fileName));

describe('Job › Create: Pack Files Into Jobs', () => {
	it('5 one-file items, 2 files per job: 3 jobs, and each item gets the job its file went into', async () => {
		mock.newJobStatuses = ['COMPLETED'];
		const { items, error } = await runNode({
			parameters: create({ filesPerJob: 2 }),
			items: itemsOf(5),
			credentials,
		});
		assert.equal(error, undefined, error?.message);
		assert.deepEqual(filesSent(), [
			['doc-0.txt', 'doc-1.txt'],
			['doc-2.txt', 'doc-3.txt'],
			['doc-4.txt'],
		]);
		assert.deepEqual(
			plain(items).map(({ json, pairedItem }) => [json.job_id, pairedItem]),
			[0, 1, 2, 3, 4].map((index) => [jobOf(`doc-${index}.txt`).id, { item: index }]),
		);
		assert.equal(items[0].json.job_id, items[1].json.job_id);
	});

	it("Output Elements: each element paired with the item its file came from; an item's files stay in one job", async () => {
		mock.newJobStatuses = ['COMPLETED'];
		mock.newJobOutput = (file) => [
			{ type: 'Title', element_id: `${file.file_id}-0`, text: `text of ${file.file_id}` },
		];
		const { items, error } = await runNode({
			parameters: create({ filesPerJob: 3, output: 'elements' }),
			items: [fileItem('a.txt'), fileItem('b.txt', 'c.txt'), fileItem('d.txt', 'e.txt')],
			credentials,
		});
		assert.equal(error, undefined, error?.message);
		assert.deepEqual(filesSent(), [
			['a.txt', 'b.txt', 'c.txt'],
			['d.txt', 'e.txt'],
		]);
		assert.deepEqual(
			plain(items).map(({ json, pairedItem }) => [
				json.text,
				json.file_name,
				json.job_id,
				pairedItem.item,
			]),
			[
				['text of a.txt', 'a.txt', jobOf('a.txt').id, 0],
				['text of b.txt', 'b.txt', jobOf('a.txt').id, 1],
				['text of c.txt', 'c.txt', jobOf('a.txt').id, 1],
				['text of d.txt', 'd.txt', jobOf('d.txt').id, 2],
				['text of e.txt', 'e.txt', jobOf('d.txt').id, 2],
			],
		);
	});

	it('Output Files: each output file paired with the item its input file came from', async () => {
		mock.newJobStatuses = ['COMPLETED'];
		const { items } = await runNode({
			parameters: create({ output: 'outputFiles' }),
			items: itemsOf(3),
			credentials,
		});
		assert.equal(posts().length, 1);
		assert.deepEqual(
			plain(items).map(({ json, pairedItem }) => [json.file_id, pairedItem.item]),
			[
				['doc-0.txt', 0],
				['doc-1.txt', 1],
				['doc-2.txt', 2],
			],
		);
	});

	it('30 items at 10 files per job: 3 jobs, paced, 30 items out', async () => {
		mock.setFaults({ jobCreationIntervalMs: 1000 });
		const { items, error } = await runNode({
			parameters: create({ waitForCompletion: false }),
			items: itemsOf(30),
			credentials,
		});
		assert.equal(error, undefined);
		assert.equal(posts().length, 3);
		assert.equal(mock.faultsServed.creationLimit, 0);
		assert.deepEqual(
			items.map((item) => item.pairedItem.item),
			Array.from({ length: 30 }, (_, index) => index),
		);
	});

	it('a failed job: with Continue On Fail, one paired error item per item it carried', async () => {
		mock.newJobStatuses = ['FAILED'];
		const { items, error } = await runNode({
			parameters: create(),
			items: itemsOf(3),
			credentials,
			settings: CONTINUE,
		});
		assert.equal(error, undefined);
		const [job] = mock.jobs.values();
		assert.deepEqual(
			plain(items),
			[0, 1, 2].map((item) => ({
				json: { error: `Job "${job.id}" of workflow "${job.workflow_name}" ended FAILED` },
				pairedItem: { item },
			})),
		);
	});

	it('a refusal for size (413) of a packed job names every file it carried, with its size', async () => {
		mock.maxFileBytes = 10;
		const { items } = await runNode({
			parameters: create({ waitForCompletion: false }),
			items: itemsOf(2),
			credentials,
			settings: CONTINUE,
		});
		assert.deepEqual(
			items.map((item) => [item.json.error, item.pairedItem.item]),
			[0, 1].map((index) => [
				'Unstructured refused the files as too large (413): File size exceeds the limit of 10 bytes',
				index,
			]),
		);
		assert.match(
			items[0].error.description,
			/^Files sent: doc-0\.txt \(0\.0 MB\), doc-1\.txt \(0\.0 MB\)\./,
		);
		assert.equal(posts().length, 1, 'a 413 is not sent again');
	});

	it('an item without its file fails on its own; the others are packed without it', async () => {
		mock.newJobStatuses = ['COMPLETED'];
		const { items } = await runNode({
			parameters: create({ inputBinaryFields: 'file_0' }),
			items: [fileItem('a.txt'), { json: {}, binary: {} }, fileItem('c.txt')],
			credentials,
			settings: CONTINUE,
		});
		assert.deepEqual(filesSent(), [['a.txt', 'c.txt']]);
		assert.deepEqual(
			plain(items).map(({ json, pairedItem }) => [json.error ?? json.job_id, pairedItem.item]),
			[
				[jobOf('a.txt').id, 0],
				['The item has no binary field "file_0"', 1],
				[jobOf('a.txt').id, 2],
			],
		);
	});
});

describe('Job › Create from node version 1.3: packing by default, by job definition', () => {
	const v13 = { typeVersion: 1.3 };
	const createV13 = (extra = {}) => ({
		resource: 'job',
		operation: 'create',
		jobDefinition: 'template',
		templateId: byId('hi_res_partition'),
		waitOptions: { pollInterval: 1 },
		...extra,
	});
	const requestData = () =>
		posts().map((request) =>
			JSON.parse(parseMultipart(request.body, request.headers['content-type']).fields.request_data),
		);

	it('12 one-file items with nothing set: 2 jobs of 10 and 2 files, each item paired with its own output', async () => {
		mock.newJobStatuses = ['COMPLETED'];
		const { items, error } = await runNode({
			parameters: createV13(),
			items: itemsOf(12),
			credentials,
			settings: v13,
		});
		assert.equal(error, undefined, error?.message);
		assert.deepEqual(filesSent(), [
			Array.from({ length: 10 }, (_, index) => `doc-${index}.txt`),
			['doc-10.txt', 'doc-11.txt'],
		]);
		assert.deepEqual(
			plain(items).map(({ json, pairedItem }) => [json.id, pairedItem.item]),
			Array.from({ length: 12 }, (_, index) => [jobOf(`doc-${index}.txt`).id, index]),
		);
	});

	it('a Template mapped from each item: items go into jobs with their own template, never another', async () => {
		mock.newJobStatuses = ['COMPLETED'];
		const templates = ['hi_res_partition', 'hi_res_and_enrichment'];
		const input = itemsOf(5).map((item, index) => ({
			...item,
			json: { template: templates[index % 2] },
		}));
		const { items, error } = await runNode({
			parameters: createV13({ templateId: byId('={{ $json.template }}') }),
			items: input,
			credentials,
			settings: v13,
		});
		assert.equal(error, undefined, error?.message);
		assert.deepEqual(
			requestData().map((data, index) => [data.template_id, filesSent()[index]]),
			[
				['hi_res_partition', ['doc-0.txt', 'doc-2.txt', 'doc-4.txt']],
				['hi_res_and_enrichment', ['doc-1.txt', 'doc-3.txt']],
			],
		);
		assert.deepEqual(
			plain(items).map(({ json, pairedItem }) => [json.id, pairedItem.item]),
			Array.from({ length: 5 }, (_, index) => [jobOf(`doc-${index}.txt`).id, index]),
		);
	});

	it("a file that failed fails its own item only: the job's other items keep their elements, as with a job each", async () => {
		mock.newJobStatuses = ['COMPLETED'];
		mock.newJobOutput = (file) =>
			file.file_id === 'doc-1.txt' ? undefined : [{ type: 'Title', text: `T of ${file.file_id}` }];
		mock.newJobFailedFiles = [{ document: 'doc-1.txt', error: 'The file is encrypted' }];
		const { items } = await runNode({
			parameters: createV13({ output: 'elements' }),
			items: itemsOf(3),
			credentials,
			settings: { ...v13, ...CONTINUE },
		});
		assert.equal(posts().length, 1);
		const jobId = jobOf('doc-1.txt').id;
		assert.deepEqual(
			plain(items).map(({ json, pairedItem }) => [pairedItem.item, json.text ?? json.error]),
			[
				[0, 'T of doc-0.txt'],
				[1, `Job "${jobId}" completed, but 1 of this item's files failed`],
				[2, 'T of doc-2.txt'],
			],
		);
		assert.ok(items.every((item) => item.json.failed_files === undefined));

		// Without Continue On Fail the node stops with that item's error, as it would unpacked.
		const { error } = await runNode({
			parameters: createV13({ output: 'elements' }),
			items: itemsOf(3),
			credentials,
			settings: v13,
		});
		assert.match(String(error?.message), /completed, but 1 of this item's files failed/);
	});

	it('with "Fail When the Job or a File Fails" off, a failed file is listed on its own item', async () => {
		mock.newJobStatuses = ['COMPLETED'];
		mock.newJobOutput = (file) =>
			file.file_id === 'doc-1.txt' ? undefined : [{ type: 'Title', text: `T of ${file.file_id}` }];
		mock.newJobFailedFiles = [{ document: 'doc-1.txt', error: 'The file is encrypted' }];
		const { items, error } = await runNode({
			parameters: createV13({
				output: 'elements',
				waitOptions: { pollInterval: 1, failWhenJobFails: false },
			}),
			items: itemsOf(3),
			credentials,
			settings: v13,
		});
		assert.equal(error, undefined, error?.message);
		const jobId = jobOf('doc-1.txt').id;
		assert.deepEqual(
			plain(items).map(({ json, pairedItem }) => [pairedItem.item, json.text, json.failed_files]),
			[
				[0, 'T of doc-0.txt', undefined],
				[
					1,
					undefined,
					[{ file_id: 'doc-1.txt', file_name: 'doc-1.txt', error: 'The file is encrypted' }],
				],
				[2, 'T of doc-2.txt', undefined],
			],
		);
		assert.equal(items[1].json.job_id, jobId);
	});

	it('a workflow saved on version 1.2 keeps one job per item', async () => {
		mock.newJobStatuses = ['COMPLETED'];
		const { error } = await runNode({
			parameters: createV13(),
			items: itemsOf(3),
			credentials,
			settings: { typeVersion: 1.2 },
		});
		assert.equal(error, undefined, error?.message);
		assert.deepEqual(filesSent(), [['doc-0.txt'], ['doc-1.txt'], ['doc-2.txt']]);
	});

	it('Pack Files Into Jobs off on 1.3: one job per item', async () => {
		mock.newJobStatuses = ['COMPLETED'];
		const { error } = await runNode({
			parameters: createV13({ packFiles: false }),
			items: itemsOf(2),
			credentials,
			settings: v13,
		});
		assert.equal(error, undefined, error?.message);
		assert.deepEqual(filesSent(), [['doc-0.txt'], ['doc-1.txt']]);
	});

	it('a member whose own check fails does not hold its group up: the first member to come leads, and the failed one gets its error', async () => {
		mock.newJobStatuses = ['COMPLETED'];
		mock.newJobOutput = [{ type: 'Title', text: 'T' }];
		// The first template read (Elements of Node checks the template's nodes) is refused.
		mock.setResponse({
			path: '/api/v1/templates/hi_res_partition',
			status: 404,
			body: { detail: 'Template not found' },
		});
		const { items } = await runNode({
			parameters: createV13({ output: 'elements', elementsNode: 'partition' }),
			items: itemsOf(2),
			credentials,
			settings: { ...v13, ...CONTINUE },
		});
		assert.equal(posts().length, 1);
		const outcome = plain(items).map(({ json, pairedItem }) => [
			pairedItem.item,
			json.error === undefined ? json.text : 'error',
		]);
		assert.equal(outcome.filter(([, what]) => what === 'error').length, 1, JSON.stringify(outcome));
		assert.equal(outcome.filter(([, what]) => what === 'T').length, 1, JSON.stringify(outcome));
	});
});

describe("At the account's limits (the mock simulates them)", () => {
	it('jobs waiting in line behind the running ones are not timed out: 3 jobs, 1 running at a time, Timeout 4 s', async () => {
		mock.simulateAccount({ maxRunning: 1, baseMs: 3000, perFileMs: 0 });
		const started = Date.now();
		const { items, error } = await runNode({
			parameters: create({ packFiles: false, waitOptions: { pollInterval: 1, timeout: 4 } }),
			items: itemsOf(3),
			credentials,
		});
		assert.equal(error, undefined, error?.message);
		assert.deepEqual(
			items.map((item) => item.json.status),
			['COMPLETED', 'COMPLETED', 'COMPLETED'],
		);
		assert.ok(
			Date.now() - started >= 9000,
			'the last job ran after the two before it: it waited longer than the Timeout in all',
		);
		assert.equal(mock.faultsServed.creationLimit, 0);
	});
});

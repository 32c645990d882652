'use strict';
/**
 * The package in n8n's editor, in a real browser (`npm run test:ui`): installed the installer's way
 * into a real n8n 2.41.1, driven through Chromium like a user: sign in, create the credential (a
 * wrong key shows our message, the right one passes the test), find the node, add Job › Get, pick a
 * job from the list, execute, and read the flattened items in the output table. Then three imported
 * workflows run in the editor: Polling Trigger → Job › Get with every default, Job › Create with
 * Output Elements, a job that ended FAILED in the error panel, and Unstructured Transform's Extract
 * with its field list filled in. Screenshots go to
 * .cache/ui-screenshots/ (UI_SCREENSHOTS=<folder> to put them elsewhere, e.g. docs/images).
 */
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { MockUnstructuredApi, makeOutputFile } = require('../../support/mock-api');
const { MockTransformApi } = require('../../support/mock-transform-api');
const { N8nInstance, REPO } = require('../../support/n8n');
const { textFileNodes } = require('../../support/text-file-nodes');
const { launchChromium } = require('./browser');

const API_KEY = 'ui-test-key-5c2e81';
const mock = new MockUnstructuredApi({ apiKey: API_KEY });
const transform = new MockTransformApi();
const screenshots = path.resolve(REPO, process.env.UI_SCREENSHOTS ?? '.cache/ui-screenshots');
let n8n;
let browser;
let page;
let job;
let failedJob;

const CREDENTIAL = { unstructuredApi: { id: 'uiCredential01', name: 'Unstructured (imported)' } };
const unstructuredNode = (name, position, parameters) => ({
	id: `2e3f4a50-0000-4000-8000-${String(position[0]).padStart(12, '0')}`,
	name,
	type: 'n8n-nodes-unstructured.unstructured',
	typeVersion: 1.2,
	position,
	parameters,
	credentials: CREDENTIAL,
});
const manualTrigger = {
	parameters: {},
	id: '1d2e3f40-0000-4000-8000-000000000002',
	name: 'When clicking ‘Execute workflow’',
	type: 'n8n-nodes-base.manualTrigger',
	typeVersion: 1,
	position: [0, 0],
};
const chain = (...names) =>
	Object.fromEntries(
		names
			.slice(0, -1)
			.map((name, index) => [
				name,
				{ main: [[{ node: names[index + 1], type: 'main', index: 0 }]] },
			]),
	);

/** The workflows the last tests open: each one's nodes are connected in the order given. */
function importedWorkflows() {
	const [report, toFile] = textFileNodes({
		text: 'Quarterly report. Revenue grew by 12 percent.',
		fileName: 'report.txt',
		names: ['Report text', 'Convert to File'],
		ids: ['3a4b5c60-0000-4000-8000-000000000001', '3a4b5c60-0000-4000-8000-000000000002'],
		x: 220,
	});
	const polling = {
		id: '3a4b5c60-0000-4000-8000-000000000003',
		name: 'Unstructured Polling Trigger',
		type: 'n8n-nodes-unstructured.unstructuredPollingTrigger',
		typeVersion: 1,
		position: [0, 0],
		parameters: {},
		credentials: CREDENTIAL,
	};
	return [
		{
			id: 'uiPolling01',
			name: 'Polling trigger then Job › Get',
			nodes: [
				polling,
				unstructuredNode('Get a job', [220, 0], { resource: 'job', operation: 'get' }),
			],
			connections: chain(polling.name, 'Get a job'),
		},
		{
			id: 'uiElements01',
			name: 'A text file into elements',
			nodes: [
				manualTrigger,
				report,
				toFile,
				unstructuredNode('Create a job', [660, 0], {
					resource: 'job',
					operation: 'create',
					templateId: { __rl: true, mode: 'id', value: 'hi_res_partition' },
					waitOptions: { pollInterval: 1 },
					output: 'elements',
				}),
			],
			connections: chain(manualTrigger.name, report.name, toFile.name, 'Create a job'),
		},
		{
			id: 'uiFailed01',
			name: 'Waiting for a job that fails',
			nodes: [
				manualTrigger,
				unstructuredNode('Wait for the job', [220, 0], {
					resource: 'job',
					operation: 'get',
					jobId: { __rl: true, mode: 'id', value: failedJob.id },
					waitForCompletion: true,
				}),
			],
			connections: chain(manualTrigger.name, 'Wait for the job'),
		},
		transformExtractWorkflow(),
	].map((workflow) => ({ ...workflow, settings: { executionOrder: 'v1' } }));
}

/** Manual Trigger → a text invoice as a file → examples/transform-invoice-fields.json's Extract, its field list as saved. */
function transformExtractWorkflow() {
	const example = JSON.parse(
		fs.readFileSync(path.join(REPO, 'examples', 'transform-invoice-fields.json'), 'utf8'),
	);
	const extract = example.nodes.find((node) => node.name === 'Extract Invoice Fields');
	const [text, file] = textFileNodes({
		text: 'Invoice number: INV-1001\n\nTotal: 120.50',
		fileName: 'invoice.txt',
		binaryField: 'Document',
		names: ['Invoice Text', 'Invoice File'],
		ids: ['4b5c6d70-0000-4000-8000-000000000001', '4b5c6d70-0000-4000-8000-000000000002'],
		x: 220,
	});
	return {
		id: 'uiExtract01',
		name: 'Transform Extract in the browser',
		nodes: [
			manualTrigger,
			text,
			file,
			{
				...extract,
				position: [660, 0],
				credentials: {
					unstructuredTransformApi: {
						id: 'uiTransform01',
						name: 'Unstructured Transform (imported)',
					},
				},
			},
		],
		connections: chain(manualTrigger.name, text.name, file.name, extract.name),
	};
}

/** Opens an imported workflow, executes it from the canvas, and opens the node `name`. */
async function executeAndOpen(workflowId, name) {
	await page.goto(`${n8n.baseUrl}/workflow/${workflowId}`);
	await page.click(testId('execute-workflow-button'));
	await page.locator(testId('canvas-node')).filter({ hasText: name }).dblclick();
	await page.locator(testId('ndv')).waitFor();
}

const shot = async (name) =>
	await page.screenshot({ path: path.join(screenshots, `${name}.jpg`), type: 'jpeg', quality: 70 });
const testId = (id) => `[data-test-id="${id}"]`;

before(async () => {
	fs.mkdirSync(screenshots, { recursive: true });
	await mock.start();
	job = mock.addJob({
		workflow_name: 'Invoices to Postgres',
		created_at: '2026-11-27T14:05:00Z',
		output_node_files: [makeOutputFile(), makeOutputFile()],
	});
	failedJob = mock.addJob({
		workflow_name: 'Contracts',
		status: 'FAILED',
		created_at: '2026-11-26T09:30:00Z',
	});
	mock.setDetails(failedJob.id, {
		id: failedJob.id,
		processing_status: 'FAILED',
		node_stats: [],
		message: 'Partitioning failed for 2 of 2 files',
	});
	mock.setFailedFiles(failedJob.id, [
		{ document: 'contract-07.pdf', error: 'File is encrypted' },
		{ document: 'contract-08.pdf', error: 'PDF page tree is missing' },
	]);
	await transform.start();
	n8n = await new N8nInstance().init();
	await n8n.importJson('credentials', 'ui-credential', [
		{
			id: CREDENTIAL.unstructuredApi.id,
			name: CREDENTIAL.unstructuredApi.name,
			type: 'unstructuredApi',
			data: { apiUrl: mock.url, apiKey: API_KEY },
		},
		{
			id: 'uiTransform01',
			name: 'Unstructured Transform (imported)',
			type: 'unstructuredTransformApi',
			data: { baseUrl: transform.url, apiKey: transform.apiKey },
		},
	]);
	for (const workflow of importedWorkflows())
		await n8n.importJson('workflow', workflow.id, workflow);
	await n8n.importJson('workflow', 'ui', {
		id: 'uiWorkflow01',
		name: 'Unstructured in the browser',
		nodes: [
			{
				parameters: {},
				id: '1d2e3f40-0000-4000-8000-000000000001',
				name: 'When clicking ‘Execute workflow’',
				type: 'n8n-nodes-base.manualTrigger',
				typeVersion: 1,
				position: [0, 0],
			},
		],
		connections: {},
		settings: { executionOrder: 'v1' },
	});
	await n8n.start();
	await n8n.login();
	browser = await launchChromium();
	page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
	page.setDefaultTimeout(20_000);
});

after(async () => {
	await browser?.close();
	await n8n?.stop();
	n8n?.cleanUp();
	await mock.stop();
	await transform.stop();
});

describe("in n8n's editor, in Chromium", () => {
	it('signs in', async () => {
		await page.goto(`${n8n.baseUrl}/signin`);
		await page.fill('input[name=emailOrLdapLoginId]', 'owner@example.com');
		await page.fill('input[name=password]', 'E2e-owner-Passw0rd');
		await page.click(testId('form-submit-button'));
		await page.waitForURL(/\/home\//);
	});

	it('creates the credential: a wrong key shows our message, the right one passes the test', async () => {
		await page.goto(`${n8n.baseUrl}/home/credentials/create`);
		await page.click(testId('new-credential-type-select'));
		await page.keyboard.type('Unstructured');
		await page.click(`${testId('new-credential-type-select-option')}:has-text("Unstructured API")`);
		await page.click(testId('new-credential-type-button'));
		await page.fill(`${testId('parameter-input-apiUrl')} input`, mock.url);
		await page.fill(`${testId('parameter-input-apiKey')} input`, 'not-the-right-key');
		await page.click(testId('credential-save-button'));
		await page.getByText('More details').click();
		await page
			.getByText(
				'The API key was rejected. Copy a current key from API Keys in the Unstructured UI.',
			)
			.waitFor();
		await shot('credential-wrong-key');
		await page.fill(`${testId('parameter-input-apiKey')} input`, API_KEY);
		await page.click(testId('credential-save-button'));
		await page.getByText('Connection tested successfully').waitFor();
		await shot('credential-ok');
		await page.keyboard.press('Escape');
	});

	it('finds the node in the nodes panel and adds Job › Get', async () => {
		await page.goto(`${n8n.baseUrl}/workflow/uiWorkflow01`);
		await page.click(testId('canvas-handle-plus'));
		await page.locator(testId('node-creator-search-bar')).waitFor();
		await page.keyboard.type('Unstructured');
		await page.locator(`${testId('node-creator-item-name')}:text-is("Unstructured")`).waitFor();
		const names = await page.locator(testId('node-creator-item-name')).allTextContents();
		assert.ok(names.includes('Unstructured'), `the nodes panel offers: ${names.join(', ')}`);
		// The Unstructured entry (the node and its trigger, merged by n8n) says what both do.
		await page
			.getByText(
				'Run workflows and jobs of the Unstructured Platform API and manage its workflows, sources and destinations; start a workflow when a job',
			)
			.first()
			.waitFor();
		await page.click(`${testId('node-creator-item-name')}:text-is("Unstructured")`);
		await page.getByText('Get a job', { exact: true }).waitFor();
		await shot('nodes-panel-actions');
		await page.getByText('Get a job', { exact: true }).click();
		await page.locator(testId('ndv')).waitFor();
		assert.equal(
			await page.locator(`${testId('parameter-input-resource')} input`).inputValue(),
			'Job',
		);
		assert.equal(
			await page.locator(`${testId('parameter-input-operation')} input`).inputValue(),
			'Get',
		);
	});

	it('picks a job from the list, labelled so that jobs can be told apart', async () => {
		await page.hover(testId('parameter-input-jobId'));
		await page.click(
			`${testId('jobId-parameter-input-options-container')} ${testId('radio-button-fixed')}`,
		);
		await page.click(testId('rlc-mode-selector'));
		await page.click(testId('mode-list'));
		await page.click(testId('rlc-input-container'));
		await page.locator(testId('rlc-item')).nth(1).waitFor();
		const labels = await page.locator(testId('rlc-item')).allTextContents();
		assert.deepEqual(
			labels.map((label) => label.trim()),
			[
				`${job.id.slice(0, 8)} · Invoices to Postgres · Completed 27 Nov 14:05`,
				`${[...mock.jobs.keys()][1].slice(0, 8)} · Contracts · Failed 26 Nov 09:30`,
			],
		);
		await shot('job-picker');
		await page.locator(testId('rlc-item')).first().click();
	});

	it('executes, and the output table shows one row per output file', async () => {
		await page.click(testId('node-execute-button'));
		// The canvas behind the node view shows a run-data label too: read the output panel's count.
		const output = page.locator(testId('output-panel'));
		await output.locator(testId('run-data-item-count')).filter({ hasText: '2 items' }).waitFor();
		for (const file of job.output_node_files) await output.getByText(file.file_id).waitFor();
		await output.getByText('Invoices to Postgres').first().waitFor();
		await shot('output-files');
		const request = mock.requests.find((candidate) => candidate.path === `/api/v1/jobs/${job.id}`);
		assert.equal(request?.headers['unstructured-api-key'], API_KEY);
	});

	it("the canvas names the node's operation in words", async () => {
		await page.click(testId('ndv-close-button'));
		await page.locator(testId('canvas-default-node')).getByText('Get Job').waitFor();
		await shot('canvas');
	});

	it('Polling Trigger → Job › Get, every parameter left at its default, executes: Job ID reads job_id', async () => {
		mock.requests.length = 0;
		await executeAndOpen('uiPolling01', 'Get a job');
		const output = page.locator(testId('output-panel'));
		await output.locator(testId('run-data-item-count')).filter({ hasText: '2 items' }).waitFor();
		for (const file of job.output_node_files) await output.getByText(file.file_id).waitFor();
		await shot('polling-trigger-then-get');
		assert.ok(
			mock.requests.some((request) => request.path === `/api/v1/jobs/${job.id}`),
			'Job › Get asked for the job the trigger gave',
		);
	});

	it('Job › Create with Output Elements turns a file into one item per element', async () => {
		mock.newJobStatuses = ['IN_PROGRESS', 'COMPLETED'];
		mock.newJobOutput = (file) => [
			{
				type: 'Title',
				element_id: 'e1',
				text: 'Quarterly report',
				metadata: { filename: file.file_id, page_number: 1 },
			},
			{
				type: 'NarrativeText',
				element_id: 'e2',
				text: 'Revenue grew by 12 percent.',
				metadata: { filename: file.file_id, page_number: 1 },
			},
		];
		await executeAndOpen('uiElements01', 'Create a job');
		const output = page.locator(testId('output-panel'));
		await output.locator(testId('run-data-item-count')).filter({ hasText: '2 items' }).waitFor();
		await output.getByText('Revenue grew by 12 percent.').first().waitFor();
		await shot('create-elements');
	});

	it('a job that ended FAILED shows its reason and its failed files in the error panel', async () => {
		await executeAndOpen('uiFailed01', 'Wait for the job');
		await page
			.getByText(
				`Job "${failedJob.id}" of workflow "Contracts" ended FAILED: Partitioning failed for 2 of 2 files`,
			)
			.first()
			.waitFor();
		await page
			.getByText(
				'Failed files: contract-07.pdf (File is encrypted); contract-08.pdf (PDF page tree is missing).',
				{ exact: false },
			)
			.first()
			.waitFor();
		await shot('job-failed-error');
	});

	it("Unstructured Transform › Extract shows its field list filled in, and gives the invoice's fields", async () => {
		await executeAndOpen('uiExtract01', 'Extract Invoice Fields');
		const output = page.locator(testId('output-panel'));
		await output.locator(testId('run-data-item-count')).filter({ hasText: '1 item' }).waitFor();
		await output.getByText('INV-1001').first().waitFor();
		const values = await page
			.locator(`${testId('ndv')} input, ${testId('ndv')} textarea`)
			.evaluateAll((fields) => fields.map((field) => field.value));
		for (const name of ['invoice_number', 'invoice_date', 'vendor', 'total', 'line_items']) {
			assert.ok(values.includes(name), `the field list shows ${name}`);
		}
		await shot('transform-extract-fields');
	});
});

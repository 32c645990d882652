'use strict';
/**
 * What `npm run demo` and `npm run demo:check` share: the demo APIs on loopback, their credentials,
 * the bundled sample files, and the example workflows ("Demo · …") pointed at them.
 */
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const EXAMPLES = path.join(REPO, 'examples');
/** Sample documents the Demo workflows read or the check submits to their forms. */
const SAMPLE_FILES = path.join(EXAMPLES, 'files');

const DEMO_CREDENTIALS = {
	unstructuredApi: { id: 'unstructuredDemo01', name: 'Unstructured (demo)' },
	unstructuredTransformApi: { id: 'unstructuredTDemo1', name: 'Unstructured Transform (demo)' },
	ollamaApi: { id: 'ollamaDemoStub001', name: 'Ollama (demo embeddings)' },
};

/** The demo Unstructured API, the demo Transform API and the embeddings stand-in, started on loopback. */
async function startDemoApis() {
	const { DemoUnstructuredApi } = require('../support/demo-api');
	const { MockTransformApi } = require('../support/mock-transform-api');
	const { EmbeddingsStub } = require('../support/embeddings-stub');
	const api = await new DemoUnstructuredApi().seed().start();
	const transformApi = await new MockTransformApi().start();
	// Documents take a moment, as real ones do; the node's request waits for them (Prefer: wait).
	transformApi.processingMs = 1500;
	// The RAG examples' embeddings: an Ollama-compatible stub with deterministic vectors, so that
	// they run with nothing else installed (the README says how to use a real model instead).
	const embeddings = await new EmbeddingsStub().start();
	return {
		api,
		transformApi,
		embeddings,
		stop: async () => {
			await api.stop();
			await transformApi.stop();
			await embeddings.stop();
		},
	};
}

/** The credentials of the demo, pointed at the started APIs (their ports change with every start). */
function demoCredentials({ api, transformApi, embeddings }) {
	const { unstructuredApi, unstructuredTransformApi, ollamaApi } = DEMO_CREDENTIALS;
	return [
		{ ...unstructuredApi, type: 'unstructuredApi', data: { apiUrl: api.url, apiKey: api.apiKey } },
		{
			...unstructuredTransformApi,
			type: 'unstructuredTransformApi',
			data: { baseUrl: transformApi.url, apiKey: transformApi.apiKey },
		},
		{ ...ollamaApi, type: 'ollamaApi', data: { baseUrl: embeddings.url } },
	];
}

/** In the Demo trigger workflow: how to make its event happen. */
const TRIGGER_HOW_TO = {
	id: 'demo-trigger-how-to',
	name: 'How to make it fire',
	type: 'n8n-nodes-base.stickyNote',
	typeVersion: 1,
	position: [-60, -260],
	parameters: {
		width: 480,
		height: 220,
		content:
			"## How to make it fire (demo)\n1. **Publish** this workflow (top right).\n2. Run a Demo workflow that creates a job, e.g. **Demo · Unstructured: a document uploaded in a form** (open its form, upload `report.md` from the demo's files folder).\n3. When that job finishes (a few seconds), the demo API sends `job.completed` here: see **Executions**.",
	},
};

/**
 * Every example as its Demo workflow: the demo credentials, a file read from `filesDir` (where the
 * sample files are copied and n8n may read) instead of the example's `/files/…`, a fixed ID, and
 * in the trigger's workflow a note on how to make it fire.
 */
function demoWorkflows(filesDir, adjust = (workflow) => workflow) {
	return fs
		.readdirSync(EXAMPLES)
		.filter((entry) => entry.endsWith('.json'))
		.sort()
		.map((file) => {
			const workflow = JSON.parse(fs.readFileSync(path.join(EXAMPLES, file), 'utf8'));
			for (const node of workflow.nodes) {
				for (const type of Object.keys(node.credentials ?? {}))
					if (DEMO_CREDENTIALS[type]) node.credentials[type] = DEMO_CREDENTIALS[type];
				if (node.type === 'n8n-nodes-base.readWriteFile' && node.parameters.fileSelector)
					node.parameters.fileSelector = path.join(
						filesDir,
						path.basename(node.parameters.fileSelector),
					);
			}
			if (workflow.nodes.some((node) => node.type.endsWith('.unstructuredTrigger')))
				workflow.nodes.push(TRIGGER_HOW_TO);
			return adjust({
				...workflow,
				id: `demo${file.replace(/\W/g, '').slice(0, 12)}`,
				name: `Demo · ${workflow.name}`,
				active: false,
			});
		});
}

/**
 * Imports the demo into n8n with `cli` (an n8n CLI runner: `async (args) => ({ status, stdout, stderr })`):
 * the credentials, again each start, and the Demo workflows that n8n does not have, so that a user's
 * edits survive a restart; `reset` imports every one over what is there. Copies the sample files to
 * `filesDir`. `adjust` may change a workflow before it is imported. Returns the workflows, and the
 * names of those imported and of those kept as they were.
 */
/**
 * @param {(args: string[]) => Promise<{ status: number | null, stdout: string, stderr: string }>} cli
 * @param {{ api: any, transformApi: any, embeddings: any }} apis
 * @param {{ workDir: string, filesDir: string, reset?: boolean, adjust?: (workflow: any) => any }} options
 */
async function importDemo(cli, apis, { workDir, filesDir, reset = false, adjust = undefined }) {
	fs.mkdirSync(filesDir, { recursive: true });
	fs.cpSync(SAMPLE_FILES, filesDir, { recursive: true });
	const run = async (args) => {
		const result = await cli(args);
		if (result.status !== 0)
			throw new Error(`n8n ${args[0]} failed: ${result.stdout}${result.stderr}`);
		return result.stdout;
	};
	const credentialsFile = path.join(workDir, 'demo-credentials.json');
	fs.writeFileSync(credentialsFile, JSON.stringify(demoCredentials(apis)));
	try {
		await run(['import:credentials', `--input=${credentialsFile}`]);
	} finally {
		fs.rmSync(credentialsFile, { force: true });
	}

	const workflows = demoWorkflows(filesDir, adjust);
	const existing = reset
		? new Set()
		: // `list:workflow` prints each ID on a line of its own, among other log lines.
			new Set((await run(['list:workflow', '--onlyId'])).split(/\s+/));
	const missing = workflows.filter((workflow) => !existing.has(workflow.id));
	if (missing.length > 0) {
		const folder = path.join(workDir, 'demo-workflows');
		fs.rmSync(folder, { recursive: true, force: true });
		fs.mkdirSync(folder, { recursive: true });
		for (const workflow of missing)
			fs.writeFileSync(path.join(folder, `${workflow.id}.json`), JSON.stringify(workflow));
		try {
			await run(['import:workflow', '--separate', `--input=${folder}`]);
		} finally {
			fs.rmSync(folder, { recursive: true, force: true });
		}
	}
	return {
		workflows,
		imported: missing.map((workflow) => workflow.name),
		kept: workflows
			.filter((workflow) => existing.has(workflow.id))
			.map((workflow) => workflow.name),
	};
}

module.exports = { DEMO_CREDENTIALS, SAMPLE_FILES, startDemoApis, demoWorkflows, importDemo };

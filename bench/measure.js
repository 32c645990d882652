'use strict';
/**
 * One benchmark cell, in a process of its own (so that its peak memory is its own), under the
 * Node.js 24 of the e2e install: runs one way of doing Job › Get with flattened files against the
 * mock API, once to warm up and then RUNS times, and prints `{ wallMs[], cpuMs[], peakRssMb }`.
 *
 *   A       our node: Unstructured › Job › Get, Output Files
 *   B       what users build instead: HTTP Request (header auth) + Split Out on output_node_files
 *           (with `retryOnFail` in the config: the HTTP Request node's "Retry On Fail" on)
 *   C       the floor: a plain fetch loop with the same concurrency (all requests at once)
 *   create  our node: Unstructured › Job › Create on `createCount` items at once, one file each
 *   elements  our node: Workflow › Run with `fileCount` files, waiting, Output: Elements
 *   download  our node: Job › Download Output (JSON Items) of the same files of a finished job
 *
 * With `faults` in the config, the mock's fault profile is started afresh before each run, and a
 * run that fails or falls short is counted instead of stopping the measurement.
 *
 * A and B run in n8n's real engine (n8n-core's WorkflowExecute) from the e2e install of n8n,
 * with n8n-nodes-base from that install.
 */
const path = require('node:path');
const { performance } = require('node:perf_hooks');

const { createEngine, makeNode, CREDENTIAL_TYPE } = require('../support/harness');
const { MOCK_CONTROL_RESET_FAULTS } = require('../support/mock-api');

const [variant, configJson] = process.argv.slice(2);
const config = JSON.parse(configJson);
const {
	apiUrl,
	apiKey,
	jobIds = [],
	filesPerJob = 1,
	runs,
	modulesDir,
	faults,
	retryOnFail,
	createCount,
	workflowId,
	fileCount,
	elementsPerFile,
	doneJob,
} = config;
const expectedItems =
	{
		create: createCount,
		elements: fileCount * elementsPerFile,
		download: fileCount * elementsPerFile,
	}[variant] ?? jobIds.length * filesPerJob;
const textFile = (index) => ({
	data: Buffer.from(`document ${index}`).toString('base64'),
	mimeType: 'text/plain',
	fileName: `doc-${index}.txt`,
});
function inputItems() {
	if (variant === 'create')
		return Array.from({ length: createCount }, (_, index) => ({
			json: {},
			binary: { data: textFile(index) },
		}));
	if (variant === 'elements')
		return [
			{
				json: {},
				binary: Object.fromEntries(
					Array.from({ length: fileCount }, (_, index) => [`file_${index}`, textFile(index)]),
				),
			},
		];
	if (variant === 'download')
		return doneJob.files.map((file) => ({
			json: { job_id: doneJob.id, file_id: file.file_id, node_id: file.node_id },
		}));
	return jobIds.map((jobId) => ({ json: { job_id: jobId } }));
}

function ourNodeWorkflow() {
	const node = makeNode({
		resource: 'job',
		operation: 'get',
		jobId: { __rl: true, mode: 'id', value: '={{ $json.job_id }}' },
		output: 'outputFiles',
	});
	return { nodes: [node], credentials: { [CREDENTIAL_TYPE]: { apiUrl, apiKey } } };
}

function elementsWorkflow() {
	const node = makeNode({
		resource: 'workflow',
		operation: 'run',
		workflowId: { __rl: true, mode: 'id', value: workflowId },
		sendInputFiles: true,
		waitForCompletion: true,
		output: 'elements',
	});
	return { nodes: [node], credentials: { [CREDENTIAL_TYPE]: { apiUrl, apiKey } } };
}

function downloadJsonWorkflow() {
	const node = makeNode({ resource: 'job', operation: 'download', putOutputIn: 'json' });
	return { nodes: [node], credentials: { [CREDENTIAL_TYPE]: { apiUrl, apiKey } } };
}

function createJobsWorkflow() {
	const node = makeNode({
		resource: 'job',
		operation: 'create',
		templateId: { __rl: true, mode: 'id', value: 'hi_res_partition' },
		waitForCompletion: false,
	});
	return { nodes: [node], credentials: { [CREDENTIAL_TYPE]: { apiUrl, apiKey } } };
}

function httpRequestWorkflow() {
	const http = {
		id: 'http',
		name: 'HTTP Request',
		type: 'n8n-nodes-base.httpRequest',
		typeVersion: 4.2,
		position: [0, 0],
		...(retryOnFail ? { retryOnFail: true } : {}),
		parameters: {
			url: `=${apiUrl}/api/v1/jobs/{{ $json.job_id }}`,
			authentication: 'genericCredentialType',
			genericAuthType: 'httpHeaderAuth',
			options: {},
		},
		credentials: { httpHeaderAuth: { id: 'header', name: 'Unstructured header' } },
	};
	const split = {
		id: 'split',
		name: 'Split Out',
		type: 'n8n-nodes-base.splitOut',
		typeVersion: 1,
		position: [220, 0],
		parameters: {
			fieldToSplitOut: 'output_node_files',
			include: 'selectedOtherFields',
			fieldsToInclude: 'id',
			options: {},
		},
	};
	return {
		nodes: [http, split],
		connections: { 'HTTP Request': { main: [[{ node: 'Split Out', type: 'main', index: 0 }]] } },
		credentials: { httpHeaderAuth: { name: 'unstructured-api-key', value: apiKey } },
	};
}

async function fetchLoop() {
	const jobs = await Promise.all(
		jobIds.map(async (jobId) => {
			const response = await fetch(`${apiUrl}/api/v1/jobs/${encodeURIComponent(jobId)}`, {
				headers: { 'unstructured-api-key': apiKey, accept: 'application/json' },
			});
			if (!response.ok) throw new Error(`HTTP ${response.status}`);
			return await response.json();
		}),
	);
	return jobs.flatMap((job, index) =>
		(job.output_node_files ?? []).map((file) => ({
			json: {
				...file,
				job_id: job.id,
				workflow_id: job.workflow_id,
				workflow_name: job.workflow_name,
				status: job.status,
			},
			pairedItem: { item: index },
		})),
	);
}

/** With CPU_PROFILE set (bench/profile.js): a CPU profile of the measured runs, warm-up left out. */
async function startProfiler() {
	const { Session } = require('node:inspector');
	const session = new Session();
	session.connect();
	const post = (method, params) =>
		new Promise((resolve, reject) =>
			session.post(method, params, (error, result) => (error ? reject(error) : resolve(result))),
		);
	await post('Profiler.enable');
	return {
		start: async () => await post('Profiler.start'),
		stopInto: async (file) => {
			const { profile } = await post('Profiler.stop');
			require('node:fs').writeFileSync(file, JSON.stringify(profile));
			session.disconnect();
		},
	};
}

async function main() {
	const engine = createEngine({
		modulesDir,
		packages: [
			{ root: path.join(modulesDir, 'n8n-nodes-unstructured') },
			{
				root: path.join(modulesDir, 'n8n-nodes-base'),
				includeNodes: ['n8n-nodes-base.httpRequest', 'n8n-nodes-base.splitOut'],
			},
		],
	});
	let once;
	if (variant === 'C') once = fetchLoop;
	else {
		const workflow = {
			A: ourNodeWorkflow,
			B: httpRequestWorkflow,
			create: createJobsWorkflow,
			elements: elementsWorkflow,
			download: downloadJsonWorkflow,
		}[variant]();
		once = async () => {
			const result = await engine.runWorkflow({ ...workflow, items: inputItems() });
			if (result.error && !faults) throw new Error(`${variant}: ${result.error.message}`);
			return result.error ? [] : result.items;
		};
	}
	const wallMs = [];
	const cpuMs = [];
	const itemsOut = [];
	const profiler = process.env.CPU_PROFILE ? await startProfiler() : undefined;
	// The create benchmark waits out the API's limit by design: one measured run, no warm-up.
	for (let run = variant === 'create' ? 1 : 0; run <= runs; run++) {
		if (run === 1) await profiler?.start();
		if (faults) await fetch(`${apiUrl}${MOCK_CONTROL_RESET_FAULTS}`, { method: 'POST' });
		const cpuBefore = process.cpuUsage();
		const started = performance.now();
		const items = await once();
		const elapsed = performance.now() - started;
		const cpu = process.cpuUsage(cpuBefore);
		if (items.length !== expectedItems && !faults)
			throw new Error(`${variant}: ${items.length} items, expected ${expectedItems}`);
		if (run === 0) continue; // warm-up
		wallMs.push(elapsed);
		cpuMs.push((cpu.user + cpu.system) / 1000);
		itemsOut.push(items.filter((item) => !item.error).length);
	}
	await profiler?.stopInto(process.env.CPU_PROFILE);
	process.stdout.write(
		`${JSON.stringify({ wallMs, cpuMs, itemsOut, peakRssMb: process.resourceUsage().maxRSS / 1024 })}\n`,
	);
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exitCode = 1;
});

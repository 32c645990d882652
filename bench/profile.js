'use strict';
/**
 * `npm run bench:profile`: where the time of one way of doing Job › Get goes, per item. Runs
 * measure.js (A: our node, B: HTTP Request + Split Out) on 1,000 jobs × 1 file under
 * a CPU profile, then sums the profile's self time by where the code lives (our package,
 * RoutingNode, the expression engine, HTTP, …) and prints microseconds per item. Only the
 * measured runs are profiled, not start-up or the warm-up run.
 */
const { execFile, execFileSync } = require('node:child_process');
const { promisify } = require('node:util');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { MockUnstructuredApi, makeOutputFile } = require('../support/mock-api');
const { provisionN8n } = require('../support/provision');
const { installPackedPackage } = require('../support/n8n');

const JOBS = 1000;
const RUNS = Number(process.env.BENCH_RUNS ?? 5);

/** Where a frame's code lives, by its URL and function name; the first match wins. */
/** @type {Array<[string, (url: string, name?: string) => boolean]>} */
const BUCKETS = [
	['our package', (url) => url.includes('/n8n-nodes-unstructured/')],
	[
		'expressions (n8n-workflow)',
		(url, name) =>
			/n8n-workflow\/dist\/.*(expression|workflow-data-proxy|extensions)/.test(url) ||
			/Expression|DataProxy/.test(name),
	],
	['RoutingNode', (url) => url.includes('routing-node')],
	['HTTP Request / Split Out (nodes-base)', (url) => url.includes('n8n-nodes-base')],
	[
		'node parameters (n8n-workflow)',
		(url) => /n8n-workflow\/dist\/.*node-helpers|node-parameters/.test(url),
	],
	['luxon (dates in expression contexts)', (url) => url.includes('/luxon/')],
	['other n8n-workflow', (url) => url.includes('/n8n-workflow/')],
	['HTTP helpers (n8n-core)', (url) => /n8n-core\/dist\/.*(request-helper|http)/i.test(url)],
	['other n8n-core', (url) => url.includes('/n8n-core/')],
	['axios and HTTP libraries', (url) => /axios|follow-redirects|form-data|proxy-agent/.test(url)],
	['Node.js (net, http, streams)', (url) => url.startsWith('node:')],
	['garbage collection', (_url, name) => name === '(garbage collector)'],
	['idle', (_url, name) => name === '(idle)' || name === '(program)'],
];

function bucketOf({ url, functionName }) {
	return BUCKETS.find(([, test]) => test(url, functionName))?.[0] ?? 'other';
}

/** Self time in ms per bucket, from a .cpuprofile. */
function summarise(profile) {
	const byId = new Map(profile.nodes.map((node) => [node.id, node]));
	const totals = new Map();
	for (let index = 0; index < profile.samples.length; index++) {
		const node = byId.get(profile.samples[index]);
		const bucket = bucketOf(node.callFrame);
		totals.set(bucket, (totals.get(bucket) ?? 0) + (profile.timeDeltas[index] ?? 0) / 1000);
	}
	return totals;
}

/** Profiles A and B on 1,000 jobs against `mock` and returns the table, as Markdown lines. */
async function profileJobGet(installation, mock) {
	mock.reset();
	const jobIds = Array.from(
		{ length: JOBS },
		() => mock.addJob({ output_node_files: [makeOutputFile()] }).id,
	);
	const config = {
		apiUrl: mock.url,
		apiKey: mock.apiKey,
		jobIds,
		filesPerJob: 1,
		runs: RUNS,
		modulesDir: installation.nodeModules,
	};
	const results = {};
	for (const variant of ['A', 'B']) {
		const file = path.join(
			fs.mkdtempSync(path.join(os.tmpdir(), 'unstructured-profile-')),
			`${variant}.cpuprofile`,
		);
		await promisify(execFile)(
			installation.node,
			[path.join(__dirname, 'measure.js'), variant, JSON.stringify(config)],
			{
				env: { ...process.env, N8N_LOG_LEVEL: 'silent', CPU_PROFILE: file },
				maxBuffer: 64 * 1024 * 1024,
			},
		);
		results[variant] = summarise(JSON.parse(fs.readFileSync(file, 'utf8')));
		if (process.env.KEEP_PROFILES) process.stderr.write(`${variant}: ${file}\n`);
		else fs.rmSync(path.dirname(file), { recursive: true, force: true });
	}
	const items = JOBS * RUNS;
	const buckets = [...new Set([...results.A.keys(), ...results.B.keys()])].filter(
		(bucket) => bucket !== 'idle',
	);
	buckets.sort((a, b) => (results.A.get(b) ?? 0) - (results.A.get(a) ?? 0));
	const perItem = (variant, bucket) => ((results[variant].get(bucket) ?? 0) * 1000) / items;
	const total = (variant) => buckets.reduce((sum, bucket) => sum + perItem(variant, bucket), 0);
	return [
		`CPU self time per item, µs (${JOBS} jobs × 1 file, ${RUNS} runs after a warm-up, Node.js ${execFileSync(installation.node, ['--version'], { encoding: 'utf8' }).trim()}):`,
		'',
		'| Where | A µs/item | B µs/item |',
		'|---|---:|---:|',
		...buckets.map(
			(bucket) =>
				`| ${bucket} | ${perItem('A', bucket).toFixed(0)} | ${perItem('B', bucket).toFixed(0)} |`,
		),
		`| **total (not idle)** | ${total('A').toFixed(0)} | ${total('B').toFixed(0)} |`,
	];
}

async function main() {
	const installation = provisionN8n();
	installPackedPackage(installation.nodeModules);
	const mock = await new MockUnstructuredApi().start();
	mock.recordRequests = false;
	const lines = await profileJobGet(installation, mock);
	await mock.stop();
	process.stdout.write(`${lines.join('\n')}\n`);
}

module.exports = { profileJobGet };

if (require.main === module) {
	main().catch((error) => {
		process.stderr.write(`${error.stack}\n`);
		process.exitCode = 1;
	});
}

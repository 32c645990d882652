'use strict';
/**
 * `npm run bench`: Job › Get with flattened output files, three ways, in the same real n8n engine
 * on the same machine, against the mock Unstructured API on loopback (see measure.js).
 * Prints a table and writes it to bench/RESULTS.md. Uses the n8n of the e2e test (provisioned on
 * first use) and the npm-packed package, installed beside that n8n's n8n-nodes-base.
 */
const { execFile, execFileSync } = require('node:child_process');
const { createHash } = require('node:crypto');
const { promisify } = require('node:util');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { MockUnstructuredApi, makeOutputFile } = require('../support/mock-api');
const { provisionN8n } = require('../support/provision');
const { installPackedPackage } = require('../support/n8n');
const { profileJobGet } = require('./profile');

const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const JOB_COUNTS = [1, 100, 1000];
const FILES_PER_JOB = [1, 50];
const LATENCIES_MS = [0, 20];
const VARIANTS = ['A', 'B', 'C'];

const median = (values) => {
	const sorted = [...values].sort((a, b) => a - b);
	const middle = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
};

/** Runs one cell in a child process; asynchronously, since the mock API answers from this one. */
async function measure(installation, variant, config) {
	const { stdout: output } = await promisify(execFile)(
		installation.node,
		[path.join(__dirname, 'measure.js'), variant, JSON.stringify(config)],
		{
			encoding: 'utf8',
			maxBuffer: 64 * 1024 * 1024,
			env: { ...process.env, N8N_LOG_LEVEL: 'silent' },
		},
	);
	const { wallMs, cpuMs, itemsOut, peakRssMb } = JSON.parse(output.trim().split('\n').pop());
	return {
		wall: median(wallMs),
		cpu: median(cpuMs),
		rss: peakRssMb,
		itemsOut: Math.min(...itemsOut),
	};
}

function machine(installation) {
	const cpus = os.cpus();
	const nodeVersion = execFileSync(installation.node, ['--version'], { encoding: 'utf8' }).trim();
	const n8nVersion = JSON.parse(
		fs.readFileSync(path.join(installation.nodeModules, 'n8n', 'package.json'), 'utf8'),
	).version;
	return [
		`${cpus.length} × ${cpus[0]?.model ?? 'unknown CPU'}, ${Math.round(os.totalmem() / 2 ** 30)} GiB RAM, ${os.type()} ${os.release()}`,
		`Node.js ${nodeVersion} (engine processes), n8n ${n8nVersion} (n8n-core and n8n-nodes-base of the e2e install)`,
		`Mock Unstructured API on 127.0.0.1 in a separate process (Node.js ${process.version})`,
	];
}

const fmt = (value, digits = 0) => value.toFixed(digits);

const FAULTS = { rateLimitPercent: 30, serverErrorPercent: 5, dropPercent: 2, retryAfter: 1 };
const FAULT_JOBS = 1000;
const CREATE_COUNTS = [5, 20];

/**
 * 1,000 × Job › Get against a mock that answers 30 % of first requests 429 (Retry-After: 1), 5 %
 * 503 and drops 2 %: our node beside HTTP Request + Split Out with "Retry On Fail".
 */
async function faultRows(installation, mock) {
	mock.reset();
	const jobIds = Array.from(
		{ length: FAULT_JOBS },
		() => mock.addJob({ output_node_files: [makeOutputFile()] }).id,
	);
	mock.setFaults(FAULTS);
	const rows = [];
	for (const [label, variant, retryOnFail] of [
		['A: our node', 'A', false],
		['B: HTTP Request (Retry On Fail) + Split Out', 'B', true],
	]) {
		const before = mock.requestCount;
		const result = await measure(installation, variant, {
			apiUrl: mock.url,
			apiKey: mock.apiKey,
			jobIds,
			filesPerJob: 1,
			runs: RUNS,
			modulesDir: installation.nodeModules,
			faults: true,
			retryOnFail,
		});
		const requestsPerRun = (mock.requestCount - before) / (RUNS + 1) - 1; // less the fault reset
		rows.push(
			`| ${label} | ${FAULT_JOBS} | ${result.itemsOut} | ${FAULT_JOBS - result.itemsOut} | ${fmt(requestsPerRun)} | ${fmt(result.wall)} |`,
		);
		process.stdout.write(`faults, ${label}: ${result.itemsOut} items, ${fmt(result.wall)} ms\n`);
	}
	return rows;
}

/** An element as Unstructured returns it, of a realistic size (about 500 bytes as JSON). */
function element(fileId, index) {
	return {
		type: index % 10 === 0 ? 'Title' : 'NarrativeText',
		element_id: createHash('sha256').update(`${fileId}/${index}`).digest('hex').slice(0, 32),
		text: `Paragraph ${index} of ${fileId}: ${'lorem ipsum dolor sit amet '.repeat(8)}`,
		metadata: {
			filename: fileId,
			filetype: 'application/pdf',
			languages: ['eng'],
			page_number: 1 + Math.floor(index / 40),
			parent_id: 'a1b2c3d4e5f60718293a4b5c6d7e8f90',
		},
	};
}

const ELEMENT_LOADS = [
	[1, 20_000],
	[50, 200],
];

/**
 * Output Elements (Workflow › Run with the files, waiting, Output: Elements) beside Job › Download
 * Output (JSON Items) of the same files: wall time and peak memory.
 */
async function elementRows(installation, mock) {
	const rows = [];
	for (const [fileCount, elementsPerFile] of ELEMENT_LOADS) {
		mock.reset();
		const bodies = new Map();
		const bodyOf = (fileId) => {
			if (!bodies.has(fileId))
				bodies.set(
					fileId,
					Array.from({ length: elementsPerFile }, (_, index) => element(fileId, index)),
				);
			return bodies.get(fileId);
		};
		mock.newJobStatuses = ['COMPLETED'];
		mock.newJobOutput = (file) => bodyOf(file.file_id);
		const workflow = mock.addWorkflow({ name: 'Elements benchmark' });
		const files = Array.from({ length: fileCount }, (_, index) =>
			makeOutputFile({ file_id: `doc-${index}.txt` }),
		);
		const doneJob = mock.addJob({ output_node_files: files });
		for (const file of files)
			mock.setOutput(doneJob.id, {
				fileId: file.file_id,
				nodeId: file.node_id,
				body: JSON.stringify(bodyOf(file.file_id)),
			});
		const base = {
			apiUrl: mock.url,
			apiKey: mock.apiKey,
			runs: RUNS,
			modulesDir: installation.nodeModules,
			fileCount,
			elementsPerFile,
		};
		const ours = await measure(installation, 'elements', { ...base, workflowId: workflow.id });
		const download = await measure(installation, 'download', {
			...base,
			doneJob: { id: doneJob.id, files },
		});
		rows.push(
			`| ${fileCount} × ${elementsPerFile} | ${fileCount * elementsPerFile} | ${fmt(ours.wall)} | ${fmt(download.wall)} | ${fmt(ours.rss)} | ${fmt(download.rss)} |`,
		);
		process.stdout.write(
			`elements ${fileCount} × ${elementsPerFile}: ${fmt(ours.wall)} ms, download ${fmt(download.wall)} ms\n`,
		);
	}
	return rows;
}

/** N × Job › Create at once against the API's one-new-job-per-second limit. */
async function createRows(installation, mock) {
	const rows = [];
	for (const createCount of CREATE_COUNTS) {
		mock.reset();
		mock.setFaults({ jobCreationIntervalMs: 1000 });
		const result = await measure(installation, 'create', {
			apiUrl: mock.url,
			apiKey: mock.apiKey,
			createCount,
			runs: 1,
			modulesDir: installation.nodeModules,
			faults: true,
		});
		rows.push(
			`| ${createCount} | ${mock.jobs.size} | ${createCount - result.itemsOut} | ${mock.faultsServed.creationLimit} | ${fmt(result.wall)} | ${createCount} s |`,
		);
		process.stdout.write(
			`create × ${createCount}: ${mock.jobs.size} jobs, ${fmt(result.wall)} ms\n`,
		);
	}
	return rows;
}

async function main() {
	const installation = provisionN8n();
	installPackedPackage(installation.nodeModules);
	const mock = await new MockUnstructuredApi().start();
	mock.recordRequests = false;
	const rows = [];
	for (const filesPerJob of FILES_PER_JOB) {
		for (const jobCount of JOB_COUNTS) {
			mock.reset();
			const jobIds = Array.from(
				{ length: jobCount },
				() =>
					mock.addJob({
						output_node_files: Array.from({ length: filesPerJob }, () => makeOutputFile()),
					}).id,
			);
			for (const latency of LATENCIES_MS) {
				mock.latencyMs = latency;
				const config = {
					apiUrl: mock.url,
					apiKey: mock.apiKey,
					jobIds,
					filesPerJob,
					runs: RUNS,
					modulesDir: installation.nodeModules,
				};
				const result = /** @type {Record<string, any>} */ ({});
				for (const variant of VARIANTS)
					result[variant] = await measure(installation, variant, config);
				const row = /** @type {any} */ ({ jobCount, filesPerJob, latency, ...result });
				rows.push(row);
				process.stdout.write(
					`${jobCount} jobs × ${filesPerJob} files, ${latency} ms: A ${fmt(result.A.wall)} ms, B ${fmt(result.B.wall)} ms, C ${fmt(result.C.wall)} ms\n`,
				);
			}
		}
	}
	const faults = await faultRows(installation, mock);
	const creates = await createRows(installation, mock);
	const elementLoads = await elementRows(installation, mock);
	const profile = await profileJobGet(installation, mock);
	await mock.stop();

	const header =
		'| Jobs | Files/job | Latency | A wall ms | B wall ms | C wall ms | A/B wall | A/C wall | A CPU ms | B CPU ms | C CPU ms | A/B CPU | A peak MB | B peak MB | C peak MB | A/B peak |\n' +
		'|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
	const lines = rows.map(({ jobCount, filesPerJob, latency, A, B, C }) =>
		[
			jobCount,
			filesPerJob,
			`${latency} ms`,
			fmt(A.wall),
			fmt(B.wall),
			fmt(C.wall),
			fmt(A.wall / B.wall, 2),
			fmt(A.wall / C.wall, 2),
			fmt(A.cpu),
			fmt(B.cpu),
			fmt(C.cpu),
			fmt(A.cpu / B.cpu, 2),
			fmt(A.rss),
			fmt(B.rss),
			fmt(C.rss),
			fmt(A.rss / B.rss, 2),
		].join(' | '),
	);
	const table = `${header}\n${lines.map((line) => `| ${line} |`).join('\n')}`;
	process.stdout.write(`\n${table}\n`);
	const report = [
		'# Benchmark: Job › Get with flattened output files',
		'',
		`Run on ${new Date().toISOString().slice(0, 10)} with \`npm run bench\`. Each cell: the median of ${RUNS} runs after one warm-up run,`,
		"in a fresh process per way and workload (peak memory is that process's maximum resident set size).",
		'',
		'- **A**: our node, Unstructured › Job › Get (Output Files), Job ID `{{ $json.job_id }}`.',
		'- **B**: what users build instead: HTTP Request 4.2 (header auth `unstructured-api-key`) + Split Out on `output_node_files` (including `id`).',
		'- **C**: the floor: a plain `fetch` loop with the same concurrency (every request at once), flattening the files the same way.',
		'',
		"A and B run in n8n's engine (`WorkflowExecute`) with every input item at once, as n8n runs a node.",
		'',
		'Machine:',
		...machine(installation).map((line) => `- ${line}`),
		'',
		table,
		'',
		'## Where the time goes (`npm run bench:profile`)',
		'',
		'A CPU profile of the measured runs of A and B at 1,000 jobs × 1 file, self time summed by where the code lives.',
		'',
		...profile,
		'',
		'## Faults: 1,000 × Job › Get against a misbehaving API',
		'',
		'The mock answers 30 % of the first requests for a job 429 (`Retry-After: 1`), 5 % 503 (no `Retry-After`) and drops',
		'2 % of connections, spread evenly and never two on one request; the profile starts afresh for each run. B is what',
		'n8n offers without our node: HTTP Request with "Retry On Fail" (3 tries, 1 s apart), which re-runs the whole node.',
		'Median of the runs; items lost: in the run that lost the most.',
		'',
		'| Way | Items in | Items out | Items lost | Requests per run | Wall ms |',
		'|---|---:|---:|---:|---:|---:|',
		...faults,
		'',
		'## Job creation against the one-new-job-per-second limit',
		'',
		'N × Job › Create (one file each) at once; the mock answers 429 to a job created less than 1 s after the previous one.',
		'One run, without a warm-up (it would wait out the limit twice), so the wall time includes about 1.5 s of first-run start-up.',
		'',
		'| N | Jobs created | Failed items | 429s answered | Wall ms | N seconds |',
		'|---:|---:|---:|---:|---:|---:|',
		...creates,
		'',
		'## Large outputs: Output Elements beside Download Output (JSON Items)',
		'',
		'Elements (about 500 bytes each as JSON) of one job: our Workflow › Run with the files, waiting, Output: Elements',
		'(which also creates the job and fetches its failed files), beside Job › Download Output (JSON Items) run on one item',
		'per file of a finished job. Median of the runs; peak memory of the process.',
		'',
		'| Files × elements | Items | Elements wall ms | Download wall ms | Elements peak MB | Download peak MB |',
		'|---|---:|---:|---:|---:|---:|',
		...elementLoads,
		'',
	].join('\n');
	fs.writeFileSync(path.join(__dirname, 'RESULTS.md'), report);
	// Memory for a batch of large files: its own section of RESULTS.md (memory.js).
	execFileSync(process.execPath, [path.join(__dirname, 'memory.js')], { stdio: 'inherit' });
	execFileSync(process.execPath, [path.join(__dirname, 'transform.js')], { stdio: 'inherit' });
	// Job › Create at the defaults of 1.3 (packed) and before (one job per item), 30 and 300 files.
	execFileSync(process.execPath, [path.join(__dirname, 'limits.js')], { stdio: 'inherit' });
	process.stdout.write('\nWritten to bench/RESULTS.md\n');
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exitCode = 1;
});

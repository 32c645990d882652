'use strict';
/**
 * `npm run bench:memory` (also run by `npm run bench`): peak memory of Job › Create for 20 items
 * of 8 MB each, Wait for Completion off, in n8n's two binary-data modes:
 * - default: the files are held in the items (base64), as n8n's in-memory mode keeps them;
 * - filesystem: the items point at files on disk, as n8n's filesystem mode (its default since
 *   2.0 and its advice for large files) keeps them.
 * Each run is a fresh process on this repo's n8n-core engine (`WorkflowExecute`), against the
 * mock API in this process. Two probes:
 * - rss: resident memory sampled every 10 ms; the peak over what it was once the inputs existed
 *   (after a garbage collection). Median of 3 runs. Garbage the engine has not collected yet counts.
 * - held: every 50 ms a garbage collection, then the bytes of buffers still held (what is really
 *   kept at once), over the same baseline; its maximum. One run.
 * Writes its section of bench/RESULTS.md (between the memory markers).
 * `node bench/memory.js --package <folder>` measures another build of the package (e.g. an older one).
 */
const { execFile } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { promisify } = require('node:util');

const { MockUnstructuredApi } = require('../support/mock-api');
const { writeResultsSection } = require('./results');

const ITEMS = 20;
const FILE_MB = 8;
const MODES = ['default', 'filesystem'];
const RSS_RUNS = 3;
const MB = 2 ** 20;

async function child(mode, probe, packageRoot, apiUrl, apiKey) {
	const storage = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-unstructured-bench-binary-'));
	process.env.N8N_DEFAULT_BINARY_DATA_MODE = mode;
	process.env.N8N_BINARY_DATA_STORAGE_PATH = storage;
	process.env.N8N_LOG_LEVEL = 'silent';
	const { createEngine } = require('../support/harness');
	const { runNode } = createEngine({ packages: [{ root: packageRoot }] });

	let stored;
	if (mode === 'filesystem') {
		const { Container } = require('@n8n/di');
		const { BinaryDataService } = require('n8n-core');
		const service = Container.get(BinaryDataService);
		await service.init();
		stored = async (buffer, fileName) =>
			await service.store(
				{ type: 'execution', workflowId: 'test-workflow', executionId: 'bench' },
				buffer,
				{ fileName, mimeType: 'application/pdf', data: '' },
			);
	} else {
		stored = async (buffer, fileName) => ({
			data: buffer.toString('base64'),
			fileName,
			mimeType: 'application/pdf',
		});
	}
	const items = [];
	for (let index = 0; index < ITEMS; index++) {
		const file = Buffer.alloc(FILE_MB * MB, index + 1);
		items.push({ json: {}, binary: { data: await stored(file, `file-${index}.pdf`) } });
	}
	global.gc();
	const read =
		probe === 'held' ? () => process.memoryUsage().arrayBuffers : () => process.memoryUsage.rss();
	const baseline = read();
	let peak = baseline;
	const sample =
		probe === 'held'
			? () => (global.gc(), (peak = Math.max(peak, read())))
			: () => (peak = Math.max(peak, read()));
	const sampler = setInterval(sample, probe === 'held' ? 50 : 10);
	const started = Date.now();
	const { items: out, error } = await runNode({
		parameters: {
			resource: 'job',
			operation: 'create',
			templateId: { __rl: true, mode: 'id', value: 'hi_res_partition' },
			waitForCompletion: false,
		},
		items,
		credentials: { apiUrl, apiKey },
	});
	clearInterval(sampler);
	fs.rmSync(storage, { recursive: true, force: true });
	if (error) throw error;
	process.stdout.write(
		`${JSON.stringify({ baselineMb: baseline / MB, overMb: (peak - baseline) / MB, jobs: out.length, wallMs: Date.now() - started })}\n`,
	);
}

async function measure(mode, probe, packageRoot, mock) {
	const { stdout } = await promisify(execFile)(
		process.execPath,
		['--expose-gc', __filename, 'child', mode, probe, packageRoot, mock.url, mock.apiKey],
		{
			encoding: 'utf8',
			maxBuffer: 16 * MB,
		},
	);
	return JSON.parse(stdout.trim().split('\n').pop());
}

async function main() {
	const flag = process.argv.indexOf('--package');
	const packageRoot = path.resolve(
		flag === -1 ? path.join(__dirname, '..') : process.argv[flag + 1],
	);
	const mock = new MockUnstructuredApi();
	mock.recordRequests = false;
	await mock.start();
	const rows = [];
	try {
		for (const mode of MODES) {
			const runs = [];
			for (const probe of [...Array(RSS_RUNS).fill('rss'), 'held']) {
				const result = await measure(mode, probe, packageRoot, mock);
				if (result.jobs !== ITEMS)
					throw new Error(`${mode}: ${result.jobs} jobs created, not ${ITEMS}`);
				runs.push(result);
			}
			const rss = runs.slice(0, RSS_RUNS).sort((a, b) => a.overMb - b.overMb);
			const median = rss[Math.floor(RSS_RUNS / 2)];
			const held = runs[RSS_RUNS];
			const files = (mb) => (mb / FILE_MB).toFixed(1);
			const line = `| ${mode} | ${ITEMS} × ${FILE_MB} MB | ${Math.round(median.baselineMb)} | ${Math.round(median.overMb)} (${files(median.overMb)}) | ${Math.round(rss[0].overMb)}–${Math.round(rss[RSS_RUNS - 1].overMb)} | ${Math.round(held.overMb)} (${files(held.overMb)}) | ${(median.wallMs / 1000).toFixed(1)} |`;
			process.stdout.write(`${line}\n`);
			rows.push(line);
		}
	} finally {
		await mock.stop();
	}
	if (flag !== -1) return;
	writeResultsSection('memory', [
		'## Memory for a batch of large files (`npm run bench:memory`)',
		'',
		`Job › Create (Wait for Completion off) on ${ITEMS} items of ${FILE_MB} MB, in a fresh engine process per binary-data`,
		'mode and run (Node.js ' +
			process.version +
			'). "Peak RSS over inputs": resident memory sampled every 10 ms, less',
		'what it was once the inputs existed; median of 3 runs, with their range (it includes garbage not yet',
		'collected). "Held at once": buffer bytes still referenced, measured after a garbage collection every 50 ms.',
		"In brackets: in files of 8 MB. Goal: at most about 3 files' worth over the inputs.",
		'',
		'| Binary-data mode | Batch | Inputs, MB (RSS) | Peak RSS over inputs, MB | Range of 3, MB | Held at once, MB | Wall s |',
		'|---|---|---:|---:|---:|---:|---:|',
		...rows,
		'',
		"Each job's files are read straight into its body only when its turn to be created comes (one per second),",
		'and the body is dropped once sent: at most about one body is held at once. In filesystem mode the peak RSS is',
		"higher than what is held: the stream's chunks and the bodies already sent wait for a garbage collection, which",
		'V8 runs once that garbage has grown by a few tens of MB; it does not grow with the batch.',
		"Before that change every item's body was built up front and held until sent: the same",
		'run on that build (commit 3c8330c, measured with `node bench/memory.js --package <its folder>` on 2026-11-29)',
		"peaked at 254 MB (default) and 270 MB (filesystem) over the inputs, about 32 files' worth.",
	]);
}

if (process.argv[2] === 'child') {
	child(...process.argv.slice(3)).catch((error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exit(1);
	});
} else {
	main().catch((error) => {
		process.stderr.write(`${error.stack ?? error}\n`);
		process.exit(1);
	});
}

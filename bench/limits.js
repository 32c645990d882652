'use strict';
/**
 * `npm run bench:limits`: hundreds of files → Output Elements at the API's real limits, simulated by
 * the mock (`simulateAccount`: one launch per second, 5 jobs running, the others SCHEDULED), on this
 * repo's n8n-core engine. Job durations are scaled down 20× (a job: 2 s plus 0.4 s per file, its
 * files run side by side or one after another); the launch rate is the real one, since the node
 * paces itself at one job per 1.15 s. For 30 and 300 one-file items, the node's defaults from
 * version 1.3 (Pack Files Into Jobs, 10 per job) and before (one job per item): wall time, jobs
 * created, status GETs, 429s, timeouts and items out, beside the floor the limits allow (jobs
 * launched one per second, 5 running). Part of `npm run bench`.
 * Writes its section of bench/RESULTS.md. `BENCH_LIMITS_ITEMS=30` runs one size only.
 */
process.env.N8N_LOG_LEVEL = 'silent';
const { createEngine } = require('../support/harness');
const { MockUnstructuredApi, takeSlot } = require('../support/mock-api');
const { writeResultsSection } = require('./results');

const SIZES = (process.env.BENCH_LIMITS_ITEMS ?? '30,300').split(',').map(Number);
const ACCOUNT = { maxRunning: 5, baseMs: 2000, perFileMs: 400 };
const LAUNCH_MS = 1000;

/** The earliest the last job can finish: jobs launched one per second, first come first served on 5 slots. */
function floorMs(jobs, filesMode) {
	const slots = Array(ACCOUNT.maxRunning).fill(0);
	let last = 0;
	jobs.forEach((files, index) => {
		const { finishAt } = takeSlot(
			slots,
			index * LAUNCH_MS,
			ACCOUNT.baseMs + ACCOUNT.perFileMs * (filesMode === 'sequential' ? files : 1),
		);
		last = Math.max(last, finishAt);
	});
	return last;
}

async function run(engine, mock, { items, pack, filesMode }) {
	mock.reset();
	mock.recordRequests = true;
	mock.simulateAccount({ ...ACCOUNT, filesMode });
	mock.newJobOutput = (file) => [
		{ type: 'NarrativeText', element_id: `${file.file_id}-0`, text: `text of ${file.file_id}` },
	];
	const input = Array.from({ length: items }, (_, index) => ({
		json: {},
		binary: {
			data: {
				data: Buffer.from(`document ${index}`).toString('base64'),
				mimeType: 'text/plain',
				fileName: `doc-${index}.txt`,
			},
		},
	}));
	const started = Date.now();
	const { items: out } = await engine.runNode({
		parameters: {
			resource: 'job',
			operation: 'create',
			templateId: { __rl: true, mode: 'id', value: 'hi_res_partition' },
			output: 'elements',
			waitOptions: { pollInterval: 1 },
		},
		items: input,
		credentials: { apiUrl: mock.url, apiKey: mock.apiKey },
		// Each version at its defaults: 1.3 packs, 1.2 sends one job per item.
		settings: { typeVersion: pack ? 1.3 : 1.2, onError: 'continueRegularOutput' },
	});
	const wallMs = Date.now() - started;
	const jobs = [...mock.jobs.values()].map((job) => job.input_file_ids.length);
	const gets = mock.requests.filter(
		(request) => request.method === 'GET' && /^\/api\/v1\/jobs\/[^/]+$/.test(request.path),
	).length;
	const timeouts = out.filter((item) => /after waiting/.test(String(item.json.error ?? ''))).length;
	const elements = out.filter((item) => item.json.text !== undefined).length;
	const floor = floorMs(
		pack
			? Array.from({ length: Math.ceil(items / 10) }, (_, index) =>
					Math.min(10, items - index * 10),
				)
			: Array(items).fill(1),
		filesMode,
	);
	return {
		wallMs,
		jobs: jobs.length,
		gets,
		rateLimited: mock.faultsServed.creationLimit,
		timeouts,
		elements,
		floor,
	};
}

async function main() {
	const mock = new MockUnstructuredApi();
	await mock.start();
	const engine = createEngine();
	const rows = [];
	try {
		for (const items of SIZES) {
			// One file per job runs the same either way: one job per item is measured once.
			for (const [pack, filesMode] of [
				[false, 'parallel'],
				[true, 'parallel'],
				[true, 'sequential'],
			]) {
				const result = await run(engine, mock, { items, pack, filesMode });
				const row = `| ${items} | ${pack ? filesMode : 'one'} | ${pack ? 'defaults of 1.3: packed, 10 per job' : 'defaults before 1.3: one job per item'} | ${(result.wallMs / 1000).toFixed(1)} | ${(result.floor / 1000).toFixed(1)} | ${(result.wallMs / result.floor).toFixed(2)} | ${result.jobs} | ${result.gets} | ${result.rateLimited} | ${result.timeouts} | ${result.elements} |`;
				process.stdout.write(`${row}\n`);
				rows.push(row);
			}
		}
	} finally {
		await mock.stop();
	}
	writeResultsSection('limits', [
		"## Hundreds of files at the API's limits (`npm run bench:limits`)",
		'',
		`Job › Create with Output Elements on N one-file items, against the mock simulating the account (one launch per`,
		`second, 429 beyond, ${ACCOUNT.maxRunning} jobs running, the others SCHEDULED). Job durations scaled down 20×: ${ACCOUNT.baseMs / 1000} s per job`,
		`plus ${ACCOUNT.perFileMs / 1000} s per file, files side by side (parallel) or one after another (sequential): how Unstructured`,
		'runs the files of one job is not documented. The floor: jobs launched one per second, first come first served',
		'on 5 slots, the last one finishing. Poll Interval 1 s. Node.js ' +
			process.version +
			", this repo's n8n-core.",
		'',
		'| Items | Files in a job | Mode | Wall s | Floor s | Wall / floor | Jobs | Status GETs | 429s | Timeouts | Elements out |',
		'|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|',
		...rows,
		'',
		'One job per item is bound by the launch rate (one per second): its floor is about one second per item. Packing',
		"launches a tenth of the jobs and polls a tenth as often. No job times out while it waits in line: the wait's",
		'Timeout counts from when a job leaves SCHEDULED.',
	]);
}

main().catch((error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	process.exit(1);
});

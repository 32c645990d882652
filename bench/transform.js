'use strict';
/**
 * `npm run bench:transform`: Unstructured Transform throughput. 100 documents through Document ›
 * Parse, on this repo's n8n-core engine, against the mock Transform API with a concurrency limit it
 * does not announce (more documents in flight are answered 429 `rate_limited` with Retry-After) and
 * a fixed time per document. Reported beside the floor that limit allows (documents / limit × time)
 * and beside one document at a time (what a hand-built HTTP Request loop does): wall time, failed
 * items, documents parsed twice, 429s. Writes its section of bench/RESULTS.md.
 */
process.env.N8N_LOG_LEVEL = 'silent';
const { createEngine } = require('../support/harness');
const { MockTransformApi } = require('../support/mock-transform-api');
const { writeResultsSection } = require('./results');

const DOCUMENTS = Number(process.env.BENCH_TRANSFORM_DOCUMENTS ?? 100);
const HIDDEN_LIMIT = 4;
const PER_DOCUMENT_MS = 500;

function documents() {
	return Array.from({ length: DOCUMENTS }, (_, index) => ({
		json: {},
		binary: {
			data: {
				data: Buffer.from(`# Document ${index}\n\nSome text.`).toString('base64'),
				mimeType: 'text/plain',
				fileName: `doc-${index}.txt`,
			},
		},
	}));
}

async function run(engine, mock, concurrency) {
	mock.reset();
	mock.concurrencyLimit = HIDDEN_LIMIT;
	mock.processingMs = PER_DOCUMENT_MS;
	mock.retryAfterSeconds = 1;
	const started = Date.now();
	const { items, error } = await engine.runNode({
		node: 'unstructuredTransform',
		parameters: {
			resource: 'document',
			operation: 'parse',
			options: { concurrency, waitSeconds: 30 },
		},
		items: documents(),
		credentials: { apiKey: mock.apiKey, baseUrl: mock.url },
		settings: { onError: 'continueRegularOutput' },
	});
	const wall = Date.now() - started;
	const failed =
		items.filter((item) => item.json.error !== undefined).length + (error ? DOCUMENTS : 0);
	const twice = mock.processed.length - new Set(mock.processed).size;
	return { wall, failed, twice, rateLimited: mock.rateLimitedCount, out: items.length };
}

async function main() {
	const engine = createEngine();
	const mock = new MockTransformApi();
	await mock.start();
	const floor = Math.ceil(DOCUMENTS / HIDDEN_LIMIT) * PER_DOCUMENT_MS;
	const sequential = DOCUMENTS * PER_DOCUMENT_MS;
	const rows = [];
	for (const [label, concurrency] of [
		['Unstructured Transform, defaults (Concurrency 4)', 4],
		['Unstructured Transform, Concurrency 8 (over the limit)', 8],
		['one document at a time (an HTTP Request loop)', 1],
	]) {
		const result = await run(engine, mock, concurrency);
		rows.push(
			`| ${label} | ${result.out} | ${(result.wall / 1000).toFixed(1)} s | ${(result.wall / floor).toFixed(2)}× | ${(result.wall / sequential).toFixed(2)}× | ${result.failed} | ${result.twice} | ${result.rateLimited} |`,
		);
		process.stdout.write(`${rows.at(-1)}\n`);
	}
	await mock.stop();
	writeResultsSection('transform', [
		`## Unstructured Transform: ${DOCUMENTS} documents, a hidden limit of ${HIDDEN_LIMIT} in flight, ${PER_DOCUMENT_MS} ms each`,
		'',
		`\`npm run bench:transform\`, ${new Date().toISOString().slice(0, 10)}. Floor: ${(floor / 1000).toFixed(1)} s (${DOCUMENTS} / ${HIDDEN_LIMIT} × ${PER_DOCUMENT_MS} ms); one at a time: ${(sequential / 1000).toFixed(1)} s.`,
		'',
		'| Run | Items out | Wall | / floor | / one at a time | Failed | Parsed twice | 429s |',
		'|---|---:|---:|---:|---:|---:|---:|---:|',
		...rows,
	]);
	process.exit(0);
}

main().catch((error) => {
	process.stderr.write(`${error.stack}\n`);
	process.exit(1);
});

'use strict';
/**
 * `npm run demo` as a newcomer runs it: n8n with this package and the demo APIs, the owner account,
 * the demo credentials and the example workflows; Ctrl-C (SIGINT) stops everything it started. A
 * restart keeps the user's edits to a Demo workflow; `--reset` brings the original back. Runs in a
 * folder of its own (`--root`), never the developer's .cache/dev-n8n.
 */
const { describe, it, after, afterEach } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { REPO, freePort } = require('../../support/n8n');

const ROOT = fs.mkdtempSync(path.join(os.tmpdir(), 'unstructured-demo-'));
const EXAMPLES = fs
	.readdirSync(path.join(REPO, 'examples'))
	.filter((name) => name.endsWith('.json'));
let child;

// A failed test leaves no demo running: Ctrl-C's way, so that it stops what it started.
afterEach(async () => {
	if (child) await stopDemo();
});
after(() => fs.rmSync(ROOT, { recursive: true, force: true }));

/** Starts `npm run demo` (dev/run.js --demo) until n8n is ready; signs in. */
async function startDemo(...extra) {
	const port = await freePort();
	let output = '';
	child = spawn(
		process.execPath,
		[path.join(REPO, 'dev', 'run.js'), '--demo', '--port', String(port), '--root', ROOT, ...extra],
		{ cwd: REPO, stdio: ['ignore', 'pipe', 'pipe'] },
	);
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	for (
		const started = Date.now();
		!/n8n is ready/.test(output) && Date.now() - started < 300_000 && child.exitCode === null;
	) {
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	assert.match(output, /n8n is ready: open http:\/\/localhost:\d+/, output);
	const base = `http://127.0.0.1:${port}`;
	const login = await fetch(`${base}/rest/login`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', 'browser-id': 'dev-test' },
		body: JSON.stringify({
			emailOrLdapLoginId: 'owner@example.com',
			password: 'Dev-owner-Passw0rd',
		}),
	});
	assert.equal(login.status, 200);
	const headers = {
		cookie: login.headers
			.getSetCookie()
			.map((cookie) => cookie.split(';')[0])
			.join('; '),
		'browser-id': 'dev-test',
		'content-type': 'application/json',
	};
	const rest = async (method, urlPath, body) =>
		/** @type {any} */ (
			await (
				await fetch(`${base}${urlPath}`, {
					method,
					headers,
					body: body === undefined ? undefined : JSON.stringify(body),
				})
			).json()
		).data;
	return { output: () => output, base, headers, rest };
}

async function stopDemo() {
	if (child.exitCode !== null) return;
	child.kill('SIGINT');
	await new Promise((resolve) => child.once('exit', resolve));
}

const demoWorkflows = async (rest) =>
	(await rest('GET', '/rest/workflows')).filter((workflow) => workflow.name.startsWith('Demo · '));

describe('npm run demo', () => {
	it('serves n8n with the node, the demo credentials, the examples and the sample files; Ctrl-C stops it all', async () => {
		const { output, base, headers, rest } = await startDemo();
		assert.match(output(), /sign in as owner@example\.com \/ Dev-owner-Passw0rd/);
		assert.match(output(), new RegExp(`imported ${EXAMPLES.length} Demo workflows`));
		const apiUrl = /demo Unstructured API on (http:\/\/127\.0\.0\.1:\d+)/.exec(output())[1];
		const credentials = await rest('GET', '/rest/credentials');
		assert.deepEqual(credentials.map((credential) => [credential.name, credential.type]).sort(), [
			['Ollama (demo embeddings)', 'ollamaApi'],
			['Unstructured (demo)', 'unstructuredApi'],
			['Unstructured Transform (demo)', 'unstructuredTransformApi'],
		]);
		assert.equal((await demoWorkflows(rest)).length, EXAMPLES.length);
		assert.deepEqual(fs.readdirSync(path.join(ROOT, 'files')).sort(), [
			'invoice.pdf',
			'invoice.txt',
			'report.md',
		]);
		const types = /** @type {any} */ (
			await (await fetch(`${base}/types/nodes.json`, { headers })).json()
		).map((type) => type.name);
		assert.ok(types.includes('n8n-nodes-unstructured.unstructured'));

		await stopDemo();
		await assert.rejects(fetch(`${base}/healthz`), 'n8n stopped');
		await assert.rejects(fetch(`${apiUrl}/api/v1/jobs/`), 'the demo API stopped');
	});

	it("a restart keeps the user's edit of a Demo workflow; --reset brings the original back", async () => {
		const id = 'demogetjoboutput';
		let demo = await startDemo();
		const original = await workflow(demo, id);
		const edited = await demo.rest('PATCH', `/rest/workflows/${id}`, {
			name: 'My own copy',
			versionId: original.versionId,
		});
		assert.equal(edited.name, 'My own copy');
		await stopDemo();

		demo = await startDemo();
		assert.match(
			demo.output(),
			new RegExp(
				`kept your ${EXAMPLES.length} Demo workflows as they are \\(npm run demo -- --reset brings back the originals\\)`,
			),
		);
		assert.doesNotMatch(demo.output(), /imported \d+ Demo workflows/);
		assert.equal((await workflow(demo, id)).name, 'My own copy');
		await stopDemo();

		demo = await startDemo('--reset');
		assert.match(demo.output(), new RegExp(`imported ${EXAMPLES.length} Demo workflows`));
		assert.equal((await workflow(demo, id)).name, original.name);
		await stopDemo();
	});
});

async function workflow(demo, id) {
	return await demo.rest('GET', `/rest/workflows/${id}`);
}

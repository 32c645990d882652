'use strict';
/**
 * `npm run demo` as a newcomer runs it: n8n with this package and the demo API, the owner account,
 * the demo credential and the example workflows; then Ctrl-C (SIGINT) stops everything it started.
 */
const { describe, it, after } = require('node:test');
const assert = require('node:assert/strict');
const { spawn } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { REPO, freePort } = require('../../support/n8n');

let child;

after(() => {
	if (child && child.exitCode === null) child.kill('SIGKILL');
});

describe('npm run demo', () => {
	it('serves n8n with the node, the demo credential and the examples; Ctrl-C stops it all', async () => {
		const port = await freePort();
		let output = '';
		child = spawn(
			process.execPath,
			[path.join(REPO, 'dev', 'run.js'), '--demo', '--port', String(port)],
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
		assert.match(output, /sign in as owner@example\.com \/ Dev-owner-Passw0rd/);
		const apiUrl = /demo Unstructured API on (http:\/\/127\.0\.0\.1:\d+)/.exec(output)[1];

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
		};
		const credentials = /** @type {any} */ (
			await (await fetch(`${base}/rest/credentials`, { headers })).json()
		).data;
		assert.ok(
			credentials.some(
				(credential) =>
					credential.name === 'Unstructured (demo)' && credential.type === 'unstructuredApi',
			),
		);
		const workflows = /** @type {any} */ (
			await (await fetch(`${base}/rest/workflows`, { headers })).json()
		).data;
		const examples = fs
			.readdirSync(path.join(REPO, 'examples'))
			.filter((name) => name.endsWith('.json'));
		assert.equal(
			workflows.filter((workflow) => workflow.name.startsWith('Demo · ')).length,
			examples.length,
		);
		const types = /** @type {any} */ (
			await (await fetch(`${base}/types/nodes.json`, { headers })).json()
		).map((type) => type.name);
		assert.ok(types.includes('n8n-nodes-unstructured.unstructured'));

		child.kill('SIGINT');
		await new Promise((resolve) => child.once('exit', resolve));
		await assert.rejects(fetch(`${base}/healthz`), 'n8n stopped');
		await assert.rejects(fetch(`${apiUrl}/api/v1/jobs/`), 'the demo API stopped');
	});
});

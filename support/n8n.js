'use strict';
/**
 * A real n8n server for end-to-end tests and the benchmark: provisioned by `provision.js`,
 * isolated in a temp folder (user folder, SQLite database, free loopback ports, nothing calling
 * out), with our package installed the way n8n installs a community package: `npm pack`ed and
 * unpacked into `<user folder>/.n8n/nodes/node_modules/`.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const net = require('node:net');
const os = require('node:os');
const path = require('node:path');

const { provisionN8n } = require('./provision');

const REPO = path.resolve(__dirname, '..');

/** Stops a process we started, by its PID: SIGTERM, then SIGKILL if it lingers past `graceMs`. */
async function stopProcess(child, graceMs) {
	if (child.exitCode !== null || child.signalCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	process.kill(child.pid, 'SIGTERM');
	const timer = setTimeout(
		() => child.exitCode === null && process.kill(child.pid, 'SIGKILL'),
		graceMs,
	);
	await exited;
	clearTimeout(timer);
}

/**
 * Waits for the scheduled poll at the next minute's start (n8n polls at most once a minute), seen
 * as a `GET /api/v1/jobs/` without filters at `mock`, then for the execution it may start.
 */
async function waitForPollTick(mock) {
	const polled = () =>
		mock.requests.some(
			(request) =>
				request.method === 'GET' &&
				request.path === '/api/v1/jobs/' &&
				Object.keys(request.query).length === 0 &&
				request.receivedAt >= tick,
		);
	const tick = Math.ceil((Date.now() + 1) / 60_000) * 60_000;
	while (!polled() && Date.now() < tick + 30_000)
		await new Promise((resolve) => setTimeout(resolve, 250));
	if (!polled()) throw new Error("the polling trigger did not poll at the minute's start");
	await new Promise((resolve) => setTimeout(resolve, 3000));
}

async function freePort() {
	const server = net.createServer();
	await new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve()));
	const { port } = /** @type {import('node:net').AddressInfo} */ (server.address());
	await new Promise((resolve) => server.close(resolve));
	return port;
}

/** `npm pack` of the repo into `packDir`; returns the tarball's path. */
function packPackage(packDir) {
	const tarball = execFileSync(
		'npm',
		['pack', REPO, '--pack-destination', packDir, '--silent', '--ignore-scripts'],
		{
			encoding: 'utf8',
		},
	)
		.trim()
		.split('\n')
		.pop();
	return path.join(packDir, tarball);
}

/**
 * The manual install path of n8n's docs, used by Docker images and queue mode: `npm i <package>` in
 * `<user folder>/.n8n/nodes`. npm installs what the package asks for; its peer `n8n-workflow` is
 * optional, so npm leaves it out and the package uses n8n's own.
 */
function npmInstallPackage(nodesDir) {
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'unstructured-pack-'));
	const tarball = packPackage(packDir);
	fs.mkdirSync(nodesDir, { recursive: true });
	fs.writeFileSync(
		path.join(nodesDir, 'package.json'),
		JSON.stringify({ name: 'installed-nodes', private: true }),
	);
	execFileSync('npm', ['install', tarball, '--no-audit', '--no-fund', '--loglevel=error'], {
		cwd: nodesDir,
		stdio: 'inherit',
	});
	fs.rmSync(packDir, { recursive: true, force: true });
}

/** `npm pack` of the repo, unpacked at `<nodeModules>/n8n-nodes-unstructured`: the way n8n's installer puts it. */
function installPackedPackage(nodeModules) {
	const packDir = fs.mkdtempSync(path.join(os.tmpdir(), 'unstructured-pack-'));
	const tarball = packPackage(packDir);
	const target = path.join(nodeModules, 'n8n-nodes-unstructured');
	fs.rmSync(target, { recursive: true, force: true });
	fs.mkdirSync(target, { recursive: true });
	execFileSync('tar', ['-xzf', tarball, '-C', target, '--strip-components=1']);
	fs.rmSync(packDir, { recursive: true, force: true });
	return target;
}

/**
 * Runs an n8n CLI command (import, export, list, publish, execute) of `installation` to its end.
 * @param {{ node: string, n8nBin: string }} installation
 * @param {string[]} args
 * @param {{ env: NodeJS.ProcessEnv, cwd: string }} options
 * @returns {Promise<{ status: number | null, stdout: string, stderr: string }>}
 */
function runN8nCli({ node, n8nBin }, args, { env, cwd }) {
	return new Promise((resolve) => {
		const child = spawn(node, [n8nBin, ...args], { env, cwd });
		let stdout = '';
		let stderr = '';
		child.stdout.on('data', (chunk) => (stdout += chunk));
		child.stderr.on('data', (chunk) => (stderr += chunk));
		child.on('close', (status) => resolve({ status, stdout, stderr }));
	});
}

class N8nInstance {
	/** `install`: 'installer' (unpacked as n8n's community-package installer does) or 'npm' (`npm i` in .n8n/nodes). */
	constructor({ install = 'installer', env = {} } = {}) {
		this.extraEnv = env;
		this.processes = [];
		this.installation = provisionN8n();
		this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'unstructured-e2e-'));
		this.userFolder = path.join(this.root, 'user');
		this.filesDir = path.join(this.root, 'files');
		fs.mkdirSync(this.filesDir, { recursive: true });
		const nodesDir = path.join(this.userFolder, '.n8n', 'nodes');
		if (install === 'npm') npmInstallPackage(nodesDir);
		else installPackedPackage(path.join(nodesDir, 'node_modules'));
		this.server = undefined;
		/** The webhook process's port in queue mode, once `startQueueMode` has started it. */
		this.webhookPort = undefined;
	}

	async init() {
		this.port = await freePort();
		this.brokerPort = await freePort();
		return this;
	}

	get baseUrl() {
		return `http://127.0.0.1:${this.port}`;
	}

	/** Where n8n says its webhooks are: the main process, or the webhook process in queue mode. */
	get webhookBaseUrl() {
		return this.webhookPort ? `http://127.0.0.1:${this.webhookPort}` : this.baseUrl;
	}

	get env() {
		const { node } = this.installation;
		return {
			PATH: `${path.dirname(node)}${path.delimiter}${process.env.PATH}`,
			HOME: this.root,
			N8N_USER_FOLDER: this.userFolder,
			N8N_ENCRYPTION_KEY: 'n8n-nodes-unstructured-e2e-encryption-key',
			DB_TYPE: 'sqlite',
			N8N_LISTEN_ADDRESS: '127.0.0.1',
			N8N_HOST: '127.0.0.1',
			N8N_PORT: String(this.port),
			N8N_RUNNERS_BROKER_PORT: String(this.brokerPort),
			WEBHOOK_URL: `${this.webhookBaseUrl}/`,
			N8N_DIAGNOSTICS_ENABLED: 'false',
			N8N_VERSION_NOTIFICATIONS_ENABLED: 'false',
			N8N_TEMPLATES_ENABLED: 'false',
			N8N_PERSONALIZATION_ENABLED: 'false',
			N8N_DISABLED_MODULES: 'mcp-registry',
			N8N_RESTRICT_FILE_ACCESS_TO: this.filesDir,
			N8N_SECURE_COOKIE: 'false',
			N8N_LOG_LEVEL: 'info',
			...this.extraEnv,
		};
	}

	/** Runs an n8n CLI command to its end; returns `{ status, stdout, stderr }`. */
	cli(args) {
		return runN8nCli(this.installation, args, { env: this.env, cwd: this.root });
	}

	async importJson(kind, name, data) {
		const file = path.join(this.root, `${name}.json`);
		fs.writeFileSync(file, JSON.stringify(data));
		const result = await this.cli([`import:${kind}`, `--input=${file}`]);
		if (result.status !== 0)
			throw new Error(`n8n import:${kind} failed: ${result.stdout}${result.stderr}`);
		return result;
	}

	/** `n8n execute --id --rawOutput`: the run data JSON it prints after its log lines. */
	async execute(workflowId) {
		const result = await this.cli(['execute', `--id=${workflowId}`, '--rawOutput']);
		// The pretty-printed run data starts and ends with a brace alone on its line; logs may follow.
		const start = result.stdout.search(/^\{$/m);
		const end = result.stdout.indexOf('\n}', start);
		const run =
			start === -1 || end === -1 ? undefined : JSON.parse(result.stdout.slice(start, end + 2));
		return { ...result, run };
	}

	/** Spawns an n8n command (`start`, `worker`, `webhook`) and waits until `readyUrl` answers 200. */
	async spawnN8n(args, readyUrl, env = {}) {
		const { node, n8nBin } = this.installation;
		const child = /** @type {any} */ (
			spawn(node, [n8nBin, ...args], { env: { ...this.env, ...env }, cwd: this.root })
		);
		child.log = '';
		child.stdout.on('data', (chunk) => (child.log += chunk));
		child.stderr.on('data', (chunk) => (child.log += chunk));
		this.processes.push(child);
		const deadline = Date.now() + 120_000;
		while (Date.now() < deadline) {
			if (child.exitCode !== null) throw new Error(`n8n ${args[0]} exited: ${child.log}`);
			try {
				const response = await fetch(readyUrl);
				if (response.status === 200) return child;
			} catch {
				// not listening yet
			}
			await new Promise((resolve) => setTimeout(resolve, 250));
		}
		throw new Error(`n8n ${args[0]} did not become ready: ${child.log}`);
	}

	/** Starts `n8n start` and waits until `/healthz/readiness` answers 200. */
	async start() {
		this.server = await this.spawnN8n(['start'], `${this.baseUrl}/healthz/readiness`);
	}

	get serverLog() {
		return this.server?.log ?? '';
	}

	/** Queue mode: an `n8n worker`, with its own health check port and task broker port. */
	async startWorker() {
		const healthPort = await freePort();
		const env = {
			QUEUE_HEALTH_CHECK_ACTIVE: 'true',
			QUEUE_HEALTH_CHECK_PORT: String(healthPort),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		};
		this.worker = await this.spawnN8n(
			['worker', '--concurrency=5'],
			`http://127.0.0.1:${healthPort}/healthz`,
			env,
		);
		return this.worker;
	}

	/** Queue mode: an `n8n webhook` process on the webhook port (set `webhookPort` before anything starts). */
	async startWebhookProcess() {
		const env = {
			N8N_PORT: String(this.webhookPort),
			N8N_RUNNERS_BROKER_PORT: String(await freePort()),
		};
		this.webhookProcess = await this.spawnN8n(['webhook'], `${this.webhookBaseUrl}/healthz`, env);
		return this.webhookProcess;
	}

	/** Stops every n8n process it started, by its PID. */
	async stop() {
		for (const child of [...this.processes].reverse()) await stopProcess(child, 15_000);
		this.processes = [];
	}

	/** The executions of a workflow (of every workflow without one), as n8n's REST API lists them. */
	async executions(workflowId) {
		const query = workflowId ? `?filter=${encodeURIComponent(JSON.stringify({ workflowId }))}` : '';
		return (await this.rest('GET', `/rest/executions${query}`)).json.data.results;
	}

	/** What an execution ran, `{ resultData: { runData, error } }`, parsed the way n8n stores it. */
	async executionRun(executionId) {
		const flatted = require(path.join(this.installation.nodeModules, 'flatted'));
		return flatted.parse(
			(await this.rest('GET', `/rest/executions/${executionId}`)).json.data.data,
		);
	}

	/** Sets up the instance owner and keeps the session cookie, for the REST API. */
	async login() {
		const response = await fetch(`${this.baseUrl}/rest/owner/setup`, {
			method: 'POST',
			headers: { 'content-type': 'application/json' },
			body: JSON.stringify({
				email: 'owner@example.com',
				firstName: 'E2E',
				lastName: 'Owner',
				password: 'E2e-owner-Passw0rd',
			}),
		});
		if (response.status !== 200)
			throw new Error(`owner setup answered ${response.status}: ${await response.text()}`);
		this.cookie = response.headers
			.getSetCookie()
			.map((cookie) => cookie.split(';')[0])
			.join('; ');
	}

	async rest(method, urlPath, body) {
		const response = await fetch(`${this.baseUrl}${urlPath}`, {
			method,
			headers: { cookie: this.cookie, 'content-type': 'application/json' },
			body: body === undefined ? undefined : JSON.stringify(body),
		});
		const text = await response.text();
		return {
			status: response.status,
			headers: response.headers,
			text,
			json: text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : undefined,
		};
	}

	cleanUp() {
		fs.rmSync(this.root, { recursive: true, force: true });
	}
}

module.exports = {
	N8nInstance,
	runN8nCli,
	installPackedPackage,
	freePort,
	stopProcess,
	waitForPollTick,
	REPO,
};

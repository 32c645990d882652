'use strict';
/**
 * PostgreSQL and Redis for the queue-mode end-to-end test, from Debian's packages: installed with
 * apt-get when missing (CI runs as root on a fresh machine), each started as a process of ours in a
 * temp folder on a free loopback port, and stopped by its PID by `stop()`.
 */
const { execFileSync, spawn } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const { freePort, stopProcess } = require('./n8n');

function postgresBin() {
	const root = '/usr/lib/postgresql';
	if (!fs.existsSync(root)) return undefined;
	const version = fs.readdirSync(root).sort((a, b) => Number(b) - Number(a))[0];
	const bin = version && path.join(root, version, 'bin');
	return bin && fs.existsSync(path.join(bin, 'postgres')) ? bin : undefined;
}

function hasRedis() {
	try {
		execFileSync('redis-server', ['--version'], { stdio: 'ignore' });
		return true;
	} catch {
		return false;
	}
}

/** Installs what is missing of PostgreSQL and Redis from Debian's packages. */
function ensureInstalled() {
	const missing = [
		...(postgresBin() ? [] : ['postgresql']),
		...(hasRedis() ? [] : ['redis-server']),
	];
	if (missing.length === 0) return;
	process.stdout.write(`[services] apt-get install ${missing.join(' ')}\n`);
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
	execFileSync('apt-get', ['install', '-y', '--no-install-recommends', ...missing], {
		stdio: 'inherit',
		env,
	});
}

/** The uid and gid of the `postgres` user: PostgreSQL refuses to run as root. */
function postgresUser() {
	const uid = Number(execFileSync('id', ['-u', 'postgres'], { encoding: 'utf8' }).trim());
	const gid = Number(execFileSync('id', ['-g', 'postgres'], { encoding: 'utf8' }).trim());
	return { uid, gid };
}

async function waitFor(check, what, timeoutMs = 30_000) {
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (await check()) return;
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	throw new Error(`${what} did not start in time`);
}

function succeeds(command, args, options = {}) {
	try {
		execFileSync(command, args, { stdio: 'ignore', ...options });
		return true;
	} catch {
		return false;
	}
}

class Services {
	async start() {
		ensureInstalled();
		this.root = fs.mkdtempSync(path.join(os.tmpdir(), 'unstructured-queue-'));
		this.processes = [];
		await this.startPostgres();
		await this.startRedis();
		return this;
	}

	spawnLogged(name, command, args, options = {}) {
		const child = /** @type {any} */ (
			spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] })
		);
		child.log = '';
		child.stdout.on('data', (chunk) => (child.log += chunk));
		child.stderr.on('data', (chunk) => (child.log += chunk));
		child.serviceName = name;
		this.processes.push(child);
		return child;
	}

	async startPostgres() {
		const bin = postgresBin();
		const { uid, gid } = postgresUser();
		const dataDir = path.join(this.root, 'pgdata');
		fs.mkdirSync(dataDir, { mode: 0o700 });
		fs.chownSync(this.root, uid, gid);
		fs.chownSync(dataDir, uid, gid);
		execFileSync(
			path.join(bin, 'initdb'),
			['-D', dataDir, '-U', 'n8n', '-A', 'trust', '--no-sync'],
			{ uid, gid, stdio: 'ignore', cwd: this.root },
		);
		this.postgresPort = await freePort();
		this.postgres = this.spawnLogged(
			'postgres',
			path.join(bin, 'postgres'),
			[
				'-D',
				dataDir,
				'-p',
				String(this.postgresPort),
				'-k',
				this.root,
				'-c',
				'listen_addresses=127.0.0.1',
				'-c',
				'fsync=off',
			],
			{ uid, gid, cwd: this.root },
		);
		await waitFor(
			() =>
				succeeds(path.join(bin, 'pg_isready'), [
					'-h',
					'127.0.0.1',
					'-p',
					String(this.postgresPort),
				]),
			'PostgreSQL',
		);
		execFileSync(
			path.join(bin, 'createdb'),
			['-h', '127.0.0.1', '-p', String(this.postgresPort), '-U', 'n8n', 'n8n'],
			{ stdio: 'ignore' },
		);
	}

	async startRedis() {
		this.redisPort = await freePort();
		this.redis = this.spawnLogged('redis', 'redis-server', [
			'--port',
			String(this.redisPort),
			'--bind',
			'127.0.0.1',
			'--save',
			'',
			'--appendonly',
			'no',
			'--dir',
			this.root,
		]);
		await waitFor(() => succeeds('redis-cli', ['-p', String(this.redisPort), 'ping']), 'Redis');
	}

	/** What n8n needs to use them. */
	get n8nEnv() {
		return {
			DB_TYPE: 'postgresdb',
			DB_POSTGRESDB_HOST: '127.0.0.1',
			DB_POSTGRESDB_PORT: String(this.postgresPort),
			DB_POSTGRESDB_DATABASE: 'n8n',
			DB_POSTGRESDB_USER: 'n8n',
			DB_POSTGRESDB_PASSWORD: '',
			EXECUTIONS_MODE: 'queue',
			QUEUE_BULL_REDIS_HOST: '127.0.0.1',
			QUEUE_BULL_REDIS_PORT: String(this.redisPort),
		};
	}

	/** Stops what it started, by PID, and removes its folder. */
	async stop() {
		for (const child of [...(this.processes ?? [])].reverse()) await stopProcess(child, 10_000);
		if (this.root) fs.rmSync(this.root, { recursive: true, force: true });
	}
}

module.exports = { Services };

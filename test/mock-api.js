'use strict';
/**
 * A mock of the Unstructured Platform API (jobs part) on 127.0.0.1, following
 * shared/reference/unstructured-api.md: FastAPI-style paths (collections with a trailing slash,
 * a 307 redirect without it), `unstructured-api-key` checks, UUID path validation (422 with a
 * `detail` list) and `{"detail": "..."}` errors.
 *
 * Tests control it in-process: `addJob`, `setResponse` (any status, body, content type or delay
 * for the next matching requests), and read `requests`, the log of what arrived.
 */
const http = require('node:http');
const { randomUUID } = require('node:crypto');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const API_KEY_MISSING = 'API key is missing, please provide an API key in the header.';
const API_KEY_INVALID = 'API key is invalid, please provide a valid API key in the header.';

function uuidError(name, value) {
	return {
		detail: [
			{
				type: 'uuid_parsing',
				loc: ['path', name],
				msg: 'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `' + String(value).charAt(0) + '` at 1',
				input: value,
				ctx: { error: 'invalid character' },
			},
		],
	};
}

/** A `JobInformation` with the fields the API always sends; `overrides` adds or replaces. */
function makeJob(overrides = {}) {
	return {
		id: randomUUID(),
		workflow_id: randomUUID(),
		workflow_name: 'My ETL Workflow',
		status: 'COMPLETED',
		created_at: '2026-01-01T00:00:00Z',
		runtime: 'PT2M30S',
		input_file_ids: null,
		output_node_files: [],
		job_type: 'ephemeral',
		...overrides,
	};
}

/** A `NodeFileMetadata` entry. */
function makeOutputFile(overrides = {}) {
	return {
		node_id: randomUUID(),
		file_id: `output-${randomUUID().slice(0, 8)}.json`,
		node_type: 'destination',
		node_subtype: 's3',
		...overrides,
	};
}

class MockUnstructuredApi {
	constructor({ apiKey = 'test-key-7f3a9c' } = {}) {
		this.apiKey = apiKey;
		this.reset();
	}

	reset() {
		this.jobs = new Map();
		this.workflows = [];
		this.requests = [];
		this.responses = [];
		this.latencyMs = 0;
	}

	addJob(overrides) {
		const job = makeJob(overrides);
		this.jobs.set(job.id, job);
		return job;
	}

	/**
	 * The next `times` requests matching `method` and `path` (a string for the exact raw path, or
	 * a RegExp) get `{ status, body, contentType, headers, delayMs }` instead of the normal answer.
	 * `body` is sent as JSON unless it is a string or Buffer.
	 */
	setResponse({ method = 'GET', path, times = 1, ...response }) {
		this.responses.push({ method, path, times, response });
	}

	get url() {
		return `http://127.0.0.1:${this.server.address().port}`;
	}

	requestsTo(pathPrefix) {
		return this.requests.filter((request) => request.path.startsWith(pathPrefix));
	}

	async start() {
		this.sockets = new Set();
		this.server = http.createServer((req, res) => this.handle(req, res));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise((resolve) => this.server.listen(0, '127.0.0.1', 1024, resolve));
		return this;
	}

	async stop() {
		for (const socket of this.sockets) socket.destroy();
		await new Promise((resolve) => this.server.close(resolve));
	}

	async handle(req, res) {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const rawUrl = req.url;
		const queryStart = rawUrl.indexOf('?');
		const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
		const query = Object.fromEntries(new URLSearchParams(queryStart === -1 ? '' : rawUrl.slice(queryStart + 1)));
		const request = { method: req.method, path, query, headers: req.headers, body: Buffer.concat(chunks) };
		this.requests.push(request);

		const override = this.takeOverride(request);
		const answer = override ?? this.route(request);
		const delayMs = answer.delayMs ?? this.latencyMs;
		if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
		if (res.destroyed) return;
		this.send(res, answer);
	}

	takeOverride(request) {
		const index = this.responses.findIndex(
			({ method, path }) =>
				method === request.method && (path instanceof RegExp ? path.test(request.path) : path === request.path),
		);
		if (index === -1) return undefined;
		const entry = this.responses[index];
		entry.times -= 1;
		if (entry.times <= 0) this.responses.splice(index, 1);
		return entry.response;
	}

	send(res, { status = 200, body, contentType, headers = {} }) {
		let payload = body;
		let type = contentType;
		if (payload === undefined) payload = '';
		else if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) {
			payload = JSON.stringify(payload);
			type = type ?? 'application/json';
		}
		res.writeHead(status, { 'content-type': type ?? 'text/plain; charset=utf-8', ...headers });
		res.end(payload);
	}

	route(request) {
		const key = request.headers['unstructured-api-key'];
		if (!key) return { status: 401, body: { detail: API_KEY_MISSING } };
		if (key !== this.apiKey) return { status: 401, body: { detail: API_KEY_INVALID } };

		const { method, path, query } = request;
		if (path === '/api/v1/jobs' || path === '/api/v1/workflows') {
			return { status: 307, headers: { location: `${path}/` }, body: '' };
		}
		if (method === 'GET' && path === '/api/v1/jobs/') return this.listJobs(query);
		if (method === 'GET' && path === '/api/v1/workflows/') return this.listWorkflows(query);
		const jobMatch = /^\/api\/v1\/jobs\/([^/]+)$/.exec(path);
		if (method === 'GET' && jobMatch) return this.getJob(decodeURIComponent(jobMatch[1]));
		return { status: 404, body: { detail: 'Not Found' } };
	}

	listJobs(query) {
		if (query.workflow_id !== undefined && !UUID.test(query.workflow_id)) {
			return { status: 422, body: { detail: [{ type: 'uuid_parsing', loc: ['query', 'workflow_id'], msg: 'Input should be a valid UUID', input: query.workflow_id }] } };
		}
		const jobs = [...this.jobs.values()].filter(
			(job) =>
				(query.workflow_id === undefined || job.workflow_id === query.workflow_id) &&
				(query.status === undefined || job.status === query.status),
		);
		return { status: 200, body: jobs };
	}

	listWorkflows(query) {
		const page = Number(query.page ?? 1);
		const pageSize = Number(query.page_size ?? 20);
		return { status: 200, body: this.workflows.slice((page - 1) * pageSize, page * pageSize) };
	}

	getJob(jobId) {
		if (!UUID.test(jobId)) return { status: 422, body: uuidError('job_id', jobId) };
		const job = this.jobs.get(jobId);
		if (!job) return { status: 404, body: { detail: 'Job not found' } };
		return { status: 200, body: job };
	}
}

module.exports = { MockUnstructuredApi, makeJob, makeOutputFile };

'use strict';
/**
 * A mock of the Unstructured Platform API (jobs part) on 127.0.0.1, following
 * docs/unstructured-api.md: FastAPI-style paths (collections with a trailing slash,
 * a 307 redirect without it), `unstructured-api-key` checks, UUID path validation (422 with a
 * `detail` list) and `{"detail": "..."}` errors.
 *
 * Tests control it in-process: `addJob`, `setResponse` (any status, body, content type or delay
 * for the next matching requests), and read `requests`, the log of what arrived.
 */
const http = require('node:http');
const https = require('node:https');
const { createHmac, randomBytes, randomUUID } = require('node:crypto');

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const PERCENT_OFFSETS = { rateLimit: 0, serverError: 7, drop: 11, slow: 3 };

/** The mock's own control path (not the API's): restarts the fault profile's counts. */
const MOCK_CONTROL_RESET_FAULTS = '/__mock/reset-faults';

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

/** A `WorkflowInformation`, as the workflows endpoints return it. */
function makeWorkflow(overrides = {}) {
	return {
		id: randomUUID(),
		name: 'My ETL Workflow',
		sources: [],
		destinations: [],
		workflow_type: 'custom',
		workflow_nodes: [],
		status: 'active',
		created_at: '2026-01-01T00:00:00Z',
		updated_at: '2026-01-02T00:00:00Z',
		schedule: null,
		reprocess_all: false,
		...overrides,
	};
}

const DEFAULT_TEMPLATES = [
	{ id: 'hi_res_partition', name: 'High-resolution partition', description: 'Partitions documents with the hi_res strategy', version: '1.0.0', last_updated: '2026-01-01T00:00:00Z' },
	{ id: 'hi_res_and_enrichment', name: 'High-resolution partition and enrichment', description: 'Partitions and enriches images and tables', version: '1.0.0', last_updated: '2026-01-01T00:00:00Z' },
];

const PROCESSING_STATUS = { SCHEDULED: 'SCHEDULED', IN_PROGRESS: 'IN_PROGRESS', COMPLETED: 'SUCCESS', STOPPED: 'STOPPED', FAILED: 'FAILED' };

/**
 * Parses a `multipart/form-data` body into `{ fields, files }`, failing loudly on malformed input:
 * the mock checks what the node sends, it does not guess.
 */
function parseMultipart(body, contentType) {
	const match = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType ?? '');
	if (!/^multipart\/form-data/i.test(contentType ?? '') || !match) return undefined;
	const delimiter = Buffer.from(`--${match[1] ?? match[2]}`);
	const parts = [];
	let start = body.indexOf(delimiter);
	if (start !== 0) return undefined;
	for (;;) {
		start += delimiter.length;
		if (body.slice(start, start + 2).toString() === '--') break;
		if (body.slice(start, start + 2).toString() !== '\r\n') return undefined;
		start += 2;
		const next = body.indexOf(delimiter, start);
		if (next === -1) return undefined;
		const part = body.slice(start, next - 2);
		if (body.slice(next - 2, next).toString() !== '\r\n') return undefined;
		const headerEnd = part.indexOf('\r\n\r\n');
		const headers = Object.fromEntries(
			part.slice(0, headerEnd).toString('utf8').split('\r\n').map((line) => {
				const colon = line.indexOf(':');
				return [line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim()];
			}),
		);
		const disposition = headers['content-disposition'] ?? '';
		parts.push({
			name: /name="([^"]*)"/.exec(disposition)?.[1],
			filename: /filename="([^"]*)"/.exec(disposition)?.[1],
			contentType: headers['content-type'],
			data: part.slice(headerEnd + 4),
		});
		start = next;
	}
	return {
		fields: Object.fromEntries(parts.filter((part) => part.filename === undefined).map((part) => [part.name, part.data.toString('utf8')])),
		files: parts.filter((part) => part.filename !== undefined),
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
	/** `tls`: `{ key, cert }` to serve over HTTPS instead of HTTP. */
	constructor({ apiKey = 'test-key-7f3a9c', tls } = {}) {
		this.apiKey = apiKey;
		this.tls = tls;
		/** Off for the benchmark, whose thousands of requests the tests do not read. */
		this.recordRequests = true;
		this.reset();
	}

	reset() {
		this.jobs = new Map();
		this.statusSequences = new Map();
		this.details = new Map();
		this.failedFiles = new Map();
		this.outputs = [];
		this.workflows = [];
		this.channels = new Map();
		// GUESS: no source gives the largest page_size of GET /workflows/ (docs/unstructured-api.md §11.3).
		this.maxWorkflowPageSize = 100;
		this.templates = [...DEFAULT_TEMPLATES];
		this.newJobStatuses = [];
		this.newJobOutput = undefined;
		this.newJobFailedFiles = undefined;
		this.requests = [];
		this.responses = [];
		this.latencyMs = 0;
		this.requestCount = 0;
		this.faults = undefined;
		this.firstRequests = 0;
		this.seenPaths = new Set();
		this.lastJobCreatedAt = undefined;
	}

	/**
	 * Faults the real service shows, deterministically: the mock counts the first requests to each
	 * path (the first request for a job, say) in arrival order, and faults every Nth of them
	 * (`…Every: N`) or a whole-number percentage of them, spread evenly (`…Percent: P`).
	 * - `rateLimit…`: 429 `{"detail"}` with `Retry-After: retryAfter` (seconds; default 1)
	 * - `serverError…`: 503 (with `Retry-After` only if `serverErrorRetryAfter` is set)
	 * - `drop…`: the request is carried out, then the connection is closed without an answer
	 * - `slow…` with `slowMs`: the answer comes `slowMs` late
	 * - `jobCreationIntervalMs`: a job created (POST /jobs/ or /run) sooner than this after the
	 *   previous one gets 429 instead, as the API's one-new-job-per-second limit (docs: on-demand
	 *   jobs limits). GUESS: the status is documented only as "a rate limit error" and the
	 *   `Retry-After` header not at all (docs/unstructured-api.md §11.1); 429 with `Retry-After: 1` is
	 *   what FastAPI rate limiters commonly send.
	 * The first fault rule that matches applies; counts start again with each call, and
	 * `faultsServed` counts what was served by kind.
	 */
	setFaults(faults) {
		this.faults = faults;
		this.firstRequests = 0;
		this.seenPaths = new Set();
		this.lastJobCreatedAt = undefined;
		this.faultsServed = { rateLimit: 0, serverError: 0, drop: 0, slow: 0, creationLimit: 0 };
	}

	/** The fault for this request, if its path is seen for the first time and its turn has come. */
	faultFor(request) {
		const faults = this.faults;
		if (!faults || request.path === MOCK_CONTROL_RESET_FAULTS) return undefined;
		if (faults.jobCreationIntervalMs !== undefined && this.createsJob(request)) {
			const tooSoon = this.lastJobCreatedAt !== undefined && request.receivedAt - this.lastJobCreatedAt < faults.jobCreationIntervalMs;
			if (tooSoon) {
				this.faultsServed.creationLimit += 1;
				return { status: 429, body: { detail: 'Rate limit exceeded: wait at least 1 second between job launches.' }, headers: { 'retry-after': '1' } };
			}
		}
		const key = `${request.method} ${request.path}`;
		if (this.seenPaths.has(key)) return undefined;
		this.seenPaths.add(key);
		const n = ++this.firstRequests;
		const hits = (kind) => {
			const every = faults[`${kind}Every`];
			const percent = faults[`${kind}Percent`];
			// Percentages start at different points of the count, so that (for the benchmark's 30/5/2 %)
			// no two kinds fall on the same request and each is served in full.
			const m = n + PERCENT_OFFSETS[kind];
			const hit = every !== undefined ? n % every === 0 : percent !== undefined && Math.floor((m * percent) / 100) > Math.floor(((m - 1) * percent) / 100);
			if (hit) this.faultsServed[kind] += 1;
			return hit;
		};
		if (hits('rateLimit')) {
			return { status: 429, body: { detail: 'Too many requests' }, headers: { 'retry-after': String(faults.retryAfter ?? 1) } };
		}
		if (hits('serverError')) {
			const headers = faults.serverErrorRetryAfter === undefined ? {} : { 'retry-after': String(faults.serverErrorRetryAfter) };
			return { status: 503, body: { detail: 'Service Unavailable' }, headers };
		}
		if (hits('drop')) return { dropAfterActing: true };
		if (hits('slow')) return { delayMs: faults.slowMs };
		return undefined;
	}

	createsJob({ method, path }) {
		return method === 'POST' && (path === '/api/v1/jobs/' || /^\/api\/v1\/workflows\/[^/]+\/run$/.test(path));
	}

	/** The statuses a job takes on its next GETs, one per GET (the last one stays). */
	setStatusSequence(jobId, statuses) {
		this.statusSequences.set(jobId, [...statuses]);
	}

	/** What `/details` answers for a job (default: derived from its status). */
	setDetails(jobId, details) {
		this.details.set(jobId, details);
	}

	setFailedFiles(jobId, failedFiles) {
		this.failedFiles.set(jobId, failedFiles);
	}

	/** What `/download` answers for a file of a job: `{ fileId, nodeId?, body, contentType }`. */
	setOutput(jobId, { fileId, nodeId, body, contentType = 'application/json' }) {
		this.outputs.push({ jobId, fileId, nodeId, body, contentType });
	}

	addWorkflow(overrides = {}) {
		const workflow = makeWorkflow(overrides);
		this.workflows.push(workflow);
		return workflow;
	}

	addJob(overrides) {
		const job = makeJob(overrides);
		this.jobs.set(job.id, job);
		return job;
	}

	/**
	 * The next `times` requests matching `method` and `path` (a string for the exact raw path, or
	 * a RegExp) get `{ status, body, contentType, headers, delayMs }` instead of the normal answer,
	 * or no answer at all with `{ dropConnection: true }`.
	 * `body` is sent as JSON unless it is a string or Buffer.
	 */
	setResponse({ method = 'GET', path, times = 1, ...response }) {
		this.responses.push({ method, path, times, response });
	}

	get url() {
		return `${this.tls ? 'https' : 'http'}://127.0.0.1:${this.server.address().port}`;
	}

	requestsTo(pathPrefix) {
		return this.requests.filter((request) => request.path.startsWith(pathPrefix));
	}

	async start() {
		this.sockets = new Set();
		const handler = (req, res) => this.handle(req, res);
		this.server = this.tls ? https.createServer(this.tls, handler) : http.createServer(handler);
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
		const request = { method: req.method, path, query, headers: req.headers, body: Buffer.concat(chunks), receivedAt: Date.now() };
		this.requestCount += 1;
		if (this.recordRequests) this.requests.push(request);

		const override = this.takeOverride(request);
		const fault = override ? undefined : this.faultFor(request);
		const routed = !override && !fault?.status;
		const answer = routed ? this.route(request) : (override ?? fault);
		if (routed && this.createsJob(request) && answer.status < 300) this.lastJobCreatedAt = request.receivedAt;
		const delayMs = fault?.delayMs ?? answer.delayMs ?? this.latencyMs;
		if (delayMs > 0) await new Promise((resolve) => setTimeout(resolve, delayMs));
		if (res.destroyed) return;
		if (answer.dropConnection || fault?.dropAfterActing) {
			req.socket.destroy();
			return;
		}
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
		res.writeHead(status, status === 204 ? headers : { 'content-type': type ?? 'text/plain; charset=utf-8', ...headers });
		res.end(payload);
	}

	route(request) {
		if (request.method === 'POST' && request.path === MOCK_CONTROL_RESET_FAULTS) {
			// Not part of the API: lets a benchmark in another process start a fault profile afresh.
			if (this.faults) this.setFaults(this.faults);
			return { status: 204 };
		}
		const key = request.headers['unstructured-api-key'];
		if (!key) return { status: 401, body: { detail: API_KEY_MISSING } };
		if (key !== this.apiKey) return { status: 401, body: { detail: API_KEY_INVALID } };

		const { method, path, query } = request;
		// GUESS: the docs' curl examples call the collections without a slash but always follow
		// redirects, which suggests FastAPI's 307 to the slashed path (docs/unstructured-api.md §1).
		if (path === '/api/v1/jobs' || path === '/api/v1/workflows' || path === '/api/v1/templates') {
			return { status: 307, headers: { location: `${path}/` }, body: '' };
		}
		if (method === 'GET' && path === '/api/v1/jobs/') return this.listJobs(query);
		if (method === 'POST' && path === '/api/v1/jobs/') return this.createJob(request);
		if (method === 'GET' && path === '/api/v1/workflows/') return this.listWorkflows(query);
		if (method === 'GET' && path === '/api/v1/templates/') return { status: 200, body: this.templates };
		const jobMatch = /^\/api\/v1\/jobs\/([^/]+)(\/[a-z-]+)?$/.exec(path);
		if (jobMatch) {
			const jobId = decodeURIComponent(jobMatch[1]);
			const action = `${method} ${jobMatch[2] ?? ''}`;
			const handlers = {
				'GET ': () => this.getJob(jobId),
				'GET /details': () => this.withJob(jobId, (job) => this.jobDetails(job)),
				'GET /failed-files': () => this.withJob(jobId, (job) => ({ status: 200, body: { failed_files: this.failedFiles.get(job.id) ?? [] } })),
				'POST /cancel': () => this.withJob(jobId, (job) => this.cancelJob(job)),
				'GET /download': () => this.withJob(jobId, (job) => this.download(job, query)),
			};
			if (handlers[action]) return handlers[action]();
		}
		const channelMatch = /^\/api\/v1\/(?:workflows\/([^/]+)\/)?notifications\/channels(?:\/([^/]+))?(\/secret\/rotate)?$/.exec(path);
		if (channelMatch) return this.channelRequest(request, channelMatch);
		const workflowMatch = /^\/api\/v1\/workflows\/([^/]+)(\/run)?$/.exec(path);
		if (method === 'GET' && workflowMatch && !workflowMatch[2]) return this.getWorkflow(decodeURIComponent(workflowMatch[1]));
		if (method === 'POST' && workflowMatch?.[2]) return this.runWorkflow(request, decodeURIComponent(workflowMatch[1]));
		const templateMatch = /^\/api\/v1\/templates\/([^/]+)$/.exec(path);
		if (method === 'GET' && templateMatch) return this.getTemplate(decodeURIComponent(templateMatch[1]));
		return { status: 404, body: { detail: 'Not Found' } };
	}

	withJob(jobId, handle) {
		if (!UUID.test(jobId)) return { status: 422, body: uuidError('job_id', jobId) };
		const job = this.jobs.get(jobId);
		if (!job) return { status: 404, body: { detail: 'Job not found' } };
		return handle(job);
	}

	jobDetails(job) {
		const details = this.details.get(job.id) ?? {
			id: job.id,
			processing_status: PROCESSING_STATUS[job.status] ?? job.status,
			node_stats: [
				{ node_name: 'Partitioner', node_type: 'partition', node_subtype: 'unstructured_api', ready: 0, in_progress: 0, success: 1, failure: 0 },
			],
			message: null,
		};
		return { status: 200, body: details };
	}

	cancelJob(job) {
		if (job.status !== 'SCHEDULED' && job.status !== 'IN_PROGRESS') {
			// GUESS: no source says what cancelling a finished job answers; modelled on FastAPI's usual
			// 400 with a `detail` string (docs/unstructured-api.md §11.2).
			return { status: 400, body: { detail: `Job ${job.id} is ${job.status} and cannot be cancelled.` } };
		}
		job.status = 'STOPPED';
		return { status: 200, body: { id: job.id, status: 'cancelled', message: 'Job successfully cancelled.' } };
	}

	download(job, query) {
		if (query.file_id === undefined) {
			return { status: 422, body: { detail: [{ type: 'missing', loc: ['query', 'file_id'], msg: 'Field required', input: null }] } };
		}
		if (query.node_id !== undefined && !UUID.test(query.node_id)) {
			return { status: 422, body: { detail: [{ type: 'uuid_parsing', loc: ['query', 'node_id'], msg: 'Input should be a valid UUID', input: query.node_id }] } };
		}
		const output = this.outputs.find(
			(candidate) => candidate.jobId === job.id && candidate.fileId === query.file_id && (candidate.nodeId ?? undefined) === query.node_id,
		);
		if (!output) return { status: 404, body: { detail: 'File not found' } };
		return { status: 200, body: output.body, contentType: output.contentType };
	}

	createJob(request) {
		const form = parseMultipart(request.body, request.headers['content-type']);
		request.form = form;
		if (!form) return { status: 422, body: { detail: [{ type: 'missing', loc: ['body', 'request_data'], msg: 'Field required', input: null }] } };
		let data;
		try {
			data = JSON.parse(form.fields.request_data);
		} catch {
			return { status: 422, body: { detail: 'request_data must be a JSON string' } };
		}
		if (('template_id' in data) === ('job_nodes' in data)) {
			return { status: 422, body: { detail: 'Must specify a job template ID or job nodes (but not both).' } };
		}
		if (data.template_id !== undefined && !this.templates.some((template) => template.id === data.template_id)) {
			return { status: 404, body: { detail: `Template ${data.template_id} not found` } };
		}
		const unexpected = form.files.find((file) => file.name !== 'input_files');
		if (unexpected) return { status: 422, body: { detail: `Unexpected file field ${unexpected.name}` } };
		const job = this.startJob({
			workflow_name: `job-${randomUUID().slice(0, 8)}`,
			input_file_ids: form.files.map((file) => file.filename),
			output_node_files: form.files.map((file) => makeOutputFile({ file_id: file.filename, node_type: 'partition', node_subtype: 'unstructured_api' })),
			job_type: data.template_id !== undefined ? 'template' : 'ephemeral',
		});
		return { status: 200, body: job };
	}

	/**
	 * A new job (created or run), taking the statuses of `newJobStatuses` (default: SCHEDULED) over
	 * its GETs. With `newJobOutput` set, every output file of the job downloads as that JSON body
	 * (or, for a function, as what it returns for the file), by its node or, without `node_id`, as
	 * the last node's output. `newJobFailedFiles` become the job's failed files.
	 */
	startJob(overrides) {
		const [firstStatus = 'SCHEDULED', ...laterStatuses] = this.newJobStatuses;
		const job = this.addJob({ status: firstStatus, runtime: null, ...overrides });
		if (laterStatuses.length > 0) this.setStatusSequence(job.id, laterStatuses);
		if (this.newJobOutput !== undefined) {
			for (const file of job.output_node_files) {
				const output = typeof this.newJobOutput === 'function' ? this.newJobOutput(file) : this.newJobOutput;
				if (output === undefined) continue;
				const body = JSON.stringify(output);
				this.setOutput(job.id, { fileId: file.file_id, nodeId: file.node_id, body });
				this.setOutput(job.id, { fileId: file.file_id, body });
			}
		}
		if (this.newJobFailedFiles) this.setFailedFiles(job.id, this.newJobFailedFiles);
		return job;
	}

	runWorkflow(request, workflowId) {
		if (!UUID.test(workflowId)) return { status: 422, body: uuidError('workflow_id', workflowId) };
		const workflow = this.workflows.find((candidate) => candidate.id === workflowId);
		if (!workflow) return { status: 404, body: { detail: 'Workflow not found' } };
		const running = [...this.jobs.values()].find(
			(job) => job.workflow_id === workflowId && (job.status === 'SCHEDULED' || job.status === 'IN_PROGRESS'),
		);
		if (running) {
			// python-client #286: a success status with only `detail`.
			return { status: 202, body: { detail: `There is a running job ${running.id} for workflow ${workflowId} in progress. No new job run.` } };
		}
		let files = [];
		if (request.body.length > 0) {
			const form = parseMultipart(request.body, request.headers['content-type']);
			request.form = form;
			if (!form) return { status: 422, body: { detail: 'Expected multipart/form-data with input_files' } };
			const unexpected = form.files.find((file) => file.name !== 'input_files');
			if (unexpected || Object.keys(form.fields).length > 0) return { status: 422, body: { detail: 'Only input_files parts are accepted' } };
			files = form.files;
		}
		const job = this.startJob({
			workflow_id: workflow.id,
			workflow_name: workflow.name,
			input_file_ids: files.length > 0 ? files.map((file) => file.filename) : null,
			output_node_files:
				files.length > 0
					? files.map((file) => makeOutputFile({ file_id: file.filename, node_type: 'partition', node_subtype: 'unstructured_api' }))
					: [makeOutputFile()],
			job_type: 'persistent',
		});
		return { status: 202, body: job };
	}

	/**
	 * Notification channels, workspace-wide or per workflow, as docs/unstructured-api.md §8 has them (sources: the
	 * Python SDK's generated code of 2026-05, `channels.py` and `workflow_channels.py`, and the live
	 * docs pages `/api-reference/webhooks` and the channel endpoints). The API wants an https URL; the
	 * mock also takes http on loopback, where tests run n8n.
	 */
	channelRequest(request, [, workflowId, channelId, rotate]) {
		const { method, query } = request;
		if (workflowId !== undefined) {
			const id = decodeURIComponent(workflowId);
			if (!UUID.test(id)) return { status: 422, body: uuidError('workflow_id', id) };
			if (!this.workflows.some((workflow) => workflow.id === id)) return { status: 404, body: { detail: 'Workflow not found' } };
		}
		// No `/secret/rotate` exists (it was only in a March 2026 docs draft): FastAPI's plain 404.
		if (rotate) return { status: 404, body: { detail: 'Not Found' } };
		const scope = workflowId === undefined ? null : decodeURIComponent(workflowId);
		const visible = (channel) => channel.workflow_id === scope;
		// The secret is write-only: no answer carries it (live docs: "is not returned").
		const withoutSecret = ({ secret, ...channel }) => channel;
		if (channelId === undefined) {
			if (method === 'GET') {
				// `channel_type` is a required query parameter (SDK: ListChannelsRequest).
				if (query.channel_type === undefined) {
					return { status: 422, body: { detail: [{ type: 'missing', loc: ['query', 'channel_type'], msg: 'Field required', input: null }] } };
				}
				const list = [...this.channels.values()].filter((channel) => visible(channel) && channel.channel_type === query.channel_type);
				// ChannelListResponse: `{"items": [...]}`, at most 50 channels per scope, no paging.
				return { status: 200, body: { items: list.map(withoutSecret) } };
			}
			if (method !== 'POST') return { status: 405, body: { detail: 'Method Not Allowed' } };
			let body;
			try {
				body = JSON.parse(request.body.toString('utf8'));
			} catch {
				return { status: 422, body: { detail: 'Invalid JSON body' } };
			}
			const problem = this.invalidChannel(body);
			if (problem) return { status: 422, body: { detail: problem } };
			const now = new Date().toISOString();
			const channel = {
				id: randomUUID(),
				channel_type: body.channel_type,
				url: body.url,
				event_types: body.event_types,
				description: body.description ?? null,
				enabled: body.enabled ?? true,
				workflow_id: scope,
				created_at: now,
				updated_at: now,
				// GUESS: what the API does without a secret is not documented; the mock makes one it never shows.
				secret: body.secret ?? randomBytes(32).toString('base64'),
			};
			this.channels.set(channel.id, channel);
			// 201 with the channel, without its secret (SDK: create returns 201).
			return { status: 201, body: withoutSecret(channel) };
		}
		const channel = this.channels.get(decodeURIComponent(channelId));
		if (!channel || !visible(channel)) return { status: 404, body: { detail: 'Channel not found' } };
		if (method === 'GET') return { status: 200, body: withoutSecret(channel) };
		if (method === 'DELETE') {
			this.channels.delete(channel.id);
			// 204, no body (SDK: delete returns 204).
			return { status: 204 };
		}
		if (method === 'PATCH') {
			// UpdateChannelRequest: any of url, event_types, description, enabled, secret; this is how a
			// secret is changed (live docs: "To change it later, use the update channel endpoint").
			const changes = JSON.parse(request.body.toString('utf8') || '{}');
			const problem = this.invalidChannel({ ...channel, ...changes, secret: changes.secret === '' ? undefined : (changes.secret ?? channel.secret) });
			if (problem) return { status: 422, body: { detail: problem } };
			Object.assign(channel, changes, { updated_at: new Date().toISOString() });
			return { status: 200, body: withoutSecret(channel) };
		}
		return { status: 405, body: { detail: 'Method Not Allowed' } };
	}

	invalidChannel(body) {
		const events = ['job.scheduled', 'job.in_progress', 'job.completed', 'job.stopped', 'job.failed'];
		if (body.channel_type !== 'webhook' && body.channel_type !== 'email') return 'channel_type must be webhook or email';
		let url;
		try {
			url = new URL(body.url);
		} catch {
			return 'url must be a valid URL';
		}
		if (url.protocol !== 'https:' && !(url.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(url.hostname))) {
			return 'url must use https';
		}
		if (!Array.isArray(body.event_types) || body.event_types.length === 0 || body.event_types.some((type) => !events.includes(type))) {
			return `event_types must be a non-empty list of ${events.join(', ')}`;
		}
		if (body.secret !== undefined && (typeof body.secret !== 'string' || !/^[\x20-\x7e]{24,75}$/.test(body.secret))) {
			return 'secret must be 24 to 75 ASCII characters';
		}
		if (body.description !== undefined && body.description !== null && String(body.description).length > 255) {
			return 'description must be at most 255 characters';
		}
		return undefined;
	}

	/**
	 * Delivers a job event to a channel's URL the way Unstructured does: a JSON POST signed with the
	 * channel's secret (Standard Webhooks: HMAC-SHA256 over `id.timestamp.body`, base64, as `v1,…`).
	 * GUESS: how the secret becomes the HMAC key is not documented (docs/unstructured-api.md §8, §11.5): `keyReading`
	 * 'base64' (the default) decodes it as Standard Webhooks do, 'raw' takes its UTF-8 bytes.
	 * `tamper` changes what is sent: `{ signature }`, `{ secret }`, `{ timestamp }`, `{ id }`.
	 */
	async deliver(channelId, { type = 'job.completed', jobId, workflowId, processingTimeMs = 1234, keyReading = 'base64' } = {}, tamper = {}) {
		const channel = this.channels.get(channelId);
		const body = JSON.stringify({ type, job: { job_id: jobId, workflow_id: workflowId }, processing_time_ms: processingTimeMs });
		const id = tamper.id ?? `msg_${randomUUID()}`;
		const timestamp = String(tamper.timestamp ?? Math.floor(Date.now() / 1000));
		const secret = tamper.secret ?? channel.secret;
		const key = keyReading === 'raw' ? Buffer.from(secret, 'utf8') : Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
		const signature = `v1,${createHmac('sha256', key).update(`${id}.${timestamp}.${body}`).digest('base64')}`;
		const response = await fetch(channel.url, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				'webhook-id': id,
				'webhook-timestamp': timestamp,
				'webhook-signature': tamper.signature ?? signature,
			},
			body,
		});
		return { status: response.status, body: await response.text(), id };
	}

	getWorkflow(workflowId) {
		if (!UUID.test(workflowId)) return { status: 422, body: uuidError('workflow_id', workflowId) };
		const workflow = this.workflows.find((candidate) => candidate.id === workflowId);
		return workflow ? { status: 200, body: workflow } : { status: 404, body: { detail: 'Workflow not found' } };
	}

	getTemplate(templateId) {
		const template = this.templates.find((candidate) => candidate.id === templateId);
		if (!template) return { status: 404, body: { detail: `Template ${templateId} not found` } };
		return {
			status: 200,
			body: { ...template, nodes: [{ id: randomUUID(), name: 'Partitioner', type: 'partition', subtype: 'unstructured_api', settings: { strategy: 'hi_res' } }] },
		};
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
		if (!(page >= 1) || !(pageSize >= 1) || pageSize > this.maxWorkflowPageSize) {
			return { status: 422, body: { detail: [{ type: 'less_than_equal', loc: ['query', 'page_size'], msg: `Input should be less than or equal to ${this.maxWorkflowPageSize}` }] } };
		}
		const matches = this.workflows.filter(
			(workflow) =>
				(query.name === undefined || workflow.name.toLowerCase().includes(query.name.toLowerCase())) &&
				(query.status === undefined || workflow.status === query.status) &&
				(query.source_id === undefined || workflow.sources.includes(query.source_id)) &&
				(query.destination_id === undefined || workflow.destinations.includes(query.destination_id)) &&
				(query.created_since === undefined || workflow.created_at >= query.created_since) &&
				(query.created_before === undefined || workflow.created_at < query.created_before),
		);
		const sortBy = query.sort_by ?? 'id';
		const direction = query.sort_direction === 'desc' ? -1 : 1;
		matches.sort((a, b) => direction * String(a[sortBy]).localeCompare(String(b[sortBy])));
		return { status: 200, body: matches.slice((page - 1) * pageSize, page * pageSize) };
	}

	getJob(jobId) {
		return this.withJob(jobId, (job) => {
			const sequence = this.statusSequences.get(job.id);
			if (sequence?.length) job.status = sequence.length > 1 ? sequence.shift() : sequence[0];
			return { status: 200, body: job };
		});
	}
}

module.exports = { MOCK_CONTROL_RESET_FAULTS, MockUnstructuredApi, makeJob, makeOutputFile, makeWorkflow, parseMultipart };

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
const { createHmac, randomBytes, randomUUID } = require('node:crypto');

const { LoopbackServer } = require('./loopback');

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
				msg:
					'Input should be a valid UUID, invalid character: expected an optional prefix of `urn:uuid:` followed by [0-9a-fA-F-], found `' +
					String(value).charAt(0) +
					'` at 1',
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
	{
		id: 'hi_res_partition',
		name: 'High-resolution partition',
		description: 'Partitions documents with the hi_res strategy',
		version: '1.0.0',
		last_updated: '2026-01-01T00:00:00Z',
	},
	{
		id: 'hi_res_and_enrichment',
		name: 'High-resolution partition and enrichment',
		description: 'Partitions and enriches images and tables',
		version: '1.0.0',
		last_updated: '2026-01-01T00:00:00Z',
	},
];

const PROCESSING_STATUS = {
	SCHEDULED: 'SCHEDULED',
	IN_PROGRESS: 'IN_PROGRESS',
	COMPLETED: 'SUCCESS',
	STOPPED: 'STOPPED',
	FAILED: 'FAILED',
};

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
			part
				.slice(0, headerEnd)
				.toString('utf8')
				.split('\r\n')
				.map((line) => {
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
		fields: Object.fromEntries(
			parts
				.filter((part) => part.filename === undefined)
				.map((part) => [part.name, part.data.toString('utf8')]),
		),
		files: parts.filter((part) => part.filename !== undefined),
	};
}

/** The schedules of `CreateWorkflow` and the cron entries the API answers with (docs: weekly = 0 0 * * 0). */
const SCHEDULE_CRONS = {
	'every 15 minutes': '*/15 * * * *',
	'every hour': '0 * * * *',
	'every 2 hours': '0 */2 * * *',
	'every 4 hours': '0 */4 * * *',
	'every 6 hours': '0 */6 * * *',
	'every 8 hours': '0 */8 * * *',
	'every 10 hours': '0 */10 * * *',
	'every 12 hours': '0 */12 * * *',
	daily: '0 0 * * *',
	weekly: '0 0 * * 0',
	monthly: '0 0 1 * *',
};

/**
 * A job arriving at `arrivalMs` on an account whose running slots are free at `slotsFreeAt`: first
 * come, first served, on the slot that frees first. Updates the slot; returns the job's start and finish.
 */
function takeSlot(slotsFreeAt, arrivalMs, durationMs) {
	const slot = slotsFreeAt.indexOf(Math.min(...slotsFreeAt));
	const startAt = Math.max(arrivalMs, slotsFreeAt[slot]);
	slotsFreeAt[slot] = startAt + durationMs;
	return { startAt, finishAt: startAt + durationMs };
}

function parseJson(buffer) {
	try {
		return JSON.parse(buffer.toString('utf8'));
	} catch {
		return undefined;
	}
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

class MockUnstructuredApi extends LoopbackServer {
	/**
	 * `tls`: `{ key, cert }` to serve over HTTPS instead of HTTP.
	 * @param {{ apiKey?: string, tls?: { key: string | Buffer, cert: string | Buffer } }} [options]
	 */
	constructor({ apiKey = 'test-key-7f3a9c', tls = undefined } = {}) {
		super();
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
		this.connectors = { source: new Map(), destination: new Map() };
		this.connectionChecks = new Map();
		/** The statuses a new connection check takes over its GETs after the POST (the last one stays). */
		this.connectionCheckStatuses = ['SCHEDULED', 'SUCCESS'];
		this.connectionCheckReason = null;
		/** Files larger than this are refused (413); none when undefined. */
		this.maxFileBytes = undefined;
		this.account = undefined;
		this.accountTimes = new Map();
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
	 * - `jobCreationUploadMs`: a list; the Nth job creation's upload takes that much longer (the API
	 *   counts the job once the upload has ended), e.g. `[700]`: the first upload is slow.
	 * The first fault rule that matches applies; counts start again with each call, and
	 * `faultsServed` counts what was served by kind.
	 */
	setFaults(faults) {
		this.faults = faults;
		this.firstRequests = 0;
		this.seenPaths = new Set();
		this.lastJobCreatedAt = undefined;
		this.jobCreationUploads = 0;
		this.faultsServed = { rateLimit: 0, serverError: 0, drop: 0, slow: 0, creationLimit: 0 };
	}

	/** The fault for this request, if its path is seen for the first time and its turn has come. */
	faultFor(request) {
		const faults = this.faults;
		if (!faults || request.path === MOCK_CONTROL_RESET_FAULTS) return undefined;
		if (faults.jobCreationIntervalMs !== undefined && this.createsJob(request)) {
			const tooSoon =
				this.lastJobCreatedAt !== undefined &&
				request.receivedAt - this.lastJobCreatedAt < faults.jobCreationIntervalMs;
			if (tooSoon) {
				this.faultsServed.creationLimit += 1;
				return {
					status: 429,
					body: { detail: 'Rate limit exceeded: wait at least 1 second between job launches.' },
					headers: { 'retry-after': '1' },
				};
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
			const hit =
				every !== undefined
					? n % every === 0
					: percent !== undefined &&
						Math.floor((m * percent) / 100) > Math.floor(((m - 1) * percent) / 100);
			if (hit) this.faultsServed[kind] += 1;
			return hit;
		};
		if (hits('rateLimit')) {
			return {
				status: 429,
				body: { detail: 'Too many requests' },
				headers: { 'retry-after': String(faults.retryAfter ?? 1) },
			};
		}
		if (hits('serverError')) {
			const headers =
				faults.serverErrorRetryAfter === undefined
					? {}
					: { 'retry-after': String(faults.serverErrorRetryAfter) };
			return { status: 503, body: { detail: 'Service Unavailable' }, headers };
		}
		if (hits('drop')) return { dropAfterActing: true };
		if (hits('slow')) return { delayMs: faults.slowMs };
		return undefined;
	}

	createsJob({ method, path }) {
		return (
			method === 'POST' &&
			(path === '/api/v1/jobs/' || /^\/api\/v1\/workflows\/[^/]+\/run$/.test(path))
		);
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
	/** @param {string} jobId @param {{ fileId: string, nodeId?: string, body: unknown, contentType?: string }} output */
	setOutput(jobId, { fileId, nodeId = undefined, body, contentType = 'application/json' }) {
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
		return `${this.tls ? 'https' : 'http'}://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (this.server.address()).port}`;
	}

	requestsTo(pathPrefix) {
		return this.requests.filter((request) => request.path.startsWith(pathPrefix));
	}

	async handle(req, res) {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const rawUrl = req.url;
		const queryStart = rawUrl.indexOf('?');
		const path = queryStart === -1 ? rawUrl : rawUrl.slice(0, queryStart);
		const query = Object.fromEntries(
			new URLSearchParams(queryStart === -1 ? '' : rawUrl.slice(queryStart + 1)),
		);
		const uploadMs = this.createsJob({ method: req.method, path })
			? this.faults?.jobCreationUploadMs?.[this.jobCreationUploads++]
			: undefined;
		if (uploadMs) await new Promise((resolve) => setTimeout(resolve, uploadMs));
		const request = {
			method: req.method,
			path,
			query,
			headers: req.headers,
			body: Buffer.concat(chunks),
			receivedAt: Date.now(),
		};
		this.requestCount += 1;
		if (this.recordRequests) this.requests.push(request);

		const override = this.takeOverride(request);
		const fault = override ? undefined : this.faultFor(request);
		const routed = !override && !fault?.status;
		const answer = routed ? this.route(request) : (override ?? fault);
		if (routed && this.createsJob(request) && answer.status < 300)
			this.lastJobCreatedAt = request.receivedAt;
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
				method === request.method &&
				(path instanceof RegExp ? path.test(request.path) : path === request.path),
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
		res.writeHead(
			status,
			status === 204
				? headers
				: { 'content-type': type ?? 'text/plain; charset=utf-8', ...headers },
		);
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
		if (
			[
				'/api/v1/jobs',
				'/api/v1/workflows',
				'/api/v1/templates',
				'/api/v1/sources',
				'/api/v1/destinations',
			].includes(path)
		) {
			return { status: 307, headers: { location: `${path}/` }, body: '' };
		}
		if (method === 'GET' && path === '/api/v1/jobs/') return this.listJobs(query);
		if (method === 'POST' && path === '/api/v1/jobs/') return this.createJob(request);
		if (method === 'GET' && path === '/api/v1/workflows/') return this.listWorkflows(query);
		if (method === 'POST' && path === '/api/v1/workflows/') return this.createWorkflow(request);
		const connectorMatch =
			/^\/api\/v1\/(sources|destinations)\/(?:([^/]+)(\/connection-check)?)?$/.exec(path);
		if (connectorMatch) {
			const kind = connectorMatch[1] === 'sources' ? 'source' : 'destination';
			return this.connectorRequest(
				request,
				kind,
				connectorMatch[2] === undefined ? undefined : decodeURIComponent(connectorMatch[2]),
				Boolean(connectorMatch[3]),
			);
		}
		if (method === 'GET' && path === '/api/v1/templates/')
			return { status: 200, body: this.templates };
		const jobMatch = /^\/api\/v1\/jobs\/([^/]+)(\/[a-z-]+)?$/.exec(path);
		if (jobMatch) {
			const jobId = decodeURIComponent(jobMatch[1]);
			const action = `${method} ${jobMatch[2] ?? ''}`;
			const handlers = {
				'GET ': () => this.getJob(jobId),
				'GET /details': () => this.withJob(jobId, (job) => this.jobDetails(job)),
				'GET /failed-files': () =>
					this.withJob(jobId, (job) => ({
						status: 200,
						body: { failed_files: this.failedFiles.get(job.id) ?? [] },
					})),
				'POST /cancel': () => this.withJob(jobId, (job) => this.cancelJob(job)),
				'GET /download': () => this.withJob(jobId, (job) => this.download(job, query)),
			};
			if (handlers[action]) return handlers[action]();
		}
		const channelMatch =
			/^\/api\/v1\/(?:workflows\/([^/]+)\/)?notifications\/channels(?:\/([^/]+))?(\/secret\/rotate)?$/.exec(
				path,
			);
		if (channelMatch) return this.channelRequest(request, channelMatch);
		const workflowMatch = /^\/api\/v1\/workflows\/([^/]+)(\/run)?$/.exec(path);
		if (method === 'GET' && workflowMatch && !workflowMatch[2])
			return this.getWorkflow(decodeURIComponent(workflowMatch[1]));
		if ((method === 'PUT' || method === 'DELETE') && workflowMatch && !workflowMatch[2])
			return this.changeWorkflow(request, decodeURIComponent(workflowMatch[1]));
		if (method === 'POST' && workflowMatch?.[2])
			return this.runWorkflow(request, decodeURIComponent(workflowMatch[1]));
		const templateMatch = /^\/api\/v1\/templates\/([^/]+)$/.exec(path);
		if (method === 'GET' && templateMatch)
			return this.getTemplate(decodeURIComponent(templateMatch[1]));
		return { status: 404, body: { detail: 'Not Found' } };
	}

	withJob(jobId, handle) {
		if (!UUID.test(jobId)) return { status: 422, body: uuidError('job_id', jobId) };
		const job = this.jobs.get(jobId);
		if (!job) return { status: 404, body: { detail: 'Job not found' } };
		return handle(job);
	}

	/**
	 * `JobDetails` (docs/unstructured-api.md §4): unless set for the job, its `processing_status` is
	 * its status's (COMPLETED → SUCCESS) and its node's counts say where its files are: waiting
	 * (`ready`), being processed, done, or failed.
	 */
	jobDetails(job) {
		this.followAccountClock(job);
		const files = job.input_file_ids?.length || job.output_node_files?.length || 1;
		const count = (status) => (job.status === status ? files : 0);
		const details = this.details.get(job.id) ?? {
			id: job.id,
			processing_status: PROCESSING_STATUS[job.status] ?? job.status,
			node_stats: [
				{
					node_name: 'Partitioner',
					node_type: 'partition',
					node_subtype: 'unstructured_api',
					ready: count('SCHEDULED') + count('STOPPED'),
					in_progress: count('IN_PROGRESS'),
					success: count('COMPLETED'),
					failure: count('FAILED'),
				},
			],
			message: null,
		};
		return { status: 200, body: details };
	}

	cancelJob(job) {
		this.followAccountClock(job);
		if (job.status !== 'SCHEDULED' && job.status !== 'IN_PROGRESS') {
			// GUESS: no source says what cancelling a finished job answers; modelled on FastAPI's usual
			// 400 with a `detail` string (docs/unstructured-api.md §11.2).
			return {
				status: 400,
				body: { detail: `Job ${job.id} is ${job.status} and cannot be cancelled.` },
			};
		}
		job.status = 'STOPPED';
		return {
			status: 200,
			body: { id: job.id, status: 'cancelled', message: 'Job successfully cancelled.' },
		};
	}

	download(job, query) {
		if (query.file_id === undefined) {
			return {
				status: 422,
				body: {
					detail: [
						{ type: 'missing', loc: ['query', 'file_id'], msg: 'Field required', input: null },
					],
				},
			};
		}
		if (query.node_id !== undefined && !UUID.test(query.node_id)) {
			return {
				status: 422,
				body: {
					detail: [
						{
							type: 'uuid_parsing',
							loc: ['query', 'node_id'],
							msg: 'Input should be a valid UUID',
							input: query.node_id,
						},
					],
				},
			};
		}
		const output = this.outputs.find(
			(candidate) =>
				candidate.jobId === job.id &&
				candidate.fileId === query.file_id &&
				(candidate.nodeId ?? undefined) === query.node_id,
		);
		if (!output) return { status: 404, body: { detail: 'File not found' } };
		return { status: 200, body: output.body, contentType: output.contentType };
	}

	createJob(request) {
		const form = parseMultipart(request.body, request.headers['content-type']);
		request.form = form;
		if (!form)
			return {
				status: 422,
				body: {
					detail: [
						{ type: 'missing', loc: ['body', 'request_data'], msg: 'Field required', input: null },
					],
				},
			};
		let data;
		try {
			data = JSON.parse(form.fields.request_data);
		} catch {
			return { status: 422, body: { detail: 'request_data must be a JSON string' } };
		}
		request.requestData = data;
		if ('template_id' in data === 'job_nodes' in data) {
			return {
				status: 422,
				body: { detail: 'Must specify a job template ID or job nodes (but not both).' },
			};
		}
		// GUESS (docs/unstructured-api.md §3): a file over the plan's limit is refused with 413.
		if (
			this.maxFileBytes !== undefined &&
			form.files.some((file) => file.data.length > this.maxFileBytes)
		) {
			return {
				status: 413,
				body: { detail: `File size exceeds the limit of ${this.maxFileBytes} bytes` },
			};
		}
		if (
			data.template_id !== undefined &&
			!this.templates.some((template) => template.id === data.template_id)
		) {
			return { status: 404, body: { detail: `Template ${data.template_id} not found` } };
		}
		const unexpected = form.files.find((file) => file.name !== 'input_files');
		if (unexpected)
			return { status: 422, body: { detail: `Unexpected file field ${unexpected.name}` } };
		// One partition node processes every file of the job: one node_id, one entry per file.
		const nodeId = randomUUID();
		const job = this.startJob({
			workflow_name: `job-${randomUUID().slice(0, 8)}`,
			input_file_ids: form.files.map((file) => file.filename),
			output_node_files: form.files.map((file) =>
				makeOutputFile({
					node_id: nodeId,
					file_id: file.filename,
					node_type: 'partition',
					node_subtype: 'unstructured_api',
				}),
			),
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
		const job = this.addJob({
			status: this.account ? 'SCHEDULED' : firstStatus,
			created_at: new Date().toISOString(),
			runtime: null,
			...overrides,
		});
		if (this.account) this.scheduleOnAccount(job, (overrides.input_file_ids ?? []).length || 1);
		if (laterStatuses.length > 0) this.setStatusSequence(job.id, laterStatuses);
		if (this.newJobOutput !== undefined) {
			for (const file of job.output_node_files) {
				const output =
					typeof this.newJobOutput === 'function' ? this.newJobOutput(file) : this.newJobOutput;
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
			(job) =>
				job.workflow_id === workflowId &&
				(job.status === 'SCHEDULED' || job.status === 'IN_PROGRESS'),
		);
		if (running) {
			// python-client #286: a success status with only `detail`.
			return {
				status: 202,
				body: {
					detail: `There is a running job ${running.id} for workflow ${workflowId} in progress. No new job run.`,
				},
			};
		}
		let files = [];
		if (request.body.length > 0) {
			const form = parseMultipart(request.body, request.headers['content-type']);
			request.form = form;
			if (!form)
				return { status: 422, body: { detail: 'Expected multipart/form-data with input_files' } };
			const unexpected = form.files.find((file) => file.name !== 'input_files');
			if (unexpected || Object.keys(form.fields).length > 0)
				return { status: 422, body: { detail: 'Only input_files parts are accepted' } };
			files = form.files;
		}
		const job = this.startJob({
			workflow_id: workflow.id,
			workflow_name: workflow.name,
			input_file_ids: files.length > 0 ? files.map((file) => file.filename) : null,
			output_node_files:
				files.length > 0
					? files.map((file) =>
							makeOutputFile({
								file_id: file.filename,
								node_type: 'partition',
								node_subtype: 'unstructured_api',
							}),
						)
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
	/** The path's groups: workflow ID, channel ID, `/secret/rotate`. @param {object} request @param {string[]} groups */
	channelRequest(request, [, workflowId, channelId, rotate]) {
		const { method, query } = request;
		if (workflowId !== undefined) {
			const id = decodeURIComponent(workflowId);
			if (!UUID.test(id)) return { status: 422, body: uuidError('workflow_id', id) };
			if (!this.workflows.some((workflow) => workflow.id === id))
				return { status: 404, body: { detail: 'Workflow not found' } };
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
					return {
						status: 422,
						body: {
							detail: [
								{
									type: 'missing',
									loc: ['query', 'channel_type'],
									msg: 'Field required',
									input: null,
								},
							],
						},
					};
				}
				const list = [...this.channels.values()].filter(
					(channel) => visible(channel) && channel.channel_type === query.channel_type,
				);
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
		if (!channel || !visible(channel))
			return { status: 404, body: { detail: 'Channel not found' } };
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
			const problem = this.invalidChannel({
				...channel,
				...changes,
				secret: changes.secret === '' ? undefined : (changes.secret ?? channel.secret),
			});
			if (problem) return { status: 422, body: { detail: problem } };
			Object.assign(channel, changes, { updated_at: new Date().toISOString() });
			return { status: 200, body: withoutSecret(channel) };
		}
		return { status: 405, body: { detail: 'Method Not Allowed' } };
	}

	invalidChannel(body) {
		const events = [
			'job.scheduled',
			'job.in_progress',
			'job.completed',
			'job.stopped',
			'job.failed',
		];
		if (body.channel_type !== 'webhook' && body.channel_type !== 'email')
			return 'channel_type must be webhook or email';
		let url;
		try {
			url = new URL(body.url);
		} catch {
			return 'url must be a valid URL';
		}
		if (
			url.protocol !== 'https:' &&
			!(url.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(url.hostname))
		) {
			return 'url must use https';
		}
		if (
			!Array.isArray(body.event_types) ||
			body.event_types.length === 0 ||
			body.event_types.some((type) => !events.includes(type))
		) {
			return `event_types must be a non-empty list of ${events.join(', ')}`;
		}
		if (
			body.secret !== undefined &&
			(typeof body.secret !== 'string' || !/^[\x20-\x7e]{24,75}$/.test(body.secret))
		) {
			return 'secret must be 24 to 75 ASCII characters';
		}
		if (
			body.description !== undefined &&
			body.description !== null &&
			String(body.description).length > 255
		) {
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
	/**
	 * @param {string} channelId
	 * @param {{ type?: string, jobId?: string, workflowId?: string, processingTimeMs?: number, keyReading?: string }} [event]
	 * @param {{ signature?: string, secret?: string, timestamp?: string | number, id?: string }} [tamper]
	 */
	async deliver(
		channelId,
		{
			type = 'job.completed',
			jobId = undefined,
			workflowId = undefined,
			processingTimeMs = 1234,
			keyReading = 'base64',
		} = {},
		tamper = {},
	) {
		const channel = this.channels.get(channelId);
		const body = JSON.stringify({
			type,
			job: { job_id: jobId, workflow_id: workflowId },
			processing_time_ms: processingTimeMs,
		});
		const id = tamper.id ?? `msg_${randomUUID()}`;
		const timestamp = String(tamper.timestamp ?? Math.floor(Date.now() / 1000));
		const secret = tamper.secret ?? channel.secret;
		const key =
			keyReading === 'raw'
				? Buffer.from(secret, 'utf8')
				: Buffer.from(secret.startsWith('whsec_') ? secret.slice(6) : secret, 'base64');
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
		return workflow
			? { status: 200, body: workflow }
			: { status: 404, body: { detail: 'Workflow not found' } };
	}

	addConnector(kind, overrides = {}) {
		const connector = {
			id: randomUUID(),
			name: `My ${kind}`,
			type: kind === 'source' ? 's3' : 'pinecone',
			config: {},
			created_at: '2026-01-01T00:00:00Z',
			updated_at: null,
			...overrides,
		};
		this.connectors[kind].set(connector.id, connector);
		return connector;
	}

	/**
	 * A connector as the API shows it. GUESS (docs/unstructured-api.md §7, §11.8): secrets are
	 * masked on read, as the SDK's contract fixtures show `key` and `secret`; which fields, per type,
	 * is not documented, so every field named like a key, secret, password or token is.
	 */
	shownConnector(connector) {
		const config = Object.fromEntries(
			Object.entries(connector.config ?? {}).map(([name, value]) => [
				name,
				/key|secret|password|token/i.test(name) ? '**********' : value,
			]),
		);
		return { ...connector, config };
	}

	connectorRequest(request, kind, id, isCheck) {
		const { method, query } = request;
		const connectors = this.connectors[kind];
		const label = kind === 'source' ? 'Source' : 'Destination';
		if (id === undefined) {
			if (method === 'GET') {
				const type = query[`${kind}_type`];
				return {
					status: 200,
					body: [...connectors.values()]
						.filter((connector) => type === undefined || connector.type === type)
						.map((connector) => this.shownConnector(connector)),
				};
			}
			if (method !== 'POST') return { status: 405, body: { detail: 'Method Not Allowed' } };
			const body = parseJson(request.body);
			const missing = ['name', 'type', 'config'].filter((field) => body?.[field] === undefined);
			// FastAPI echoes the refused input in each error: secrets of the config included.
			if (missing.length > 0)
				return {
					status: 422,
					body: {
						detail: missing.map((field) => ({
							type: 'missing',
							loc: ['body', field],
							msg: 'Field required',
							input: body,
						})),
					},
				};
			const invalid = this.invalidConfig(body.type, body.config);
			if (invalid) return invalid;
			const connector = {
				id: randomUUID(),
				name: body.name,
				type: body.type,
				config: body.config,
				created_at: new Date().toISOString(),
				updated_at: null,
			};
			connectors.set(connector.id, connector);
			return { status: 200, body: this.shownConnector(connector) };
		}
		if (!UUID.test(id)) return { status: 422, body: uuidError(`${kind}_id`, id) };
		const connector = connectors.get(id);
		if (!connector) return { status: 404, body: { detail: `${label} not found` } };
		if (isCheck) return this.connectionCheck(method, connector);
		if (method === 'GET') return { status: 200, body: this.shownConnector(connector) };
		if (method === 'DELETE') {
			connectors.delete(id);
			return { status: 200, body: { detail: `${label} with id ${id} successfully deleted.` } };
		}
		if (method === 'PUT') {
			const body = parseJson(request.body);
			if (body?.config === undefined)
				return {
					status: 422,
					body: {
						detail: [
							{ type: 'missing', loc: ['body', 'config'], msg: 'Field required', input: body },
						],
					},
				};
			const invalid = this.invalidConfig(connector.type, body.config);
			if (invalid) return invalid;
			Object.assign(connector, { config: body.config, updated_at: new Date().toISOString() });
			return { status: 200, body: this.shownConnector(connector) };
		}
		return { status: 405, body: { detail: 'Method Not Allowed' } };
	}

	/**
	 * The server validates a config (the SDK no longer does, docs/unstructured-api.md §7). GUESS: its
	 * 422 names the field under `body.config`, as FastAPI does; the mock checks only that a config is
	 * an object and that an s3 source has its required `remote_url`.
	 */
	invalidConfig(type, config) {
		if (!config || typeof config !== 'object' || Array.isArray(config)) {
			return {
				status: 422,
				body: {
					detail: [
						{
							type: 'dict_type',
							loc: ['body', 'config'],
							msg: 'Input should be a valid dictionary',
							input: config,
						},
					],
				},
			};
		}
		if (type === 's3' && config.remote_url === undefined) {
			return {
				status: 422,
				body: {
					detail: [
						{
							type: 'missing',
							loc: ['body', 'config', 'remote_url'],
							msg: 'Field required',
							input: config,
						},
					],
				},
			};
		}
		return undefined;
	}

	/** POST starts a check (202, SCHEDULED); each GET then takes the next of `connectionCheckStatuses`. */
	connectionCheck(method, connector) {
		if (method === 'POST') {
			const check = {
				id: randomUUID(),
				status: 'SCHEDULED',
				created_at: new Date().toISOString(),
				reason: null,
				reported_at: null,
			};
			this.connectionChecks.set(connector.id, {
				check,
				statuses: [...this.connectionCheckStatuses],
			});
			return { status: 202, body: check };
		}
		const entry = this.connectionChecks.get(connector.id);
		// GUESS (docs/unstructured-api.md §11.7): no check run yet answers 404.
		if (!entry) return { status: 404, body: { detail: 'No connection check found' } };
		const status = entry.statuses.length > 1 ? entry.statuses.shift() : entry.statuses[0];
		const finished = status === 'SUCCESS' || status === 'FAILURE';
		Object.assign(entry.check, {
			status,
			reported_at: finished ? new Date().toISOString() : null,
			reason: status === 'FAILURE' ? this.connectionCheckReason : null,
		});
		return { status: 200, body: entry.check };
	}

	/** `CreateWorkflow` (docs/unstructured-api.md §5): name and type required, a closed schedule enum, UUIDs. */
	workflowChangeError(body, required) {
		const detail = [];
		for (const field of required)
			if (body?.[field] === undefined)
				detail.push({ type: 'missing', loc: ['body', field], msg: 'Field required', input: body });
		if (body?.schedule !== undefined && !(body.schedule in SCHEDULE_CRONS)) {
			detail.push({
				type: 'enum',
				loc: ['body', 'schedule'],
				msg: `Input should be ${Object.keys(SCHEDULE_CRONS)
					.map((value) => `'${value}'`)
					.join(', ')}`,
				input: body.schedule,
			});
		}
		for (const field of ['source_id', 'destination_id']) {
			if (body?.[field] !== undefined && !UUID.test(body[field]))
				detail.push({
					type: 'uuid_parsing',
					loc: ['body', field],
					msg: 'Input should be a valid UUID',
					input: body[field],
				});
		}
		return detail.length > 0 ? { status: 422, body: { detail } } : undefined;
	}

	/** The fields of a `CreateWorkflow` / `UpdateWorkflow` body as `WorkflowInformation` has them. */
	workflowFields(body) {
		const fields = {};
		if (body.name !== undefined) fields.name = body.name;
		if (body.workflow_type !== undefined) fields.workflow_type = body.workflow_type;
		if (body.source_id !== undefined) fields.sources = [body.source_id];
		if (body.destination_id !== undefined) fields.destinations = [body.destination_id];
		if (body.workflow_nodes !== undefined) fields.workflow_nodes = body.workflow_nodes;
		if (body.schedule !== undefined)
			fields.schedule = { crontab_entries: [{ cron_expression: SCHEDULE_CRONS[body.schedule] }] };
		if (body.reprocess_all !== undefined) fields.reprocess_all = body.reprocess_all;
		return fields;
	}

	createWorkflow(request) {
		const body = parseJson(request.body);
		const error = this.workflowChangeError(body, ['name', 'workflow_type']);
		if (error) return error;
		return {
			status: 200,
			body: this.addWorkflow({
				...this.workflowFields(body),
				created_at: new Date().toISOString(),
				updated_at: null,
				reprocess_all: body.reprocess_all ?? true,
			}),
		};
	}

	changeWorkflow(request, workflowId) {
		if (!UUID.test(workflowId)) return { status: 422, body: uuidError('workflow_id', workflowId) };
		const index = this.workflows.findIndex((candidate) => candidate.id === workflowId);
		if (index === -1) return { status: 404, body: { detail: 'Workflow not found' } };
		if (request.method === 'DELETE') {
			this.workflows.splice(index, 1);
			return {
				status: 200,
				body: { detail: `Workflow with id ${workflowId} successfully deleted.` },
			};
		}
		const body = parseJson(request.body);
		const error = this.workflowChangeError(body, []);
		if (error) return error;
		Object.assign(this.workflows[index], this.workflowFields(body), {
			updated_at: new Date().toISOString(),
		});
		return { status: 200, body: this.workflows[index] };
	}

	getTemplate(templateId) {
		const template = this.templates.find((candidate) => candidate.id === templateId);
		if (!template) return { status: 404, body: { detail: `Template ${templateId} not found` } };
		return {
			status: 200,
			body: {
				...template,
				nodes: [
					{
						id: randomUUID(),
						name: 'Partitioner',
						type: 'partition',
						subtype: 'unstructured_api',
						settings: { strategy: 'hi_res' },
					},
				],
			},
		};
	}

	listJobs(query) {
		if (query.workflow_id !== undefined && !UUID.test(query.workflow_id)) {
			return {
				status: 422,
				body: {
					detail: [
						{
							type: 'uuid_parsing',
							loc: ['query', 'workflow_id'],
							msg: 'Input should be a valid UUID',
							input: query.workflow_id,
						},
					],
				},
			};
		}
		for (const job of this.jobs.values()) this.followAccountClock(job);
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
			return {
				status: 422,
				body: {
					detail: [
						{
							type: 'less_than_equal',
							loc: ['query', 'page_size'],
							msg: `Input should be less than or equal to ${this.maxWorkflowPageSize}`,
						},
					],
				},
			};
		}
		const matches = this.workflows.filter(
			(workflow) =>
				(query.name === undefined ||
					workflow.name.toLowerCase().includes(query.name.toLowerCase())) &&
				(query.status === undefined || workflow.status === query.status) &&
				(query.source_id === undefined || workflow.sources.includes(query.source_id)) &&
				(query.destination_id === undefined ||
					workflow.destinations.includes(query.destination_id)) &&
				(query.created_since === undefined || workflow.created_at >= query.created_since) &&
				(query.created_before === undefined || workflow.created_at < query.created_before),
		);
		const sortBy = query.sort_by ?? 'id';
		const direction = query.sort_direction === 'desc' ? -1 : 1;
		matches.sort((a, b) => direction * String(a[sortBy]).localeCompare(String(b[sortBy])));
		return { status: 200, body: matches.slice((page - 1) * pageSize, page * pageSize) };
	}

	/**
	 * Simulates the account's on-demand job limits (docs/unstructured-api.md §3): one launch per
	 * second (429 beyond), at most `maxRunning` jobs running, the others SCHEDULED in creation order,
	 * and each job taking `baseMs + perFileMs × files` with its files run one after another
	 * (`filesMode: 'sequential'`) or `baseMs + perFileMs` with them run side by side ('parallel').
	 * GUESS: Unstructured does not document how the files of one job run; both modes are offered.
	 * A job's start and finish are fixed when it is created (a first-come, first-served line), and
	 * its status follows the clock.
	 */
	simulateAccount({ maxRunning = 5, baseMs = 2000, perFileMs = 500, filesMode = 'parallel' } = {}) {
		this.setFaults({ jobCreationIntervalMs: 1000 });
		this.account = {
			maxRunning,
			baseMs,
			perFileMs,
			filesMode,
			slotsFreeAt: Array(maxRunning).fill(0),
		};
	}

	/** Places a new job in the simulated account's line: when it starts and when it finishes. */
	scheduleOnAccount(job, files) {
		const account = this.account;
		const duration =
			account.baseMs + account.perFileMs * (account.filesMode === 'sequential' ? files : 1);
		this.accountTimes.set(job.id, takeSlot(account.slotsFreeAt, Date.now(), duration));
	}

	/** A job on the simulated account takes the status its clock gives; true if it is on the account. */
	followAccountClock(job) {
		const times = this.accountTimes.get(job.id);
		if (!times) return false;
		const now = Date.now();
		if (job.status === 'STOPPED') return true;
		job.status =
			now < times.startAt ? 'SCHEDULED' : now < times.finishAt ? 'IN_PROGRESS' : 'COMPLETED';
		return true;
	}

	getJob(jobId) {
		return this.withJob(jobId, (job) => {
			if (this.followAccountClock(job)) return { status: 200, body: job };
			const sequence = this.statusSequences.get(job.id);
			if (sequence?.length) job.status = sequence.length > 1 ? sequence.shift() : sequence[0];
			return { status: 200, body: job };
		});
	}
}

module.exports = {
	MOCK_CONTROL_RESET_FAULTS,
	MockUnstructuredApi,
	makeJob,
	makeOutputFile,
	makeWorkflow,
	parseMultipart,
	takeSlot,
};

'use strict';
/**
 * A mock of Unstructured Transform v2 (`/api/v2`) on a random loopback port, following
 * docs/unstructured-transform-api.md: uploads, Parse and Extract (a 200 within `Prefer: wait=N`, a
 * 202 with `Location` after), jobs and their statuses, and `{"code", "message"}` errors. Where the
 * reference says "verify live", the mock picks one reading and says GUESS.
 *
 * A document "takes" `processingMs` (per document, or `mock.processingMs`), measured from its POST.
 * Its text gives its Markdown and elements (one per paragraph; a line "# …" is a Title), and Extract
 * fills each schema property from a line "name: value" of the text (name with _ or spaces).
 * Account limits it does not announce: `concurrencyLimit` (more documents in flight are answered
 * 429 `rate_limited` with Retry-After) and `quota` (documents left; then 429 `quota_exceeded`).
 */
const { randomUUID } = require('node:crypto');

const { LoopbackServer } = require('./loopback');
const { parseMultipart } = require('./mock-api');

const API_KEY = 'transform-test-key-3c8e1d';

class MockTransformApi extends LoopbackServer {
	constructor({ apiKey = API_KEY } = {}) {
		super();
		this.apiKey = apiKey;
		this.reset();
	}

	reset() {
		this.requests = [];
		this.uploads = new Map();
		this.jobs = new Map();
		this.responses = [];
		this.processingMs = 0;
		/** Documents in flight at most; more are answered 429 rate_limited (undefined: no limit). */
		this.concurrencyLimit = undefined;
		this.retryAfterSeconds = 1;
		/** Documents the key may still process (undefined: no quota). */
		this.quota = undefined;
		/** Parse IDs whose output is no longer kept: Extract from them answers 409 parse_expired. */
		this.expiredParses = new Set();
		/** Next jobs to fail: `{ code, message }` each; or by the document's text. */
		this.failures = [];
		this.failureFor = (/** @type {string} */ _text) => undefined;
		/** Next results to come with this status and warnings. */
		this.warnings = [];
		/** Documents processed, by document text: to see none was processed twice. */
		this.processed = [];
		this.rateLimitedCount = 0;
		this.absoluteLocation = false;
		this.peakInFlight = 0;
	}

	get url() {
		return `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (this.server.address()).port}`;
	}

	/** The next `times` requests to `method path` (string or RegExp) get this answer instead. */
	setResponse({ method = 'POST', path, times = 1, ...response }) {
		this.responses.push({ method, path, times, response });
	}

	async handle(req, res) {
		const chunks = [];
		for await (const chunk of req) chunks.push(chunk);
		const raw = req.url;
		const queryStart = raw.indexOf('?');
		const path = queryStart === -1 ? raw : raw.slice(0, queryStart);
		const search = new URLSearchParams(queryStart === -1 ? '' : raw.slice(queryStart + 1));
		const request = {
			method: req.method,
			path,
			rawUrl: raw,
			search,
			headers: req.headers,
			body: Buffer.concat(chunks),
			receivedAt: Date.now(),
		};
		this.requests.push(request);
		const index = this.responses.findIndex(
			({ method, path: wanted }) =>
				method === request.method &&
				(wanted instanceof RegExp ? wanted.test(path) : wanted === path),
		);
		let answer;
		if (index !== -1) {
			const entry = this.responses[index];
			if (--entry.times <= 0) this.responses.splice(index, 1);
			answer = entry.response;
		} else answer = await this.route(request);
		if (answer.delayMs) await new Promise((resolve) => setTimeout(resolve, answer.delayMs));
		if (answer.dropConnection) return req.socket.destroy();
		const headers = { ...(answer.headers ?? {}) };
		let payload = answer.body ?? '';
		if (typeof payload !== 'string' && !Buffer.isBuffer(payload)) {
			payload = JSON.stringify(payload);
			headers['content-type'] ??= 'application/json';
		}
		res.writeHead(
			answer.status ?? 200,
			answer.status === 204 ? (answer.headers ?? {}) : { 'content-type': 'text/plain', ...headers },
		);
		res.end(answer.status === 204 ? undefined : payload);
	}

	error(status, code, message, headers) {
		return { status, body: { code, message }, headers };
	}

	async route(request) {
		if (request.headers['unstructured-api-key'] !== this.apiKey)
			return this.error(401, 'unauthorized', 'The API key is missing or not valid.');
		const { method, path } = request;
		if (method === 'POST' && path === '/api/v2/upload') return this.upload(request);
		const upload = /^\/api\/v2\/upload\/([^/]+)$/.exec(path);
		if (upload && method === 'GET') {
			const found = this.uploads.get(decodeURIComponent(upload[1]));
			// GUESS (§2.3): the upload's metadata as JSON, not its bytes.
			return found
				? { body: found.info }
				: this.error(404, 'not_found', 'The file is missing or expired.');
		}
		if (upload && method === 'DELETE') {
			this.uploads.delete(decodeURIComponent(upload[1]));
			return { status: 204 };
		}
		if (method === 'POST' && (path === '/api/v2/parse' || path === '/api/v2/extract'))
			return await this.submit(request, path.endsWith('extract') ? 'extract' : 'parse');
		if (method === 'GET' && path === '/api/v2/jobs') {
			// GUESS (§2.8): the page as `{"jobs": [...]}`, newest first.
			return {
				body: { jobs: [...this.jobs.values()].reverse().map((job) => this.jobView(job, false)) },
			};
		}
		const job = /^\/api\/v2\/jobs\/([^/]+)(\/cancel)?$/.exec(path);
		if (job) {
			const found = this.jobs.get(decodeURIComponent(job[1]));
			if (!found) return this.error(404, 'not_found', 'No such job for this key.');
			if (job[2] && method === 'POST') {
				if (!['completed', 'completed_with_warnings', 'failed'].includes(this.statusOf(found)))
					found.cancelled = true;
				return { body: this.jobView(found, false) };
			}
			if (method === 'DELETE') {
				this.jobs.delete(found.id);
				return { status: 204 };
			}
			if (method === 'GET') {
				if (found.resultExpired)
					return this.error(
						410,
						'result_expired',
						'The job exists but its stored result is no longer available.',
					);
				return { body: this.jobView(found, true) };
			}
		}
		return this.error(404, 'not_found', `No route ${method} ${path}`);
	}

	upload(request) {
		const form = parseMultipart(request.body, request.headers['content-type']);
		const file = form?.files.find((part) => part.name === 'file');
		if (!file)
			return this.error(
				400,
				'missing_input',
				"file is required: attach the document as the 'file' field.",
			);
		const fileId = `${file.filename ?? 'file'}-${randomUUID().slice(0, 8)}`;
		const info = {
			file_id: fileId,
			filename: file.filename,
			mimetype: file.contentType ?? 'application/octet-stream',
			expires_at: new Date(Date.now() + 24 * 3600_000).toISOString(),
		};
		this.uploads.set(fileId, { info, data: file.data });
		return { body: info };
	}

	inFlight() {
		return [...this.jobs.values()].filter((job) =>
			['queued', 'processing'].includes(this.statusOf(job)),
		).length;
	}

	/** The document of a Parse or Extract: `{ text, filename, mimetype, fileId }`, or an error answer. */
	documentOf(fields, files) {
		const input = files.find((part) => part.name === 'input');
		if (input)
			return {
				text: input.data.toString('utf8'),
				filename: input.filename,
				mimetype: input.contentType,
				fileId: `${input.filename}-${randomUUID().slice(0, 8)}`,
				bytes: input.data.length,
			};
		if (fields.file_id) {
			const found = this.uploads.get(fields.file_id);
			if (!found) return { error: this.error(404, 'not_found', 'The file is missing or expired.') };
			return {
				text: found.data.toString('utf8'),
				filename: found.info.filename,
				mimetype: found.info.mimetype,
				fileId: fields.file_id,
				bytes: found.data.length,
			};
		}
		return {
			error: this.error(
				400,
				'missing_input',
				"input is required: attach the document as the 'input' file field.",
			),
		};
	}

	async submit(request, kind) {
		const isJson = String(request.headers['content-type'] ?? '').startsWith('application/json');
		let fields = {};
		let files = [];
		if (isJson) fields = JSON.parse(request.body.toString('utf8') || '{}');
		else {
			const form = parseMultipart(request.body, request.headers['content-type']);
			if (!form)
				return this.error(
					400,
					'invalid_request',
					'Send multipart/form-data, or JSON with parse_id.',
				);
			({ fields, files } = form);
		}
		let schema;
		if (kind === 'extract' || fields.schema !== undefined) {
			if (kind === 'extract' && fields.schema === undefined)
				return this.error(400, 'invalid_schema', 'schema is required.');
			try {
				schema = typeof fields.schema === 'string' ? JSON.parse(fields.schema) : fields.schema;
			} catch {
				return this.error(
					400,
					'malformed_schema_json',
					'schema is not valid JSON: check quoting and syntax.',
				);
			}
			if (
				!schema ||
				typeof schema !== 'object' ||
				schema.type !== 'object' ||
				typeof schema.properties !== 'object'
			) {
				return this.error(422, 'invalid_schema', 'The schema must be an object with properties.');
			}
		}
		let document;
		if (kind === 'extract' && fields.parse_id !== undefined) {
			if (!isJson) return this.error(400, 'invalid_request', 'Send parse_id as JSON.');
			if (this.expiredParses.has(fields.parse_id))
				return this.error(
					409,
					'parse_expired',
					'The parse output is no longer retained: parse the document again.',
				);
			const parse = this.jobs.get(fields.parse_id);
			if (!parse) return this.error(404, 'not_found', 'No such parse for this key.');
			document = { ...parse.document, reused: true };
		} else {
			document = this.documentOf(fields, files);
			if (document.error) return document.error;
		}
		if (this.quota !== undefined && this.quota <= 0)
			return this.error(429, 'quota_exceeded', 'The quota of this key is used up.');
		if (this.concurrencyLimit !== undefined && this.inFlight() >= this.concurrencyLimit) {
			this.rateLimitedCount += 1;
			return this.error(429, 'rate_limited', 'Too many documents in flight.', {
				'retry-after': String(this.retryAfterSeconds),
			});
		}
		if (this.quota !== undefined) this.quota -= 1;
		if (!document.reused) this.processed.push(document.text);
		const id = randomUUID();
		const job = {
			id,
			kind,
			document,
			schema,
			prompt: fields.prompt,
			output: fields.output ?? 'markdown',
			profile: fields.profile ?? 'balanced',
			include: request.search.getAll('include'),
			startedAt: Date.now(),
			durationMs: this.processingMs,
			failure: this.failureFor(document.text) ?? this.failures.shift(),
			warnings: this.warnings.shift(),
			extractQuery: kind === 'extract' ? `?kind=extract&token=${randomUUID().slice(0, 6)}` : '',
		};
		this.jobs.set(id, job);
		this.peakInFlight = Math.max(this.peakInFlight, this.inFlight());
		const wait = /wait=(\d+)/.exec(String(request.headers.prefer ?? ''));
		const waitMs = wait ? Number(wait[1]) * 1000 : Infinity;
		if (job.durationMs <= waitMs) {
			await new Promise((resolve) => setTimeout(resolve, job.durationMs));
			if (job.failure) return this.error(422, job.failure.code, job.failure.message);
			return { body: this.resultOf(job) };
		}
		if (waitMs > 0) await new Promise((resolve) => setTimeout(resolve, waitMs));
		const location = `${this.absoluteLocation ? this.url : ''}/api/v2/jobs/${id}${job.extractQuery}`;
		return {
			status: 202,
			headers: { location, 'preference-applied': `wait=${wait ? wait[1] : 0}` },
			body: { id, status: 'queued', poll_url: location },
		};
	}

	statusOf(job) {
		if (job.cancelled) return 'cancelled';
		const elapsed = Date.now() - job.startedAt;
		if (elapsed < job.durationMs / 2) return 'queued';
		if (elapsed < job.durationMs) return 'processing';
		if (job.failure) return 'failed';
		return job.warnings ? 'completed_with_warnings' : 'completed';
	}

	jobView(job, withResult) {
		const status = this.statusOf(job);
		const done = status === 'completed' || status === 'completed_with_warnings';
		return {
			id: job.id,
			status,
			created_at: new Date(job.startedAt).toISOString(),
			error: status === 'failed' ? job.failure : null,
			...(withResult ? { result: done ? this.resultOf(job) : null } : {}),
			result_expires_at: done ? new Date(job.startedAt + 24 * 3600_000).toISOString() : null,
		};
	}

	/** The result document (§2.1) of a finished job. */
	resultOf(job) {
		const { document } = job;
		const paragraphs = document.text
			.split(/\n\s*\n/)
			.map((block) => block.trim())
			.filter(Boolean);
		const elements = paragraphs.map((paragraph, index) => {
			const title = /^#+\s+(.*)$/.exec(paragraph);
			const element = {
				type: title ? 'Title' : 'NarrativeText',
				element_id: `${job.id.slice(0, 8)}-${index}`,
				text: title ? title[1] : paragraph,
				metadata: { page_number: 1 },
			};
			if (job.include.includes('coordinates'))
				element.metadata.coordinates = {
					points: [
						[0, index * 10],
						[100, index * 10 + 8],
					],
					system: 'PixelSpace',
				};
			return element;
		});
		const source = {
			file_id: document.fileId,
			filename: document.filename,
			mimetype: document.mimetype,
			expires_at: new Date(job.startedAt + 24 * 3600_000).toISOString(),
		};
		const status = job.warnings ? 'completed_with_warnings' : 'completed';
		const extracted = job.schema
			? [{ data: this.extract(job.schema, document.text), field_metadata: { cited: true } }]
			: [];
		return {
			id: job.id,
			status,
			profile: job.profile,
			warnings: job.warnings ?? [],
			markdown: job.kind === 'parse' && job.output === 'markdown' ? paragraphs.join('\n\n') : null,
			format_version: '2.0',
			metadata: { page_count: 1 },
			extracted_data: extracted,
			elements: job.kind === 'parse' && job.output === 'elements' ? elements : [],
			source,
		};
	}

	/** Each schema property from a line "name: value" of the text; lists split on commas. */
	extract(schema, text) {
		const data = {};
		for (const [name, property] of Object.entries(schema.properties ?? {})) {
			const label = name.replace(/_/g, '[ _]');
			const line = new RegExp(`^\\s*${label}\\s*:\\s*(.+)$`, 'im').exec(text)?.[1]?.trim();
			const types = [].concat(property.type ?? 'string');
			if (line === undefined) data[name] = null;
			else if (types.includes('number') || types.includes('integer'))
				data[name] = Number(line.replace(/[^0-9.-]/g, ''));
			else if (types.includes('boolean')) data[name] = /^(yes|true)$/i.test(line);
			else if (types.includes('array')) data[name] = line.split(',').map((part) => part.trim());
			else data[name] = line;
		}
		return data;
	}
}

module.exports = { MockTransformApi, TRANSFORM_API_KEY: API_KEY };

'use strict';
/**
 * An Ollama-compatible embeddings server on 127.0.0.1 for the RAG recipe's test: no model and no
 * network. `POST /api/embed {model, input}` answers `{model, embeddings}` (Ollama's API, which n8n's
 * Ollama Embeddings node calls through LangChain), each vector a deterministic function of the
 * text: its words hashed into 256 dimensions, counted and normalized, so that texts sharing words
 * are close. `requests` records what was asked.
 */
const http = require('node:http');
const { createHash } = require('node:crypto');

const DIMENSIONS = 256;

function embed(text) {
	const vector = new Array(DIMENSIONS).fill(0);
	for (const word of String(text)
		.toLowerCase()
		.match(/[a-z0-9]+/g) ?? []) {
		vector[createHash('sha256').update(word).digest().readUInt32BE(0) % DIMENSIONS] += 1;
	}
	const norm = Math.sqrt(vector.reduce((sum, value) => sum + value * value, 0)) || 1;
	return vector.map((value) => value / norm);
}

class EmbeddingsStub {
	constructor() {
		this.requests = [];
	}

	async start() {
		this.server = http.createServer(async (req, res) => {
			const chunks = [];
			for await (const chunk of req) chunks.push(chunk);
			const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString('utf8')) : {};
			this.requests.push({ method: req.method, path: req.url, body });
			const send = (status, payload) => {
				res.writeHead(status, { 'content-type': 'application/json' });
				res.end(JSON.stringify(payload));
			};
			if (req.method === 'POST' && req.url === '/api/embed') {
				const input = Array.isArray(body.input) ? body.input : [body.input];
				return send(200, { model: body.model, embeddings: input.map(embed) });
			}
			if (req.method === 'POST' && req.url === '/api/embeddings')
				return send(200, { embedding: embed(body.prompt) });
			return send(404, { error: `no ${req.method} ${req.url} in this stub` });
		});
		await new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
		return this;
	}

	get url() {
		return `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (this.server.address()).port}`;
	}

	async stop() {
		await new Promise((resolve) => this.server.close(resolve));
	}
}

module.exports = { EmbeddingsStub, embed };

'use strict';
/** What the mock APIs share: an HTTP(S) server on a random loopback port, stopped by closing every socket it holds. */
const http = require('node:http');
const https = require('node:https');

class LoopbackServer {
	constructor() {
		/** `{ key, cert }` to serve HTTPS instead of HTTP; set by a subclass. @type {{ key: string | Buffer, cert: string | Buffer } | undefined} */
		this.tls = undefined;
	}

	/** Starts the server with `this.handle(req, res)` as its handler; `tls` (`{ key, cert }`) serves HTTPS. */
	async start() {
		this.sockets = new Set();
		const handler = (req, res) => this.handle(req, res);
		this.server = this.tls ? https.createServer(this.tls, handler) : http.createServer(handler);
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise((resolve) =>
			this.server.listen(0, '127.0.0.1', 1024, () => resolve(undefined)),
		);
		return this;
	}

	async stop() {
		for (const socket of this.sockets) socket.destroy();
		await new Promise((resolve) => this.server.close(resolve));
	}

	/** @param {import('node:http').IncomingMessage} _req @param {import('node:http').ServerResponse} _res */
	async handle(_req, _res) {
		throw new Error('a LoopbackServer handles its requests in handle()');
	}
}

module.exports = { LoopbackServer };

'use strict';
/**
 * A forward proxy on 127.0.0.1 that records every request it carries, as a user's company proxy
 * would see them: plain HTTP requests in absolute form (`GET http://host/path`), and CONNECT
 * tunnels for HTTPS (`CONNECT host:port`), whose content it cannot see.
 */
const http = require('node:http');
const net = require('node:net');

class RecordingProxy {
	constructor() {
		/** `{ method, target }`: target is the absolute URL, or `host:port` for a tunnel. */
		this.seen = [];
	}

	async start() {
		this.sockets = new Set();
		this.server = http.createServer((req, res) => this.forward(req, res));
		this.server.on('connect', (req, client, head) => this.tunnel(req, client, head));
		this.server.on('connection', (socket) => {
			this.sockets.add(socket);
			socket.on('close', () => this.sockets.delete(socket));
		});
		await new Promise((resolve) => this.server.listen(0, '127.0.0.1', () => resolve()));
		return this;
	}

	get url() {
		return `http://127.0.0.1:${/** @type {import('node:net').AddressInfo} */ (this.server.address()).port}`;
	}

	forward(req, res) {
		this.seen.push({ method: req.method, target: req.url });
		const target = new URL(req.url);
		const upstream = http.request(
			{
				host: target.hostname,
				port: target.port,
				method: req.method,
				path: `${target.pathname}${target.search}`,
				headers: req.headers,
			},
			(answer) => {
				res.writeHead(answer.statusCode, answer.headers);
				answer.pipe(res);
			},
		);
		upstream.on('error', () => res.destroy());
		req.pipe(upstream);
	}

	tunnel(req, client, head) {
		this.seen.push({ method: 'CONNECT', target: req.url });
		const [host, port] = req.url.split(':');
		const upstream = net.connect(Number(port), host, () => {
			client.write('HTTP/1.1 200 Connection Established\r\n\r\n');
			upstream.write(head);
			upstream.pipe(client);
			client.pipe(upstream);
		});
		this.sockets.add(upstream);
		upstream.on('close', () => this.sockets.delete(upstream));
		upstream.on('error', () => client.destroy());
		client.on('error', () => upstream.destroy());
	}

	async stop() {
		for (const socket of this.sockets) socket.destroy();
		await new Promise((resolve) => this.server.close(resolve));
	}
}

module.exports = { RecordingProxy };

'use strict';
/**
 * A self-signed certificate for 127.0.0.1, made with Debian's openssl in a temporary folder, for a
 * mock API served over HTTPS as an in-VPC Unstructured URL with a private CA would be.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

function selfSignedCertificate() {
	const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-unstructured-tls-'));
	const key = path.join(dir, 'key.pem');
	const cert = path.join(dir, 'cert.pem');
	execFileSync(
		'openssl',
		[
			'req',
			'-x509',
			'-newkey',
			'rsa:2048',
			'-nodes',
			'-days',
			'2',
			'-subj',
			'/CN=127.0.0.1',
			'-addext',
			'subjectAltName=IP:127.0.0.1',
			'-keyout',
			key,
			'-out',
			cert,
		],
		{ stdio: 'ignore' },
	);
	const pair = { key: fs.readFileSync(key), cert: fs.readFileSync(cert) };
	fs.rmSync(dir, { recursive: true, force: true });
	return pair;
}

module.exports = { selfSignedCertificate };

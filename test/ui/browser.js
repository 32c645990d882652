'use strict';
/**
 * Chromium from Debian's packages (installed with apt-get when missing: no browser download),
 * driven by playwright-core, with the flags this machine's closed network needs.
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');

const CHROMIUM = '/usr/bin/chromium';

function ensureChromium() {
	if (fs.existsSync(CHROMIUM)) return;
	process.stdout.write('[ui] apt-get install chromium\n');
	const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
	execFileSync('apt-get', ['update'], { stdio: 'inherit', env });
	execFileSync(
		'apt-get',
		['install', '-y', '--no-install-recommends', 'chromium', 'fonts-dejavu-core'],
		{ stdio: 'inherit', env },
	);
}

async function launchChromium() {
	ensureChromium();
	const { chromium } = require('playwright-core');
	return await chromium.launch({
		executablePath: CHROMIUM,
		args: [
			'--no-sandbox',
			'--disable-gpu',
			'--disable-quic',
			'--no-first-run',
			'--disable-background-networking',
			'--disable-component-update',
			'--disable-sync',
		],
	});
}

module.exports = { launchChromium };

/**
 * `npm run scan`: the lint legs of n8n's verification scanner (@n8n/scan-community-package), run
 * here instead of against the npm registry: the packed tarball as users get it, and the source
 * as the provenance-attested checkout would be linted. Exits 1 on any violation.
 */
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import {
	analyzePackage,
	SOURCE_FILE_PATTERNS,
} from '@n8n/scan-community-package/scanner/scanner.mjs';

const repo = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'unstructured-scan-'));
try {
	const tarball = execFileSync(
		'npm',
		['pack', repo, '--pack-destination', work, '--silent', '--ignore-scripts'],
		{ encoding: 'utf8' },
	)
		.trim()
		.split('\n')
		.pop();
	const unpacked = path.join(work, 'package');
	execFileSync('tar', ['-xzf', path.join(work, tarball), '-C', work]);
	let failed = false;
	for (const [leg, result] of [
		['tarball', await analyzePackage(unpacked)],
		['source', await analyzePackage(repo, SOURCE_FILE_PATTERNS)],
	]) {
		process.stdout.write(
			`n8n package scanner, ${leg}: ${result.passed ? 'passed' : `failed: ${result.message}`}\n`,
		);
		if (!result.passed) {
			failed = true;
			if (result.details) process.stdout.write(`${result.details}\n`);
		}
	}
	process.exitCode = failed ? 1 : 0;
} finally {
	fs.rmSync(work, { recursive: true, force: true });
}

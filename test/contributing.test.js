'use strict';
/**
 * CONTRIBUTING.md's Layout cannot go stale: every path it lists exists, and every source file of
 * nodes/, credentials/ and support/ and every folder of test/ is listed.
 */
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');
const { describe, it } = require('node:test');

const REPO = path.resolve(__dirname, '..');

/** The paths of the Layout block, from its indentation: two spaces per level, folders end in '/'. */
function layoutPaths() {
	const text = fs.readFileSync(path.join(REPO, 'CONTRIBUTING.md'), 'utf8');
	const block = /## Layout[\s\S]*?```\n([\s\S]*?)```/.exec(text)[1];
	const parents = [];
	const paths = [];
	for (const line of block.split('\n').filter((candidate) => candidate.trim())) {
		const depth = (line.length - line.trimStart().length) / 2;
		const name = line.trim().split(/\s{2,}/)[0];
		parents.length = depth;
		const full = [...parents, name].join('');
		paths.push(full);
		if (name.endsWith('/')) parents[depth] = name;
	}
	return paths;
}

/** Every file below `dir` (relative to the repo), folders ending in '/', leaving out `skip`. */
function walk(dir, skip = []) {
	const found = [];
	for (const entry of fs.readdirSync(path.join(REPO, dir), { withFileTypes: true })) {
		const relative = `${dir}/${entry.name}`;
		if (skip.includes(relative)) continue;
		if (entry.isDirectory()) found.push(`${relative}/`, ...walk(relative, skip));
		else found.push(relative);
	}
	return found;
}

describe('CONTRIBUTING.md, Layout', () => {
	const listed = layoutPaths();

	it('lists only what exists', () => {
		const missing = listed.filter((entry) => !fs.existsSync(path.join(REPO, entry)));
		assert.deepEqual(missing, []);
	});

	it('lists every file of nodes/, credentials/ and support/, and every folder of test/', () => {
		const expected = [
			...walk('nodes'),
			...walk('credentials'),
			...walk('support').filter((entry) => !/^support\/n8n-(server|1x)\/./.test(entry)),
			...walk('test').filter((entry) => entry.endsWith('/')),
		];
		assert.deepEqual(
			expected.filter((entry) => !listed.includes(entry)),
			[],
		);
	});
});

'use strict';
/** bench/RESULTS.md, written in sections: each script replaces its own, between `<!-- name:start -->` and `<!-- name:end -->`. */
const fs = require('node:fs');
const path = require('node:path');

const RESULTS = path.join(__dirname, 'RESULTS.md');

/** Writes `lines` as the section `name`, in place of the one there, or at the end. */
function writeResultsSection(name, lines) {
	const start = `<!-- ${name}:start -->`;
	const end = `<!-- ${name}:end -->`;
	const section = [start, ...lines, end].join('\n');
	const text = fs.existsSync(RESULTS) ? fs.readFileSync(RESULTS, 'utf8') : '';
	const at = text.indexOf(start);
	fs.writeFileSync(
		RESULTS,
		at === -1
			? `${text.trimEnd()}\n\n${section}\n`
			: `${text.slice(0, at)}${section}${text.slice(text.indexOf(end) + end.length)}`,
	);
}

module.exports = { writeResultsSection };

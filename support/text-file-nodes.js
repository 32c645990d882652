'use strict';
/**
 * Nodes of n8n's own that stand in for the examples' forms in the e2e and browser tests, and the
 * connection between two nodes as n8n saves it.
 */

/**
 * Two nodes of n8n's own that turn a text into a file, as the e2e and browser tests feed documents
 * to workflows whose forms they leave out: Set (`text`) → Convert to File, the file in binary
 * `binaryField`. `names` and `ids` name the two nodes; they stand at `x` and `x + 220` on the canvas.
 */
function textFileNodes({ text, fileName, binaryField = 'data', names, ids, x }) {
	return [
		{
			id: ids[0],
			name: names[0],
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [x, 0],
			parameters: {
				assignments: { assignments: [{ id: 'text', name: 'text', value: text, type: 'string' }] },
				options: {},
			},
		},
		{
			id: ids[1],
			name: names[1],
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			position: [x + 220, 0],
			parameters: {
				operation: 'toText',
				sourceProperty: 'text',
				...(binaryField === 'data' ? {} : { binaryPropertyName: binaryField }),
				options: { fileName },
			},
		},
	];
}

/** A Set node giving `Question` once, in place of an example's question form. */
function questionNode({ id, question, position = [700, 0] }) {
	return {
		id,
		name: 'Question',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position,
		executeOnce: true,
		parameters: {
			assignments: {
				assignments: [{ id: 'q', name: 'Question', value: question, type: 'string' }],
			},
			options: {},
		},
	};
}

/** `from` → `to` on the main output, as n8n saves a connection. */
function mainConnection(from, to) {
	return { [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } };
}

module.exports = { mainConnection, questionNode, textFileNodes };

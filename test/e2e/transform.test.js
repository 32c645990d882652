'use strict';
/**
 * The Unstructured Transform examples in a real n8n 2.41.1, through `n8n execute`, against the mock
 * Transform API on loopback, with their forms replaced by a text file: transform-elements-vector-store
 * (Parse, Output Elements → n8n's Simple Vector Store, whose search must find the element asked
 * about) and transform-invoice-fields (Extract with a field list → the fields at the top of the item).
 */
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { MockTransformApi } = require('../../support/mock-transform-api');
const { REPO } = require('../../support/n8n');
const {
	mainConnection: main,
	questionNode,
	textFileNodes,
} = require('../../support/text-file-nodes');
const { useN8nWithEmbeddings } = require('./with-embeddings');

const mock = new MockTransformApi({ apiKey: 'transform-e2e-key-5d2a71' });

const REPORT = [
	'# Quarterly report',
	'Revenue grew by 12 percent in the third quarter.',
	'The office in Lyon opened in March with forty staff.',
	'Shipping costs fell after the new carrier contract.',
].join('\n\n');

const INVOICE =
	'Invoice number: INV-1001\n\nInvoice date: 2026-11-30\n\nVendor: ACME Corp\n\nTotal: 120.50';

/** Manual Trigger → Set (the text) → Convert to File: the document as binary `Document`, as the examples' forms give it. */
function documentNodes(text, fileName) {
	return [
		{
			id: 'b0000000-0000-4000-8000-000000000001',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [-440, 0],
			parameters: {},
		},
		...textFileNodes({
			text,
			fileName,
			binaryField: 'Document',
			names: ['Text', 'File'],
			ids: ['b0000000-0000-4000-8000-000000000002', 'b0000000-0000-4000-8000-000000000003'],
			x: -220,
		}),
	];
}

function example(name) {
	const workflow = JSON.parse(fs.readFileSync(path.join(REPO, 'examples', name), 'utf8'));
	return { workflow, byName: Object.fromEntries(workflow.nodes.map((node) => [node.name, node])) };
}

/** examples/transform-elements-vector-store.json, fed a text file and a question by nodes of n8n's own instead of its two forms. */
function parseIntoVectorStore() {
	const { workflow, byName } = example('transform-elements-vector-store.json');
	const kept = [
		'Parse into Elements',
		'Insert into Vector Store',
		'Elements as Documents',
		'Embeddings',
		'Search the Vector Store',
		'Embeddings for the Question',
	].map((name) => byName[name]);
	const question = questionNode({
		id: 'b0000000-0000-4000-8000-000000000005',
		question: 'Did revenue grow by 12 percent?',
	});
	return {
		id: 'transformRag0001',
		name: 'Transform Parse into a vector store',
		nodes: [...documentNodes(REPORT, 'report.txt'), question, ...kept],
		connections: {
			...main('Start', 'Text'),
			...main('Text', 'File'),
			...main('File', 'Parse into Elements'),
			...main('Parse into Elements', 'Insert into Vector Store'),
			...main('Insert into Vector Store', 'Question'),
			...main('Question', 'Search the Vector Store'),
			'Elements as Documents': workflow.connections['Elements as Documents'],
			Embeddings: workflow.connections.Embeddings,
			'Embeddings for the Question': workflow.connections['Embeddings for the Question'],
		},
		settings: { executionOrder: 'v1' },
	};
}

/** examples/transform-invoice-fields.json, fed a text invoice instead of its form. */
function extractFields() {
	const { byName } = example('transform-invoice-fields.json');
	return {
		id: 'transformExtr001',
		name: 'Transform Extract with a field list',
		nodes: [...documentNodes(INVOICE, 'invoice.txt'), byName['Extract Invoice Fields']],
		connections: {
			...main('Start', 'Text'),
			...main('Text', 'File'),
			...main('File', 'Extract Invoice Fields'),
		},
		settings: { executionOrder: 'v1' },
	};
}

const e2e = useN8nWithEmbeddings(mock, (api) => ({
	id: 'unstructured-transform-example',
	name: 'Unstructured Transform account',
	type: 'unstructuredTransformApi',
	data: { apiKey: api.apiKey, baseUrl: api.url },
}));

describe('the Unstructured Transform node in a real n8n', () => {
	it('Parse → elements into the vector store: a question finds the element it is about', async () => {
		await e2e.n8n.importJson('workflow', 'transform-rag', parseIntoVectorStore());
		const result = await e2e.n8n.execute('transformRag0001');
		assert.equal(result.status, 0, result.stdout + result.stderr);
		const runData = result.run.data.resultData.runData;
		const elements = runData['Parse into Elements'][0].data.main[0];
		assert.deepEqual(
			elements.map((item) => [
				item.json.type,
				item.json.text,
				item.json.file_name,
				item.pairedItem.item,
			]),
			[
				['Title', 'Quarterly report', 'report.txt', 0],
				['NarrativeText', 'Revenue grew by 12 percent in the third quarter.', 'report.txt', 0],
				['NarrativeText', 'The office in Lyon opened in March with forty staff.', 'report.txt', 0],
				['NarrativeText', 'Shipping costs fell after the new carrier contract.', 'report.txt', 0],
			],
		);
		assert.equal(runData['Insert into Vector Store'][0].data.main[0].length, 4);
		const [top] = runData['Search the Vector Store'][0].data.main[0].map((item) => item.json);
		assert.equal(top.document.pageContent, 'Revenue grew by 12 percent in the third quarter.');
		assert.equal(top.document.metadata.file_name, 'report.txt');
		assert.equal(top.document.metadata.element_type, 'NarrativeText');
		assert.equal(mock.requests[0].headers['unstructured-api-key'], mock.apiKey);
		assert.ok(!`${result.stdout}${result.stderr}`.includes(mock.apiKey));
	});

	it('Extract with a field list → one item with the fields at the top', async () => {
		await e2e.n8n.importJson('workflow', 'transform-extract', extractFields());
		const result = await e2e.n8n.execute('transformExtr001');
		assert.equal(result.status, 0, result.stdout + result.stderr);
		const [item] = result.run.data.resultData.runData['Extract Invoice Fields'][0].data.main[0];
		assert.deepEqual(
			[
				item.json.invoice_number,
				item.json.invoice_date,
				item.json.vendor,
				item.json.total,
				item.json.line_items,
			],
			['INV-1001', '2026-11-30', 'ACME Corp', 120.5, null],
		);
		assert.equal(item.json.extraction.file_name, 'invoice.txt');
	});
});

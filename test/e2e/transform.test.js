'use strict';
/**
 * The Unstructured Transform node in a real n8n 2.41.1, through `n8n execute`, against the mock
 * Transform API on loopback: a text file → Document › Parse (Output Elements) → n8n's Simple Vector
 * Store through the Default Data Loader of the RAG recipe (examples/rag-elements-vector-store.json),
 * whose search must find the element asked about; and a text file → Document › Extract with a field
 * list → the fields at the top of the item.
 */
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { MockTransformApi } = require('../../support/mock-transform-api');
const { EmbeddingsStub } = require('../../support/embeddings-stub');
const { N8nInstance, REPO } = require('../../support/n8n');

const mock = new MockTransformApi({ apiKey: 'transform-e2e-key-5d2a71' });
const stub = new EmbeddingsStub();
let n8n;

const REPORT = [
	'# Quarterly report',
	'Revenue grew by 12 percent in the third quarter.',
	'The office in Lyon opened in March with forty staff.',
	'Shipping costs fell after the new carrier contract.',
].join('\n\n');

const INVOICE = 'Invoice number: INV-1001\n\nTotal: 120.50\n\nCustomer: ACME Corp';

const TRANSFORM_CREDENTIAL = {
	unstructuredTransformApi: { id: 'transform-example', name: 'Unstructured Transform account' },
};
const main = (from, to) => ({ [from]: { main: [[{ node: to, type: 'main', index: 0 }]] } });

/** Manual Trigger → Set (the text) → Convert to File: the document as binary `data`. */
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
		{
			id: 'b0000000-0000-4000-8000-000000000002',
			name: 'Text',
			type: 'n8n-nodes-base.set',
			typeVersion: 3.4,
			position: [-220, 0],
			parameters: {
				assignments: { assignments: [{ id: 't', name: 'text', value: text, type: 'string' }] },
				options: {},
			},
		},
		{
			id: 'b0000000-0000-4000-8000-000000000003',
			name: 'File',
			type: 'n8n-nodes-base.convertToFile',
			typeVersion: 1.1,
			position: [0, 0],
			parameters: { operation: 'toText', sourceProperty: 'text', options: { fileName } },
		},
	];
}

/** The RAG recipe with Transform's Parse (Output Elements) in place of the Pipelines job. */
function parseIntoVectorStore() {
	const recipe = JSON.parse(
		fs.readFileSync(path.join(REPO, 'examples', 'rag-elements-vector-store.json'), 'utf8'),
	);
	const byName = Object.fromEntries(recipe.nodes.map((node) => [node.name, node]));
	const kept = [
		'Insert into Vector Store',
		'Elements as Documents',
		'Embeddings',
		'Search the Vector Store',
		'Embeddings for the Question',
	].map((name) => byName[name]);
	const parse = {
		id: 'b0000000-0000-4000-8000-000000000004',
		name: 'Parse',
		type: 'n8n-nodes-unstructured.unstructuredTransform',
		typeVersion: 1,
		position: [220, 0],
		parameters: { resource: 'document', operation: 'parse', output: 'elements' },
		credentials: TRANSFORM_CREDENTIAL,
	};
	const question = {
		id: 'b0000000-0000-4000-8000-000000000005',
		name: 'Question',
		type: 'n8n-nodes-base.set',
		typeVersion: 3.4,
		position: [700, 0],
		executeOnce: true,
		parameters: {
			assignments: {
				assignments: [
					{ id: 'q', name: 'Question', value: 'Did revenue grow by 12 percent?', type: 'string' },
				],
			},
			options: {},
		},
	};
	return {
		id: 'transformRag0001',
		name: 'Transform Parse into a vector store',
		nodes: [...documentNodes(REPORT, 'report.txt'), parse, question, ...kept],
		connections: {
			...main('Start', 'Text'),
			...main('Text', 'File'),
			...main('File', 'Parse'),
			...main('Parse', 'Insert into Vector Store'),
			...main('Insert into Vector Store', 'Question'),
			...main('Question', 'Search the Vector Store'),
			'Elements as Documents': recipe.connections['Elements as Documents'],
			Embeddings: recipe.connections.Embeddings,
			'Embeddings for the Question': recipe.connections['Embeddings for the Question'],
		},
		settings: { executionOrder: 'v1' },
	};
}

function extractFields() {
	return {
		id: 'transformExtr001',
		name: 'Transform Extract with a field list',
		nodes: [
			...documentNodes(INVOICE, 'invoice.txt'),
			{
				id: 'b0000000-0000-4000-8000-000000000006',
				name: 'Extract',
				type: 'n8n-nodes-unstructured.unstructuredTransform',
				typeVersion: 1,
				position: [220, 0],
				parameters: {
					resource: 'document',
					operation: 'extract',
					schemaFields: {
						field: [
							{ name: 'invoice_number', type: 'string', description: 'The invoice number' },
							{ name: 'total', type: 'number' },
							{ name: 'customer', type: 'string', required: false },
						],
					},
				},
				credentials: TRANSFORM_CREDENTIAL,
			},
		],
		connections: { ...main('Start', 'Text'), ...main('Text', 'File'), ...main('File', 'Extract') },
		settings: { executionOrder: 'v1' },
	};
}

before(async () => {
	await mock.start();
	await stub.start();
	n8n = await new N8nInstance().init();
	await n8n.importJson('credentials', 'credentials', [
		{
			id: 'transform-example',
			name: 'Unstructured Transform account',
			type: 'unstructuredTransformApi',
			data: { apiKey: mock.apiKey, baseUrl: mock.url },
		},
		{
			id: 'ollama-example',
			name: 'Ollama account',
			type: 'ollamaApi',
			data: { baseUrl: stub.url },
		},
	]);
});

after(async () => {
	await n8n?.stop();
	n8n?.cleanUp();
	await stub.stop();
	await mock.stop();
});

describe('the Unstructured Transform node in a real n8n', () => {
	it('Parse → elements into the vector store: a question finds the element it is about', async () => {
		await n8n.importJson('workflow', 'transform-rag', parseIntoVectorStore());
		const result = await n8n.execute('transformRag0001');
		assert.equal(result.status, 0, result.stdout + result.stderr);
		const runData = result.run.data.resultData.runData;
		const elements = runData.Parse[0].data.main[0];
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
		await n8n.importJson('workflow', 'transform-extract', extractFields());
		const result = await n8n.execute('transformExtr001');
		assert.equal(result.status, 0, result.stdout + result.stderr);
		const [item] = result.run.data.resultData.runData.Extract[0].data.main[0];
		assert.deepEqual(
			[item.json.invoice_number, item.json.total, item.json.customer],
			['INV-1001', 120.5, 'ACME Corp'],
		);
		assert.equal(item.json.extraction.file_name, 'invoice.txt');
	});
});

'use strict';
/**
 * The RAG recipe (examples/rag-elements-vector-store.json) in a real n8n 2.41.1, through `n8n
 * execute`: a text file → Unstructured › Job › Create (job nodes: partition then chunk, Output
 * Elements) → n8n's Simple (in-memory) Vector Store, inserting through the Default Data Loader (JSON)
 * with Ollama Embeddings pointed at a deterministic embeddings stub on loopback → a search of the
 * store, whose top result must be the element asked about, with its metadata. One execution: the
 * in-memory store lives in the n8n process.
 */
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { MockUnstructuredApi } = require('../../support/mock-api');
const { REPO } = require('../../support/n8n');
const {
	mainConnection: main,
	questionNode,
	textFileNodes,
} = require('../../support/text-file-nodes');
const { useN8nWithEmbeddings } = require('./with-embeddings');

const API_KEY = 'rag-e2e-key-93b1c4';
const mock = new MockUnstructuredApi({ apiKey: API_KEY });

const ELEMENTS = [
	{
		type: 'Title',
		element_id: 'el-1',
		text: 'Quarterly report',
		metadata: { filename: 'report.txt', page_number: 1 },
	},
	{
		type: 'NarrativeText',
		element_id: 'el-2',
		text: 'Revenue grew by 12 percent in the third quarter.',
		metadata: { filename: 'report.txt', page_number: 2 },
	},
	{
		type: 'NarrativeText',
		element_id: 'el-3',
		text: 'The office in Lyon opened in March with forty staff.',
		metadata: { filename: 'report.txt', page_number: 3 },
	},
	{
		type: 'NarrativeText',
		element_id: 'el-4',
		text: 'Shipping costs fell after the new carrier contract.',
		metadata: { filename: 'report.txt', page_number: 3 },
	},
];

/** The recipe's nodes, fed a text file and a question by nodes of n8n's own instead of its two forms. */
function recipeUnderTest() {
	const recipe = JSON.parse(
		fs.readFileSync(path.join(REPO, 'examples', 'rag-elements-vector-store.json'), 'utf8'),
	);
	const byName = Object.fromEntries(recipe.nodes.map((node) => [node.name, node]));
	const kept = [
		'Partition and Chunk',
		'Insert into Vector Store',
		'Elements as Documents',
		'Embeddings',
		'Search the Vector Store',
		'Embeddings for the Question',
	].map((name) => byName[name]);
	byName['Partition and Chunk'].parameters.waitOptions = { pollInterval: 1 };
	const added = [
		{
			id: 'a0000000-0000-4000-8000-000000000001',
			name: 'Start',
			type: 'n8n-nodes-base.manualTrigger',
			typeVersion: 1,
			position: [-440, 0],
			parameters: {},
		},
		...textFileNodes({
			text: 'Quarterly report',
			fileName: 'report.txt',
			names: ['Report Text', 'Report File'],
			ids: ['a0000000-0000-4000-8000-000000000002', 'a0000000-0000-4000-8000-000000000003'],
			x: -220,
		}),
		questionNode({
			id: 'a0000000-0000-4000-8000-000000000004',
			question: 'Did revenue grow by 12 percent?',
		}),
	];
	return {
		id: 'ragRecipe0000001',
		name: 'RAG recipe under test',
		nodes: [...added, ...kept],
		connections: {
			...main('Start', 'Report Text'),
			...main('Report Text', 'Report File'),
			...main('Report File', 'Partition and Chunk'),
			...main('Partition and Chunk', 'Insert into Vector Store'),
			...main('Insert into Vector Store', 'Question'),
			...main('Question', 'Search the Vector Store'),
			'Elements as Documents': recipe.connections['Elements as Documents'],
			Embeddings: recipe.connections.Embeddings,
			'Embeddings for the Question': recipe.connections['Embeddings for the Question'],
		},
		settings: { executionOrder: 'v1' },
	};
}

const e2e = useN8nWithEmbeddings(mock, (api) => ({
	id: 'unstructured-example',
	name: 'Unstructured account',
	type: 'unstructuredApi',
	data: { apiUrl: api.url, apiKey: API_KEY },
}));

describe('the RAG recipe in a real n8n', () => {
	it("elements go into n8n's vector store with their metadata, and a question finds the element it is about", async () => {
		mock.newJobStatuses = ['IN_PROGRESS', 'COMPLETED'];
		mock.newJobOutput = () => ELEMENTS;
		await e2e.n8n.importJson('workflow', 'rag', recipeUnderTest());
		const result = await e2e.n8n.execute('ragRecipe0000001');
		assert.equal(result.status, 0, result.stdout + result.stderr);
		const runData = result.run.data.resultData.runData;
		const [job] = mock.jobs.values();
		const post = mock.requests.find(
			(request) => request.method === 'POST' && request.path === '/api/v1/jobs/',
		);
		assert.deepEqual(
			JSON.parse(
				require('../../support/mock-api').parseMultipart(post.body, post.headers['content-type'])
					.fields.request_data,
			).job_nodes.map((node) => node.type),
			['partition', 'chunk'],
		);

		const elements = runData['Partition and Chunk'][0].data.main[0];
		assert.deepEqual(
			elements.map((item) => [item.json.element_id, item.json.job_id, item.pairedItem.item]),
			ELEMENTS.map((element) => [element.element_id, job.id, 0]),
		);
		const inserted = runData['Insert into Vector Store'][0].data.main[0];
		assert.equal(inserted.length, ELEMENTS.length, 'every element went into the store');

		const found = runData['Search the Vector Store'][0].data.main[0].map((item) => item.json);
		assert.equal(found.length, 4);
		const [top] = found;
		assert.equal(top.document.pageContent, 'Revenue grew by 12 percent in the third quarter.');
		assert.deepEqual(
			{ ...top.document.metadata, page_number: String(top.document.metadata.page_number) },
			{
				...top.document.metadata,
				file_name: 'report.txt',
				page_number: '2',
				element_id: 'el-2',
				element_type: 'NarrativeText',
				job_id: job.id,
			},
		);
		assert.ok(found.every((item, index) => index === 0 || item.score <= top.score));
		assert.ok(
			e2e.stub.requests.some((request) => request.path === '/api/embed'),
			'the embeddings came from the stub',
		);
	});
});

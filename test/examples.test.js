'use strict';
const { describe, it, before, after } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { runNode, NODE_TYPE } = require('./harness');
const { MockUnstructuredApi, makeOutputFile } = require('./mock-api');

const examplesDir = path.resolve(__dirname, '..', 'examples');
const mock = new MockUnstructuredApi();

before(() => mock.start());
after(() => mock.stop());

describe('examples/get-job-output-files.json', () => {
	const workflow = JSON.parse(fs.readFileSync(path.join(examplesDir, 'get-job-output-files.json'), 'utf8'));
	const node = workflow.nodes.find((candidate) => candidate.type === NODE_TYPE);

	it('connects the Manual Trigger to Unstructured › Job › Get', () => {
		const trigger = workflow.nodes.find((candidate) => candidate.type === 'n8n-nodes-base.manualTrigger');
		assert.equal(workflow.connections[trigger.name].main[0][0].node, node.name);
		assert.deepEqual(Object.keys(node.credentials), ['unstructuredApi']);
	});

	it('its Unstructured node runs as saved and outputs the job files', async () => {
		const file = makeOutputFile();
		const job = mock.addJob({ id: node.parameters.jobId.value, output_node_files: [file] });
		const { items, error } = await runNode({
			parameters: node.parameters,
			credentials: { apiUrl: mock.url, apiKey: mock.apiKey },
		});
		assert.equal(error, undefined);
		assert.deepEqual(items.map((item) => [item.json.job_id, item.json.file_id]), [[job.id, file.file_id]]);
	});
});

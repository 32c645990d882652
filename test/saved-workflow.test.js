'use strict';
/**
 * Saved workflows keep working: every node of a workflow saved by release 0.1.0 (parameters as the
 * editor stored them, defaults left out) runs on this build and sends the very requests that
 * release sent (fixtures/saved-0.1.0.json, recorded by fixtures/record-saved-workflow.js).
 */
const assert = require('node:assert/strict');
const { describe, it } = require('node:test');

const { runNode } = require('../support/harness');
const fixture = require('./fixtures/saved-0.1.0.json');
const { useMockApi } = require('./helpers');
const { canonicalRequest, savedWorkflowSetup } = require('./saved-workflow-setup');

describe('A workflow saved by release 0.1.0', () => {
	const { mock, credentials } = useMockApi();

	it('holds one node per operation of the setup', () => {
		assert.deepEqual(
			fixture.nodes.map((node) => node.name),
			savedWorkflowSetup.nodes.map((node) => node.name),
		);
	});

	for (const saved of fixture.nodes) {
		it(`${saved.name} (version ${saved.typeVersion}) sends what 0.1.0 sent`, async () => {
			savedWorkflowSetup.prepare(mock);
			const { items: input } = savedWorkflowSetup.nodes.find((node) => node.name === saved.name);
			const { items, error } = await runNode({
				parameters: saved.parameters,
				items: input,
				credentials,
				settings: { typeVersion: saved.typeVersion },
			});
			assert.equal(error, undefined);
			assert.ok(items.length > 0, 'the node gave items');
			assert.deepEqual(mock.requests.map(canonicalRequest), fixture.expected[saved.name]);
		});
	}
});

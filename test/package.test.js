'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { loadPackage } = require('./harness');

const root = path.resolve(__dirname, '..');
const packageJson = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));

describe('the package as n8n loads it', () => {
	it('follows the community package rules', () => {
		assert.ok(packageJson.keywords.includes('n8n-community-node-package'));
		assert.equal(packageJson.dependencies, undefined);
		assert.deepEqual(packageJson.peerDependencies, { 'n8n-workflow': '*' });
		assert.deepEqual(packageJson.files, ['dist']);
		assert.equal(packageJson.license, 'MIT');
		assert.equal(packageJson.n8n.strict, true);
		assert.equal(packageJson.n8n.n8nNodesApiVersion, 1);
		for (const file of [...packageJson.n8n.nodes, ...packageJson.n8n.credentials]) {
			assert.ok(fs.existsSync(path.join(root, file)), `${file} is built`);
		}
		for (const [name, version] of Object.entries(packageJson.devDependencies)) {
			assert.match(version, /^\d+\.\d+\.\d+$/, `${name} is pinned`);
		}
	});

	it('describes the Unstructured node with its stable names, icons, codex and tool use', async () => {
		const loader = await loadPackage();
		const { description } = loader.nodeTypes.unstructured.type;
		assert.equal(description.displayName, 'Unstructured');
		assert.equal(description.name, 'unstructured');
		assert.equal(description.usableAsTool, true);
		assert.deepEqual(description.inputs, ['main']);
		assert.deepEqual(description.outputs, ['main']);
		assert.deepEqual(description.credentials, [{ name: 'unstructuredApi', required: true }]);
		assert.match(description.subtitle, /\$parameter\["operation"\]/);
		assert.match(description.documentationUrl, /^https:\/\//);
		assert.ok(description.codex?.categories?.length, 'the codex is read from Unstructured.node.json');
		assert.deepEqual(description.iconUrl, {
			light: 'icons/n8n-nodes-unstructured/dist/nodes/Unstructured/unstructured.svg',
			dark: 'icons/n8n-nodes-unstructured/dist/nodes/Unstructured/unstructured.dark.svg',
		});
		for (const url of Object.values(description.iconUrl)) {
			const file = path.join(root, url.replace('icons/n8n-nodes-unstructured/', ''));
			assert.match(fs.readFileSync(file, 'utf8'), /^<svg /, `${file} is an SVG copied into dist`);
		}
		const byName = Object.fromEntries(description.properties.map((property) => [property.name, property]));
		assert.deepEqual(byName.resource.options.map((option) => option.value), ['job']);
		assert.deepEqual(byName.operation.options.map((option) => option.value), ['get']);
		assert.equal(byName.jobId.type, 'resourceLocator');
		assert.deepEqual(byName.jobId.modes.map((mode) => mode.name), ['list', 'id']);
		assert.deepEqual(byName.output.options.map((option) => option.value), ['outputFiles', 'job']);
		assert.equal(byName.output.default, 'outputFiles');
		assert.ok(byName.requestOptions, 'n8n adds its request options (batching, timeout) to declarative nodes');
	});
});

'use strict';
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const fs = require('node:fs');
const path = require('node:path');

const { loadPackage, nodeSubtitle } = require('../support/harness');

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
		for (const [resource, operation, subtitle] of [
			['job', 'get', 'Get Job'],
			['job', 'getAll', 'Get Many Jobs'],
			['job', 'download', 'Download Job Output'],
			['workflow', 'run', 'Run Workflow'],
			['template', 'getAll', 'Get Many Templates'],
			['source', 'testConnection', 'Test Source Connection'],
			['destination', 'getAll', 'Get Many Destinations'],
			['workflow', 'update', 'Update Workflow'],
		]) {
			assert.equal(
				await nodeSubtitle({ type: 'unstructured', parameters: { resource, operation } }),
				subtitle,
			);
		}
		assert.match(description.documentationUrl, /^https:\/\//);
		assert.ok(
			description.codex?.categories?.length,
			'the codex is read from Unstructured.node.json',
		);
		assert.deepEqual(description.iconUrl, {
			light: 'icons/n8n-nodes-unstructured/dist/nodes/Unstructured/unstructured.svg',
			dark: 'icons/n8n-nodes-unstructured/dist/nodes/Unstructured/unstructured.dark.svg',
		});
		for (const url of Object.values(description.iconUrl)) {
			const file = path.join(root, url.replace('icons/n8n-nodes-unstructured/', ''));
			assert.match(fs.readFileSync(file, 'utf8'), /^<svg /, `${file} is an SVG copied into dist`);
		}
		const named = (name) => description.properties.filter((property) => property.name === name);
		assert.deepEqual(
			named('resource')[0].options.map((option) => option.value),
			['destination', 'job', 'source', 'template', 'workflow'],
		);
		const operationsOf = (resource) =>
			named('operation')
				.find((property) => property.displayOptions.show.resource.includes(resource))
				.options.map((option) => option.value);
		assert.deepEqual(operationsOf('workflow'), [
			'create',
			'delete',
			'get',
			'getAll',
			'run',
			'update',
		]);
		for (const resource of ['source', 'destination']) {
			assert.deepEqual(operationsOf(resource), [
				'create',
				'delete',
				'get',
				'getAll',
				'testConnection',
				'update',
			]);
		}
		assert.deepEqual(operationsOf('template'), ['get', 'getAll']);
		assert.deepEqual(operationsOf('job'), [
			'cancel',
			'create',
			'download',
			'get',
			'getDetails',
			'getFailedFiles',
			'getAll',
		]);
		const shownFor = (property) => property.displayOptions?.show?.operation ?? [];
		for (const operation of ['cancel', 'download', 'get', 'getDetails', 'getFailedFiles']) {
			const jobId = named('jobId').find((property) => shownFor(property).includes(operation));
			assert.equal(jobId?.type, 'resourceLocator', `${operation} has a Job ID`);
			assert.deepEqual(
				jobId.modes.map((mode) => mode.name),
				['list', 'id'],
			);
		}
		const getOutput = named('output').find((property) => shownFor(property).includes('get'));
		assert.deepEqual(
			getOutput.options.map((option) => option.value),
			['outputFiles', 'job'],
		);
		assert.equal(getOutput.default, 'outputFiles');
		const waitDefaults = named('waitForCompletion').map((property) => [
			property.displayOptions.show.resource[0],
			shownFor(property)[0],
			property.default,
		]);
		assert.deepEqual(waitDefaults, [
			['job', 'create', true],
			['job', 'get', false],
			['workflow', 'run', true],
		]);
		const byName = Object.fromEntries(
			description.properties.map((property) => [property.name, property]),
		);
		assert.ok(
			byName.requestOptions,
			'n8n adds its request options (batching, timeout) to declarative nodes',
		);
	});

	it('describes the Unstructured Trigger with its events, scope and webhook', async () => {
		const loader = await loadPackage();
		const { description } = loader.nodeTypes.unstructuredTrigger.type;
		assert.equal(description.displayName, 'Unstructured Trigger');
		assert.deepEqual(description.group, ['trigger']);
		assert.deepEqual(description.inputs, []);
		assert.deepEqual(description.outputs, ['main']);
		assert.deepEqual(description.credentials, [{ name: 'unstructuredApi', required: true }]);
		assert.deepEqual(
			description.webhooks.map(({ name, httpMethod, path: webhookPath }) => [
				name,
				httpMethod,
				webhookPath,
			]),
			[['default', 'POST', 'webhook']],
		);
		assert.ok(
			description.codex?.categories?.length,
			'the codex is read from UnstructuredTrigger.node.json',
		);
		const byName = Object.fromEntries(
			description.properties.map((property) => [property.name, property]),
		);
		assert.deepEqual(byName.events.options.map((option) => option.value).sort(), [
			'job.completed',
			'job.failed',
			'job.in_progress',
			'job.scheduled',
			'job.stopped',
		]);
		assert.deepEqual(byName.events.default, ['job.completed', 'job.failed', 'job.stopped']);
		assert.deepEqual(
			byName.scope.options.map((option) => option.value),
			['workspace', 'workflow'],
		);
		assert.equal(byName.workflowId.type, 'resourceLocator');
		assert.deepEqual(
			byName.output.options.map((option) => option.value),
			['outputFiles', 'job'],
		);
		assert.equal(
			await nodeSubtitle({ type: 'unstructuredTrigger', parameters: {} }),
			'completed, failed, stopped',
		);
		assert.equal(
			await nodeSubtitle({
				type: 'unstructuredTrigger',
				parameters: { events: ['job.in_progress'] },
			}),
			'in progress',
		);
		const methods = loader.nodeTypes.unstructuredTrigger.type.webhookMethods.default;
		assert.deepEqual(Object.keys(methods).sort(), ['checkExists', 'create', 'delete']);
	});

	it('describes the Unstructured Polling Trigger as an n8n polling node, with its Poll Times', async () => {
		const loader = await loadPackage();
		const { description } = loader.nodeTypes.unstructuredPollingTrigger.type;
		assert.equal(description.displayName, 'Unstructured Polling Trigger');
		assert.equal(description.polling, true);
		assert.deepEqual(description.group, ['trigger']);
		assert.deepEqual(description.inputs, []);
		assert.deepEqual(description.outputs, ['main']);
		assert.equal(description.webhooks, undefined);
		assert.deepEqual(description.credentials, [{ name: 'unstructuredApi', required: true }]);
		assert.ok(
			description.codex?.categories?.length,
			'the codex is read from UnstructuredPollingTrigger.node.json',
		);
		const byName = Object.fromEntries(
			description.properties.map((property) => [property.name, property]),
		);
		assert.equal(byName.pollTimes?.type, 'fixedCollection', 'n8n adds Poll Times to polling nodes');
		assert.deepEqual(byName.statuses.default, ['COMPLETED', 'FAILED', 'STOPPED']);
		assert.deepEqual(
			byName.scope.options.map((option) => option.value),
			['workspace', 'workflow'],
		);
		assert.deepEqual(
			byName.output.options.map((option) => option.value),
			['job', 'outputFiles'],
		);
		assert.equal(typeof loader.nodeTypes.unstructuredPollingTrigger.type.poll, 'function');
		assert.equal(
			await nodeSubtitle({ type: 'unstructuredPollingTrigger', parameters: {} }),
			'Jobs completed, failed, stopped',
		);
	});
});

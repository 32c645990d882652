'use strict';
/**
 * Runs the built package through n8n's real engine, the way an n8n instance does:
 * n8n-core's PackageDirectoryLoader loads `dist/` from package.json's "n8n" attribute, and
 * WorkflowExecute runs the node with credentials applied by the credential type's own
 * `authenticate` block. See shared/reference/n8n-engine-notes.md.
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

// n8n-core reads and writes its config under N8N_USER_FOLDER: never the real home folder.
process.env.N8N_USER_FOLDER ??= fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-unstructured-test-'));
process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-unstructured-test-encryption-key';

const {
	ExecuteContext,
	ExecutionLifecycleHooks,
	LoadOptionsContext,
	PackageDirectoryLoader,
	RoutingNode,
	WorkflowExecute,
} = require('n8n-core');
const {
	ICredentialsHelper,
	NodeHelpers,
	Workflow,
	createRunExecutionData,
} = require('n8n-workflow');

const PACKAGE_ROOT = path.resolve(__dirname, '..');
const NODE_TYPE = 'n8n-nodes-unstructured.unstructured';
const CREDENTIAL_TYPE = 'unstructuredApi';

let loaderPromise;

/** Loads the built package once, as n8n does for an installed community package. */
async function loadPackage() {
	loaderPromise ??= (async () => {
		const loader = new PackageDirectoryLoader(PACKAGE_ROOT);
		await loader.loadAll();
		return loader;
	})();
	return await loaderPromise;
}

/**
 * n8n's NodeTypes (packages/cli/src/node-types.ts): a declarative node gets an `execute` that runs
 * RoutingNode with the execution's context, so the node sees the execution's cancel signal.
 */
function withRoutingExecute(nodeType) {
	const { description } = nodeType;
	const isDeclarative = description.requestDefaults !== undefined;
	const needsExecute =
		!nodeType.execute &&
		!nodeType.supplyData &&
		!nodeType.poll &&
		!nodeType.trigger &&
		(!nodeType.webhook || isDeclarative) &&
		(!nodeType.methods || isDeclarative);
	if (needsExecute) {
		nodeType.execute = async function execute() {
			return (await new RoutingNode(this, nodeType).runNode()) ?? [];
		};
	}
	return nodeType;
}

function nodeTypesOf(loader, extraTypes = {}) {
	const byName = (name) => {
		if (extraTypes[name]) return extraTypes[name];
		const short = name.replace(/^n8n-nodes-unstructured\./, '');
		return loader.nodeTypes[short]?.type;
	};
	return {
		getByName: byName,
		getByNameAndVersion: (name, version) => withRoutingExecute(NodeHelpers.getVersionedNodeType(byName(name), version)),
		getKnownTypes: () => ({}),
	};
}

/** Applies a credential type's generic `authenticate` block the way n8n's CredentialsHelper does. */
class TestCredentialsHelper extends ICredentialsHelper {
	constructor(loader, credentials) {
		super();
		this.loader = loader;
		this.credentials = credentials;
	}

	getParentTypes() {
		return [];
	}

	isCredentialUsableByNode() {
		return true;
	}

	async getDecrypted(_additionalData, _nodeCredentials, type) {
		if (type !== CREDENTIAL_TYPE || !this.credentials) throw new Error(`No test credentials of type ${type}`);
		return { ...this.credentials };
	}

	async getCredentials() {
		throw new Error('not used in tests');
	}

	getCredentialsProperties(type) {
		return this.loader.credentialTypes[type].type.properties;
	}

	async authenticate(credentials, typeName, requestOptions, workflow, node) {
		const { authenticate } = this.loader.credentialTypes[typeName].type;
		if (typeof authenticate === 'function') return await authenticate(credentials, requestOptions);
		if (!authenticate || authenticate.type !== 'generic') return requestOptions;
		for (const [target, values] of Object.entries(authenticate.properties)) {
			requestOptions[target] ??= {};
			for (const [key, value] of Object.entries(values)) {
				requestOptions[target][key] = workflow.expression.getSimpleParameterValue(node, value, 'internal', {
					$credentials: credentials,
				});
			}
		}
		return requestOptions;
	}

	async preAuthentication() {
		return undefined;
	}

	async runPreAuthentication() {
		return undefined;
	}

	async updateCredentials() {}

	async updateCredentialsOauthTokenData() {}
}

function additionalDataFor(credentialsHelper, hooks) {
	return {
		executionId: 'test-execution',
		hooks,
		credentialsHelper,
		currentNodeParameters: undefined,
		currentNodeExecutionIndex: 0,
		restApiUrl: 'http://127.0.0.1:5678/rest',
		instanceBaseUrl: 'http://127.0.0.1:5678/',
		webhookBaseUrl: 'http://127.0.0.1:5678/webhook',
		webhookWaitingBaseUrl: 'http://127.0.0.1:5678/webhook-waiting',
		webhookTestBaseUrl: 'http://127.0.0.1:5678/webhook-test',
		formBaseUrl: 'http://127.0.0.1:5678/form',
		formWaitingBaseUrl: 'http://127.0.0.1:5678/form-waiting',
		formTestBaseUrl: 'http://127.0.0.1:5678/form-test',
		mcpBaseUrl: 'http://127.0.0.1:5678/mcp',
		mcpTestBaseUrl: 'http://127.0.0.1:5678/mcp-test',
		variables: {},
		logAiEvent: () => {},
		getRunExecutionData: async () => undefined,
		getRuntimeCredential: async () => undefined,
		executeWorkflow: async () => {
			throw new Error('not used in tests');
		},
		startRunnerTask: async () => {
			throw new Error('not used in tests');
		},
	};
}

function makeNode(parameters, extra = {}) {
	return {
		id: 'unstructured-node',
		name: 'Unstructured',
		type: NODE_TYPE,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [CREDENTIAL_TYPE]: { id: 'test-credential', name: 'Unstructured account' } },
		...extra,
	};
}

/**
 * Runs one Unstructured node on `items` through WorkflowExecute.
 * Returns `{ items, error, runData }`: the node's first output, or the error that stopped it.
 * `settings.onError` is n8n's node setting ("continueRegularOutput" is Continue On Fail).
 */
async function runNode({ parameters, items = [{ json: {} }], credentials, settings = {}, signal }) {
	const loader = await loadPackage();
	const node = makeNode(parameters, settings);
	const workflow = new Workflow({
		id: 'test-workflow',
		name: 'Test',
		nodes: [node],
		connections: {},
		active: false,
		settings: {},
		nodeTypes: nodeTypesOf(loader),
	});
	const hooks = new ExecutionLifecycleHooks('manual', 'test-execution', workflow);
	const finished = new Promise((resolve) => {
		hooks.addHandler('workflowExecuteAfter', (fullRunData) => resolve(fullRunData));
	});
	const additionalData = additionalDataFor(new TestCredentialsHelper(loader, credentials), hooks);
	const executionData = createRunExecutionData({
		executionData: {
			nodeExecutionStack: [{ node, data: { main: [items] }, source: null }],
		},
	});
	let execution;
	try {
		execution = new WorkflowExecute(additionalData, 'manual', executionData).processRunExecutionData(workflow);
	} catch (error) {
		// n8n refuses to start a workflow whose parameters have issues, e.g. a required one left empty.
		return { items: [], error, runData: {}, status: 'error' };
	}
	if (signal) signal.addEventListener('abort', () => execution.cancel(), { once: true });
	const run = await finished;
	const taskData = run.data.resultData.runData[node.name]?.[0];
	return {
		items: taskData?.data?.main?.[0] ?? [],
		error: run.data.resultData.error ?? taskData?.error,
		runData: run.data.resultData.runData,
		status: run.status,
	};
}

/**
 * Tests a credential the way n8n's CredentialsTester (packages/cli) does for a `test` request:
 * a temporary node type whose only property routes the test request, run by RoutingNode with
 * the decrypted credential, then the credential's `rules` applied to the error's status code.
 * Returns `{ status: 'OK' | 'Error', message }` as n8n's credential dialog shows it.
 */
async function testCredential(credentials) {
	const loader = await loadPackage();
	const credentialType = loader.credentialTypes[CREDENTIAL_TYPE].type;
	const testType = {
		description: {
			displayName: 'Temp',
			name: 'credentialTest',
			group: ['transform'],
			version: 1,
			description: '',
			defaults: {},
			inputs: ['main'],
			outputs: ['main'],
			credentials: [{ name: CREDENTIAL_TYPE, required: true }],
			properties: [
				{ displayName: 'Temp', name: 'temp', type: 'string', default: '', routing: { request: credentialType.test.request } },
			],
		},
	};
	const node = { ...makeNode({}), type: 'credentialTest', name: 'Temp-Node' };
	const workflow = new Workflow({
		nodes: [node],
		connections: {},
		active: false,
		nodeTypes: nodeTypesOf(loader, { credentialTest: testType }),
	});
	const additionalData = additionalDataFor(new TestCredentialsHelper(loader, credentials), undefined);
	const inputData = { main: [[{ json: {} }]] };
	const context = new ExecuteContext(
		workflow,
		node,
		additionalData,
		'internal',
		createRunExecutionData(),
		0,
		[],
		inputData,
		{ node, data: {}, source: null },
		[],
	);
	const credentialsDecrypted = { id: 'test-credential', name: 'test', type: CREDENTIAL_TYPE, data: credentials };
	try {
		await new RoutingNode(context, testType, credentialsDecrypted).runNode();
	} catch (error) {
		const statusCode = error.cause?.response?.status;
		if (statusCode) {
			const rule = credentialType.test.rules?.find(
				(candidate) => candidate.type === 'responseCode' && candidate.properties.value === statusCode,
			);
			if (rule) return { status: 'Error', message: rule.properties.message };
			if (statusCode < 199 || statusCode > 299) {
				return { status: 'Error', message: error.cause.response.statusText || `Received HTTP status code: ${statusCode}` };
			}
		} else if (error.cause?.code) {
			return { status: 'Error', message: error.cause.code };
		}
		return { status: 'Error', message: error.message };
	}
	return { status: 'OK', message: 'Connection successful!' };
}

/** Calls a listSearch method of the node as n8n's editor does, through a LoadOptionsContext. */
async function listSearch({ method, credentials, filter, paginationToken, parameters = {} }) {
	const loader = await loadPackage();
	const node = makeNode(parameters);
	const workflow = new Workflow({ nodes: [node], connections: {}, active: false, nodeTypes: nodeTypesOf(loader) });
	const additionalData = additionalDataFor(new TestCredentialsHelper(loader, credentials), undefined);
	const context = new LoadOptionsContext(workflow, node, additionalData, 'parameters.jobId');
	const nodeType = loader.nodeTypes.unstructured.type;
	return await nodeType.methods.listSearch[method].call(context, filter, paginationToken);
}

module.exports = { runNode, testCredential, listSearch, loadPackage, NODE_TYPE };

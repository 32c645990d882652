'use strict';
/**
 * Runs the built package through n8n's real engine, the way an n8n instance does:
 * n8n-core's PackageDirectoryLoader loads `dist/` from package.json's "n8n" attribute, NodeTypes
 * gives declarative nodes their RoutingNode `execute`, and WorkflowExecute runs the workflow with
 * credentials applied by each credential type's own `authenticate` block.
 * See docs/n8n-engine.md.
 *
 * `createEngine({ modulesDir, packages })` builds one on the n8n-core and n8n-workflow found in
 * `modulesDir` (default: this repo's), loading the given package folders; the functions exported
 * below use the default engine with this repo's package. The benchmark builds one on the e2e
 * install of n8n, with n8n-nodes-base beside our package.
 */
const fs = require('node:fs');
const Module = require('node:module');
const os = require('node:os');
const path = require('node:path');

/**
 * N8N_ENGINE_MODULES names a node_modules folder of another n8n line (`npm run test:n8n1`: n8n-core
 * 1.122 and n8n-workflow 1.120, as n8n 1.123 ships them). Every `require` of n8n-core or
 * n8n-workflow in this process, the built package's included, then loads that folder's copy, as in
 * an n8n of that line, where a community package uses n8n's own n8n-workflow.
 */
const ENGINE_MODULES =
	process.env.N8N_ENGINE_MODULES && path.resolve(process.env.N8N_ENGINE_MODULES);
if (ENGINE_MODULES) {
	const loader = /** @type {any} */ (Module);
	const resolve = loader._resolveFilename;
	loader._resolveFilename = function resolveFromEngine(request, parent, ...rest) {
		const name = /^(n8n-core|n8n-workflow|@n8n\/di|@n8n\/config)(\/.*)?$/.exec(request);
		return resolve.call(this, name ? path.join(ENGINE_MODULES, request) : request, parent, ...rest);
	};
}

// n8n-core reads and writes its config under N8N_USER_FOLDER: never the real home folder. A folder
// made here is removed when the test process ends.
if (!process.env.N8N_USER_FOLDER) {
	const folder = fs.mkdtempSync(path.join(os.tmpdir(), 'n8n-unstructured-test-'));
	process.env.N8N_USER_FOLDER = folder;
	process.once('exit', () => fs.rmSync(folder, { recursive: true, force: true }));
}
process.env.N8N_ENCRYPTION_KEY ??= 'n8n-nodes-unstructured-test-encryption-key';
// n8n logs every failed node run, and tests fail nodes on purpose: the log goes to a file, at the
// most detailed level, which the tests search for the API key instead of printing it.
const LOG_FILE = path.join(process.env.N8N_USER_FOLDER, 'n8n.log');
process.env.N8N_LOG_OUTPUT ??= 'file';
process.env.N8N_LOG_FILE_LOCATION ??= LOG_FILE;
process.env.N8N_LOG_LEVEL ??= 'debug';

const PACKAGE_ROOT = path.resolve(__dirname, '..');
const NODE_TYPE = 'n8n-nodes-unstructured.unstructured';
const CREDENTIAL_TYPE = 'unstructuredApi';

const additionalDataDefaults = {
	executionId: 'test-execution',
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

/** The package's regular nodes by short name: their type and their credential's. */
const NODES = {
	unstructured: { type: NODE_TYPE, credentialType: CREDENTIAL_TYPE, name: 'Unstructured' },
	unstructuredTransform: {
		type: 'n8n-nodes-unstructured.unstructuredTransform',
		credentialType: 'unstructuredTransformApi',
		name: 'Unstructured Transform',
	},
};

/** A node of ours (`kind`: a key of NODES) with `parameters`, as a saved workflow holds it. */
function makeNode(parameters, extra = {}, kind = 'unstructured') {
	const { type, credentialType, name } = NODES[kind];
	return {
		id: 'unstructured-node',
		name,
		type,
		typeVersion: 1,
		position: [0, 0],
		parameters,
		credentials: { [credentialType]: { id: 'test-credential', name: `${name} account` } },
		...extra,
	};
}

/** @param {{ modulesDir?: string, packages?: Array<{ root: string, includeNodes?: string[] }> }} [options] */
function createEngine({ modulesDir = undefined, packages = [{ root: PACKAGE_ROOT }] } = {}) {
	const load = (name) => require(modulesDir ? path.join(modulesDir, name) : name);
	const core = load('n8n-core');
	const { ICredentialsHelper, NodeHelpers, Workflow, createRunExecutionData } =
		load('n8n-workflow');

	/**
	 * n8n's NodeTypes (packages/cli/src/node-types.ts): a declarative node gets an `execute` that
	 * runs RoutingNode with the execution's context, so the node sees the execution's cancel signal.
	 */
	function withRoutingExecute(nodeType) {
		const isDeclarative = nodeType.description.requestDefaults !== undefined;
		const needsExecute =
			!nodeType.execute &&
			!nodeType.supplyData &&
			!nodeType.poll &&
			!nodeType.trigger &&
			(!nodeType.webhook || isDeclarative) &&
			(!nodeType.methods || isDeclarative);
		if (needsExecute) {
			nodeType.execute = async function execute() {
				return (await new core.RoutingNode(this, nodeType).runNode()) ?? [];
			};
		}
		return nodeType;
	}

	/** Applies a credential type's generic `authenticate` block the way n8n's CredentialsHelper does. */
	class TestCredentialsHelper extends ICredentialsHelper {
		constructor(registry, credentialsByType) {
			super();
			this.registry = registry;
			this.credentialsByType = credentialsByType;
		}

		getParentTypes() {
			return [];
		}

		isCredentialUsableByNode() {
			return true;
		}

		async getDecrypted(_additionalData, _nodeCredentials, type) {
			const credentials = this.credentialsByType[type];
			if (!credentials) throw new Error(`No test credentials of type ${type}`);
			return { ...credentials };
		}

		async getCredentials() {
			throw new Error('not used in tests');
		}

		getCredentialsProperties(type) {
			return this.registry.credentialTypes[type].type.properties;
		}

		async authenticate(credentials, typeName, requestOptions, workflow, node) {
			const { authenticate } = this.registry.credentialTypes[typeName].type;
			if (typeof authenticate === 'function')
				return await authenticate(credentials, requestOptions);
			if (!authenticate || authenticate.type !== 'generic') return requestOptions;
			for (const [target, values] of Object.entries(authenticate.properties)) {
				requestOptions[target] ??= {};
				for (const [key, value] of Object.entries(values)) {
					const resolve = (text) =>
						workflow.expression.getSimpleParameterValue(node, text, 'internal', {
							$credentials: credentials,
						});
					requestOptions[target][resolve(key)] = resolve(value);
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

	let registryPromise;
	let executionCount = 0;

	/** Loads the packages once, as n8n does for installed packages; merges their types. */
	async function loadRegistry() {
		registryPromise ??= (async () => {
			const registry = { nodeTypes: {}, credentialTypes: {}, loaders: [] };
			for (const { root, includeNodes } of packages) {
				const loader = new core.PackageDirectoryLoader(root, [], includeNodes);
				await loader.loadAll();
				registry.loaders.push(loader);
				for (const [name, data] of Object.entries(loader.nodeTypes)) {
					registry.nodeTypes[`${loader.packageName}.${name}`] = data;
				}
				Object.assign(registry.credentialTypes, loader.credentialTypes);
			}
			return registry;
		})();
		return await registryPromise;
	}

	function nodeTypesOf(registry, extraTypes = {}) {
		const byName = (name) => extraTypes[name] ?? registry.nodeTypes[name]?.type;
		return {
			getByName: byName,
			getByNameAndVersion: (name, version) =>
				withRoutingExecute(NodeHelpers.getVersionedNodeType(byName(name), version)),
			getKnownTypes: () => ({}),
		};
	}

	function additionalDataFor(registry, credentialsByType, hooks) {
		return {
			...additionalDataDefaults,
			hooks,
			credentialsHelper: new TestCredentialsHelper(registry, credentialsByType),
		};
	}

	/**
	 * Runs a workflow through WorkflowExecute, starting at `startNode` with `items`.
	 * Returns `{ items, error, runData, status }`, `items` being the last node's first output.
	 * `signal` cancels the execution the way stopping it in n8n does.
	 */
	async function runWorkflow({
		nodes,
		connections = {},
		startNode = nodes[0],
		items = [{ json: {} }],
		credentials = {},
		signal,
	}) {
		const registry = await loadRegistry();
		const workflow = new Workflow({
			id: 'test-workflow',
			name: 'Test',
			nodes,
			connections,
			active: false,
			settings: {},
			nodeTypes: nodeTypesOf(registry),
		});
		// Each run is an execution of its own, as in n8n (job creation is paced per execution).
		const executionId = `test-execution-${++executionCount}`;
		const hooks = new core.ExecutionLifecycleHooks('manual', executionId, workflow);
		const finished = new Promise((resolve) => hooks.addHandler('workflowExecuteAfter', resolve));
		const executionData = createRunExecutionData({
			executionData: {
				nodeExecutionStack: [{ node: startNode, data: { main: [items] }, source: null }],
			},
		});
		let execution;
		try {
			const additionalData = { ...additionalDataFor(registry, credentials, hooks), executionId };
			execution = new core.WorkflowExecute(
				additionalData,
				'manual',
				executionData,
			).processRunExecutionData(workflow);
		} catch (error) {
			// n8n refuses to start a workflow whose parameters have issues, e.g. a required one left empty.
			return { items: [], error, runData: {}, status: 'error' };
		}
		if (signal) signal.addEventListener('abort', () => execution.cancel(), { once: true });
		const run = await finished;
		const { runData } = run.data.resultData;
		const lastNode = run.data.resultData.lastNodeExecuted ?? nodes[nodes.length - 1].name;
		const taskData = runData[lastNode]?.[0];
		return {
			items: taskData?.data?.main?.[0] ?? [],
			error: run.data.resultData.error ?? taskData?.error,
			runData,
			status: run.status,
		};
	}

	/**
	 * Runs one Unstructured node on `items`. `credentials` are the Unstructured credential's data;
	 * `settings` are node settings such as `onError: 'continueRegularOutput'` (Continue On Fail).
	 */
	/** @param {{ parameters: object, items?: object[], credentials?: object, settings?: object, signal?: AbortSignal, node?: 'unstructured' | 'unstructuredTransform' }} options */
	async function runNode({
		parameters,
		items = undefined,
		credentials = {},
		settings = {},
		signal = undefined,
		node = 'unstructured',
	}) {
		return await runWorkflow({
			nodes: [makeNode(parameters, settings, node)],
			items,
			credentials: { [NODES[node].credentialType]: credentials },
			signal,
		});
	}

	/**
	 * Tests a credential the way n8n's CredentialsTester (packages/cli) does for a `test` request:
	 * a temporary node type whose only property routes the test request, run by RoutingNode with
	 * the decrypted credential, then the credential's `rules` applied to the error's status code.
	 * Returns `{ status: 'OK' | 'Error', message }` as n8n's credential dialog shows it.
	 */
	async function testCredential(credentials, credentialTypeName = CREDENTIAL_TYPE) {
		const registry = await loadRegistry();
		const credentialType = registry.credentialTypes[credentialTypeName].type;
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
				credentials: [{ name: credentialTypeName, required: true }],
				properties: [
					{
						displayName: 'Temp',
						name: 'temp',
						type: 'string',
						default: '',
						routing: { request: credentialType.test.request },
					},
				],
			},
		};
		const node = {
			...makeNode({}),
			type: 'credentialTest',
			name: 'Temp-Node',
			credentials: { [credentialTypeName]: { id: 'test-credential', name: 'test' } },
		};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: nodeTypesOf(registry, { credentialTest: testType }),
		});
		const context = new core.ExecuteContext(
			workflow,
			node,
			additionalDataFor(registry, { [credentialTypeName]: credentials }, undefined),
			'internal',
			createRunExecutionData(),
			0,
			[],
			{ main: [[{ json: {} }]] },
			{ node, data: {}, source: null },
			[],
		);
		const credentialsDecrypted = {
			id: 'test-credential',
			name: 'test',
			type: credentialTypeName,
			data: credentials,
		};
		try {
			await new core.RoutingNode(context, testType, credentialsDecrypted).runNode();
		} catch (error) {
			// n8n 2.x keeps the HTTP error as the cause; n8n 1.x keeps only its status or code, as httpCode.
			const httpCode = /^\d+$/.test(String(error.httpCode)) ? Number(error.httpCode) : undefined;
			const statusCode = error.cause?.response?.status ?? httpCode;
			if (statusCode) {
				const rule = credentialType.test.rules?.find(
					(candidate) =>
						candidate.type === 'responseCode' && candidate.properties.value === statusCode,
				);
				if (rule) return { status: 'Error', message: rule.properties.message };
				if (statusCode < 199 || statusCode > 299) {
					return {
						status: 'Error',
						message:
							error.cause?.response?.statusText || `Received HTTP status code: ${statusCode}`,
					};
				}
			} else if (error.cause?.code || /^[A-Z][A-Z_]+$/.test(String(error.httpCode))) {
				return { status: 'Error', message: error.cause?.code ?? error.httpCode };
			}
			return { status: 'Error', message: error.message };
		}
		return { status: 'OK', message: 'Connection successful!' };
	}

	/** Calls a listSearch method of the node as n8n's editor does, through a LoadOptionsContext. */
	async function listSearch({ method, credentials, filter, paginationToken, parameters = {} }) {
		const registry = await loadRegistry();
		const node = makeNode(parameters);
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: nodeTypesOf(registry),
		});
		const additionalData = additionalDataFor(
			registry,
			{ [CREDENTIAL_TYPE]: credentials },
			undefined,
		);
		const context = new core.LoadOptionsContext(workflow, node, additionalData, 'parameters.jobId');
		const nodeType = registry.nodeTypes[NODE_TYPE].type;
		return await nodeType.methods.listSearch[method].call(context, filter, paginationToken);
	}

	/**
	 * A workflow holding one trigger node of ours, active, with `staticData` as n8n keeps it for
	 * the workflow (the node's own under `node:<name>`), and additional data for `credentials`.
	 */
	async function triggerSetup({
		type,
		parameters,
		staticData = {},
		credentials,
		additionalData = {},
	}) {
		const registry = await loadRegistry();
		const node = {
			...makeNode(parameters),
			type: `n8n-nodes-unstructured.${type}`,
			name: 'Trigger',
			webhookId: 'trigger-webhook-id',
		};
		const workflow = new Workflow({
			id: 'trigger-workflow',
			name: 'Trigger test',
			nodes: [node],
			connections: {},
			active: true,
			nodeTypes: nodeTypesOf(registry),
			staticData,
		});
		const nodeType = registry.nodeTypes[node.type].type;
		return {
			node,
			workflow,
			nodeType,
			additionalData: {
				...additionalDataFor(registry, { [CREDENTIAL_TYPE]: credentials }, undefined),
				...additionalData,
			},
		};
	}

	/** The trigger node's static data as n8n would save it. */
	const nodeStaticData = (workflow) =>
		JSON.parse(JSON.stringify(workflow.staticData['node:Trigger'] ?? {}));

	/**
	 * Calls a webhook lifecycle method (`checkExists`, `create`, `delete`) of the Unstructured
	 * Trigger through n8n-core's HookContext, as n8n does when a workflow is published or unpublished.
	 * Returns `{ result, staticData, webhookUrl }`.
	 */
	async function runHook({ method, parameters, staticData, credentials }) {
		const { node, workflow, nodeType, additionalData } = await triggerSetup({
			type: 'unstructuredTrigger',
			parameters,
			staticData,
			credentials,
		});
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'webhook',
			webhookDescription: nodeType.description.webhooks[0],
			workflowId: workflow.id,
		};
		const context = new core.HookContext(
			workflow,
			node,
			additionalData,
			'trigger',
			'activate',
			webhookData,
		);
		const result = await nodeType.webhookMethods.default[method].call(context);
		return {
			result,
			staticData: nodeStaticData(workflow),
			webhookUrl: context.getNodeWebhookUrl('default'),
		};
	}

	/**
	 * Hands a delivery (`{ headers, rawBody }`) to the Unstructured Trigger's `webhook` through
	 * n8n-core's WebhookContext, as n8n's webhook server does. Returns `{ result, response, staticData }`,
	 * `response` being what the node wrote itself (`{ status, body }`), if anything.
	 */
	async function runWebhook({ parameters, staticData, credentials, headers, rawBody }) {
		const response = {
			status(code) {
				this.statusCode = code;
				return this;
			},
			json(body) {
				this.body = body;
				return this;
			},
		};
		const httpRequest = {
			headers,
			rawBody,
			body: JSON.parse(rawBody.toString('utf8')),
			params: {},
			query: {},
		};
		const { node, workflow, nodeType, additionalData } = await triggerSetup({
			type: 'unstructuredTrigger',
			parameters,
			staticData,
			credentials,
			additionalData: { httpRequest, httpResponse: response },
		});
		const webhookData = {
			httpMethod: 'POST',
			node: node.name,
			path: 'webhook',
			webhookDescription: nodeType.description.webhooks[0],
			workflowId: workflow.id,
		};
		const context = new core.WebhookContext(
			workflow,
			node,
			additionalData,
			'webhook',
			webhookData,
			[],
			undefined,
		);
		const result = await nodeType.webhook.call(context);
		return {
			result,
			response: response.statusCode
				? { status: response.statusCode, body: response.body }
				: undefined,
			staticData: nodeStaticData(workflow),
		};
	}

	/**
	 * Runs one poll of the Unstructured Polling Trigger through n8n-core's TriggersAndPollers and
	 * PollContext, as n8n does on each Poll Time (`mode: 'trigger'`) or for "Fetch Test Event"
	 * (`mode: 'manual'`). Returns `{ items, staticData }`: the emitted items (none: `null`).
	 */
	async function runPoll({ parameters, staticData, credentials, mode = 'trigger' }) {
		const { node, workflow, additionalData } = await triggerSetup({
			type: 'unstructuredPollingTrigger',
			parameters,
			staticData,
			credentials,
		});
		const context = new core.PollContext(workflow, node, additionalData, mode, 'activate');
		// n8n 2.x runs a poll through TriggersAndPollers; n8n 1.x calls the node's poll() with the context.
		const result = core.TriggersAndPollers
			? await new core.TriggersAndPollers().runPollFunction(workflow, node, context)
			: await workflow.nodeTypes
					.getByNameAndVersion(node.type, node.typeVersion)
					.poll.call(context);
		return { items: result?.[0] ?? null, staticData: nodeStaticData(workflow) };
	}

	/**
	 * The parameters n8n keeps for a node of ours of `typeVersion`, with defaults filled in, as the
	 * editor and the engine resolve them: only the displayed ones are there.
	 */
	async function resolvedParameters({ type = 'unstructured', typeVersion = 1, parameters }) {
		const registry = await loadRegistry();
		const nodeType = registry.nodeTypes[`n8n-nodes-unstructured.${type}`].type;
		const node = { ...makeNode(parameters), type: `n8n-nodes-unstructured.${type}`, typeVersion };
		return NodeHelpers.getNodeParameters(
			nodeType.description.properties,
			parameters,
			true,
			false,
			node,
			nodeType.description,
		);
	}

	/** The subtitle n8n's editor shows under a node of ours on the canvas, evaluated as it does. */
	async function nodeSubtitle({ type, parameters }) {
		const registry = await loadRegistry();
		const nodeType = registry.nodeTypes[`n8n-nodes-unstructured.${type}`].type;
		const node = { ...makeNode(parameters), type: `n8n-nodes-unstructured.${type}` };
		node.parameters =
			NodeHelpers.getNodeParameters(
				nodeType.description.properties,
				parameters,
				true,
				false,
				node,
			) ?? {};
		const workflow = new Workflow({
			nodes: [node],
			connections: {},
			active: false,
			nodeTypes: nodeTypesOf(registry),
		});
		return workflow.expression.getSimpleParameterValue(
			node,
			nodeType.description.subtitle,
			'internal',
			{},
		);
	}

	async function loadPackage() {
		const registry = await loadRegistry();
		return registry.loaders[0];
	}

	return {
		runWorkflow,
		runNode,
		testCredential,
		listSearch,
		loadPackage,
		runHook,
		runWebhook,
		runPoll,
		nodeSubtitle,
		resolvedParameters,
	};
}

let defaultEngine;
const engine = () => (defaultEngine ??= createEngine());

/** What n8n logged so far in this process. */
function readLog() {
	return fs.existsSync(LOG_FILE) ? fs.readFileSync(LOG_FILE, 'utf8') : '';
}

module.exports = {
	createEngine,
	readLog,
	makeNode,
	NODE_TYPE,
	CREDENTIAL_TYPE,
	runNode: (options) => engine().runNode(options),
	runWorkflow: (options) => engine().runWorkflow(options),
	testCredential: (credentials, credentialType) =>
		engine().testCredential(credentials, credentialType),
	listSearch: (options) => engine().listSearch(options),
	loadPackage: () => engine().loadPackage(),
	runHook: (options) => engine().runHook(options),
	runWebhook: (options) => engine().runWebhook(options),
	runPoll: (options) => engine().runPoll(options),
	nodeSubtitle: (options) => engine().nodeSubtitle(options),
	resolvedParameters: (options) => engine().resolvedParameters(options),
};

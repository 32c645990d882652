'use strict';
/**
 * The Unstructured Trigger's notification channel, through n8n-core's HookContext (publish and
 * unpublish) and WebhookContext (deliveries), against the mock's channel API as docs/unstructured-api.md §8 has it.
 */
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { randomUUID } = require('node:crypto');

const { readLog, runHook, runWebhook } = require('../support/harness');
const { allRenderings, byId, useMockApi, withJobId } = require('./helpers');

const { mock, credentials } = useMockApi();

const WEBHOOK_URL = 'http://127.0.0.1:5678/webhook/trigger-webhook-id/webhook';
const CHANNELS = '/api/v1/notifications/channels';
const parameters = { events: ['job.completed', 'job.failed'] };

const hook = (method, options = {}) => runHook({ method, parameters, credentials, ...options });
const calls = () => mock.requests.map(({ method, path, query }) => [method, path, query]);

/** A channel that exists at the API with a secret nobody here knows, as one left over would. */
function leftoverChannel(overrides = {}) {
	const channel = {
		id: randomUUID(),
		channel_type: 'webhook',
		url: WEBHOOK_URL,
		event_types: ['job.stopped'],
		description: 'left over',
		enabled: false,
		workflow_id: null,
		created_at: '2026-01-01T00:00:00Z',
		updated_at: '2026-01-01T00:00:00Z',
		secret: 'an-old-secret-nobody-knows-anymore',
		...overrides,
	};
	mock.channels.set(channel.id, channel);
	return channel;
}

describe('Unstructured Trigger: registering the channel', () => {
	it('publishing creates a webhook channel with a secret of its own, and keeps it (the API never returns it)', async () => {
		const { result: exists } = await hook('checkExists');
		assert.equal(exists, false);
		const { result, staticData, webhookUrl } = await hook('create');
		assert.equal(result, true);
		assert.equal(webhookUrl, WEBHOOK_URL);
		assert.deepEqual(calls(), [
			['GET', CHANNELS, { channel_type: 'webhook' }],
			['POST', CHANNELS, {}],
		]);
		const sent = JSON.parse(mock.requests[1].body.toString());
		assert.deepEqual(Object.keys(sent).sort(), [
			'channel_type',
			'description',
			'enabled',
			'event_types',
			'secret',
			'url',
		]);
		assert.deepEqual(
			[sent.channel_type, sent.url, sent.event_types, sent.enabled],
			['webhook', WEBHOOK_URL, ['job.completed', 'job.failed'], true],
		);
		assert.match(
			sent.secret,
			/^[A-Za-z0-9+/]{43}=$/,
			'32 random bytes as base64: 44 ASCII characters',
		);
		const [channel] = mock.channels.values();
		assert.deepEqual(staticData, {
			channelId: channel.id,
			secret: sent.secret,
			channelsPath: CHANNELS,
		});
		assert.equal(channel.secret, sent.secret);
	});

	it('with the channel registered, publishing again only checks it', async () => {
		const { staticData } = await hook('create');
		mock.requests.length = 0;
		const { result } = await hook('checkExists', { staticData: { 'node:Trigger': staticData } });
		assert.equal(result, true);
		assert.deepEqual(calls(), [['GET', `${CHANNELS}/${staticData.channelId}`, {}]]);
	});

	it('changed events are PATCHed onto the registered channel', async () => {
		const { staticData } = await hook('create');
		mock.requests.length = 0;
		const { result } = await hook('checkExists', {
			staticData: { 'node:Trigger': staticData },
			parameters: { events: ['job.stopped'] },
		});
		assert.equal(result, true);
		assert.deepEqual(
			calls().map(([method]) => method),
			['GET', 'PATCH'],
		);
		assert.deepEqual(JSON.parse(mock.requests[1].body.toString()), {
			event_types: ['job.stopped'],
			enabled: true,
		});
		assert.deepEqual(mock.channels.get(staticData.channelId).event_types, ['job.stopped']);
	});

	it('a channel left over for the same URL is taken over by PATCH with a new secret, not created twice', async () => {
		const leftover = leftoverChannel();
		const other = leftoverChannel({ url: 'https://elsewhere.example/hook' });
		const { result, staticData } = await hook('checkExists');
		assert.equal(result, true);
		assert.deepEqual(calls(), [
			['GET', CHANNELS, { channel_type: 'webhook' }],
			['PATCH', `${CHANNELS}/${leftover.id}`, {}],
		]);
		const patch = JSON.parse(mock.requests[1].body.toString());
		assert.deepEqual(Object.keys(patch).sort(), ['enabled', 'event_types', 'secret']);
		assert.deepEqual([patch.event_types, patch.enabled], [['job.completed', 'job.failed'], true]);
		assert.deepEqual(staticData, {
			channelId: leftover.id,
			secret: patch.secret,
			channelsPath: CHANNELS,
		});
		assert.equal(mock.channels.get(leftover.id).secret, patch.secret);
		assert.equal(mock.channels.get(leftover.id).enabled, true);
		assert.equal(mock.channels.get(other.id).secret, 'an-old-secret-nobody-knows-anymore');
		assert.equal(mock.channels.size, 2);
	});

	it('also finds a leftover channel in a bare list answer', async () => {
		const leftover = leftoverChannel();
		mock.setResponse({
			path: CHANNELS,
			body: [{ id: leftover.id, url: WEBHOOK_URL, channel_type: 'webhook' }],
		});
		const { staticData } = await hook('checkExists');
		assert.equal(staticData.channelId, leftover.id);
	});

	it('a channel registered before but gone at the API is looked for again, then created', async () => {
		const state = {
			'node:Trigger': { channelId: randomUUID(), secret: 'x'.repeat(44), channelsPath: CHANNELS },
		};
		const { result } = await hook('checkExists', { staticData: state });
		assert.equal(result, false);
		assert.deepEqual(
			calls().map(([method, path]) => [method, path]),
			[
				['GET', `${CHANNELS}/${state['node:Trigger'].channelId}`],
				['GET', CHANNELS],
			],
		);
	});

	it("with Scope: One Workflow, uses the workflow's channels", async () => {
		const workflow = mock.addWorkflow();
		const scoped = { ...parameters, scope: 'workflow', workflowId: byId(workflow.id) };
		const { staticData } = await hook('create', { parameters: scoped });
		assert.equal(
			staticData.channelsPath,
			`/api/v1/workflows/${workflow.id}/notifications/channels`,
		);
		assert.equal(mock.requests[0].path, staticData.channelsPath);
		assert.equal([...mock.channels.values()][0].workflow_id, workflow.id);
	});

	it('unpublishing deletes the channel (204) and forgets it; a channel already gone is no error', async () => {
		const { staticData } = await hook('create');
		mock.requests.length = 0;
		const deleted = await hook('delete', { staticData: { 'node:Trigger': { ...staticData } } });
		assert.equal(deleted.result, true);
		assert.deepEqual(calls(), [['DELETE', `${CHANNELS}/${staticData.channelId}`, {}]]);
		assert.equal(mock.channels.size, 0);
		assert.deepEqual(deleted.staticData, {});
		const again = await hook('delete', { staticData: { 'node:Trigger': { ...staticData } } });
		assert.equal(again.result, true);
	});

	for (const status of [404, 403]) {
		it(`a ${status} from the channel endpoints says the account has no webhook notifications`, async () => {
			mock.setResponse({
				path: CHANNELS,
				status,
				body: { detail: status === 404 ? 'Not Found' : 'Forbidden' },
			});
			await assert.rejects(hook('checkExists'), (/** @type {any} */ error) => {
				assert.equal(
					error.message,
					`Unstructured offers no webhook notifications to this API key (${status}): ${status === 404 ? 'Not Found' : 'Forbidden'}`,
				);
				assert.match(error.description, /Unstructured Polling Trigger needs none of this/);
				assert.equal(error.httpCode, String(status));
				return true;
			});
		});
	}

	it('the secret appears in no error and no log line, even when the PATCH fails', async () => {
		leftoverChannel();
		mock.setResponse({
			method: 'PATCH',
			path: /notifications\/channels\//,
			status: 500,
			body: { detail: 'Internal server error' },
		});
		let secret;
		await assert.rejects(hook('checkExists'), (/** @type {any} */ error) => {
			secret = JSON.parse(
				mock.requests.find((request) => request.method === 'PATCH').body.toString(),
			).secret;
			assert.equal(
				error.message,
				'The Unstructured API had a server error (500): Internal server error',
			);
			assert.ok(!allRenderings(error).includes(secret));
			return true;
		});
		assert.equal(
			mock.requests.filter((request) => request.method === 'PATCH').length,
			1,
			'a PATCH answered 5xx is not sent again',
		);
		assert.ok(!readLog().includes(secret));
	});
});

describe('Unstructured Trigger: deliveries', () => {
	/** Registers a channel, then delivers an event signed as `sign` says; returns the node's answer. */
	/** @param {{ keyReading?: 'base64' | 'raw', secret?: string, timestamp?: string | number, id?: string, state?: object, job?: { id: string, workflow_id: string }, extra?: object }} [options] */
	async function deliver({
		keyReading = /** @type {'base64' | 'raw'} */ ('base64'),
		secret = undefined,
		timestamp = undefined,
		id = `msg_${randomUUID()}`,
		state = undefined,
		job = mock.addJob(),
		extra = {},
	} = {}) {
		const registered = state ?? (await hook('create')).staticData;
		const body = Buffer.from(
			JSON.stringify({
				type: 'job.completed',
				job: { job_id: job.id, workflow_id: job.workflow_id },
				processing_time_ms: 42,
			}),
		);
		const sentAt = String(timestamp ?? Math.floor(Date.now() / 1000));
		const { signDelivery } = require('../dist/nodes/Unstructured/trigger/signature');
		const signature = signDelivery(secret ?? registered.secret, id, sentAt, body, keyReading);
		const answer = await runWebhook({
			parameters: { ...parameters, ...extra },
			credentials,
			staticData: { 'node:Trigger': registered },
			headers: {
				'webhook-id': id,
				'webhook-timestamp': sentAt,
				'webhook-signature': signature,
				'content-type': 'application/json',
			},
			rawBody: body,
		});
		return { ...answer, job, registered, id };
	}

	it('a delivery signed with the base64-decoded secret starts the workflow with the event', async () => {
		const { result, job } = await deliver();
		assert.deepEqual(result.workflowData, [
			[
				{
					json: {
						type: 'job.completed',
						job_id: job.id,
						workflow_id: job.workflow_id,
						processing_time_ms: 42,
						payload: {
							type: 'job.completed',
							job: { job_id: job.id, workflow_id: job.workflow_id },
							processing_time_ms: 42,
						},
					},
				},
			],
		]);
	});

	it("a delivery signed with the secret's raw bytes is accepted too (the key reading is not documented)", async () => {
		const { result } = await deliver({ keyReading: 'raw' });
		assert.equal(result.workflowData[0].length, 1);
	});

	it('a delivery signed with another secret is refused with 401, under either reading', async () => {
		for (const keyReading of /** @type {const} */ (['base64', 'raw'])) {
			const { result, response } = await deliver({
				keyReading,
				secret: Buffer.alloc(32, 3).toString('base64'),
			});
			assert.deepEqual(response, {
				status: 401,
				body: { message: 'Signature refused: no signature matches' },
			});
			assert.equal(result.workflowData, undefined);
		}
	});

	it('a delivery older than 5 minutes is refused with 401', async () => {
		const { response } = await deliver({ timestamp: Math.floor(Date.now() / 1000) - 301 });
		assert.deepEqual(response, {
			status: 401,
			body: { message: 'Signature refused: the webhook-timestamp is more than 5 minutes away' },
		});
	});

	it('a replayed delivery starts nothing the second time', async () => {
		const first = await deliver();
		const replay = await deliver({ id: first.id, state: first.registered });
		assert.deepEqual(replay.result, { webhookResponse: { received: true, duplicate: true } });
	});

	describe('with Fetch Job: no event lost', () => {
		const fetching = { fetchJob: true, output: 'job' };

		it("a delivery whose job fetch fails is answered 503, and the sender's retry of it runs, once", async () => {
			const job = mock.addJob();
			mock.setResponse({
				path: `/api/v1/jobs/${job.id}`,
				status: 503,
				body: { detail: 'Service Unavailable' },
				times: 3,
			});
			const first = await deliver({ job, extra: fetching });
			assert.equal(first.result.workflowData, undefined);
			assert.equal(first.response.status, 503);
			assert.match(
				first.response.body.message,
				/^Not handled, send it again: The Unstructured API had a server error \(503\): Service Unavailable/,
			);
			assert.equal(
				mock.requestsTo(`/api/v1/jobs/${job.id}`).length,
				3,
				'bounded retries within the delivery',
			);
			const retry = await deliver({ job, id: first.id, state: first.registered, extra: fetching });
			assert.equal(retry.response, undefined);
			assert.deepEqual(retry.result.workflowData, [[{ json: withJobId(job) }]]);
			const again = await deliver({ job, id: first.id, state: first.registered, extra: fetching });
			assert.deepEqual(again.result, { webhookResponse: { received: true, duplicate: true } });
		});

		it('answers within about 10 s however long the API keeps failing, so the sender (15 s) sees the error', async () => {
			const job = mock.addJob();
			mock.setResponse({
				path: `/api/v1/jobs/${job.id}`,
				status: 503,
				body: { detail: 'down' },
				times: 100,
				delayMs: 2_000,
			});
			const started = Date.now();
			const { response } = await deliver({ job, extra: fetching });
			const elapsed = Date.now() - started;
			assert.equal(response.status, 503);
			assert.ok(elapsed < 11_000, `answered after ${elapsed} ms`);
		});

		it('a copy that arrives while the delivery is being handled is answered 409, and the workflow starts once', async () => {
			const job = mock.addJob();
			mock.setResponse({ path: `/api/v1/jobs/${job.id}`, body: job, delayMs: 800 });
			const registered = (await hook('create')).staticData;
			const id = `msg_${randomUUID()}`;
			const first = deliver({ job, id, state: registered, extra: fetching });
			await new Promise((resolve) => setTimeout(resolve, 200));
			const copy = await deliver({ job, id, state: registered, extra: fetching });
			assert.deepEqual(copy.response, {
				status: 409,
				body: { message: 'This delivery is being handled: send it again later' },
			});
			assert.deepEqual((await first).result.workflowData, [[{ json: withJobId(job) }]]);
		});
	});

	it('without a registered channel, every delivery is refused', async () => {
		const { response } = await deliver({ state: {}, secret: 'a'.repeat(44) });
		assert.deepEqual(response, {
			status: 401,
			body: { message: 'Signature refused: no channel is registered for this trigger' },
		});
	});
});

'use strict';
/**
 * The trigger's check of Standard Webhooks signatures, against vectors computed outside our code:
 * the published Standard Webhooks / Svix example (re-checked with `openssl dgst -sha256 -mac HMAC`),
 * and HMACs computed here with node:crypto.
 */
const { describe, it } = require('node:test');
const assert = require('node:assert/strict');
const { createHmac } = require('node:crypto');

const { checkSignature, signDelivery } = require('../dist/nodes/Unstructured/trigger/signature');
const {
	claimDelivery,
	settleDelivery,
} = require('../dist/nodes/Unstructured/trigger/seenDeliveries');

const SPEC = {
	secret: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
	id: 'msg_p5jXN8AQM9LWM0D4loKWxJek',
	timestamp: '1614265330',
	body: Buffer.from('{"test": 2432232314}'),
	signature: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=',
};

function delivery(overrides = {}) {
	return {
		id: SPEC.id,
		timestamp: SPEC.timestamp,
		signatureHeader: SPEC.signature,
		rawBody: SPEC.body,
		...overrides,
	};
}

const at = Number(SPEC.timestamp);

describe('Standard Webhooks signature check', () => {
	it('signs the published example exactly', () => {
		assert.equal(signDelivery(SPEC.secret, SPEC.id, SPEC.timestamp, SPEC.body), SPEC.signature);
	});

	it('accepts the published example, with or without the whsec_ prefix', () => {
		assert.deepEqual(checkSignature(SPEC.secret, delivery(), at), { valid: true });
		assert.deepEqual(checkSignature(SPEC.secret.slice(6), delivery(), at), { valid: true });
	});

	it('accepts when any of several space-separated signatures matches', () => {
		const header = `v1,bm90LXRoZS1yaWdodC1vbmU= v2,ignored ${SPEC.signature}`;
		assert.deepEqual(checkSignature(SPEC.secret, delivery({ signatureHeader: header }), at), {
			valid: true,
		});
	});

	it('matches an HMAC computed independently with node:crypto for a fresh secret', () => {
		const key = Buffer.alloc(32, 7);
		const secret = key.toString('base64');
		const body = Buffer.from(JSON.stringify({ type: 'job.completed', job: { job_id: 'j1' } }));
		const expected = `v1,${createHmac('sha256', key).update(`msg_1.1700000000.${body}`).digest('base64')}`;
		assert.deepEqual(
			checkSignature(
				secret,
				{ id: 'msg_1', timestamp: '1700000000', signatureHeader: expected, rawBody: body },
				1700000000,
			),
			{
				valid: true,
			},
		);
	});

	it("also accepts a signature made with the secret's raw UTF-8 bytes as the key (the other reading)", () => {
		const secret = Buffer.alloc(32, 5).toString('base64');
		const body = Buffer.from('{"type":"job.failed"}');
		const raw = `v1,${createHmac('sha256', Buffer.from(secret, 'utf8')).update(`msg_2.1700000000.${body}`).digest('base64')}`;
		assert.deepEqual(
			checkSignature(
				secret,
				{ id: 'msg_2', timestamp: '1700000000', signatureHeader: raw, rawBody: body },
				1700000000,
			),
			{ valid: true },
		);
		assert.equal(signDelivery(secret, 'msg_2', '1700000000', body, 'raw'), raw);
	});

	it('checks a secret that is not base64 under the raw reading alone', () => {
		const secret = 'plain ASCII secret, not base64!';
		const body = Buffer.from('{}');
		const raw = `v1,${createHmac('sha256', Buffer.from(secret, 'utf8')).update(`msg_3.1700000000.${body}`).digest('base64')}`;
		assert.deepEqual(
			checkSignature(
				secret,
				{ id: 'msg_3', timestamp: '1700000000', signatureHeader: raw, rawBody: body },
				1700000000,
			),
			{ valid: true },
		);
		assert.deepEqual(
			checkSignature(
				secret,
				{ id: 'msg_3', timestamp: '1700000000', signatureHeader: 'v1,AAAA', rawBody: body },
				1700000000,
			),
			{
				valid: false,
				reason: 'no signature matches',
			},
		);
	});

	for (const [label, overrides, reason] of [
		['a changed body', { rawBody: Buffer.from('{"test": 2432232315}') }, 'no signature matches'],
		['a changed id', { id: 'msg_other' }, 'no signature matches'],
		[
			'a wrong signature',
			{ signatureHeader: 'v1,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OF=' },
			'no signature matches',
		],
		[
			'a signature of another scheme only',
			{ signatureHeader: 'v1a,g0hM9SsE+OTPJTGt/tmIKtSyZlE3uFJELVlNIOLJ1OE=' },
			'no signature matches',
		],
		['a truncated signature', { signatureHeader: 'v1,g0hM9SsE' }, 'no signature matches'],
		[
			'no signature header',
			{ signatureHeader: undefined },
			'the webhook-id, webhook-timestamp or webhook-signature header is missing',
		],
		[
			'no id header',
			{ id: undefined },
			'the webhook-id, webhook-timestamp or webhook-signature header is missing',
		],
		[
			'a timestamp that is not a number',
			{ timestamp: 'soon' },
			'the webhook-timestamp is more than 5 minutes away',
		],
	]) {
		it(`refuses ${label}`, () => {
			assert.deepEqual(checkSignature(SPEC.secret, delivery(overrides), at), {
				valid: false,
				reason,
			});
		});
	}

	it('refuses a timestamp more than 5 minutes away, either way, and accepts one just inside', () => {
		assert.deepEqual(checkSignature(SPEC.secret, delivery(), at + 301), {
			valid: false,
			reason: 'the webhook-timestamp is more than 5 minutes away',
		});
		assert.deepEqual(checkSignature(SPEC.secret, delivery(), at - 301), {
			valid: false,
			reason: 'the webhook-timestamp is more than 5 minutes away',
		});
		assert.deepEqual(checkSignature(SPEC.secret, delivery(), at + 300), { valid: true });
	});

	it('refuses with the wrong secret', () => {
		assert.deepEqual(
			checkSignature('whsec_' + Buffer.alloc(24, 1).toString('base64'), delivery(), at),
			{
				valid: false,
				reason: 'no signature matches',
			},
		);
	});
});

describe('Repeated deliveries', () => {
	/** A delivery handled in full: claimed, then settled as handled. */
	function handle(channel, id, at) {
		const turn = claimDelivery(channel, id, at);
		if (turn === 'first') settleDelivery(channel, id, at, true);
		return turn;
	}

	it('knows a delivery ID handled on the channel in the last minutes, per channel', () => {
		assert.equal(handle('channel-a', 'msg_1', 1000), 'first');
		assert.equal(handle('channel-a', 'msg_1', 1001), 'handled');
		assert.equal(handle('channel-b', 'msg_1', 1001), 'first');
		assert.equal(handle('channel-a', 'msg_2', 1002), 'first');
	});

	it('forgets IDs older than any timestamp still accepted', () => {
		assert.equal(handle('channel-c', 'msg_old', 1000), 'first');
		assert.equal(handle('channel-c', 'msg_old', 1000 + 601), 'first');
	});

	it('a delivery that failed is forgotten, so its retry runs; one in progress is not run twice', () => {
		assert.equal(claimDelivery('channel-d', 'msg_1', 1000), 'first');
		assert.equal(claimDelivery('channel-d', 'msg_1', 1001), 'inProgress');
		settleDelivery('channel-d', 'msg_1', 1002, false);
		assert.equal(claimDelivery('channel-d', 'msg_1', 1010), 'first');
		settleDelivery('channel-d', 'msg_1', 1011, true);
		assert.equal(claimDelivery('channel-d', 'msg_1', 1012), 'handled');
	});

	it('a delivery left in progress (its process died) may run again after a minute', () => {
		assert.equal(claimDelivery('channel-e', 'msg_1', 1000), 'first');
		assert.equal(claimDelivery('channel-e', 'msg_1', 1061), 'first');
	});
});

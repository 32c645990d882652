import { createHmac, timingSafeEqual } from 'node:crypto';

/** Deliveries whose timestamp is further than this from now are refused as replays. */
export const TIMESTAMP_TOLERANCE_S = 5 * 60;

export interface SignedDelivery {
	id: string | undefined;
	timestamp: string | undefined;
	signatureHeader: string | undefined;
	rawBody: Buffer;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

/** The HMAC key of a Standard Webhooks secret: the base64 after an optional `whsec_` prefix. */
function keyOf(secret: string): Buffer {
	return Buffer.from(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret, 'base64');
}

/** `v1,<base64>` of HMAC-SHA256 over `id.timestamp.body`, as Standard Webhooks (and Svix) sign. */
export function signDelivery(secret: string, id: string, timestamp: string, rawBody: Buffer): string {
	const hmac = createHmac('sha256', keyOf(secret));
	hmac.update(`${id}.${timestamp}.`);
	hmac.update(rawBody);
	return `v1,${hmac.digest('base64')}`;
}

function sameSignature(expected: string, candidate: string): boolean {
	const a = Buffer.from(expected);
	const b = Buffer.from(candidate);
	return a.length === b.length && timingSafeEqual(a, b);
}

/**
 * Checks a delivery signed the Standard Webhooks way: any of the space-separated `v1,` signatures
 * may match (several are sent while a secret rotates), compared in constant time, and a timestamp
 * more than five minutes away from `nowSeconds` is refused.
 */
export function checkSignature(secret: string, delivery: SignedDelivery, nowSeconds: number): SignatureCheck {
	const { id, timestamp, signatureHeader, rawBody } = delivery;
	if (!id || !timestamp || !signatureHeader) {
		return { valid: false, reason: 'the webhook-id, webhook-timestamp or webhook-signature header is missing' };
	}
	const sentAt = Number(timestamp);
	if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - sentAt) > TIMESTAMP_TOLERANCE_S) {
		return { valid: false, reason: 'the webhook-timestamp is more than 5 minutes away' };
	}
	const expected = signDelivery(secret, id, timestamp, rawBody);
	const matches = signatureHeader
		.split(' ')
		.filter((candidate) => candidate.startsWith('v1,'))
		.some((candidate) => sameSignature(expected, candidate));
	return matches ? { valid: true } : { valid: false, reason: 'no signature matches' };
}

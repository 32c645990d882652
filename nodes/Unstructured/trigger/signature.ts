import { createHmac, timingSafeEqual } from 'node:crypto';

import { isBase64 } from '../../input/base64';

/** Deliveries whose timestamp is further than this from now are refused as replays. */
export const TIMESTAMP_TOLERANCE_S = 5 * 60;

export interface SignedDelivery {
	id: string | undefined;
	timestamp: string | undefined;
	signatureHeader: string | undefined;
	rawBody: Buffer;
}

export type SignatureCheck = { valid: true } | { valid: false; reason: string };

/** How a channel secret turns into the HMAC key. */
export type KeyReading = 'base64' | 'raw';

/**
 * The HMAC key of a secret under one reading: Standard Webhooks (and Svix) base64-decode the secret
 * after an optional `whsec_` prefix; the other reading takes the secret's own UTF-8 bytes.
 */
function keyOf(secret: string, reading: KeyReading): Buffer | undefined {
	if (reading === 'raw') return Buffer.from(secret, 'utf8');
	const encoded = secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret;
	return encoded !== '' && isBase64(encoded) ? Buffer.from(encoded, 'base64') : undefined;
}

/** `v1,<base64>` of HMAC-SHA256 over `id.timestamp.body`, as Standard Webhooks (and Svix) sign. */
export function signDelivery(
	secret: string,
	id: string,
	timestamp: string,
	rawBody: Buffer,
	reading: KeyReading = 'base64',
): string {
	const key = keyOf(secret, reading) ?? Buffer.alloc(0);
	const hmac = createHmac('sha256', key);
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
 * HEDGE: Unstructured does not document how its secret becomes the HMAC key. Standard Webhooks
 * base64-decodes it; Unstructured's live docs describe the secret only as "24 to 75 ASCII
 * characters", which may mean its raw bytes are the key (docs/unstructured-api.md §8, §11). A signature is therefore
 * accepted under either reading. Both are HMAC-SHA256 keys of the same secret, so this does not let
 * anyone without the secret in. Once the reading is confirmed, keep only that one in READINGS.
 */
const READINGS: KeyReading[] = ['base64', 'raw'];

/**
 * Checks a delivery signed the Standard Webhooks way: any of the space-separated `v1,` signatures
 * may match (several are sent while a secret rotates), compared in constant time, under either key
 * reading, and a timestamp more than five minutes away from `nowSeconds` is refused.
 */
export function checkSignature(
	secret: string,
	delivery: SignedDelivery,
	nowSeconds: number,
): SignatureCheck {
	const { id, timestamp, signatureHeader, rawBody } = delivery;
	if (!id || !timestamp || !signatureHeader) {
		return {
			valid: false,
			reason: 'the webhook-id, webhook-timestamp or webhook-signature header is missing',
		};
	}
	const sentAt = Number(timestamp);
	if (!/^\d+$/.test(timestamp) || Math.abs(nowSeconds - sentAt) > TIMESTAMP_TOLERANCE_S) {
		return { valid: false, reason: 'the webhook-timestamp is more than 5 minutes away' };
	}
	const candidates = signatureHeader.split(' ').filter((candidate) => candidate.startsWith('v1,'));
	const matches = READINGS.filter((reading) => keyOf(secret, reading) !== undefined).some(
		(reading) => {
			const expected = signDelivery(secret, id, timestamp, rawBody, reading);
			return candidates.some((candidate) => sameSignature(expected, candidate));
		},
	);
	return matches ? { valid: true } : { valid: false, reason: 'no signature matches' };
}

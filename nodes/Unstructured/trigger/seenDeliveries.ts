import { TIMESTAMP_TOLERANCE_S } from './signature';

/**
 * Delivery IDs seen in the last minutes, per channel, to ignore a delivery sent twice (a retry or
 * a replay). Older deliveries are refused by their timestamp, so nothing older need be kept. Held
 * in this n8n process: with several webhook processes (queue mode), each keeps its own.
 */
const seenByChannel = new Map<string, Map<string, number>>();

/** Records the delivery; false when this ID was already seen for the channel. */
export function isFirstDelivery(channelKey: string, deliveryId: string, nowSeconds: number): boolean {
	let seen = seenByChannel.get(channelKey);
	if (!seen) {
		seen = new Map();
		seenByChannel.set(channelKey, seen);
	}
	for (const [id, at] of seen) {
		if (nowSeconds - at > 2 * TIMESTAMP_TOLERANCE_S) seen.delete(id);
	}
	if (seen.has(deliveryId)) return false;
	seen.set(deliveryId, nowSeconds);
	return true;
}

import { TIMESTAMP_TOLERANCE_S } from './signature';

/**
 * Delivery IDs of the last minutes, per channel, so that a delivery sent twice (a retry or a
 * replay) starts the workflow once. A delivery counts as handled only once it has produced its
 * items: one that failed on our side is forgotten, so the sender's retry of it runs. Older
 * deliveries are refused by their timestamp, so nothing older need be kept. Held in this n8n
 * process: with several webhook processes (queue mode), each keeps its own.
 */

/** How a delivery stands: seen for the first time, already handled, or being handled right now. */
export type DeliveryTurn = 'first' | 'handled' | 'inProgress';

interface Seen {
	atSeconds: number;
	handled: boolean;
}

const seenByChannel = new Map<string, Map<string, Seen>>();

/** A delivery still in progress after this long was abandoned (its process died): it may run again. */
const IN_PROGRESS_FOR_AT_MOST_S = 60;

function seenOn(channelKey: string, nowSeconds: number): Map<string, Seen> {
	let seen = seenByChannel.get(channelKey);
	if (!seen) {
		seen = new Map();
		seenByChannel.set(channelKey, seen);
	}
	for (const [id, { atSeconds, handled }] of seen) {
		const age = nowSeconds - atSeconds;
		if (age > 2 * TIMESTAMP_TOLERANCE_S || (!handled && age > IN_PROGRESS_FOR_AT_MOST_S))
			seen.delete(id);
	}
	return seen;
}

/** Takes the delivery on when it is new (it is then in progress until `settleDelivery`); says how it stands. */
export function claimDelivery(
	channelKey: string,
	deliveryId: string,
	nowSeconds: number,
): DeliveryTurn {
	const seen = seenOn(channelKey, nowSeconds);
	const known = seen.get(deliveryId);
	if (known) return known.handled ? 'handled' : 'inProgress';
	seen.set(deliveryId, { atSeconds: nowSeconds, handled: false });
	return 'first';
}

/** Records a claimed delivery as handled, or forgets it when it failed, so that a retry runs. */
export function settleDelivery(
	channelKey: string,
	deliveryId: string,
	nowSeconds: number,
	handled: boolean,
): void {
	const seen = seenOn(channelKey, nowSeconds);
	if (handled) seen.set(deliveryId, { atSeconds: nowSeconds, handled: true });
	else seen.delete(deliveryId);
}

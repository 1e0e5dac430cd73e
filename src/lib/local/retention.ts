// Keeping the tablet inside its retention window (SYNC.md "Pull"; the rule is
// src/lib/sync/retention-window.ts): closed orders whose last activity has left the window go,
// with their timeline, and so do stock movements older than it. The server leaves the same
// records out of a tablet's pulls, and serves them on demand (older.ts).
//
// Never pruned: an order a pending mutation touched (it has a base copy, or the outbox names
// it), an order with a preparation entry, an order being packed on this device, and an older
// order fetched on demand in the last day.
import { Dexie } from 'dexie';
import { DEFAULT_SETTINGS } from '$lib/domain/schemas';
import { isOrderRetained, windowStart } from '$lib/sync/retention-window';
import { SETTINGS_ID, type DocksideDB } from './db';

/** When the last pruning ran (ISO time), so it runs about once a day. */
export const META_PRUNED_AT = 'retentionPrunedAt';
/**
 * Older orders fetched on demand (sync/older.ts), by id, with when: kept for a day so that a
 * pruning running meanwhile does not take away the order a person has just opened.
 */
export const META_OLDER_LOADED = 'olderOrdersLoaded';
const PRUNE_EVERY_MS = 86_400_000;
/** Orders deleted per transaction, so screens are never held up long. */
const CHUNK = 500;
const CLOSED = ['complete', 'canceled'] as const;

export interface PruneResult {
	orders: number;
	events: number;
	movements: number;
}

/** Older orders fetched on demand, by id, with the time each came. */
export async function olderOrdersLoaded(db: DocksideDB): Promise<Record<string, string>> {
	const value = (await db.meta.get(META_OLDER_LOADED))?.value;
	return value && typeof value === 'object' ? (value as Record<string, string>) : {};
}

/** Order ids that pending work or this device still needs. */
async function protectedOrders(db: DocksideDB, now: Date): Promise<Set<string>> {
	const ids = new Set<string>();
	for (const [id, at] of Object.entries(await olderOrdersLoaded(db))) {
		if (now.getTime() - Date.parse(at) < PRUNE_EVERY_MS) ids.add(id);
	}
	await db.base
		.where('[entity+id]')
		.between(['order', Dexie.minKey], ['order', Dexie.maxKey])
		.each((row) => ids.add(row.id));
	await db.outbox.each((entry) => {
		const orderId = (entry.args as { orderId?: unknown } | null)?.orderId;
		if (typeof orderId === 'string') ids.add(orderId);
	});
	for (const id of await db.preparations.toCollection().primaryKeys()) ids.add(id);
	for (const id of await db.packScans.toCollection().primaryKeys()) ids.add(id);
	return ids;
}

/** Removes what has left the retention window; `now` is the caller's clock. */
export async function pruneOutsideWindow(db: DocksideDB, now: Date): Promise<PruneResult> {
	const settings = await db.settings.get(SETTINGS_ID);
	const start = windowStart(now, settings?.retentionDays ?? DEFAULT_SETTINGS.retentionDays);
	const result: PruneResult = { orders: 0, events: 0, movements: 0 };

	// An order's last activity is never before it was placed: only closed orders placed before
	// the window can have left it.
	const candidates: string[] = [];
	for (const status of CLOSED) {
		await db.orders
			.where('[status+placedAt]')
			.between([status, Dexie.minKey], [status, start])
			.each((order) => {
				if (!isOrderRetained(order, start)) candidates.push(order.id);
			});
	}
	for (let from = 0; from < candidates.length; from += CHUNK) {
		const chunk = candidates.slice(from, from + CHUNK);
		await db.transaction(
			'rw',
			[db.orders, db.timeline, db.base, db.outbox, db.preparations, db.packScans, db.meta],
			async () => {
				// Checked inside the transaction: an action may have touched one since.
				const keep = await protectedOrders(db, now);
				const ids = chunk.filter((id) => !keep.has(id));
				for (const id of ids) {
					result.events += await db.timeline
						.where('[orderId+at]')
						.between([id, Dexie.minKey], [id, Dexie.maxKey])
						.delete();
				}
				await db.orders.bulkDelete(ids);
				result.orders += ids.length;
			}
		);
	}

	const productIds = await db.products.toCollection().primaryKeys();
	await db.transaction('rw', db.movements, async () => {
		for (const productId of productIds) {
			result.movements += await db.movements
				.where('[productId+createdAt]')
				.between([productId, Dexie.minKey], [productId, start])
				.delete();
		}
	});
	return result;
}

/** Prunes when a day has passed since the last time; returns null when it did not run. */
export async function pruneWhenDue(db: DocksideDB, now: Date): Promise<PruneResult | null> {
	const last = (await db.meta.get(META_PRUNED_AT))?.value;
	if (typeof last === 'string' && now.getTime() - Date.parse(last) < PRUNE_EVERY_MS) return null;
	const result = await pruneOutsideWindow(db, now);
	await db.meta.put({ key: META_PRUNED_AT, value: now.toISOString() });
	return result;
}

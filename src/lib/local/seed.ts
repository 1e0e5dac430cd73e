// Writing the demo data into the local database, and seeding it once on first start.
import { demoBatches, DEMO_SEED, type DemoBatch, type DemoOptions } from './demo-data';
import { getDb, type DocksideDB, type StoredOrder, type StoredProduct } from './db';
import { toSettingsRow, toStoredOrder, toStoredProduct } from './stored';
import type { SettingsRow } from './db';
import type { Movement, Shop, StockLevel, TimelineEvent, Warehouse } from '$lib/domain/schemas';

export const DEFAULT_DEMO_ORDERS = 2000;
export const DEMO_ORDERS_STORAGE_KEY = 'dockside.demoOrders';
export const META_DEMO = 'demoData';
const MAX_DEMO_ORDERS = 1_000_000;

export interface SeedOptions extends DemoOptions {
	/** Called after each batch is written, with the orders written so far. */
	onProgress?: (ordersWritten: number, total: number) => void;
}

/** Rows as stored, index fields included. */
export interface StoredRecords {
	shops: Shop[];
	warehouses: Warehouse[];
	products: StoredProduct[];
	settings: SettingsRow[];
	orders: StoredOrder[];
	stock: StockLevel[];
	movements: Movement[];
	timeline: TimelineEvent[];
}

export function toStoredRecords(batch: DemoBatch): StoredRecords {
	return {
		shops: batch.shops,
		warehouses: batch.warehouses,
		products: batch.products.map(toStoredProduct),
		settings: batch.settings ? [toSettingsRow(batch.settings)] : [],
		orders: batch.orders.map(toStoredOrder),
		stock: batch.stock,
		movements: batch.movements,
		timeline: batch.timeline
	};
}

function writeBatch(db: DocksideDB, batch: DemoBatch): Promise<void> {
	const tables = [
		db.shops,
		db.warehouses,
		db.products,
		db.settings,
		db.orders,
		db.stock,
		db.movements,
		db.timeline
	];
	return db.transaction('rw', tables, async () => {
		const rows = toStoredRecords(batch);
		const writes: Promise<unknown>[] = [];
		if (rows.shops.length) writes.push(db.shops.bulkPut(rows.shops));
		if (rows.warehouses.length) writes.push(db.warehouses.bulkPut(rows.warehouses));
		if (rows.products.length) writes.push(db.products.bulkPut(rows.products));
		if (rows.settings.length) writes.push(db.settings.bulkPut(rows.settings));
		if (rows.orders.length) writes.push(db.orders.bulkPut(rows.orders));
		if (rows.stock.length) writes.push(db.stock.bulkPut(rows.stock));
		if (rows.movements.length) writes.push(db.movements.bulkPut(rows.movements));
		if (rows.timeline.length) writes.push(db.timeline.bulkPut(rows.timeline));
		await Promise.all(writes);
	});
}

/**
 * Replaces the local data with `n` demo orders and their products, stock and history, one
 * transaction per batch of ~5,000 orders. Keeps `meta` (clientId and the mutation counter: ids
 * are never reused) and drops the outbox, rejections and base copies, which would point at
 * records that no longer exist.
 */
export async function seedDemoData(
	n: number,
	opts: SeedOptions = {}
): Promise<{ orders: number; ms: number }> {
	const db = getDb();
	const started = performance.now();
	const data = [
		db.shops,
		db.warehouses,
		db.products,
		db.settings,
		db.orders,
		db.stock,
		db.movements,
		db.timeline,
		db.preparations,
		db.outbox,
		db.rejections,
		db.base
	];
	await db.transaction('rw', data, () => Promise.all(data.map((table) => table.clear())));

	let written = 0;
	// Each batch's writes run while the next batch is generated.
	let pending: Promise<void> = Promise.resolve();
	for (const batch of demoBatches(n, opts)) {
		await pending;
		opts.onProgress?.(written, n);
		written += batch.orders.length;
		pending = writeBatch(db, batch);
		pending.catch(() => undefined); // awaited on the next turn; avoids an unhandled warning
	}
	await pending;
	await db.meta.put({ key: META_DEMO, value: { orders: n, seed: opts.seed ?? DEMO_SEED } });
	opts.onProgress?.(written, n);
	return { orders: written, ms: performance.now() - started };
}

/** `?demo=N` in the URL, else localStorage `dockside.demoOrders`, else 2,000. 0 = no demo data. */
export function requestedDemoOrders(): number {
	const parse = (value: string | null | undefined): number | undefined => {
		if (value === null || value === undefined || value.trim() === '') return undefined;
		const n = Number(value);
		return Number.isInteger(n) && n >= 0 && n <= MAX_DEMO_ORDERS ? n : undefined;
	};
	const fromUrl =
		typeof location === 'undefined'
			? undefined
			: parse(new URLSearchParams(location.search).get('demo'));
	let fromStorage: number | undefined;
	try {
		fromStorage = parse(globalThis.localStorage?.getItem(DEMO_ORDERS_STORAGE_KEY));
	} catch {
		// Storage can be blocked (private mode, policies): fall back to the default.
	}
	return fromUrl ?? fromStorage ?? DEFAULT_DEMO_ORDERS;
}

/**
 * Seeds the demo data on first start: only when the database has no orders and no warehouses
 * (so never over data from a server). One tab seeds; the others wait for it.
 */
export async function ensureDemoData(
	opts: SeedOptions = {}
): Promise<{ seeded: boolean; orders: number }> {
	const n = requestedDemoOrders();
	if (n === 0) return { seeded: false, orders: 0 };
	const db = getDb();
	const seedIfEmpty = async () => {
		const [orders, warehouses] = await Promise.all([db.orders.count(), db.warehouses.count()]);
		if (orders > 0 || warehouses > 0) return { seeded: false, orders };
		const result = await seedDemoData(n, opts);
		return { seeded: true, orders: result.orders };
	};
	if (typeof navigator !== 'undefined' && navigator.locks) {
		return navigator.locks.request('dockside-demo-seed', seedIfEmpty);
	}
	return seedIfEmpty();
}

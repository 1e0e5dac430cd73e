// The server's records, read and written inside one transaction: a DomainReader for the
// rules, and the writer that gives every changed record the next global version.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Changes, DomainReader } from '$lib/domain/mutation';
import {
	DEFAULT_SETTINGS,
	stockId,
	type Order,
	type PreparationEntry,
	type Product,
	type Settings,
	type StockLevel
} from '$lib/domain/schemas';
import { openStockKeys } from '$lib/domain/reservation';
import { changesToRecords, type Entity, type RecordChange } from '$lib/sync/entities';
import type { Database } from './types';

export type Db = Kysely<Database> | Transaction<Database>;

/** null value deletes the record (a tombstone that pull sends as `del`). */
export type RecordWrite = RecordChange;

async function readValue<T>(db: Db, entity: Entity, id: string): Promise<T | undefined> {
	const row = await db
		.selectFrom('records')
		.select('value')
		.where('entity', '=', entity)
		.where('id', '=', id)
		.executeTakeFirst();
	return row?.value ? (JSON.parse(row.value) as T) : undefined;
}

export function serverReader(db: Db): DomainReader {
	return {
		order: (id) => readValue(db, 'order', id),
		product: (id) => readValue(db, 'product', id),
		async productBySku(sku) {
			const row = await db
				.selectFrom('product_skus')
				.select('product_id')
				.where('sku', '=', sku)
				.executeTakeFirst();
			return row ? readValue<Product>(db, 'product', row.product_id) : undefined;
		},
		warehouse: (id) => readValue(db, 'warehouse', id),
		async warehouses() {
			const rows = await db
				.selectFrom('records')
				.select('value')
				.where('entity', '=', 'warehouse')
				.where('value', 'is not', null)
				.orderBy('id')
				.execute();
			return rows.map((row) => JSON.parse(row.value as string));
		},
		stock: (productId, warehouseId) => readValue(db, 'stock', stockId(productId, warehouseId)),
		async ordersWithOpenLines(productId, warehouseId) {
			const rows = await db
				.selectFrom('order_stock_keys as k')
				.innerJoin('records as r', (join) =>
					join.onRef('r.id', '=', 'k.order_id').on('r.entity', '=', 'order')
				)
				.select('r.value')
				.where('k.stock_key', '=', stockId(productId, warehouseId))
				.orderBy('k.order_id')
				.execute();
			return rows.filter((row) => row.value).map((row) => JSON.parse(row.value as string) as Order);
		},
		preparation: (orderId) => readValue(db, 'preparation', orderId),
		async preparationsInWarehouse(warehouseId) {
			// Open preparation entries are few: a scan of the entity's key range is enough.
			const rows = await db
				.selectFrom('records')
				.select('value')
				.where('entity', '=', 'preparation')
				.where('value', 'is not', null)
				.execute();
			return rows
				.map((row) => JSON.parse(row.value as string) as PreparationEntry)
				.filter((entry) => entry.warehouseId === warehouseId);
		},
		async settings() {
			return (await readValue<Settings>(db, 'settings', 'settings')) ?? DEFAULT_SETTINGS;
		}
	};
}

/** Stock is sent with its derived `available` (SYNC.md's pull table). */
export function changesToWrites(changes: Changes): RecordWrite[] {
	return changesToRecords(changes).map((record) =>
		record.entity === 'stock' && record.value
			? { ...record, value: withAvailable(record.value as StockLevel) }
			: record
	);
}

function withAvailable(level: StockLevel) {
	return { ...level, available: Math.max(0, level.physical - level.toShip) };
}

/**
 * Takes `count` versions from the one-row counter. On PostgreSQL the row lock held until
 * commit makes versions commit in order (SYNC.md); on SQLite writes are serial anyway.
 * Returns the highest version taken.
 */
export async function takeVersions(db: Db, count: number): Promise<number> {
	const row = await db
		.updateTable('counters')
		.set({ value: sql`value + ${count}` })
		.where('name', '=', 'version')
		.returning('value')
		.executeTakeFirstOrThrow();
	return Number(row.value);
}

/**
 * Makes this transaction the only writer until it ends, across processes: push takes the
 * invoice counter row first in every mutation (FOR UPDATE on PostgreSQL); on SQLite an UPDATE
 * takes the database's write lock. Call it before reading what the writes depend on.
 */
export async function lockWriters(db: Db): Promise<void> {
	await db
		.updateTable('counters')
		.set({ value: sql`value` })
		.where('name', '=', 'invoice')
		.execute();
}

/** Writes records with consecutive new versions; returns the commit version (the highest). */
export async function writeRecords(db: Db, writes: RecordWrite[]): Promise<number> {
	if (writes.length === 0) return takeVersions(db, 1);
	const last = await takeVersions(db, writes.length);
	let version = last - writes.length;
	const rows = writes.map((write) => ({
		entity: write.entity,
		id: write.id,
		version: ++version,
		value: write.value === null ? null : JSON.stringify(write.value)
	}));
	// Chunks keep each statement under SQLite's bound-parameter limit.
	for (let start = 0; start < rows.length; start += 500) {
		await db
			.insertInto('records')
			.values(rows.slice(start, start + 500))
			.onConflict((conflict) =>
				conflict.columns(['entity', 'id']).doUpdateSet((eb) => ({
					version: eb.ref('excluded.version'),
					value: eb.ref('excluded.value')
				}))
			)
			.execute();
	}
	await updateIndexes(db, writes);
	return last;
}

async function updateIndexes(db: Db, writes: RecordWrite[]): Promise<void> {
	const orders = writes.filter((write) => write.entity === 'order');
	if (orders.length > 0) {
		const ids = orders.map((write) => write.id);
		for (let start = 0; start < ids.length; start += 500) {
			await db
				.deleteFrom('order_stock_keys')
				.where('order_id', 'in', ids.slice(start, start + 500))
				.execute();
		}
		const keys = orders.flatMap((write) =>
			write.value
				? openStockKeys(write.value as Order).map((key) => ({ stock_key: key, order_id: write.id }))
				: []
		);
		for (let start = 0; start < keys.length; start += 500) {
			await db
				.insertInto('order_stock_keys')
				.values(keys.slice(start, start + 500))
				.execute();
		}
	}
	const products = writes.filter((write) => write.entity === 'product' && write.value);
	for (let start = 0; start < products.length; start += 500) {
		const rows = products.slice(start, start + 500).map((write) => ({
			sku: (write.value as Product).sku,
			product_id: write.id
		}));
		await db
			.insertInto('product_skus')
			.values(rows)
			.onConflict((conflict) =>
				conflict.column('sku').doUpdateSet((eb) => ({ product_id: eb.ref('excluded.product_id') }))
			)
			.execute();
	}
}

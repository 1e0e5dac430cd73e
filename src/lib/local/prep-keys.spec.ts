import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { preparationTab } from '$lib/domain/preparation';
import { DocksideDB, type StoredOrder } from './db';
import { generateDemoData } from './demo-data';
import { toStoredRecords } from './seed';
import { prepKey, prepKeys } from './prep-keys';

/** Version 1 of db.ts, as tablets hold it. */
const V1 = {
	orders:
		'id, [status+placedAt], placedAt, [status+grandTotal], grandTotal, [shopId+status+placedAt], number, *searchWords, *openStockKeys, *warehouseIds',
	products: 'id, &sku, *barcodes, *searchWords',
	warehouses: 'id',
	stock: 'id, productId, warehouseId',
	movements: 'id, [productId+createdAt]',
	timeline: 'id, [orderId+at]',
	preparations: 'orderId, warehouseId',
	settings: 'id',
	shops: 'id',
	outbox: 'id',
	rejections: 'id, orderId',
	meta: 'key',
	base: '[entity+id]',
	orderCounts: 'key'
};

afterEach(() => Dexie.delete('dockside-prep-v1'));

describe('prepKeys', () => {
	it('gives each warehouse of the order the tab the domain computes', () => {
		const { orders } = generateDemoData(300, { seed: 11 });
		let keyed = 0;
		for (const order of orders) {
			const keys = prepKeys(order);
			for (const warehouseId of new Set(order.lines.map((line) => line.warehouseId))) {
				const tab = preparationTab(order, warehouseId);
				expect(keys.includes(prepKey(warehouseId, tab ?? 'in_progress'))).toBe(tab !== null);
				if (tab) keyed++;
			}
		}
		expect(keyed).toBeGreaterThan(0);
	});

	it('the version 2 upgrade computes them for orders stored by version 1', async () => {
		const old = new Dexie('dockside-prep-v1');
		old.version(1).stores(V1);
		const rows = toStoredRecords(generateDemoData(150, { seed: 5 })).orders.map((order) => {
			const { prepKeys: _keys, ...v1 } = order;
			return v1;
		});
		await old.table('orders').bulkPut(rows);
		old.close();

		const db = new DocksideDB('dockside-prep-v1');
		await db.open();
		const stored: StoredOrder[] = await db.orders.toArray();
		expect(stored).toHaveLength(150);
		for (const order of stored) expect(order.prepKeys).toEqual(prepKeys(order));
		const sample = stored.find((order) => order.prepKeys.length > 0)!;
		const found = await db.orders.where('prepKeys').equals(sample.prepKeys[0]).primaryKeys();
		expect(found).toContain(sample.id);
		db.close();
	});
});

import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { stockId } from '$lib/domain/schemas';
import {
	makeLine,
	makeMainWarehouse,
	makeOrder,
	makeProduct,
	makeStock
} from '$lib/domain/testing/factories';
import { allTables, getDb, resetDb } from './db';
import { clearPackScans, packAndClearScans, readPackScans, savePackScans } from './pack-scans';
import { performAction } from './perform';
import { performAll } from './perform-all';
import { toStoredOrder, toStoredProduct } from './stored';

const ORDER = makeOrder({
	id: 'order-a',
	number: '1001',
	lines: [
		makeLine({ id: 'line-a', productId: 'product-1', sku: 'SKU-1', qtyOrdered: 2 }),
		makeLine({ id: 'line-b', productId: 'product-2', sku: 'SKU-2', qtyOrdered: 1 })
	]
});

async function seedTakenOrder() {
	const db = getDb();
	await db.warehouses.put(makeMainWarehouse());
	await db.products.bulkPut([
		toStoredProduct(makeProduct({ id: 'product-1', sku: 'SKU-1' })),
		toStoredProduct(makeProduct({ id: 'product-2', sku: 'SKU-2' }))
	]);
	await db.stock.bulkPut([
		makeStock({ productId: 'product-1', physical: 0 }),
		makeStock({ productId: 'product-2', physical: 0 })
	]);
	await db.orders.put(toStoredOrder(ORDER));
	for (const productId of ['product-1', 'product-2']) {
		const adjusted = await performAction('stock.adjust', {
			movementId: `mv-${productId}`,
			productId,
			warehouseId: 'wh-main',
			qty: 5,
			category: 'adjustment',
			comment: 'count'
		});
		expect(adjusted.ok).toBe(true);
	}
	const added = await performAction('preparation.add', {
		warehouseId: 'wh-main',
		orderIds: ['order-a']
	});
	expect(added).toMatchObject({ ok: true });
}

async function snapshot() {
	const db = getDb();
	return Promise.all(allTables(db).map((table) => table.toArray()));
}

beforeEach(async () => {
	await resetDb();
	await seedTakenOrder();
});

describe('pack scan counts', () => {
	it('are saved per order, read back after the database is opened again, and cleared', async () => {
		expect(await readPackScans('order-a')).toEqual({});
		await savePackScans('order-a', { 'line-a': 1 }, new Date('2026-01-06T09:00:00Z'));
		await savePackScans('order-a', { 'line-a': 2, 'line-b': 1 });
		// A reload: a new connection reads what the last one wrote.
		getDb().close();
		await getDb().open();
		expect(await readPackScans('order-a')).toEqual({ 'line-a': 2, 'line-b': 1 });
		await clearPackScans('order-a');
		expect(await readPackScans('order-a')).toEqual({});
	});

	it('a refused pack keeps the counts and writes nothing', async () => {
		await savePackScans('order-a', { 'line-a': 1 });
		const before = await snapshot();
		const result = await packAndClearScans({
			orderId: 'order-a',
			shipmentId: 'ship-1',
			lines: [{ lineId: 'line-a', qty: 1 }]
		});
		expect(result).toMatchObject({ ok: false, code: 'partial_pack_not_allowed' });
		expect(await snapshot()).toEqual(before);
		expect(await readPackScans('order-a')).toEqual({ 'line-a': 1 });
	});

	it('a confirmed pack creates the shipment and clears the counts together', async () => {
		await savePackScans('order-a', { 'line-a': 2, 'line-b': 1 });
		const outboxBefore = await getDb().outbox.count();
		const result = await packAndClearScans({
			orderId: 'order-a',
			shipmentId: 'ship-1',
			invoiceId: 'inv-1',
			lines: [
				{ lineId: 'line-a', qty: 2 },
				{ lineId: 'line-b', qty: 1 }
			],
			weight: 1.5,
			parcels: 1
		});
		expect(result.ok).toBe(true);
		expect(await readPackScans('order-a')).toEqual({});
		const db = getDb();
		expect((await db.preparations.get('order-a'))?.status).toBe('packed');
		const order = await db.orders.get('order-a');
		expect(order?.shipments.map((s) => s.id)).toEqual(['ship-1']);
		expect(order?.invoices.map((i) => i.id)).toEqual(['inv-1']);
		expect(await db.outbox.count()).toBe(outboxBefore + 1);
		expect((await db.stock.get(stockId('product-1', 'wh-main')))?.physical).toBe(3);
	});
});

describe('performAll', () => {
	it('applies every step as its own mutation, in order', async () => {
		const db = getDb();
		const before = await db.outbox.toArray();
		const result = await performAll([
			{ name: 'preparation.remove', args: { orderId: 'order-a' } },
			{ name: 'preparation.add', args: { warehouseId: 'wh-main', orderIds: ['order-a'] } }
		]);
		expect(result.ok).toBe(true);
		const after = await db.outbox.toArray();
		expect(after.slice(before.length).map((m) => m.name)).toEqual([
			'preparation.remove',
			'preparation.add'
		]);
		expect(after.at(-1)?.id).toBe((before.at(-1)?.id ?? 0) + 2);
	});

	it('undoes the earlier steps when a later one is refused', async () => {
		const before = await snapshot();
		const result = await performAll([
			{ name: 'preparation.remove', args: { orderId: 'order-a' } },
			{ name: 'preparation.markPicked', args: { orderIds: ['order-a'] } }
		]);
		expect(result).toMatchObject({ ok: false, code: 'not_in_preparation' });
		expect(await snapshot()).toEqual(before);
		// The next action still gets the next id: none was used up by the undone steps.
		const next = await performAction('preparation.markPicked', { orderIds: ['order-a'] });
		const ids = (await getDb().outbox.toArray()).map((m) => m.id);
		expect(next).toEqual({ ok: true, mutationId: ids.at(-1) });
		expect(ids.at(-1)).toBe(ids.length);
	});
});

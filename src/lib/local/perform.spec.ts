import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import { applyMutation } from '$lib/domain/apply';
import { stockId, type Order } from '$lib/domain/schemas';
import {
	makeLine,
	makeMainWarehouse,
	makeOrder,
	makeProduct,
	makeStock
} from '$lib/domain/testing/factories';
import { MemoryReader } from '$lib/domain/testing/memory-reader';
import { META_NEXT_MUTATION_ID, allTables, getDb, resetDb } from './db';
import { getClientId, performAction } from './perform';
import { DexieReader } from './reader';
import { fromStoredOrder, toStoredOrder, toStoredProduct } from './stored';

const NOW = new Date('2026-01-06T09:00:00.000Z');
const KEY = stockId('product-1', 'wh-main');

// Built once: the factories number their defaults, and tests compare whole records.
const ORDER_A = makeOrder({
	id: 'order-a',
	number: '1001',
	shopRef: 'ref-a',
	placedAt: '2026-01-05T10:00:00.000Z',
	lines: [makeLine({ id: 'line-a', productId: 'product-1', sku: 'SKU-1', qtyOrdered: 2 })]
});
const ORDER_B = makeOrder({
	id: 'order-b',
	number: '1002',
	shopRef: 'ref-b',
	placedAt: '2026-01-05T11:00:00.000Z',
	lines: [makeLine({ id: 'line-b', productId: 'product-1', sku: 'SKU-1', qtyOrdered: 3 })]
});
const PRODUCT = makeProduct({ id: 'product-1', sku: 'SKU-1', name: 'T-shirt' });
const WAREHOUSE = makeMainWarehouse();

async function seed(orders: Order[] = [ORDER_A]) {
	const db = getDb();
	await db.warehouses.put(WAREHOUSE);
	await db.products.put(toStoredProduct(PRODUCT));
	await db.stock.put(makeStock({ productId: 'product-1', physical: 0 }));
	await db.orders.bulkPut(orders.map(toStoredOrder));
}

let movementCount = 0;
function adjust(qty: number) {
	movementCount += 1;
	return performAction(
		'stock.adjust',
		{
			movementId: `mv-${movementCount}`,
			productId: 'product-1',
			warehouseId: 'wh-main',
			qty,
			category: 'adjustment',
			comment: 'count'
		},
		{ now: () => NOW }
	);
}

/** Every table's rows, for "nothing changed" comparisons. */
async function snapshot() {
	const db = getDb();
	return Promise.all(allTables(db).map((table) => table.toArray()));
}

beforeEach(async () => {
	movementCount = 0;
	await resetDb();
	await seed();
});

describe('performAction', () => {
	it('numbers mutations 1, 2, 3 and never reuses an id after the outbox is emptied', async () => {
		const db = getDb();
		expect(await adjust(1)).toEqual({ ok: true, mutationId: 1 });
		expect(await adjust(1)).toEqual({ ok: true, mutationId: 2 });
		expect(await adjust(1)).toEqual({ ok: true, mutationId: 3 });
		expect(await db.outbox.toCollection().primaryKeys()).toEqual([1, 2, 3]);

		await db.outbox.clear();
		expect(await adjust(1)).toEqual({ ok: true, mutationId: 4 });
		expect(await db.outbox.toCollection().primaryKeys()).toEqual([4]);
		expect((await db.meta.get(META_NEXT_MUTATION_ID))?.value).toBe(5);
	});

	it('keeps the envelope: name, args, actor and client time', async () => {
		await performAction(
			'order.hold',
			{ orderId: 'order-a', reason: 'address' },
			{ now: () => NOW }
		);
		await performAction(
			'order.releaseHold',
			{ orderId: 'order-a' },
			{ actor: 'user-7', now: () => NOW }
		);
		expect(await getDb().outbox.toArray()).toEqual([
			{
				id: 1,
				name: 'order.hold',
				args: { orderId: 'order-a', reason: 'address' },
				actor: 'local-user',
				clientTime: '2026-01-06T09:00:00.000Z'
			},
			{
				id: 2,
				name: 'order.releaseHold',
				args: { orderId: 'order-a' },
				actor: 'user-7',
				clientTime: '2026-01-06T09:00:00.000Z'
			}
		]);
	});

	it('gives concurrent actions distinct, gapless ids', async () => {
		const results = await Promise.all([adjust(1), adjust(1), adjust(1), adjust(1), adjust(1)]);
		const ids = results.map((r) => (r.ok ? r.mutationId : -1)).sort();
		expect(ids).toEqual([1, 2, 3, 4, 5]);
		expect(await getDb().outbox.count()).toBe(5);
	});

	it('writes nothing and consumes no id when the rule rejects', async () => {
		await adjust(1);
		const before = await snapshot();
		const result = await adjust(-5);
		expect(result).toMatchObject({ ok: false, code: 'not_enough_stock' });
		expect(await snapshot()).toEqual(before);
		expect(await adjust(1)).toEqual({ ok: true, mutationId: 2 });
	});

	it('returns field issues for invalid arguments, and writes nothing', async () => {
		const before = await snapshot();
		const result = await performAction('order.cancelLine', {
			orderId: 'order-a',
			lineId: 'line-a',
			qty: 0
		});
		expect(result.ok).toBe(false);
		if (result.ok) return;
		expect(result.code).toBe('invalid_args');
		expect(result.issues?.map((issue) => issue.path)).toEqual(['qty']);
		expect(await snapshot()).toEqual(before);
	});

	it('rejects unknown actions', async () => {
		expect(await performAction('order.teleport', {})).toMatchObject({
			ok: false,
			code: 'unknown_mutation'
		});
		expect(await getDb().outbox.count()).toBe(0);
	});

	it('writes the effects: stock up turns a backordered line ready; canceling it drops its stock key', async () => {
		const db = getDb();
		expect(await db.orders.where('openStockKeys').equals(KEY).primaryKeys()).toEqual(['order-a']);

		expect((await adjust(2)).ok).toBe(true);
		const ready = (await db.orders.get('order-a'))!;
		expect(ready.lines[0].qtyReserved).toBe(2);
		expect(await db.stock.get(KEY)).toMatchObject({ physical: 2, reserved: 2, toShip: 2 });
		expect(await db.movements.get('mv-1')).toMatchObject({ qty: 2, toWarehouseId: 'wh-main' });
		expect(await db.timeline.count()).toBe(1);

		const canceled = await performAction(
			'order.cancelLine',
			{ orderId: 'order-a', lineId: 'line-a', qty: 2 },
			{ now: () => NOW }
		);
		expect(canceled).toEqual({ ok: true, mutationId: 2 });
		const stored = (await db.orders.get('order-a'))!;
		expect(stored.status).toBe('canceled');
		expect(stored.openStockKeys).toEqual([]);
		expect(await db.orders.where('openStockKeys').equals(KEY).count()).toBe(0);
		expect(await db.stock.get(KEY)).toMatchObject({ physical: 2, reserved: 0, toShip: 0 });
	});

	it('recomputes the search words of a changed order', async () => {
		const db = getDb();
		await db.orders.put({ ...(await db.orders.get('order-a'))!, searchWords: ['stale'] });
		await performAction(
			'order.hold',
			{ orderId: 'order-a', reason: 'address' },
			{ now: () => NOW }
		);
		expect((await db.orders.get('order-a'))!.searchWords).toContain('1001');
		expect(await db.orders.where('searchWords').equals('stale').count()).toBe(0);
	});

	it('ends in the same records as the rules over an in-memory reader', async () => {
		const db = getDb();
		await db.orders.put(toStoredOrder(ORDER_B));
		const memory = new MemoryReader({
			orders: [ORDER_A, ORDER_B],
			products: [PRODUCT],
			warehouses: [WAREHOUSE],
			stock: [makeStock({ productId: 'product-1', physical: 0 })]
		});
		const clientId = await getClientId();
		const steps: [string, unknown][] = [
			[
				'stock.adjust',
				{
					movementId: 'mv-x',
					productId: 'product-1',
					warehouseId: 'wh-main',
					qty: 4,
					category: 'adjustment',
					comment: ''
				}
			],
			['order.hold', { orderId: 'order-a', reason: 'customer_request' }],
			['order.cancelLine', { orderId: 'order-b', lineId: 'line-b', qty: 1 }],
			['order.releaseHold', { orderId: 'order-a' }]
		];
		for (const [index, [name, args]] of steps.entries()) {
			const id = index + 1;
			expect(await performAction(name, args, { now: () => NOW })).toEqual({
				ok: true,
				mutationId: id
			});
			const clientTime = NOW.toISOString();
			const result = await applyMutation(
				memory,
				{ id, name, args, actor: 'local-user', clientTime },
				{ now: clientTime, actor: 'local-user', actorKind: 'user', clientId, mutationId: id }
			);
			if (!result.ok) throw new Error(result.message);
			memory.write(result.changes);
		}
		const expected = memory.snapshot();
		const orders = (await db.orders.toArray()).map(fromStoredOrder);
		expect(orders).toEqual(expected.orders);
		expect(await db.stock.toArray()).toEqual(expected.stock);
		expect(await db.movements.toArray()).toEqual(expected.movements);
		expect(await db.timeline.orderBy('id').toArray()).toEqual(
			[...expected.timeline].sort((a, b) => (a.id < b.id ? -1 : 1))
		);
	});
});

describe('getClientId', () => {
	it('makes one UUIDv7 and keeps it', async () => {
		const first = await getClientId();
		expect(first).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
		expect(await getClientId()).toBe(first);
	});
});

describe('DexieReader', () => {
	it('reads plain records, without the local index fields', async () => {
		const reader = new DexieReader(getDb());
		const open = await reader.ordersWithOpenLines('product-1', 'wh-main');
		expect(open).toEqual([ORDER_A]);
		expect(await reader.ordersWithOpenLines('product-1', 'elsewhere')).toEqual([]);
		expect(await reader.productBySku('SKU-1')).toEqual(PRODUCT);
		expect((await reader.settings()).reserveUnpaidOrders).toBe(true);
	});
});

import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { liveQuery } from 'dexie';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from '$lib/domain/schemas';
import { makeLine, makeOrder } from '$lib/domain/testing/factories';
import { getDb, resetDb, type StoredOrder } from './db';
import { countByTab } from './queries';
import { toStoredOrder } from './stored';

const IDS = ['o1', 'o2', 'o3', 'o4', 'o5'];
const SHOPS = ['shop-a', 'shop-b'];
const WAREHOUSES = ['wh-1', 'wh-2'];

const order = fc
	.record({
		id: fc.constantFrom(...IDS),
		shopId: fc.constantFrom(...SHOPS),
		status: fc.constantFrom<OrderStatus>(...ORDER_STATUSES),
		warehouses: fc.array(fc.constantFrom(...WAREHOUSES), { minLength: 1, maxLength: 3 })
	})
	.map(({ id, shopId, status, warehouses }) =>
		toStoredOrder(
			makeOrder({
				id,
				shopId,
				status,
				shopRef: id,
				lines: warehouses.map((warehouseId, k) => makeLine({ id: `${id}-${k}`, warehouseId }))
			})
		)
	);

const status = fc.constantFrom<OrderStatus>(...ORDER_STATUSES);
const id = fc.constantFrom(...IDS);

/** Every way the app and Dexie write to the orders table. */
const operation = fc.oneof(
	order.map((o) => ['put', o] as const),
	fc.array(order, { maxLength: 4 }).map((os) => ['bulkPut', os] as const),
	order.map((o) => ['add', o] as const),
	fc.array(order, { maxLength: 4 }).map((os) => ['bulkAdd', os] as const),
	id.map((key) => ['delete', key] as const),
	fc.array(id, { maxLength: 3 }).map((keys) => ['bulkDelete', keys] as const),
	fc.tuple(id, status).map(([key, s]) => ['update', key, s] as const),
	fc.tuple(status, status).map(([from, to]) => ['modifyWhere', from, to] as const),
	status.map((s) => ['deleteWhere', s] as const),
	fc
		.tuple(fc.constantFrom(...IDS), fc.constantFrom(...IDS))
		.map(([a, b]) => ['deleteRange', a, b] as const),
	fc.array(order, { maxLength: 3 }).map((os) => ['parallelPuts', os] as const),
	fc.constant(['clear'] as const)
);

type Operation = typeof operation extends fc.Arbitrary<infer T> ? T : never;

async function run(op: Operation): Promise<void> {
	const db = getDb();
	const ignore = () => undefined; // adds of existing keys fail; the others still commit
	switch (op[0]) {
		case 'put':
			return void (await db.orders.put(op[1]));
		case 'bulkPut':
			return void (await db.orders.bulkPut(op[1]));
		case 'add':
			return void (await db.orders.add(op[1]).catch(ignore));
		case 'bulkAdd':
			return void (await db.orders.bulkAdd(op[1]).catch(ignore));
		case 'delete':
			return db.orders.delete(op[1]);
		case 'bulkDelete':
			return db.orders.bulkDelete(op[1]);
		case 'update':
			return void (await db.orders.update(op[1], { status: op[2] }));
		case 'modifyWhere':
			return void (await db.orders
				.where('[status+placedAt]')
				.between([op[1], ''], [op[1], '\uffff'])
				.modify({ status: op[2] }));
		case 'deleteWhere':
			return void (await db.orders
				.where('[status+placedAt]')
				.between([op[1], ''], [op[1], '\uffff'])
				.delete());
		case 'deleteRange': {
			const [lower, upper] = op[1] < op[2] ? [op[1], op[2]] : [op[2], op[1]];
			return void (await db.orders.where('id').between(lower, upper, true, true).delete());
		}
		case 'parallelPuts':
			return db.transaction('rw', db.orders, async () => {
				await Promise.all(op[1].map((o: StoredOrder) => db.orders.put(o)));
			});
		case 'clear':
			return db.orders.clear();
	}
}

async function bruteCounts(shopId?: string, warehouseId?: string) {
	const orders = (await getDb().orders.toArray()).filter(
		(o) =>
			(!shopId || o.shopId === shopId) &&
			(!warehouseId || o.lines.some((line) => line.warehouseId === warehouseId))
	);
	const counts = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0]));
	for (const o of orders) counts[o.status] += 1;
	return { ...counts, all: orders.length };
}

beforeEach(async () => {
	await resetDb();
});

describe('order counts middleware', () => {
	it('keeps the counts equal to the orders after any sequence of writes', async () => {
		await fc.assert(
			fc.asyncProperty(fc.array(operation, { maxLength: 12 }), async (operations) => {
				await getDb().orders.clear();
				for (const op of operations) await run(op);
				expect(await countByTab({})).toEqual(await bruteCounts());
				for (const shopId of [undefined, ...SHOPS]) {
					for (const warehouseId of [undefined, ...WAREHOUSES]) {
						expect(await countByTab({ shopId, warehouseId })).toEqual(
							await bruteCounts(shopId, warehouseId)
						);
					}
				}
			}),
			{ numRuns: 150 }
		);
	});

	it('rolls the counts back with the transaction that wrote the orders', async () => {
		const db = getDb();
		await db.orders.put(toStoredOrder(makeOrder({ id: 'o1', status: 'processing' })));
		await expect(
			db.transaction('rw', db.orders, async () => {
				await db.orders.put(toStoredOrder(makeOrder({ id: 'o2', status: 'processing' })));
				throw new Error('abort');
			})
		).rejects.toThrow('abort');
		expect((await countByTab({})).processing).toBe(1);
	});

	it('adds its table to write transactions over orders only', async () => {
		const db = getDb();
		await db.transaction('rw', db.meta, async () => {
			await db.meta.put({ key: 'x', value: 1 });
		});
		await db.transaction('rw', db.orders, async () => {
			await db.orders.put(toStoredOrder(makeOrder({ id: 'o1', status: 'pending' })));
		});
		expect(await db.orderCounts.toArray()).toEqual([
			{
				key: 'shop-1\u0000\u0000pending',
				shopId: 'shop-1',
				warehouseId: '',
				status: 'pending',
				count: 1
			},
			{
				key: 'shop-1\u0000wh-main\u0000pending',
				shopId: 'shop-1',
				warehouseId: 'wh-main',
				status: 'pending',
				count: 1
			}
		]);
	});

	it('refreshes a live countByTab when another write changes the orders', async () => {
		const seen: number[] = [];
		const subscription = liveQuery(() => countByTab({})).subscribe((counts) =>
			seen.push(counts.processing)
		);
		try {
			await vi.waitFor(() => expect(seen).toEqual([0]));
			await getDb().orders.put(toStoredOrder(makeOrder({ id: 'o1', status: 'processing' })));
			await vi.waitFor(() => expect(seen).toEqual([0, 1]));
		} finally {
			subscription.unsubscribe();
		}
	});
});

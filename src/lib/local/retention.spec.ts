import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { makeOrder, makePreparation, makeProduct } from '$lib/domain/testing/factories';
import type { Movement, Order, OrderStatus, TimelineEvent } from '$lib/domain/schemas';
import { isOrderRetained, windowStart } from '$lib/sync/retention-window';
import { getDb, resetDb } from './db';
import { writeRecordsLocally } from './records';
import { META_OLDER_LOADED, META_PRUNED_AT, pruneOutsideWindow, pruneWhenDue } from './retention';

const DAY = 86_400_000;
const NOW = new Date('2026-11-26T12:00:00.000Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

function event(orderId: string, at: string, n = 0): TimelineEvent {
	return {
		id: `ev-${orderId}-${n}`,
		orderId,
		at,
		actor: 'shop',
		actorKind: 'shop',
		type: 'import.created',
		summary: 'Imported'
	};
}

function movement(id: string, productId: string, createdAt: string): Movement {
	return {
		id,
		productId,
		fromWarehouseId: 'wh-main',
		toWarehouseId: null,
		qty: 1,
		category: 'shipment',
		comment: '',
		createdAt,
		actor: 'system'
	};
}

async function store(orders: Order[], events: TimelineEvent[] = [], movements: Movement[] = []) {
	await writeRecordsLocally(getDb(), [
		...orders.map((order) => ({ entity: 'order' as const, id: order.id, value: order })),
		...events.map((e) => ({ entity: 'timeline' as const, id: e.id, value: e })),
		...movements.map((m) => ({ entity: 'movement' as const, id: m.id, value: m }))
	]);
}

const orderIds = async () => (await getDb().orders.toCollection().primaryKeys()).sort();

beforeEach(async () => {
	await resetDb();
});

describe('pruning the retention window', () => {
	it('removes closed orders that left the window, with their timeline, and keeps the rest', async () => {
		const oldComplete = makeOrder({
			id: 'old-complete',
			status: 'complete',
			placedAt: daysAgo(120)
		});
		const oldCanceled = makeOrder({
			id: 'old-canceled',
			status: 'canceled',
			placedAt: daysAgo(95)
		});
		const oldOpen = makeOrder({ id: 'old-open', status: 'processing', placedAt: daysAgo(200) });
		const recentComplete = makeOrder({
			id: 'recent-complete',
			status: 'complete',
			placedAt: daysAgo(30)
		});
		// Placed long ago, shipped inside the window: its last activity counts.
		const shippedLately = makeOrder({
			id: 'shipped-lately',
			status: 'complete',
			placedAt: daysAgo(150),
			shipments: [{ id: 's1', createdAt: daysAgo(10), lines: [{ lineId: 'x', qty: 1 }] }]
		});
		const openReturn = makeOrder({
			id: 'open-return',
			status: 'complete',
			placedAt: daysAgo(300),
			returns: [
				{
					id: 'r1',
					reference: '20260801-1',
					status: 'requested',
					createdAt: daysAgo(200),
					items: [{ lineId: 'x', qty: 1, reason: 'other', request: 'refund' }]
				}
			]
		});
		const orders = [oldComplete, oldCanceled, oldOpen, recentComplete, shippedLately, openReturn];
		await store(orders, [
			event('old-complete', daysAgo(120)),
			event('old-complete', daysAgo(119), 1),
			event('old-open', daysAgo(200)),
			event('recent-complete', daysAgo(30))
		]);

		const result = await pruneOutsideWindow(getDb(), NOW);

		expect(result).toMatchObject({ orders: 2, events: 2 });
		expect(await orderIds()).toEqual(
			['old-open', 'open-return', 'recent-complete', 'shipped-lately'].sort()
		);
		expect((await getDb().timeline.toCollection().primaryKeys()).sort()).toEqual([
			'ev-old-open-0',
			'ev-recent-complete-0'
		]);
		// The kept counts follow (the middleware sees the deletes).
		const counts = await getDb().orderCounts.toArray();
		const complete = counts
			.filter((row) => row.status === 'complete' && row.warehouseId === '')
			.reduce((sum, row) => sum + row.count, 0);
		expect(complete).toBe(3);
	});

	it('never removes an order that pending work or this device still needs', async () => {
		const old = (id: string) => makeOrder({ id, status: 'complete', placedAt: daysAgo(200) });
		await store([
			old('in-base'),
			old('in-outbox'),
			old('in-preparation'),
			old('packing'),
			old('free')
		]);
		const db = getDb();
		await db.base.put({ entity: 'order', id: 'in-base', value: null, version: 0 });
		await db.outbox.put({
			id: 1,
			name: 'order.createReturn',
			args: { orderId: 'in-outbox' },
			actor: 'me',
			clientTime: NOW.toISOString()
		});
		await db.preparations.put(makePreparation({ orderId: 'in-preparation' }));
		await db.packScans.put({ orderId: 'packing', counts: {}, updatedAt: NOW.toISOString() });

		await pruneOutsideWindow(db, NOW);

		expect(await orderIds()).toEqual(['in-base', 'in-outbox', 'in-preparation', 'packing']);
	});

	it('leaves an older order opened on demand for a day', async () => {
		const old = (id: string) => makeOrder({ id, status: 'complete', placedAt: daysAgo(200) });
		await store([old('opened-now'), old('opened-yesterday')]);
		await getDb().meta.put({
			key: META_OLDER_LOADED,
			value: { 'opened-now': daysAgo(0.1), 'opened-yesterday': daysAgo(1.1) }
		});
		await pruneOutsideWindow(getDb(), NOW);
		expect(await orderIds()).toEqual(['opened-now']);
	});

	it('removes stock movements older than the window, product by product', async () => {
		await writeRecordsLocally(getDb(), [
			{ entity: 'product', id: 'p1', value: makeProduct({ id: 'p1', sku: 'SKU-1' }) },
			{ entity: 'product', id: 'p2', value: makeProduct({ id: 'p2', sku: 'SKU-2' }) }
		]);
		await store(
			[],
			[],
			[
				movement('m-old-1', 'p1', daysAgo(91)),
				movement('m-new-1', 'p1', daysAgo(89)),
				movement('m-old-2', 'p2', daysAgo(400)),
				movement('m-new-2', 'p2', daysAgo(0))
			]
		);
		const result = await pruneOutsideWindow(getDb(), NOW);
		expect(result.movements).toBe(2);
		expect((await getDb().movements.toCollection().primaryKeys()).sort()).toEqual([
			'm-new-1',
			'm-new-2'
		]);
	});

	it('follows the retentionDays setting', async () => {
		await getDb().settings.put({
			...(await import('$lib/domain/schemas')).DEFAULT_SETTINGS,
			id: 'settings',
			retentionDays: 365
		});
		await store([makeOrder({ id: 'a', status: 'complete', placedAt: daysAgo(200) })]);
		await pruneOutsideWindow(getDb(), NOW);
		expect(await orderIds()).toEqual(['a']);
	});

	it('runs about once a day', async () => {
		await store([makeOrder({ id: 'a', status: 'complete', placedAt: daysAgo(200) })]);
		expect(await pruneWhenDue(getDb(), NOW)).toMatchObject({ orders: 1 });
		expect((await getDb().meta.get(META_PRUNED_AT))?.value).toBe(NOW.toISOString());
		await store([makeOrder({ id: 'b', status: 'complete', placedAt: daysAgo(200) })]);
		expect(await pruneWhenDue(getDb(), new Date(NOW.getTime() + DAY / 2))).toBeNull();
		expect(await orderIds()).toEqual(['b']);
		expect(await pruneWhenDue(getDb(), new Date(NOW.getTime() + DAY))).toMatchObject({
			orders: 1
		});
	});

	it('keeps exactly the orders the shared rule retains', async () => {
		const statusArb = fc.constantFrom<OrderStatus>(
			'pending',
			'processing',
			'complete',
			'canceled',
			'on_hold'
		);
		const orderArb = fc.record({
			status: statusArb,
			placed: fc.integer({ min: 0, max: 400 }),
			shipped: fc.option(fc.integer({ min: 0, max: 400 }), { nil: undefined })
		});
		await fc.assert(
			fc.asyncProperty(fc.array(orderArb, { maxLength: 12 }), async (specs) => {
				await resetDb();
				const orders = specs.map((spec, i) =>
					makeOrder({
						id: `o${i}`,
						status: spec.status,
						placedAt: daysAgo(spec.placed),
						shipments:
							spec.shipped === undefined
								? []
								: [
										{
											id: `s${i}`,
											createdAt: daysAgo(spec.shipped),
											lines: [{ lineId: 'x', qty: 1 }]
										}
									]
					})
				);
				await store(orders);
				await pruneOutsideWindow(getDb(), NOW);
				const start = windowStart(NOW, 90);
				expect(await orderIds()).toEqual(
					orders
						.filter((order) => isOrderRetained(order, start))
						.map((order) => order.id)
						.sort()
				);
			}),
			{ numRuns: 25 }
		);
	});
});

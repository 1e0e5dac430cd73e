// What the orders list relies on to page by windows without an id list (order-list.svelte.ts):
// a query said to page by index is paged exactly by listOrderPage windows, and a query said to
// be counted has countOrders equal to its list's length.
import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import { ORDER_STATUSES, type OrderStatus } from '$lib/domain/schemas';
import { makeLine, makeOrder } from '$lib/domain/testing/factories';
import { getDb, resetDb } from './db';
import type { OrderListQuery, OrderSort, OrderTab } from './order-filter';
import type { PageDirection } from './queries';
import {
	countOrders,
	getOrders,
	listOrderKeys,
	listOrderPage,
	listOrderPageFrom,
	listOrderPageFromEnd,
	orderListPaging
} from './queries';
import { toStoredOrder } from './stored';

const PLACED = [
	'2026-03-01T00:00:00.000Z',
	'2026-03-01T23:59:59.999Z',
	'2026-03-02T12:00:00.000Z',
	'2026-03-03T08:00:00.000Z'
];

const orders = fc
	.array(
		fc.record({
			status: fc.constantFrom<OrderStatus>(...ORDER_STATUSES),
			placedAt: fc.constantFrom(...PLACED),
			grandTotal: fc.constantFrom(0, 9.9, 10, 120.5),
			shopId: fc.constantFrom('shop-a', 'shop-b'),
			warehouses: fc.subarray(['wh-1', 'wh-2'], { minLength: 1 }),
			name: fc.constantFrom('Hans Müller', 'Zoë Ångström', 'Anna Muller')
		}),
		{ maxLength: 40 }
	)
	.map((specs) =>
		specs.map((spec, k) =>
			makeOrder({
				id: `o-${String((k * 7) % 41).padStart(2, '0')}`,
				number: String(1000 + k),
				status: spec.status,
				placedAt: spec.placedAt,
				grandTotal: spec.grandTotal,
				shopId: spec.shopId,
				customer: { name: spec.name, email: `c${k}@example.com` },
				lines: spec.warehouses.map((warehouseId, j) =>
					makeLine({ id: `l-${k}-${j}`, sku: 'TSH-1', warehouseId })
				)
			})
		)
	);

const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const query: fc.Arbitrary<OrderListQuery> = fc.record({
	tab: fc.constantFrom<OrderTab>('all', ...ORDER_STATUSES),
	shopId: option(fc.constantFrom('shop-a', 'shop-x')),
	warehouseId: option(fc.constantFrom('wh-1')),
	from: option(fc.constantFrom('2026-03-01', '2026-03-02')),
	to: option(fc.constantFrom('2026-03-02', '2026-03-03')),
	search: option(fc.constantFrom('mull', 'zoe')),
	sort: fc.constantFrom<OrderSort>('date_desc', 'date_asc', 'total_desc', 'total_asc')
});

beforeEach(async () => {
	await resetDb();
});

describe('orderListPaging', () => {
	it('pages by index exactly when one index range gives the filters and the sort', () => {
		const paging = (q: Partial<OrderListQuery>) =>
			orderListPaging({ tab: 'processing', sort: 'date_desc', ...q });
		expect(paging({})).toEqual({ byIndex: true, counted: true });
		expect(paging({ tab: 'all' })).toEqual({ byIndex: true, counted: true });
		expect(paging({ shopId: 'shop-a', from: '2026-03-01' })).toEqual({
			byIndex: true,
			counted: true
		});
		expect(paging({ sort: 'total_asc' })).toEqual({ byIndex: true, counted: true });
		// A shop on "All" or by total, or a warehouse: kept counts, but an id list for the rows.
		expect(paging({ tab: 'all', shopId: 'shop-a' })).toEqual({ byIndex: false, counted: true });
		expect(paging({ sort: 'total_desc', shopId: 'shop-a' })).toEqual({
			byIndex: false,
			counted: true
		});
		expect(paging({ warehouseId: 'wh-1' })).toEqual({ byIndex: false, counted: true });
		// Search, or dates with a warehouse: counting means reading the matches.
		expect(paging({ search: 'mull' })).toEqual({ byIndex: false, counted: false });
		expect(paging({ warehouseId: 'wh-1', to: '2026-03-02' })).toEqual({
			byIndex: false,
			counted: false
		});
		expect(paging({ search: '   ' })).toEqual({ byIndex: true, counted: true });
	});

	it('windows of an index-paged query, and the count of a counted one, match its id list', async () => {
		await fc.assert(
			fc.asyncProperty(orders, query, fc.integer({ min: 1, max: 7 }), async (records, q, block) => {
				const db = getDb();
				await db.orders.clear();
				await db.orders.bulkPut(records.map(toStoredOrder));
				const { byIndex, counted } = orderListPaging(q);
				const ids = await listOrderKeys(q);
				if (byIndex) {
					expect(counted).toBe(true);
					const paged: string[] = [];
					for (let offset = 0; offset < ids.length + block; offset += block) {
						paged.push(...(await listOrderPage(q, offset, block)).map((o) => o.id));
					}
					expect(paged).toEqual(ids);
				}
				if (counted) expect(await countOrders(q)).toBe(ids.length);
			}),
			{ numRuns: 150 }
		);
	});
});

describe('listOrderPageFrom (keyset pages)', () => {
	it('gives the rows after, from and before any row of an index-paged list, or its end', async () => {
		await fc.assert(
			fc.asyncProperty(
				orders.filter((records) => records.length > 0),
				query.filter((q) => orderListPaging(q).byIndex),
				fc.nat(),
				fc.integer({ min: 1, max: 9 }),
				fc.oneof(fc.constant(0), fc.nat(12)),
				async (records, q, pick, limit, skip) => {
					const db = getDb();
					await db.orders.clear();
					await db.orders.bulkPut(records.map(toStoredOrder));
					const ids = await listOrderKeys(q);
					if (ids.length === 0) return;
					const at = pick % ids.length;
					const [anchor] = await getOrders([ids[at]]);
					const idsOf = (list: { id: string }[]) => list.map((o) => o.id);
					const page = (direction: PageDirection) =>
						listOrderPageFrom(q, anchor, direction, limit, skip).then(idsOf);
					expect(await page('after')).toEqual(ids.slice(at + 1 + skip, at + 1 + skip + limit));
					expect(await page('from')).toEqual(ids.slice(at + skip, at + skip + limit));
					const beforeEnd = Math.max(0, at - skip);
					expect(await page('before')).toEqual(
						ids.slice(Math.max(0, beforeEnd - limit), beforeEnd)
					);
					// Counted from the end of the list.
					expect(idsOf(await listOrderPageFromEnd(q, skip, limit))).toEqual(
						ids.slice(Math.max(0, ids.length - skip - limit), Math.max(0, ids.length - skip))
					);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('refuses a query whose order no single index gives', async () => {
		const anchor = makeOrder({ id: 'o-1' });
		const searched: OrderListQuery = { tab: 'all', sort: 'date_desc', search: 'mull' };
		await expect(listOrderPageFrom(searched, anchor, 'after', 5)).rejects.toThrow(/no index order/);
		await expect(listOrderPageFromEnd(searched, 0, 5)).rejects.toThrow(/no index order/);
	});
});

describe('listOrderKeys with an AbortSignal', () => {
	beforeEach(async () => {
		await getDb().orders.bulkPut(
			Array.from({ length: 30 }, (_, k) =>
				toStoredOrder(
					makeOrder({
						id: `o-${k}`,
						customer: { name: k % 2 ? 'Hans Müller' : 'Zoë Ångström', email: `c${k}@x.com` }
					})
				)
			)
		);
	});

	it('answers as without one while it is not aborted', async () => {
		const q: OrderListQuery = { tab: 'all', sort: 'date_desc', search: 'mull' };
		const signal = new AbortController().signal;
		expect(await listOrderKeys(q, signal)).toEqual(await listOrderKeys(q));
		expect(await listOrderKeys(q, signal)).toHaveLength(15);
	});

	it('rejects with the reason when aborted before or during the read', async () => {
		const before = new AbortController();
		before.abort();
		await expect(listOrderKeys({ tab: 'all', sort: 'date_desc' }, before.signal)).rejects.toThrow(
			/abort/i
		);
		for (const q of [
			{ tab: 'all', sort: 'date_desc' },
			{ tab: 'all', sort: 'date_desc', search: 'zoe' },
			{ tab: 'processing', sort: 'total_asc', warehouseId: 'wh-x' }
		] satisfies OrderListQuery[]) {
			const during = new AbortController();
			const read = listOrderKeys(q, during.signal);
			during.abort();
			await expect(read).rejects.toThrow(/abort/i);
		}
	});
});

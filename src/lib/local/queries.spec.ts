import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
	ORDER_STATUSES,
	stockId,
	type Movement,
	type Order,
	type OrderStatus,
	type TimelineEvent
} from '$lib/domain/schemas';
import {
	makeLine,
	makeOrder,
	makeProduct,
	makeStock,
	makeWarehouse
} from '$lib/domain/testing/factories';
import { getDb, resetDb } from './db';
import type { OrderListQuery, OrderSort, OrderTab } from './order-filter';
import {
	countByTab,
	countOrders,
	countProducts,
	exportOrdersCsv,
	getOrders,
	getSettings,
	listOrderKeys,
	listOrderPage,
	listProducts,
	listWarehouses,
	orderTimeline,
	outboxCount,
	productMovements,
	productOpenOrders,
	productStock,
	queryTuning
} from './queries';
import { orderSearchWords, searchTerms } from './search';
import { toStoredOrder, toStoredProduct } from './stored';

// ---------------------------------------------------------------- brute force, written plainly

const DAYS = ['2026-02-28', '2026-03-01', '2026-03-02', '2026-03-03'];

function bruteMatches(order: Order, q: Omit<OrderListQuery, 'sort'>, ignoreTab = false): boolean {
	const terms = searchTerms(q.search ?? '');
	const words = orderSearchWords(order);
	const day = order.placedAt.slice(0, 10);
	return (
		(ignoreTab || q.tab === 'all' || order.status === q.tab) &&
		(!q.shopId || order.shopId === q.shopId) &&
		(!q.warehouseId || order.lines.some((line) => line.warehouseId === q.warehouseId)) &&
		(!q.from || day >= q.from) &&
		(!q.to || day <= q.to) &&
		terms.every((term) => words.some((word) => word.startsWith(term)))
	);
}

function bruteList(orders: Order[], q: OrderListQuery): Order[] {
	const key = (o: Order) => (q.sort.startsWith('date') ? o.placedAt : o.grandTotal);
	const ascending = [...orders.filter((o) => bruteMatches(o, q))].sort((a, b) => {
		if (key(a) !== key(b)) return key(a) < key(b) ? -1 : 1;
		return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
	});
	return q.sort.endsWith('desc') ? ascending.reverse() : ascending;
}

function bruteCounts(orders: Order[], q: Omit<OrderListQuery, 'sort'>): Record<OrderTab, number> {
	const counts = Object.fromEntries([...ORDER_STATUSES, 'all'].map((tab) => [tab, 0]));
	for (const order of orders) {
		if (!bruteMatches(order, q, true)) continue;
		counts[order.status] += 1;
		counts.all += 1;
	}
	return counts as Record<OrderTab, number>;
}

// ---------------------------------------------------------------- random datasets

const NAMES = [
	'Zoë Ångström',
	'Hans Müller',
	'Anna Muller',
	'Mulan Chen',
	'Łukasz Żółć',
	'Ελένη Παπαδοπούλου',
	'José Núñez'
];
const PLACED = [
	'2026-03-01T00:00:00.000Z',
	'2026-03-01T23:59:59.999Z',
	'2026-03-02T12:00:00.000Z',
	'2026-03-03T08:00:00.000Z'
];
const SEARCHES = ['mul', 'müller', 'MULLER', 'zoe', 'ång', 'lukasz zolc', 'ελενη', 'núñez jo', 'x'];

const orderSpec = fc.record({
	status: fc.constantFrom<OrderStatus>(...ORDER_STATUSES),
	placedAt: fc.constantFrom(...PLACED),
	grandTotal: fc.constantFrom(-3, 0, 9.9, 10, 120.5),
	shopId: fc.constantFrom('shop-a', 'shop-b', 'shop-c'),
	warehouses: fc.subarray(['wh-1', 'wh-2', 'wh-3'], { minLength: 1 }),
	name: fc.constantFrom(...NAMES),
	sku: fc.constantFrom('TSH-1', 'MUG-2', 'LMP-3')
});

const dataset = fc
	.array(orderSpec, { maxLength: 30 })
	.chain((specs) =>
		fc.tuple(
			fc.constant(specs),
			fc.shuffledSubarray(
				specs.map((_, k) => `o-${String(k).padStart(2, '0')}`),
				{ minLength: specs.length, maxLength: specs.length }
			)
		)
	)
	.map(([specs, ids]) =>
		specs.map((spec, k) =>
			makeOrder({
				id: ids[k],
				number: String(1000 + k),
				shopRef: `ref-${k}`,
				status: spec.status,
				placedAt: spec.placedAt,
				grandTotal: spec.grandTotal,
				shopId: spec.shopId,
				customer: { name: spec.name, email: `c${k}@example.com` },
				lines: spec.warehouses.map((warehouseId, j) =>
					makeLine({ id: `${ids[k]}-l${j}`, sku: spec.sku, warehouseId })
				)
			})
		)
	);

const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

const query: fc.Arbitrary<OrderListQuery> = fc.record({
	tab: fc.constantFrom<OrderTab>('all', ...ORDER_STATUSES),
	shopId: option(fc.constantFrom('shop-a', 'shop-b', 'shop-x')),
	warehouseId: option(fc.constantFrom('wh-1', 'wh-2', 'wh-x')),
	from: option(fc.constantFrom(...DAYS)),
	to: option(fc.constantFrom(...DAYS)),
	search: option(fc.constantFrom(...SEARCHES)),
	sort: fc.constantFrom<OrderSort>('date_desc', 'date_asc', 'total_desc', 'total_asc')
});

async function store(orders: Order[]) {
	const db = getDb();
	await db.orders.clear();
	await db.orders.bulkPut(orders.map(toStoredOrder));
}

const DEFAULT_LIMIT = queryTuning.candidateLimit;
const DEFAULT_BUDGET = queryTuning.scanBudget;

beforeEach(async () => {
	await resetDb();
});

afterEach(() => {
	queryTuning.candidateLimit = DEFAULT_LIMIT;
	queryTuning.scanBudget = DEFAULT_BUDGET;
});

describe('order list queries equal a brute-force filter and sort', () => {
	// candidateLimit 0 forces the key-scan path, the default the read-and-sort path; a scan
	// budget of 0 skips the bounded record scan, a small one makes it give up half-way.
	const limits = fc.constantFrom(0, 2, DEFAULT_LIMIT);
	const budgets = fc.constantFrom(0, 1, 2, 5, 20, DEFAULT_BUDGET);
	// Pages near the top are the ones the bounded scan answers.
	const offsets = fc.oneof(fc.constantFrom(0, 1, 2), fc.nat(35));
	const sizes = fc.oneof(fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 12 }));

	it('listOrderKeys, listOrderPage and getOrders', async () => {
		await fc.assert(
			fc.asyncProperty(
				dataset,
				query,
				limits,
				budgets,
				offsets,
				sizes,
				async (orders, q, limit, budget, offset, size) => {
					queryTuning.candidateLimit = limit;
					queryTuning.scanBudget = budget;
					await store(orders);
					const expected = bruteList(orders, q);
					const keys = await listOrderKeys(q);
					expect(keys).toEqual(expected.map((o) => o.id));
					expect(await listOrderPage(q, offset, size)).toEqual(
						expected.slice(offset, offset + size)
					);
					expect(await getOrders(keys.slice(offset, offset + size))).toEqual(
						expected.slice(offset, offset + size)
					);
				}
			),
			{ numRuns: 200 }
		);
	});

	it('listOrderPage near the top, where a bounded record scan answers or gives up', async () => {
		const filtered = fc.record({
			tab: fc.constantFrom<OrderTab>('all', 'processing'),
			shopId: option(fc.constantFrom('shop-a', 'shop-b')),
			warehouseId: option(fc.constantFrom('wh-1', 'wh-2')),
			from: option(fc.constantFrom(...DAYS)),
			sort: fc.constantFrom<OrderSort>('date_desc', 'date_asc', 'total_desc', 'total_asc')
		});
		await fc.assert(
			fc.asyncProperty(
				dataset.filter((orders) => orders.length >= 5),
				filtered,
				fc.constantFrom(1, 2, 3, 6),
				fc.constantFrom(0, 1),
				fc.constantFrom(1, 2),
				async (orders, q, budget, offset, size) => {
					queryTuning.scanBudget = budget;
					await store(orders);
					expect(await listOrderPage(q, offset, size)).toEqual(
						bruteList(orders, q).slice(offset, offset + size)
					);
				}
			),
			{ numRuns: 150 }
		);
	});

	it('countByTab', async () => {
		await fc.assert(
			fc.asyncProperty(dataset, query, limits, async (orders, q, limit) => {
				queryTuning.candidateLimit = limit;
				await store(orders);
				const { tab, sort: _sort, ...filters } = q;
				const expected = bruteCounts(orders, { ...filters, tab: 'all' });
				expect(await countByTab(filters)).toEqual(expected);
				expect(await countOrders({ ...filters, tab })).toBe(expected[tab]);
			}),
			{ numRuns: 150 }
		);
	});

	it('exportOrdersCsv rows', async () => {
		await fc.assert(
			fc.asyncProperty(dataset, query, limits, async (orders, q, limit) => {
				queryTuning.candidateLimit = limit;
				await store(orders);
				const rows = (await exportOrdersCsv(q)).split('\r\n').slice(1, -1);
				expect(rows.map((row) => row.split(',')[0])).toEqual(
					bruteList(orders, q).map((o) => o.number)
				);
			}),
			{ numRuns: 60 }
		);
	});
});

describe('order list details', () => {
	it('takes instants as exact bounds and days as whole UTC days', async () => {
		const orders = PLACED.map((placedAt, k) =>
			makeOrder({ id: `o-${k}`, placedAt, status: 'processing' })
		);
		await store(orders);
		const ids = (q: Partial<OrderListQuery>) =>
			listOrderKeys({ tab: 'all', sort: 'date_asc', ...q });
		expect(await ids({ from: '2026-03-01', to: '2026-03-01' })).toEqual(['o-0', 'o-1']);
		expect(await ids({ from: '2026-03-01T12:00:00.000Z', to: '2026-03-03T08:00:00.000Z' })).toEqual(
			['o-1', 'o-2', 'o-3']
		);
		expect(await ids({ from: '  ', search: '  ' })).toEqual(['o-0', 'o-1', 'o-2', 'o-3']);
	});

	it('leaves out ids that are gone when fetching a window', async () => {
		await store([makeOrder({ id: 'o-1' }), makeOrder({ id: 'o-2' })]);
		expect((await getOrders(['o-2', 'gone', 'o-1'])).map((o) => o.id)).toEqual(['o-2', 'o-1']);
	});

	it('returns records without local index fields', async () => {
		await store([makeOrder({ id: 'o-1', status: 'processing' })]);
		const [order] = await listOrderPage({ tab: 'processing', sort: 'date_desc' }, 0, 10);
		expect(order).not.toHaveProperty('searchWords');
		expect(order).not.toHaveProperty('openStockKeys');
		expect(order).not.toHaveProperty('warehouseIds');
	});

	it('exports a header, CRLF rows, shop names and quoted fields', async () => {
		const db = getDb();
		await db.shops.put({ id: 'shop-a', name: 'Zoë & Co, Paris', platform: 'shopify' });
		await store([
			makeOrder({
				id: 'o-1',
				number: '#1001',
				shopId: 'shop-a',
				placedAt: '2026-03-01T10:00:00.000Z',
				customer: { name: 'Anna "Nan" Muller', email: 'anna@example.com' },
				grandTotal: 12.5,
				status: 'processing',
				lines: [
					makeLine({ id: 'l1', sku: 'TSH-1', qtyOrdered: 2 }),
					makeLine({ id: 'l2', sku: 'MUG-2', qtyOrdered: 1 })
				]
			})
		]);
		expect(await exportOrdersCsv({ tab: 'all', sort: 'date_desc' })).toBe(
			'number,date,status,customer,email,shop,total,lines\r\n' +
				'#1001,2026-03-01T10:00:00.000Z,processing,"Anna ""Nan"" Muller",anna@example.com,' +
				'"Zoë & Co, Paris",12.50,TSH-1×2; MUG-2×1\r\n'
		);
	});
});

describe('product, stock and reference queries', () => {
	beforeEach(async () => {
		const db = getDb();
		await db.warehouses.bulkPut([
			makeWarehouse({ id: 'wh-b', name: 'Lyon', priority: 2 }),
			makeWarehouse({ id: 'wh-a', name: 'Main warehouse', priority: 0, isDefault: true })
		]);
		await db.products.bulkPut(
			[
				makeProduct({
					id: 'p1',
					sku: 'MUG-0002',
					name: 'Mug café crème',
					barcodes: ['2000001000017']
				}),
				makeProduct({ id: 'p2', sku: 'LMP-0001', name: 'Lampe Ångström' }),
				makeProduct({ id: 'p3', sku: 'TSH-0003', name: 'T-shirt Ångström' })
			].map(toStoredProduct)
		);
		await db.stock.bulkPut([
			makeStock({ productId: 'p1', warehouseId: 'wh-b', physical: 3, toShip: 5, reserved: 3 }),
			makeStock({
				productId: 'p1',
				warehouseId: 'wh-a',
				physical: 10,
				toShip: 4,
				reserved: 4,
				location: 'A2-03'
			})
		]);
	});

	it('lists and counts products by SKU, with accent-folded search', async () => {
		expect((await listProducts('', 0, 10)).map((p) => p.sku)).toEqual([
			'LMP-0001',
			'MUG-0002',
			'TSH-0003'
		]);
		expect((await listProducts('', 1, 1)).map((p) => p.sku)).toEqual(['MUG-0002']);
		expect((await listProducts('angstrom', 0, 10)).map((p) => p.id)).toEqual(['p2', 'p3']);
		expect((await listProducts('ÅNG t-sh', 0, 10)).map((p) => p.id)).toEqual(['p3']);
		expect((await listProducts('200000100', 0, 10)).map((p) => p.id)).toEqual(['p1']);
		expect(await countProducts('')).toBe(3);
		expect(await countProducts('ang')).toBe(2);
		expect(await countProducts('nothing')).toBe(0);
		expect(await listProducts('ang', 0, 10)).not.toContainEqual(
			expect.objectContaining({ searchWords: expect.anything() })
		);
	});

	it('shows stock per warehouse in priority order, with names and available', async () => {
		expect(await productStock('p1')).toEqual([
			expect.objectContaining({
				warehouseId: 'wh-a',
				warehouseName: 'Main warehouse',
				available: 6,
				location: 'A2-03'
			}),
			expect.objectContaining({ warehouseId: 'wh-b', warehouseName: 'Lyon', available: 0 })
		]);
		expect(await productStock('p2')).toEqual([]);
	});

	it('finds open orders of a product in any warehouse, oldest first', async () => {
		await store([
			makeOrder({
				id: 'o-late',
				placedAt: '2026-03-02T00:00:00.000Z',
				lines: [
					makeLine({ productId: 'p1', warehouseId: 'wh-b' }),
					makeLine({ productId: 'p1', warehouseId: 'wh-a' })
				]
			}),
			makeOrder({
				id: 'o-early',
				placedAt: '2026-03-01T00:00:00.000Z',
				lines: [makeLine({ productId: 'p1', warehouseId: 'wh-a' })]
			}),
			makeOrder({
				id: 'o-shipped',
				placedAt: '2026-03-01T00:00:00.000Z',
				lines: [makeLine({ productId: 'p1', warehouseId: 'wh-a', qtyShipped: 1 })]
			}),
			makeOrder({ id: 'o-other', lines: [makeLine({ productId: 'p2', warehouseId: 'wh-a' })] })
		]);
		expect((await productOpenOrders('p1')).map((o) => o.id)).toEqual(['o-early', 'o-late']);
	});

	it('lists movements newest first and the timeline oldest first', async () => {
		const db = getDb();
		const movement = (id: string, productId: string, createdAt: string): Movement => ({
			id,
			productId,
			fromWarehouseId: null,
			toWarehouseId: 'wh-a',
			qty: 1,
			category: 'adjustment',
			comment: '',
			createdAt,
			actor: 'u'
		});
		await db.movements.bulkPut([
			movement('m1', 'p1', '2026-03-01T00:00:00.000Z'),
			movement('m2', 'p1', '2026-03-03T00:00:00.000Z'),
			movement('m3', 'p2', '2026-03-02T00:00:00.000Z'),
			movement('m4', 'p1', '2026-03-02T00:00:00.000Z')
		]);
		expect((await productMovements('p1')).map((m) => m.id)).toEqual(['m2', 'm4', 'm1']);
		expect((await productMovements('p1', 2)).map((m) => m.id)).toEqual(['m2', 'm4']);

		const event = (id: string, orderId: string, at: string): TimelineEvent => ({
			id,
			orderId,
			at,
			actor: 'u',
			actorKind: 'user',
			type: 'order.hold',
			summary: ''
		});
		await db.timeline.bulkPut([
			event('c:2:1', 'o-1', '2026-03-02T00:00:00.000Z'),
			event('c:1:1', 'o-1', '2026-03-01T00:00:00.000Z'),
			event('c:3:1', 'o-2', '2026-03-01T00:00:00.000Z')
		]);
		expect((await orderTimeline('o-1')).map((e) => e.id)).toEqual(['c:1:1', 'c:2:1']);
	});

	it('reads warehouses by priority, settings with defaults, and the outbox size', async () => {
		expect((await listWarehouses()).map((w) => w.id)).toEqual(['wh-a', 'wh-b']);
		expect((await getSettings()).returnWindowDays).toBe(30);
		expect(await outboxCount()).toBe(0);
		await getDb().outbox.add({ id: 1, name: 'x', args: {}, actor: 'a', clientTime: '' });
		expect(await outboxCount()).toBe(1);
	});
});

describe('stock keys', () => {
	it('index lines that still need or hold stock', async () => {
		await store([
			makeOrder({ id: 'o-1', lines: [makeLine({ productId: 'p1', warehouseId: 'wh-a' })] })
		]);
		expect(await getDb().orders.where('openStockKeys').equals(stockId('p1', 'wh-a')).count()).toBe(
			1
		);
	});
});

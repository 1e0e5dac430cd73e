import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { toShip } from './line-rules';
import {
	available,
	computePairReservation,
	openStockKeys,
	reservable,
	reserveAll,
	reservePair,
	sellableQuantity
} from './reservation';
import type { Order, PreparationEntry, Settings, StockLevel } from './schemas';
import { DEFAULT_SETTINGS, stockId } from './schemas';
import {
	makeLine,
	makeOrder,
	makePreparation,
	makeStock,
	makeWarehouse,
	MAIN_WAREHOUSE_ID
} from './testing/factories';
import { worldArb } from './testing/arbitraries';

const P = 'product-1';
const W = MAIN_WAREHOUSE_ID;

/** An order with one line of P in W. */
function order(id: string, placedAt: string, qty: number, extra: Partial<Order> = {}): Order {
	const lines = [makeLine({ id: `${id}-l`, productId: P, warehouseId: W, qtyOrdered: qty })];
	return makeOrder({ id, placedAt, lines, ...extra });
}

function reserve(
	physical: number,
	orders: Order[],
	preparations: PreparationEntry[] = [],
	settings: Settings = DEFAULT_SETTINGS
): Record<string, number> {
	const result = computePairReservation({
		productId: P,
		warehouseId: W,
		stock: makeStock({ productId: P, warehouseId: W, physical }),
		orders,
		preparations,
		settings
	});
	return Object.fromEntries([...result].map(([key, qty]) => [key.split('\n')[0], qty]));
}

describe('reservation of one product in one warehouse', () => {
	it('serves the oldest order first', () => {
		const older = order('b', '2026-01-01T00:00:00.000Z', 2);
		const newer = order('a', '2026-01-02T00:00:00.000Z', 2);
		expect(reserve(3, [newer, older])).toEqual({ b: 2, a: 1 });
	});

	it('breaks placed-at ties by order id, then line id', () => {
		const t = '2026-01-01T00:00:00.000Z';
		expect(reserve(1, [order('b', t, 1), order('a', t, 1)])).toEqual({ a: 1, b: 0 });
		const two = makeOrder({
			id: 'c',
			lines: [
				makeLine({ id: 'z', productId: P, qtyOrdered: 1 }),
				makeLine({ id: 'y', productId: P, qtyOrdered: 1 })
			]
		});
		const result = computePairReservation({
			productId: P,
			warehouseId: W,
			stock: makeStock({ physical: 1 }),
			orders: [two],
			preparations: [],
			settings: DEFAULT_SETTINGS
		});
		expect(result.get('c\ny')).toBe(1);
		expect(result.get('c\nz')).toBe(0);
	});

	it('lets lines in preparation keep what they hold before older orders get stock', () => {
		const older = order('old', '2026-01-01T00:00:00.000Z', 2);
		const taken = makeOrder({
			id: 'taken',
			placedAt: '2026-01-03T00:00:00.000Z',
			lines: [makeLine({ id: 'taken-l', productId: P, qtyOrdered: 3, qtyReserved: 2 })]
		});
		const prep = makePreparation({ orderId: 'taken', lines: [{ lineId: 'taken-l', qty: 2 }] });
		// The line in preparation keeps 2 but gets no more; the older order gets the rest.
		expect(reserve(5, [older, taken], [prep])).toEqual({ old: 2, taken: 2 });
		expect(reserve(3, [older, taken], [prep])).toEqual({ old: 1, taken: 2 });
	});

	it('reserves for pending orders only when "reserve unpaid orders" is on', () => {
		const pending = order('p', '2026-01-01T00:00:00.000Z', 2, { valid: false });
		expect(pending.status).toBe('pending');
		expect(reserve(5, [pending])).toEqual({ p: 2 });
		expect(reserve(5, [pending], [], { ...DEFAULT_SETTINGS, reserveUnpaidOrders: false })).toEqual({
			p: 0
		});
	});

	it('lets held orders keep their reservation (but not grow) unless holding releases stock', () => {
		const held = makeOrder({
			id: 'h',
			hold: { reason: 'address', by: 'u' },
			lines: [makeLine({ id: 'h-l', productId: P, qtyOrdered: 3, qtyReserved: 1 })]
		});
		expect(held.status).toBe('on_hold');
		expect(reserve(5, [held])).toEqual({ h: 1 });
		expect(reserve(5, [held], [], { ...DEFAULT_SETTINGS, holdingReleasesStock: true })).toEqual({
			h: 0
		});
	});

	it('reserves nothing for canceled or complete orders, even when a stale figure says so', () => {
		const canceled = makeOrder({
			id: 'x',
			lines: [makeLine({ id: 'x-l', productId: P, qtyOrdered: 2, qtyCanceled: 2, qtyReserved: 2 })]
		});
		expect(canceled.status).toBe('canceled');
		expect(reserve(5, [canceled])).toEqual({ x: 0 });
	});

	it('releases from the newest lines first, lines in preparation last, when stock drops', () => {
		const heldOld = makeOrder({
			id: 'h1',
			placedAt: '2026-01-01T00:00:00.000Z',
			hold: { reason: 'address', by: 'u' },
			lines: [makeLine({ id: 'h1-l', productId: P, qtyOrdered: 2, qtyReserved: 2 })]
		});
		const heldNew = makeOrder({
			id: 'h2',
			placedAt: '2026-01-02T00:00:00.000Z',
			hold: { reason: 'address', by: 'u' },
			lines: [makeLine({ id: 'h2-l', productId: P, qtyOrdered: 2, qtyReserved: 2 })]
		});
		const prepNewest = makeOrder({
			id: 'pr',
			placedAt: '2026-01-03T00:00:00.000Z',
			lines: [makeLine({ id: 'pr-l', productId: P, qtyOrdered: 2, qtyReserved: 2 })]
		});
		const prep = makePreparation({ orderId: 'pr', lines: [{ lineId: 'pr-l', qty: 2 }] });
		const all = [heldOld, heldNew, prepNewest];
		expect(reserve(6, all, [prep])).toEqual({ h1: 2, h2: 2, pr: 2 });
		expect(reserve(3, all, [prep])).toEqual({ h1: 1, h2: 0, pr: 2 });
		expect(reserve(1, all, [prep])).toEqual({ h1: 0, h2: 0, pr: 1 });
	});

	it('reserves nothing from negative stock', () => {
		expect(reserve(-3, [order('a', '2026-01-01T00:00:00.000Z', 2)])).toEqual({ a: 0 });
	});
});

describe('reservePair', () => {
	it('recomputes the stock row: toShip counts every open line, reserved what was reserved', () => {
		const paid = order('a', '2026-01-01T00:00:00.000Z', 2);
		const unpaid = order('b', '2026-01-02T00:00:00.000Z', 3, { valid: false });
		const result = reservePair({
			productId: P,
			warehouseId: W,
			stock: makeStock({ physical: 4, location: 'A1' }),
			orders: [paid, unpaid],
			preparations: [],
			settings: { ...DEFAULT_SETTINGS, reserveUnpaidOrders: false }
		});
		expect(result.stock).toMatchObject({ physical: 4, reserved: 2, toShip: 5, location: 'A1' });
		expect(result.orders.map((o) => [o.id, o.lines[0].qtyReserved])).toEqual([['a', 2]]);
	});

	it('creates a stock row for a pair that has lines but no row, and none for an empty pair', () => {
		const result = reservePair({
			productId: P,
			warehouseId: W,
			stock: undefined,
			orders: [order('a', '2026-01-01T00:00:00.000Z', 2)],
			preparations: [],
			settings: DEFAULT_SETTINGS
		});
		expect(result.stock).toEqual({
			id: stockId(P, W),
			productId: P,
			warehouseId: W,
			physical: 0,
			reserved: 0,
			toShip: 2,
			location: ''
		});
		const empty = reservePair({
			productId: P,
			warehouseId: W,
			stock: undefined,
			orders: [],
			preparations: [],
			settings: DEFAULT_SETTINGS
		});
		expect(empty.stock).toBeUndefined();
	});

	it('leaves lines of other products and warehouses alone', () => {
		const mixed = makeOrder({
			id: 'm',
			lines: [
				makeLine({ id: 'mine', productId: P, qtyOrdered: 1 }),
				makeLine({ id: 'other', productId: 'product-2', qtyOrdered: 1, qtyReserved: 1 }),
				makeLine({ id: 'away', productId: P, warehouseId: 'wh-b', qtyOrdered: 1, qtyReserved: 1 })
			]
		});
		const [updated] = reservePair({
			productId: P,
			warehouseId: W,
			stock: makeStock({ physical: 5 }),
			orders: [mixed],
			preparations: [],
			settings: DEFAULT_SETTINGS
		}).orders;
		expect(updated.lines.map((l) => l.qtyReserved)).toEqual([1, 1, 1]);
	});
});

describe('stock figures', () => {
	it('available = max(0, physical − toShip), reservable = max(0, physical − reserved)', () => {
		expect(available({ physical: 5, toShip: 7 })).toBe(0);
		expect(available({ physical: 9, toShip: 7 })).toBe(2);
		expect(reservable({ physical: 5, reserved: 3 })).toBe(2);
		expect(reservable({ physical: -1, reserved: 0 })).toBe(0);
	});

	it('sells what enabled sales warehouses have beyond what they must ship', () => {
		const sales = makeWarehouse({ id: 's' });
		const noSales = makeWarehouse({ id: 'n', useForSales: false });
		const off = makeWarehouse({ id: 'off', enabled: false });
		const levels = [
			makeStock({ warehouseId: 's', physical: 10, toShip: 3 }),
			makeStock({ warehouseId: 'n', physical: 10 }),
			makeStock({ warehouseId: 'off', physical: 10 }),
			makeStock({ productId: 'other', warehouseId: 's', physical: 10 })
		];
		expect(sellableQuantity('product-1', levels, [sales, noSales, off])).toBe(7);
	});

	it('openStockKeys lists the pairs an order still has to ship or holds stock in', () => {
		const o = makeOrder({
			lines: [
				makeLine({ productId: 'a', qtyOrdered: 1 }),
				makeLine({ productId: 'b', qtyOrdered: 1, qtyShipped: 1 }),
				makeLine({ productId: 'c', requiresShipping: false }),
				makeLine({ productId: 'a', qtyOrdered: 2 })
			]
		});
		expect(openStockKeys(o)).toEqual([stockId('a', W)]);
	});
});

describe('reservation properties', () => {
	const pairsOf = (stock: StockLevel[], orders: Order[]) => {
		const keys = new Map<string, [string, string]>();
		for (const s of stock) keys.set(s.id, [s.productId, s.warehouseId]);
		for (const o of orders)
			for (const l of o.lines)
				keys.set(stockId(l.productId, l.warehouseId), [l.productId, l.warehouseId]);
		return [...keys.values()];
	};

	it('reserveAll equals running the per-pair rule on every pair, and keeps the invariants', () => {
		fc.assert(
			fc.property(worldArb, (world) => {
				// worldArb is made with reserveAll; re-run each pair on the world before it.
				const stockById = new Map(world.stock.map((s) => [s.id, s]));
				for (const [productId, warehouseId] of pairsOf(world.stock, world.orders)) {
					const orders = world.orders.filter((o) =>
						o.lines.some((l) => l.productId === productId && l.warehouseId === warehouseId)
					);
					const stock = stockById.get(stockId(productId, warehouseId));
					const result = reservePair({
						productId,
						warehouseId,
						stock,
						orders,
						preparations: world.preparations,
						settings: world.settings
					});
					// A consistent world is a fixed point of the per-pair rule.
					expect(result.orders).toEqual([]);
					expect(result.stock).toEqual(stock);
					const lines = orders.flatMap((o) =>
						o.lines.filter((l) => l.productId === productId && l.warehouseId === warehouseId)
					);
					const sumReserved = lines.reduce((s, l) => s + l.qtyReserved, 0);
					expect(sumReserved).toBeLessThanOrEqual(Math.max(0, stock?.physical ?? 0));
					for (const l of lines) {
						expect(l.qtyReserved).toBeGreaterThanOrEqual(0);
						expect(l.qtyReserved).toBeLessThanOrEqual(toShip(l));
					}
				}
			}),
			{ numRuns: 150 }
		);
	});

	it('reserveAll gives each pair what reservePair gives it from the same input', () => {
		fc.assert(
			fc.property(worldArb, fc.integer({ min: -2, max: 6 }), (world, delta) => {
				// Disturb the world (stock moved), then compare the bulk and the per-pair answers.
				const stock = world.stock.map((s) => ({ ...s, physical: s.physical + delta }));
				const bulk = reserveAll(world.orders, stock, world.preparations, world.settings);
				const bulkLines = new Map(
					bulk.orders.flatMap((o) => o.lines.map((l) => [`${o.id}\n${l.id}`, l.qtyReserved]))
				);
				for (const [productId, warehouseId] of pairsOf(stock, world.orders)) {
					const expected = computePairReservation({
						productId,
						warehouseId,
						stock: stock.find((s) => s.id === stockId(productId, warehouseId)),
						orders: world.orders,
						preparations: world.preparations,
						settings: world.settings
					});
					for (const [key, qty] of expected) expect(bulkLines.get(key)).toBe(qty);
					const row = bulk.stock.find((s) => s.id === stockId(productId, warehouseId));
					const single = reservePair({
						productId,
						warehouseId,
						stock: stock.find((s) => s.id === stockId(productId, warehouseId)),
						orders: world.orders,
						preparations: world.preparations,
						settings: world.settings
					}).stock;
					expect(row).toEqual(single);
				}
			}),
			{ numRuns: 150 }
		);
	});
});

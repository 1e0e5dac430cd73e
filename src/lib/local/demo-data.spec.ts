import { describe, expect, it } from 'vitest';
import { toShip } from '$lib/domain/line-rules';
import { reserveAll } from '$lib/domain/reservation';
import {
	Movement,
	Order,
	Product,
	Settings,
	Shop,
	StockLevel,
	TimelineEvent,
	Warehouse,
	stockId
} from '$lib/domain/schemas';
import { deriveStatus } from '$lib/domain/status';
import {
	DEMO_ANCHOR,
	DEMO_PRODUCT_COUNT,
	DEMO_SETTINGS,
	demoBatches,
	ean13,
	generateDemoData,
	mulberry32
} from './demo-data';

const data = generateDemoData(2000);

describe('mulberry32 and ean13', () => {
	it('repeats for a seed and stays in [0, 1)', () => {
		const a = mulberry32(42);
		const b = mulberry32(42);
		const xs = Array.from({ length: 1000 }, () => a());
		expect(xs).toEqual(Array.from({ length: 1000 }, () => b()));
		expect(xs.every((x) => x >= 0 && x < 1)).toBe(true);
		expect(mulberry32(43)()).not.toBe(xs[0]);
	});

	it('appends the EAN-13 check digit', () => {
		expect(ean13('400638133393')).toBe('4006381333931');
		expect(ean13('978020137962')).toBe('9780201379624');
		expect(() => ean13('12345')).toThrow();
	});
});

describe('generateDemoData', () => {
	it('is deterministic, whatever the chunk size, and depends on the seed', () => {
		expect(generateDemoData(300)).toEqual(generateDemoData(300, { chunkSize: 7 }));
		expect(generateDemoData(50, { seed: 1 }).orders).not.toEqual(generateDemoData(50).orders);
	});

	it('makes records that pass the shared schemas', () => {
		const check = <T>(schema: { parse: (x: unknown) => T }, records: T[]) =>
			records.forEach((record) => expect(schema.parse(record)).toEqual(record));
		check(Order, data.orders);
		check(Product, data.products);
		check(Warehouse, data.warehouses);
		check(StockLevel, data.stock);
		check(Movement, data.movements);
		check(TimelineEvent, data.timeline);
		check(Shop, data.shops);
		expect(Settings.parse(data.settings)).toEqual(DEMO_SETTINGS);
	});

	it('has unique ids and per-shop order numbers', () => {
		const unique = (values: string[]) => new Set(values).size === values.length;
		expect(unique(data.orders.map((o) => o.id))).toBe(true);
		expect(unique(data.orders.flatMap((o) => o.lines.map((l) => l.id)))).toBe(true);
		expect(unique(data.orders.map((o) => `${o.shopId}/${o.number}`))).toBe(true);
		expect(unique(data.movements.map((m) => m.id))).toBe(true);
		expect(unique(data.timeline.map((e) => e.id))).toBe(true);
		expect(unique(data.products.map((p) => p.sku))).toBe(true);
		expect(unique(data.products.flatMap((p) => p.barcodes))).toBe(true);
	});

	it('keeps the line invariants and derives every status', () => {
		for (const order of data.orders) {
			expect(order.status).toBe(deriveStatus(order));
			for (const line of order.lines) {
				expect(line.qtyOrdered - line.qtyShipped - line.qtyCanceled).toBeGreaterThanOrEqual(0);
				expect(line.qtyReserved).toBeGreaterThanOrEqual(0);
				expect(line.qtyReserved).toBeLessThanOrEqual(toShip(line));
				expect(line.qtyInvoiced).toBeLessThanOrEqual(line.qtyOrdered);
				expect(line.qtyRefunded).toBeLessThanOrEqual(line.qtyInvoiced);
			}
		}
	});

	it('keeps stock consistent: movements sum to physical, lines sum to reserved and toShip', () => {
		const physical = new Map<string, number>();
		for (const m of data.movements) {
			if (m.toWarehouseId) {
				const key = stockId(m.productId, m.toWarehouseId);
				physical.set(key, (physical.get(key) ?? 0) + m.qty);
			}
			if (m.fromWarehouseId) {
				const key = stockId(m.productId, m.fromWarehouseId);
				physical.set(key, (physical.get(key) ?? 0) - m.qty);
			}
		}
		const reserved = new Map<string, number>();
		const needed = new Map<string, number>();
		for (const order of data.orders) {
			for (const line of order.lines) {
				const key = stockId(line.productId, line.warehouseId);
				reserved.set(key, (reserved.get(key) ?? 0) + line.qtyReserved);
				needed.set(key, (needed.get(key) ?? 0) + toShip(line));
			}
		}
		for (const level of data.stock) {
			expect(level.physical).toBe(physical.get(level.id) ?? 0);
			expect(level.reserved).toBe(reserved.get(level.id) ?? 0);
			expect(level.toShip).toBe(needed.get(level.id) ?? 0);
		}
		for (const [key, qty] of needed) {
			if (qty > 0) expect(data.stock.some((level) => level.id === key)).toBe(true);
		}
	});

	it('is a fixed point of the reservation rules', () => {
		const again = reserveAll(data.orders, data.stock, [], DEMO_SETTINGS);
		expect(again.orders).toEqual(data.orders);
		expect(new Map(again.stock.map((s) => [s.id, s]))).toEqual(
			new Map(data.stock.map((s) => [s.id, s]))
		);
	});

	it('covers the cases the screens must show', () => {
		const statuses = new Set(data.orders.map((o) => o.status));
		expect([...statuses].sort()).toEqual([
			'canceled',
			'complete',
			'on_hold',
			'pending',
			'processing'
		]);
		const lines = data.orders.flatMap((o) => o.lines);
		const open = lines.filter((l) => toShip(l) > 0);
		expect(open.some((l) => l.qtyReserved === 0)).toBe(true); // backordered
		expect(open.some((l) => l.qtyReserved > 0 && l.qtyReserved < toShip(l))).toBe(true); // partial
		expect(open.some((l) => l.qtyReserved === toShip(l))).toBe(true); // ready
		expect(lines.some((l) => !l.requiresShipping)).toBe(true); // virtual items
		expect(data.orders.some((o) => o.status === 'processing' && o.shipments.length > 0)).toBe(true);
		expect(data.orders.some((o) => o.giftMessage !== null)).toBe(true);
		expect(data.orders.some((o) => o.returns.length > 0)).toBe(true);
		const lineCounts = new Set(data.orders.map((o) => o.lines.length));
		expect([1, 2, 3, 4, 5, 6].filter((k) => lineCounts.has(k))).toEqual([1, 2, 3, 4, 5, 6]);
		const names = data.orders.map((o) => o.customer.name).join(' ');
		for (const script of [/\p{Script=Greek}/u, /\p{Script=Cyrillic}/u, /[ŁŻÅÜÑ]/u]) {
			expect(names).toMatch(script);
		}
	});

	it('spreads orders over the 120 days before the anchor, oldest first', () => {
		const anchor = Date.parse(DEMO_ANCHOR);
		const times = generateDemoData(2400, { chunkSize: 500 })
			.orders.map((o) => Date.parse(o.placedAt))
			.sort((a, b) => a - b);
		expect(times[0]).toBeGreaterThanOrEqual(anchor - 120 * 86_400_000);
		expect(times[times.length - 1]).toBeLessThan(anchor);
		expect(times[times.length - 1] - times[0]).toBeGreaterThan(100 * 86_400_000);
		for (const event of data.timeline) expect(Date.parse(event.at)).toBeLessThan(anchor);
	});

	it('packs a small demo into fewer days so it still has open orders', () => {
		const small = generateDemoData(40);
		const times = small.orders.map((o) => Date.parse(o.placedAt));
		expect(Date.parse(DEMO_ANCHOR) - Math.min(...times)).toBeLessThanOrEqual(10 * 86_400_000);
		expect(small.orders.filter((o) => o.status === 'processing').length).toBeGreaterThan(5);
	});

	it('has the reference data: 3 shops, 3 warehouses with one default, ~500 products', () => {
		expect(data.shops.map((s) => s.platform).sort()).toEqual([
			'magento2',
			'shopify',
			'woocommerce'
		]);
		expect(data.warehouses.map((w) => [w.name, w.fulfillment, w.isDefault])).toEqual([
			['Main warehouse', 'shipping', true],
			['Paris store', 'pickup', false],
			['Lyon', 'shipping', false]
		]);
		expect(data.products).toHaveLength(DEMO_PRODUCT_COUNT);
		for (const product of data.products) {
			for (const barcode of product.barcodes) expect(ean13(barcode.slice(0, 12))).toBe(barcode);
		}
		for (const level of data.stock) expect(level.location).toMatch(/^[A-H]\d{1,2}-\d{2}$/);
	});

	it('hands out closed orders early and open ones last', () => {
		const batches = [...demoBatches(400, { chunkSize: 100 })];
		expect(batches).toHaveLength(6);
		expect(batches[0].products).toHaveLength(DEMO_PRODUCT_COUNT);
		for (const batch of batches.slice(1, -1)) {
			expect(batch.orders.every((o) => o.lines.every((l) => toShip(l) === 0))).toBe(true);
		}
		const last = batches[batches.length - 1];
		expect(last.orders.length).toBeGreaterThan(0);
		expect(last.orders.every((o) => o.lines.some((l) => toShip(l) > 0))).toBe(true);
		expect(batches.reduce((sum, b) => sum + b.orders.length, 0)).toBe(400);
	});

	it('makes reference data only for 0 orders', () => {
		const empty = generateDemoData(0);
		expect(empty.orders).toEqual([]);
		expect(empty.products).toHaveLength(DEMO_PRODUCT_COUNT);
		expect(() => generateDemoData(-1)).toThrow();
	});
});

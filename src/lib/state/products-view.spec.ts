import { describe, expect, it } from 'vitest';
import type {
	Movement,
	Order,
	OrderLine,
	Product,
	StockLevel,
	Warehouse
} from '$lib/domain/schemas';
import { fakeSource, settle } from './products-fakes.svelte';
import {
	movementRows,
	productOrderRows,
	ProductViewState,
	stockRows
} from './products-view.svelte';

function warehouse(id: string, name: string, priority: number, enabled = true): Warehouse {
	return {
		id,
		name,
		fulfillment: 'shipping',
		useForSales: true,
		useForSupplyNeeds: true,
		warningLevel: 0,
		idealLevel: 0,
		isDefault: priority === 0,
		enabled,
		priority
	};
}

function level(
	warehouseId: string,
	physical: number,
	reserved: number,
	toShip: number,
	location = ''
): StockLevel {
	return {
		id: `p1:${warehouseId}`,
		productId: 'p1',
		warehouseId,
		physical,
		reserved,
		toShip,
		location
	};
}

function line(id: string, productId: string, extra: Partial<OrderLine> = {}): OrderLine {
	return {
		id,
		sku: productId.toUpperCase(),
		productId,
		name: productId,
		qtyOrdered: 2,
		qtyShipped: 0,
		qtyCanceled: 0,
		qtyInvoiced: 0,
		qtyRefunded: 0,
		qtyReserved: 0,
		warehouseId: 'main',
		requiresShipping: true,
		price: 10,
		taxRate: 0.2,
		...extra
	};
}

const address = { name: 'A', street1: 'S', city: 'C', postcode: '1', country: 'FR' };

function order(id: string, placedAt: string, lines: OrderLine[]): Order {
	return {
		id,
		number: id,
		shopId: 's',
		shopRef: id,
		placedAt,
		currency: 'EUR',
		customer: { name: 'C', email: 'c@example.com' },
		billingAddress: address,
		shippingAddress: address,
		shippingMethod: { code: 'std', label: 'Standard' },
		giftMessage: null,
		valid: true,
		hold: null,
		lines,
		shipments: [],
		invoices: [],
		returns: [],
		shippingAmount: 0,
		grandTotal: 24,
		status: 'processing'
	};
}

function movement(id: string, createdAt: string, from: string | null, to: string | null): Movement {
	return {
		id,
		productId: 'p1',
		fromWarehouseId: from,
		toWarehouseId: to,
		qty: 1,
		category: 'adjustment',
		comment: '',
		createdAt,
		actor: 'u'
	};
}

describe('stockRows', () => {
	const warehouses = [
		warehouse('second', 'Second', 2),
		warehouse('main', 'Main', 0),
		warehouse('old', 'Old', 5, false),
		warehouse('closed', 'Closed', 6, false)
	];

	it('lists every enabled warehouse by priority, with zeros where the product has no stock yet', () => {
		const rows = stockRows([level('main', 10, 3, 4, 'A-1')], warehouses);
		expect(rows.map((r) => r.warehouseId)).toEqual(['main', 'second']);
		expect(rows[0]).toEqual({
			warehouseId: 'main',
			warehouseName: 'Main',
			enabled: true,
			physical: 10,
			reserved: 3,
			toShip: 4,
			available: 6,
			location: 'A-1'
		});
		expect(rows[1]).toMatchObject({
			physical: 0,
			reserved: 0,
			toShip: 0,
			available: 0,
			location: ''
		});
	});

	it('never shows a negative available, and keeps disabled or unknown warehouses that hold stock', () => {
		const rows = stockRows(
			[level('main', 2, 2, 5), level('old', 4, 0, 0), level('ghost', 1, 0, 0)],
			warehouses
		);
		expect(rows.map((r) => [r.warehouseName, r.available, r.enabled])).toEqual([
			['Main', 0, true],
			['Second', 0, true],
			['Old', 4, false],
			['ghost', 1, false]
		]);
	});
});

describe('productOrderRows', () => {
	it("keeps the product's lines only, oldest order first, and drops orders without them", () => {
		const rows = productOrderRows('p1', [
			order('o2', '2026-01-02T00:00:00.000Z', [line('a', 'p1'), line('b', 'p2'), line('c', 'p1')]),
			order('o1', '2026-01-01T00:00:00.000Z', [line('d', 'p1')]),
			order('o3', '2025-12-01T00:00:00.000Z', [line('e', 'p2')])
		]);
		expect(rows.map((r) => [r.order.id, r.lines.map((l) => l.id)])).toEqual([
			['o1', ['d']],
			['o2', ['a', 'c']]
		]);
	});
});

describe('movementRows', () => {
	it('newest first, with warehouse names and where the stock came from or went', () => {
		const rows = movementRows(
			[
				movement('m1', '2026-01-01T00:00:00.000Z', null, 'main'),
				movement('m2', '2026-01-03T00:00:00.000Z', 'main', null),
				movement('m3', '2026-01-02T00:00:00.000Z', 'main', 'gone')
			],
			[warehouse('main', 'Main', 0)]
		);
		expect(rows.map((r) => [r.movement.id, r.from, r.to])).toEqual([
			['m2', 'Main', 'Outside'],
			['m3', 'Main', 'gone'],
			['m1', 'Outside', 'Main']
		]);
	});
});

describe('ProductViewState', () => {
	const p1: Product = {
		id: 'p1',
		sku: 'P1',
		name: 'Product one',
		barcodes: ['123'],
		type: 'simple',
		shopRefs: [],
		createdFromOrder: false
	};

	function deps(products: Product[], stock: StockLevel[]) {
		return {
			getProduct: async (id: string) => products.find((p) => p.id === id),
			productStock: async (id: string) => stock.filter((s) => s.productId === id),
			productOpenOrders: async () => [order('o1', '2026-01-01T00:00:00.000Z', [line('l1', 'p1')])],
			productMovements: async () => [movement('m1', '2026-01-01T00:00:00.000Z', null, 'main')],
			listWarehouses: async () => [warehouse('main', 'Main', 0)]
		};
	}

	it('loads the product, its stock, open orders and movements, and follows changes', async () => {
		const fake = fakeSource();
		const stock = [level('main', 5, 0, 0)];
		const view = new ProductViewState({ source: fake.source, ...deps([p1], stock) });
		view.start('p1');
		await settle();
		expect(view.product?.sku).toBe('P1');
		expect(view.notFound).toBe(false);
		expect(view.stock.map((r) => r.physical)).toEqual([5]);
		expect(view.openOrders.map((r) => r.order.id)).toEqual(['o1']);
		expect(view.movements.map((r) => r.to)).toEqual(['Main']);
		stock[0] = level('main', 8, 0, 0);
		await fake.refresh();
		expect(view.stock.map((r) => r.physical)).toEqual([8]);
		view.stop();
		expect(fake.openCount).toBe(0);
	});

	it('reads 50 movements and 50 more on each "show older", one extra to know whether more exist', async () => {
		const { source } = fakeSource();
		const all = Array.from({ length: 120 }, (_, i) =>
			movement(
				`m${String(i).padStart(3, '0')}`,
				new Date(Date.UTC(2026, 0, 1) + i * 60_000).toISOString(),
				null,
				'main'
			)
		).reverse();
		const limits: number[] = [];
		const view = new ProductViewState({
			source,
			...deps([p1], []),
			productMovements: async (_id: string, limit: number) => {
				limits.push(limit);
				return all.slice(0, limit);
			}
		});
		view.start('p1');
		await settle();
		expect(limits).toEqual([51]);
		expect(view.movements).toHaveLength(50);
		expect(view.movements[0].movement.id).toBe('m119');
		expect(view.hasOlderMovements).toBe(true);
		view.showOlderMovements();
		await settle();
		view.showOlderMovements();
		await settle();
		expect(limits).toEqual([51, 101, 151]);
		expect(view.movements).toHaveLength(120);
		expect(view.hasOlderMovements).toBe(false);
		view.showOlderMovements();
		expect(limits).toHaveLength(3);
	});

	it('says when the product is not on this tablet', async () => {
		const { source } = fakeSource();
		const view = new ProductViewState({ source, ...deps([], []) });
		expect(view.notFound).toBe(false);
		view.start('missing');
		expect(view.notFound).toBe(false);
		await settle();
		expect(view.notFound).toBe(true);
	});
});

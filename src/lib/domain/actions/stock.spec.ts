import { describe, expect, it } from 'vitest';
import { makeLine, makeOrder, makePreparation, makeStock } from '../testing/factories';
import { applyAndWrite, applyOk } from '../testing/run';
import { makeWorld } from '../testing/world';

const adjust = (qty: number, extra: Record<string, unknown> = {}) => ({
	movementId: `m${qty}`,
	productId: 'product-1',
	warehouseId: 'wh-main',
	qty,
	category: 'adjustment',
	comment: 'count',
	...extra
});

describe('stock.adjust', () => {
	it('adds stock with an inbound movement; backordered lines turn ready', async () => {
		const reader = makeWorld({
			orders: [makeOrder({ id: 'o1', lines: [makeLine({ id: 'l1', qtyOrdered: 2 })] })]
		});
		expect(reader.orders.get('o1')!.lines[0].qtyReserved).toBe(0);
		const changes = await applyOk(
			reader,
			'stock.adjust',
			adjust(3, { category: 'purchase_order' }),
			{
				now: '2026-01-09T00:00:00.000Z'
			}
		);
		expect(reader.orders.get('o1')!.lines[0].qtyReserved).toBe(2);
		expect(reader.stockMap.get('product-1:wh-main')).toMatchObject({
			physical: 3,
			reserved: 2,
			toShip: 2
		});
		expect(changes.movements).toEqual([
			{
				id: 'm3',
				productId: 'product-1',
				fromWarehouseId: null,
				toWarehouseId: 'wh-main',
				qty: 3,
				category: 'purchase_order',
				comment: 'count',
				createdAt: '2026-01-09T00:00:00.000Z',
				actor: 'user-1'
			}
		]);
		expect(changes.timeline).toEqual([
			expect.objectContaining({
				orderId: 'product-1:wh-main',
				subject: 'stock',
				type: 'stock.adjust',
				summary: '+3 × SKU-1 in Main (purchase order: count).'
			})
		]);
	});

	it('removes stock with an outbound movement, releasing newest lines first, preparation last', async () => {
		const old = makeOrder({
			id: 'old',
			placedAt: '2026-01-01T00:00:00.000Z',
			lines: [makeLine({ id: 'a', qtyOrdered: 2 })]
		});
		const mid = makeOrder({
			id: 'mid',
			placedAt: '2026-01-02T00:00:00.000Z',
			lines: [makeLine({ id: 'b', qtyOrdered: 2 })]
		});
		const taken = makeOrder({
			id: 'new',
			placedAt: '2026-01-03T00:00:00.000Z',
			lines: [makeLine({ id: 'c', qtyOrdered: 2, qtyReserved: 2 })]
		});
		const reader = makeWorld({
			orders: [old, mid, taken],
			stock: [makeStock({ physical: 6 })],
			preparations: [makePreparation({ orderId: 'new', lines: [{ lineId: 'c', qty: 2 }] })]
		});
		const changes = await applyOk(reader, 'stock.adjust', adjust(-3, { category: 'defective' }));
		expect(['old', 'mid', 'new'].map((id) => reader.orders.get(id)!.lines[0].qtyReserved)).toEqual([
			1, 0, 2
		]);
		expect(changes.movements[0]).toMatchObject({
			fromWarehouseId: 'wh-main',
			toWarehouseId: null,
			qty: 3
		});
	});

	it('refuses to go below zero, a zero quantity, shipments, and unknown records', async () => {
		const reader = makeWorld({ stock: [makeStock({ physical: 2 })] });
		expect(await applyAndWrite(reader, 'stock.adjust', adjust(-3))).toEqual({
			ok: false,
			code: 'not_enough_stock',
			message: 'Only 2 × SKU-1 on hand in Main.'
		});
		expect(await applyAndWrite(reader, 'stock.adjust', adjust(0))).toMatchObject({
			code: 'invalid_args',
			issues: [{ path: 'qty', message: 'Use a quantity other than 0.' }]
		});
		expect(
			await applyAndWrite(reader, 'stock.adjust', adjust(1, { category: 'shipment' }))
		).toMatchObject({
			code: 'invalid_args'
		});
		expect(
			await applyAndWrite(reader, 'stock.adjust', adjust(1, { productId: 'x' }))
		).toMatchObject({
			code: 'product_not_found'
		});
		expect(
			await applyAndWrite(reader, 'stock.adjust', adjust(1, { warehouseId: 'x' }))
		).toMatchObject({
			code: 'warehouse_not_found'
		});
	});
});

describe('stock.setLocation', () => {
	it('sets the shelf, creating the stock row when there is none', async () => {
		const reader = makeWorld();
		await applyOk(reader, 'stock.setLocation', {
			productId: 'product-2',
			warehouseId: 'wh-main',
			location: ' B-12 '
		});
		expect(reader.stockMap.get('product-2:wh-main')).toMatchObject({
			location: 'B-12',
			physical: 0
		});
	});
});

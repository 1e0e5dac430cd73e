import { describe, expect, it } from 'vitest';
import { makeLine, makeOrder, makePreparation, makeStock } from '../testing/factories';
import { applyAndWrite, applyOk } from '../testing/run';
import { makeWorld } from '../testing/world';

const order = () =>
	makeOrder({
		id: 'o1',
		number: '1043',
		lines: [makeLine({ id: 'l1', qtyOrdered: 3, qtyShipped: 1, price: 12.5, taxRate: 0.1 })]
	});

describe('order.replaceLine', () => {
	it('cancels what is left of the line and adds a linked line of the new product', async () => {
		const reader = makeWorld({
			orders: [order()],
			stock: [makeStock({ physical: 5 }), makeStock({ productId: 'product-2', physical: 1 })]
		});
		const changes = await applyOk(reader, 'order.replaceLine', {
			orderId: 'o1',
			lineId: 'l1',
			sku: 'SKU-2',
			newLineId: 'l1b'
		});
		const lines = reader.orders.get('o1')!.lines;
		expect(lines.map((l) => l.id)).toEqual(['l1', 'l1b']);
		expect(lines[0]).toMatchObject({ qtyCanceled: 2, qtyReserved: 0, replacedByLineId: 'l1b' });
		expect(lines[1]).toMatchObject({
			productId: 'product-2',
			sku: 'SKU-2',
			name: 'Mug',
			qtyOrdered: 2,
			price: 12.5,
			taxRate: 0.1,
			replacesLineId: 'l1',
			warehouseId: 'wh-main',
			requiresShipping: true,
			qtyReserved: 1
		});
		expect(reader.stockMap.get('product-1:wh-main')).toMatchObject({ reserved: 0, toShip: 0 });
		expect(reader.stockMap.get('product-2:wh-main')).toMatchObject({ reserved: 1, toShip: 2 });
		expect(changes.timeline[0].summary).toBe('Replaced 2 × SKU-1 with SKU-2 (Mug).');
	});

	it('refuses unknown SKUs, the same product, bundles and a line id already used', async () => {
		const reader = makeWorld({ orders: [order()] });
		const attempt = (sku: string, newLineId = 'new') =>
			applyAndWrite(reader, 'order.replaceLine', { orderId: 'o1', lineId: 'l1', sku, newLineId });
		expect(await attempt('NOPE')).toMatchObject({ code: 'product_not_found' });
		expect(await attempt('SKU-1')).toMatchObject({ code: 'same_product' });
		expect(await attempt('KIT')).toMatchObject({ code: 'container_product' });
		expect(await attempt('SKU-2', 'l1')).toMatchObject({ code: 'duplicate_id' });
	});

	it('refuses a line in preparation', async () => {
		const reader = makeWorld({
			orders: [order()],
			stock: [makeStock({ physical: 5 })],
			preparations: [makePreparation({ orderId: 'o1', lines: [{ lineId: 'l1', qty: 2 }] })]
		});
		const result = await applyAndWrite(reader, 'order.replaceLine', {
			orderId: 'o1',
			lineId: 'l1',
			sku: 'SKU-2',
			newLineId: 'n'
		});
		expect(result).toEqual({
			ok: false,
			code: 'in_preparation',
			message: 'Order #1043: SKU-1 is being prepared; take the order out of preparation first.'
		});
	});
});

import { describe, expect, it } from 'vitest';
import { makeLine, makeOrder, makePreparation, makeStock } from '../testing/factories';
import { applyAndWrite, applyOk } from '../testing/run';
import { makeWorld } from '../testing/world';

const older = () =>
	makeOrder({
		id: 'o1',
		number: '1043',
		placedAt: '2026-01-01T00:00:00.000Z',
		lines: [makeLine({ id: 'l1', qtyOrdered: 3, qtyInvoiced: 3 })]
	});
const newer = () =>
	makeOrder({
		id: 'o2',
		placedAt: '2026-01-02T00:00:00.000Z',
		lines: [makeLine({ id: 'l2', qtyOrdered: 2 })]
	});

describe('order.cancelLine', () => {
	it('cancels units, frees their reservation for the next order, and notes the refund due', async () => {
		const reader = makeWorld({ orders: [older(), newer()], stock: [makeStock({ physical: 3 })] });
		expect(reader.orders.get('o2')!.lines[0].qtyReserved).toBe(0);
		const changes = await applyOk(reader, 'order.cancelLine', {
			orderId: 'o1',
			lineId: 'l1',
			qty: 2
		});
		const o1 = reader.orders.get('o1')!;
		expect(o1.lines[0]).toMatchObject({ qtyCanceled: 2, qtyReserved: 1 });
		expect(reader.orders.get('o2')!.lines[0].qtyReserved).toBe(2);
		expect(reader.stockMap.get('product-1:wh-main')).toMatchObject({ reserved: 3, toShip: 3 });
		expect(changes.timeline.map((e) => e.summary)).toEqual([
			'Canceled 2 × SKU-1 (refund due on 2).'
		]);
	});

	it('makes the order canceled when every unit is canceled', async () => {
		const reader = makeWorld({ orders: [older()], stock: [makeStock({ physical: 3 })] });
		await applyOk(reader, 'order.cancelLine', { orderId: 'o1', lineId: 'l1', qty: 3 });
		expect(reader.orders.get('o1')!.status).toBe('canceled');
		expect(reader.stockMap.get('product-1:wh-main')).toMatchObject({ reserved: 0, toShip: 0 });
	});

	it('refuses more than is left, naming the order', async () => {
		const reader = makeWorld({ orders: [older()] });
		const result = await applyAndWrite(reader, 'order.cancelLine', {
			orderId: 'o1',
			lineId: 'l1',
			qty: 4
		});
		expect(result).toEqual({
			ok: false,
			code: 'qty_exceeds_to_ship',
			message: 'Order #1043: only 3 × SKU-1 left to cancel.'
		});
	});

	it('refuses closed orders and packed lines, and trims an entry being picked', async () => {
		const done = makeOrder({
			id: 'o3',
			number: '1044',
			lines: [makeLine({ id: 'l3', qtyOrdered: 1, qtyShipped: 1 })]
		});
		const reader = makeWorld({
			orders: [older(), done, newer()],
			stock: [makeStock({ physical: 5 })],
			preparations: [
				makePreparation({ orderId: 'o1', status: 'packed', lines: [{ lineId: 'l1', qty: 3 }] }),
				makePreparation({ orderId: 'o2', status: 'picked', lines: [{ lineId: 'l2', qty: 2 }] })
			]
		});
		expect(
			await applyAndWrite(reader, 'order.cancelLine', { orderId: 'o3', lineId: 'l3', qty: 1 })
		).toEqual({
			ok: false,
			code: 'not_allowed_status',
			message: 'Order #1044 is complete: nothing left to cancel.'
		});
		expect(
			await applyAndWrite(reader, 'order.cancelLine', { orderId: 'o1', lineId: 'l1', qty: 1 })
		).toMatchObject({ ok: false, code: 'packed' });
		await applyOk(reader, 'order.cancelLine', { orderId: 'o2', lineId: 'l2', qty: 1 });
		expect(reader.preparations.get('o2')!.lines).toEqual([{ lineId: 'l2', qty: 1 }]);
		await applyOk(reader, 'order.cancelLine', { orderId: 'o2', lineId: 'l2', qty: 1 });
		expect(reader.preparations.has('o2')).toBe(false);
	});

	it('cancels a bundle through its items: the last item canceled cancels the bundle line', async () => {
		const kit = makeOrder({
			id: 'k',
			number: '2001',
			lines: [
				makeLine({ id: 'kit', productId: 'product-4', sku: 'KIT', requiresShipping: false }),
				makeLine({ id: 'a', parentLineId: 'kit' }),
				makeLine({ id: 'b', parentLineId: 'kit', productId: 'product-2', sku: 'SKU-2' })
			]
		});
		const reader = makeWorld({ orders: [kit] });
		expect(
			await applyAndWrite(reader, 'order.cancelLine', { orderId: 'k', lineId: 'kit', qty: 1 })
		).toMatchObject({ ok: false, code: 'container_line' });
		await applyOk(reader, 'order.cancelLine', { orderId: 'k', lineId: 'a', qty: 1 });
		expect(reader.orders.get('k')!.status).toBe('processing');
		await applyOk(reader, 'order.cancelLine', { orderId: 'k', lineId: 'b', qty: 1 });
		expect(reader.orders.get('k')!.lines[0].qtyCanceled).toBe(1);
		expect(reader.orders.get('k')!.status).toBe('canceled');
	});

	it('cancels units of a line that does not ship (on an unpaid order)', async () => {
		const gift = makeOrder({
			id: 'g',
			valid: false,
			lines: [
				makeLine({ id: 'gl', productId: 'product-3', requiresShipping: false, qtyOrdered: 2 })
			]
		});
		const reader = makeWorld({ orders: [gift] });
		await applyOk(reader, 'order.cancelLine', { orderId: 'g', lineId: 'gl', qty: 2 });
		expect(reader.orders.get('g')!.status).toBe('canceled');
	});
});

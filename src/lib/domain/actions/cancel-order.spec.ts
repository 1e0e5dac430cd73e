import { describe, expect, it } from 'vitest';
import { makeLine, makeOrder, makePreparation, makeStock } from '../testing/factories';
import { applyAndWrite, applyOk } from '../testing/run';
import { makeWorld } from '../testing/world';

describe('order.cancel', () => {
	it('cancels everything left; without shipments the order becomes canceled', async () => {
		const order = makeOrder({
			id: 'o1',
			hold: { reason: 'fraud_check', by: 'system' },
			lines: [
				makeLine({ id: 'l1', qtyOrdered: 2, qtyInvoiced: 2 }),
				makeLine({ id: 'l2', productId: 'product-3', requiresShipping: false })
			]
		});
		const reader = makeWorld({
			orders: [order],
			stock: [makeStock({ physical: 5 })],
			preparations: [makePreparation({ orderId: 'o1', status: 'picked', lines: [] })]
		});
		const changes = await applyOk(reader, 'order.cancel', {
			orderId: 'o1',
			reason: 'Customer asked'
		});
		const saved = reader.orders.get('o1')!;
		expect(saved.status).toBe('canceled');
		expect(saved.hold).toBeNull();
		expect(saved.lines.map((l) => l.qtyCanceled)).toEqual([2, 1]);
		expect(changes.preparationsRemoved).toEqual(['o1']);
		expect(reader.stockMap.get('product-1:wh-main')).toMatchObject({ reserved: 0, toShip: 0 });
		expect(changes.timeline[0].summary).toBe(
			'Order canceled: Customer asked. Refund due on 2 units.'
		);
	});

	it('leaves shipped units shipped: a partly shipped order becomes complete', async () => {
		const order = makeOrder({
			id: 'o1',
			lines: [makeLine({ id: 'l1', qtyOrdered: 3, qtyShipped: 1 })]
		});
		const reader = makeWorld({ orders: [order] });
		await applyOk(reader, 'order.cancel', { orderId: 'o1' });
		expect(reader.orders.get('o1')).toMatchObject({ status: 'complete' });
		expect(reader.orders.get('o1')!.lines[0]).toMatchObject({ qtyShipped: 1, qtyCanceled: 2 });
	});

	it('refuses packed and closed orders', async () => {
		const reader = makeWorld({
			orders: [
				makeOrder({ id: 'o1', number: '1' }),
				makeOrder({ id: 'o2', number: '2', lines: [makeLine({ qtyCanceled: 1 })] })
			],
			preparations: [makePreparation({ orderId: 'o1', status: 'packed' })]
		});
		expect(await applyAndWrite(reader, 'order.cancel', { orderId: 'o1' })).toEqual({
			ok: false,
			code: 'packed',
			message: 'Order #1 is packed: unpack it before canceling.'
		});
		expect(await applyAndWrite(reader, 'order.cancel', { orderId: 'o2' })).toEqual({
			ok: false,
			code: 'not_allowed_status',
			message: 'Order #2 is canceled: nothing left to cancel.'
		});
	});
});

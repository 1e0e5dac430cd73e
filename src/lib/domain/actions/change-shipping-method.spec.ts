import { describe, expect, it } from 'vitest';
import { makeOrder, makePreparation } from '../testing/factories';
import { applyAndWrite, applyOk } from '../testing/run';
import { makeWorld } from '../testing/world';

describe('order.changeShippingMethod', () => {
	it('changes the method until the order is packed', async () => {
		const reader = makeWorld({
			orders: [makeOrder({ id: 'o1' }), makeOrder({ id: 'o2', number: '77' })],
			preparations: [makePreparation({ orderId: 'o2', status: 'shipped' })]
		});
		const changes = await applyOk(reader, 'order.changeShippingMethod', {
			orderId: 'o1',
			code: 'ups',
			label: 'UPS Express'
		});
		expect(reader.orders.get('o1')!.shippingMethod).toEqual({ code: 'ups', label: 'UPS Express' });
		expect(changes.timeline[0].summary).toBe(
			'Shipping method changed from Colissimo to UPS Express.'
		);
		expect(
			await applyAndWrite(reader, 'order.changeShippingMethod', {
				orderId: 'o2',
				code: 'a',
				label: 'A'
			})
		).toMatchObject({
			code: 'packed',
			message: 'Order #77 is packed: the shipping method can no longer change.'
		});
	});
});

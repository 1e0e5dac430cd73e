import { describe, expect, it } from 'vitest';
import { makeAddress, makeLine, makeOrder, makePreparation } from '../testing/factories';
import { applyAndWrite, applyOk } from '../testing/run';
import { makeWorld } from '../testing/world';

const order = () => makeOrder({ id: 'o1', number: '1043', lines: [makeLine({ id: 'l1' })] });

describe('order.editShippingAddress', () => {
	it('stores the validated address, postcode as carriers print it', async () => {
		const reader = makeWorld({ orders: [order()] });
		const address = makeAddress({
			street1: '10 Downing St',
			city: 'London',
			postcode: 'sw1a 2aa',
			country: 'gb'
		});
		const changes = await applyOk(reader, 'order.editShippingAddress', { orderId: 'o1', address });
		expect(reader.orders.get('o1')!.shippingAddress).toMatchObject({
			postcode: 'SW1A 2AA',
			country: 'GB'
		});
		expect(changes.timeline[0].summary).toBe(
			'Shipping address changed to Ann Lee, 10 Downing St, SW1A 2AA London, GB.'
		);
	});

	it('gives field-level problems', async () => {
		const reader = makeWorld({ orders: [order()] });
		const result = await applyAndWrite(reader, 'order.editShippingAddress', {
			orderId: 'o1',
			address: makeAddress({ postcode: '7501', street1: '' })
		});
		expect(result).toMatchObject({
			code: 'invalid_args',
			issues: [
				{ path: 'address.street1', message: 'Street is required.' },
				{ path: 'address.postcode', message: 'A postcode in France looks like 75001.' }
			]
		});
	});

	it('refuses once the order is packed or closed', async () => {
		const shipped = makeOrder({
			id: 'o2',
			number: '1044',
			lines: [makeLine({ qtyShipped: 1 })]
		});
		const reader = makeWorld({
			orders: [order(), shipped],
			preparations: [makePreparation({ orderId: 'o1', status: 'packed', lines: [] })]
		});
		const edit = (orderId: string) =>
			applyAndWrite(reader, 'order.editShippingAddress', { orderId, address: makeAddress() });
		expect(await edit('o1')).toEqual({
			ok: false,
			code: 'packed',
			message: 'Order #1043 is packed: the shipping address can no longer change.'
		});
		expect(await edit('o2')).toMatchObject({ code: 'not_allowed_status' });
	});
});

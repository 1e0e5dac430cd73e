import { describe, expect, it } from 'vitest';
import { makeOrder } from '../testing/factories';
import { applyAndWrite, applyOk } from '../testing/run';
import { makeWorld } from '../testing/world';

describe('order.setGiftMessage', () => {
	it('sets a message with optional from and to, and an empty message removes it', async () => {
		const reader = makeWorld({ orders: [makeOrder({ id: 'o1' })] });
		await applyOk(reader, 'order.setGiftMessage', {
			orderId: 'o1',
			message: ' Happy birthday ',
			to: 'Bo'
		});
		expect(reader.orders.get('o1')!.giftMessage).toEqual({ message: 'Happy birthday', to: 'Bo' });
		const changes = await applyOk(reader, 'order.setGiftMessage', { orderId: 'o1', message: '' });
		expect(reader.orders.get('o1')!.giftMessage).toBeNull();
		expect(changes.timeline[0].summary).toBe('Gift message removed.');
	});

	it('holds at most 500 characters', async () => {
		const reader = makeWorld({ orders: [makeOrder({ id: 'o1' })] });
		const result = await applyAndWrite(reader, 'order.setGiftMessage', {
			orderId: 'o1',
			message: 'x'.repeat(501)
		});
		expect(result).toMatchObject({
			code: 'invalid_args',
			issues: [{ path: 'message', message: 'A gift message holds at most 500 characters.' }]
		});
	});
});

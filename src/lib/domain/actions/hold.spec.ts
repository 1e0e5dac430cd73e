import { describe, expect, it } from 'vitest';
import { makeLine, makeOrder, makePreparation, makeStock } from '../testing/factories';
import { applyAndWrite, applyOk } from '../testing/run';
import { makeWorld } from '../testing/world';

const order = (id: string, placedAt: string, qtyReserved = 0) =>
	makeOrder({
		id,
		number: id,
		placedAt,
		lines: [makeLine({ id: `${id}-l`, qtyOrdered: 2, qtyReserved })]
	});
/** Holds its 2 units already (as when taken into preparation). */
const a = () => order('a', '2026-01-01T00:00:00.000Z', 2);
const b = () => order('b', '2026-01-02T00:00:00.000Z');

describe('order.hold and order.releaseHold', () => {
	it('holds with a reason, keeps the reservation by default, and takes the order out of preparation', async () => {
		const reader = makeWorld({
			orders: [a(), b()],
			stock: [makeStock({ physical: 2 })],
			preparations: [makePreparation({ orderId: 'a', lines: [{ lineId: 'a-l', qty: 2 }] })]
		});
		const changes = await applyOk(reader, 'order.hold', { orderId: 'a', reason: 'address' });
		expect(reader.orders.get('a')).toMatchObject({
			status: 'on_hold',
			hold: { reason: 'address', by: 'user-1' }
		});
		expect(reader.orders.get('a')!.lines[0].qtyReserved).toBe(2);
		expect(changes.preparationsRemoved).toEqual(['a']);
		expect(changes.timeline[0].summary).toBe('Held: Address. Taken out of preparation.');
	});

	it('releases stock to the next order when the setting says holding releases it', async () => {
		const reader = makeWorld({
			orders: [a(), b()],
			stock: [makeStock({ physical: 2 })],
			settings: { holdingReleasesStock: true }
		});
		await applyOk(reader, 'order.hold', { orderId: 'a', reason: 'payment' });
		expect(reader.orders.get('a')!.lines[0].qtyReserved).toBe(0);
		expect(reader.orders.get('b')!.lines[0].qtyReserved).toBe(2);
		await applyOk(reader, 'order.releaseHold', { orderId: 'a' });
		// Released, the older order is served first again.
		expect(reader.orders.get('a')!.lines[0].qtyReserved).toBe(2);
		expect(reader.orders.get('b')!.lines[0].qtyReserved).toBe(0);
		expect(reader.orders.get('a')!.status).toBe('processing');
	});

	it('refuses a person’s hold on packed, held or closed orders', async () => {
		const done = makeOrder({ id: 'c', number: 'c', lines: [makeLine({ qtyShipped: 1 })] });
		const reader = makeWorld({
			orders: [a(), b(), done],
			preparations: [makePreparation({ orderId: 'a', status: 'packed' })]
		});
		const hold = (orderId: string) =>
			applyAndWrite(reader, 'order.hold', { orderId, reason: 'other' });
		expect(await hold('a')).toEqual({
			ok: false,
			code: 'packed',
			message: 'Order #a is packed: it can no longer be held.'
		});
		await applyOk(reader, 'order.hold', { orderId: 'b', reason: 'other' });
		expect(await hold('b')).toMatchObject({
			code: 'not_allowed_status',
			message: 'Order #b is already on hold.'
		});
		expect(await hold('c')).toMatchObject({ code: 'not_allowed_status' });
	});

	it('lets the system hold a packed order for a shop conflict, flagging its entry', async () => {
		const reader = makeWorld({
			orders: [a()],
			stock: [makeStock({ physical: 2 })],
			preparations: [
				makePreparation({ orderId: 'a', status: 'packed', lines: [{ lineId: 'a-l', qty: 2 }] })
			],
			settings: { holdingReleasesStock: true }
		});
		await applyOk(
			reader,
			'order.hold',
			{ orderId: 'a', reason: 'shop_conflict', note: 'Canceled in the shop' },
			{ actor: 'system', actorKind: 'system' }
		);
		expect(reader.orders.get('a')!.status).toBe('on_hold');
		expect(reader.preparations.get('a')!.flagged).toBe('Canceled in the shop');
		// The packed units stay reserved even though holding releases stock.
		expect(reader.orders.get('a')!.lines[0].qtyReserved).toBe(2);
		const changes = await applyOk(reader, 'order.releaseHold', { orderId: 'a' });
		expect(reader.preparations.get('a')!.flagged).toBeUndefined();
		expect(changes.timeline[0].summary).toBe('Hold released (was: Shop conflict).');
	});

	it('refuses to release an order that is not held', async () => {
		const reader = makeWorld({ orders: [a()] });
		expect(await applyAndWrite(reader, 'order.releaseHold', { orderId: 'a' })).toEqual({
			ok: false,
			code: 'not_on_hold',
			message: 'Order #a is not on hold.'
		});
	});
});

import { describe, expect, it } from 'vitest';
import { makeLine, makeOrder } from '../testing/factories';
import { applyAndWrite, applyOk } from '../testing/run';
import { makeWorld } from '../testing/world';

const shipped = () =>
	makeOrder({
		id: 'o1',
		number: '1043',
		lines: [
			makeLine({ id: 'l1', qtyOrdered: 2, qtyShipped: 2 }),
			makeLine({ id: 'l2', qtyOrdered: 1 })
		],
		shipments: [
			{ id: 's1', createdAt: '2026-01-10T00:00:00.000Z', lines: [{ lineId: 'l1', qty: 2 }] }
		]
	});
const item = (qty: number, lineId = 'l1') => ({
	lineId,
	qty,
	reason: 'defective',
	request: 'refund'
});
const now = '2026-01-20T10:00:00.000Z';

describe('order.createReturn', () => {
	it('opens a requested return with a day-numbered reference', async () => {
		const reader = makeWorld({ orders: [shipped()] });
		const changes = await applyOk(
			reader,
			'order.createReturn',
			{ orderId: 'o1', returnId: 'r1', items: [item(1)] },
			{ now }
		);
		await applyOk(
			reader,
			'order.createReturn',
			{ orderId: 'o1', returnId: 'r2', items: [item(1)] },
			{ now }
		);
		expect(reader.orders.get('o1')!.returns.map((r) => [r.reference, r.status])).toEqual([
			['20260120-1043', 'requested'],
			['20260120-1043-2', 'requested']
		]);
		expect(changes.timeline[0].summary).toBe('Return 20260120-1043 requested: 1 × SKU-1.');
	});

	it('refuses more than shipped minus already returned, and lines that shipped nothing', async () => {
		const reader = makeWorld({ orders: [shipped()] });
		await applyOk(
			reader,
			'order.createReturn',
			{ orderId: 'o1', returnId: 'r1', items: [item(1)] },
			{ now }
		);
		const tooMany = await applyAndWrite(
			reader,
			'order.createReturn',
			{ orderId: 'o1', returnId: 'r2', items: [item(1), item(1)] },
			{ now }
		);
		expect(tooMany).toEqual({
			ok: false,
			code: 'qty_exceeds_returnable',
			message: 'Order #1043: only 1 × SKU-1 can be returned (shipped 2, already returned 1).'
		});
		const unshipped = await applyAndWrite(
			reader,
			'order.createReturn',
			{ orderId: 'o1', returnId: 'r3', items: [item(1, 'l2')] },
			{ now }
		);
		expect(unshipped).toMatchObject({ code: 'qty_exceeds_returnable' });
	});

	it('closes after the return window unless a manager overrides it', async () => {
		const reader = makeWorld({ orders: [shipped()], settings: { returnWindowDays: 30 } });
		const late = '2026-02-09T00:00:00.001Z';
		expect(
			await applyAndWrite(
				reader,
				'order.createReturn',
				{ orderId: 'o1', returnId: 'r1', items: [item(1)] },
				{ now: late }
			)
		).toEqual({
			ok: false,
			code: 'return_window_expired',
			message:
				'Order #1043: the return window closed on 2026-02-09 (30 days after the last shipment).'
		});
		await applyOk(
			reader,
			'order.createReturn',
			{ orderId: 'o1', returnId: 'r1', items: [item(1)], overrideWindow: true },
			{ now: late }
		);
		expect(reader.orders.get('o1')!.returns).toHaveLength(1);
	});

	it('is only for processing or complete orders with something shipped', async () => {
		const pending = makeOrder({ id: 'p', number: '9', valid: false });
		const fresh = makeOrder({ id: 'f', number: '10' });
		const reader = makeWorld({ orders: [pending, fresh] });
		expect(
			await applyAndWrite(reader, 'order.createReturn', {
				orderId: 'p',
				returnId: 'r',
				items: [item(1)]
			})
		).toMatchObject({
			code: 'not_allowed_status',
			message: 'Order #9 is pending: only processing or complete orders can be returned.'
		});
		expect(
			await applyAndWrite(reader, 'order.createReturn', {
				orderId: 'f',
				returnId: 'r',
				items: [item(1)]
			})
		).toMatchObject({ code: 'nothing_to_return' });
	});
});

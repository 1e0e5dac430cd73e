import { describe, expect, it } from 'vitest';
import { makeContext, makeLine, makeOrder, makeStock } from './testing/factories';
import { MemoryReader } from './testing/memory-reader';
import { makeWorld } from './testing/world';
import { WorkingSet } from './working-set';

const order = () => makeOrder({ id: 'o1', lines: [makeLine({ id: 'l1', qtyOrdered: 2 })] });

describe('WorkingSet', () => {
	it('lets later reads see earlier writes, with the status re-derived', async () => {
		const ws = new WorkingSet(makeWorld({ orders: [order()] }), makeContext(), 'test');
		const o = (await ws.order('o1'))!;
		const saved = ws.putOrder({ ...o, hold: { reason: 'other', by: 'u' } });
		expect(saved.status).toBe('on_hold');
		expect(await ws.order('o1')).toBe(saved);
	});

	it('reports only records whose final value differs from what the reader had', async () => {
		const ws = new WorkingSet(makeWorld({ orders: [order()] }), makeContext(), 'test');
		const o = (await ws.order('o1'))!;
		ws.putOrder({ ...o, giftMessage: { message: 'hi' } });
		ws.putOrder({ ...o });
		expect(ws.changes().orders).toEqual([]);
	});

	it('answers ordersWithOpenLines through its writes', async () => {
		const reader = makeWorld({
			orders: [order(), makeOrder({ id: 'o2', lines: [makeLine({ id: 'l2', qtyShipped: 1 })] })]
		});
		const ws = new WorkingSet(reader, makeContext(), 'test');
		const o1 = (await ws.order('o1'))!;
		const o2 = (await ws.order('o2'))!;
		ws.putOrder({ ...o1, lines: [{ ...o1.lines[0], qtyCanceled: 2 }] });
		ws.putOrder({ ...o2, lines: [{ ...o2.lines[0], qtyOrdered: 2 }] });
		const open = await ws.ordersWithOpenLines('product-1', 'wh-main');
		expect(open.map((o) => o.id)).toEqual(['o2']);
	});

	it('re-runs the reservation of touched pairs only', async () => {
		const reader = new MemoryReader({
			orders: [order()],
			// Both rows are stale on purpose: only the touched pair is recomputed.
			stock: [
				makeStock({ physical: 5 }),
				makeStock({ productId: 'product-2', physical: 5, reserved: 3 })
			]
		});
		const ws = new WorkingSet(reader, makeContext(), 'test');
		const level = (await ws.stock('product-1', 'wh-main'))!;
		ws.putStock({ ...level, physical: 6 });
		await ws.settle();
		const changes = ws.changes();
		expect(changes.stock).toEqual([makeStock({ physical: 6, reserved: 2, toShip: 2 })]);
		expect(changes.orders[0].lines[0].qtyReserved).toBe(2);
	});

	it('numbers events per mutation and types them with the mutation name', () => {
		const ws = new WorkingSet(
			new MemoryReader(),
			makeContext({ clientId: 'c', mutationId: 7 }),
			'order.hold'
		);
		ws.addEvent('o1', 'one');
		ws.addEvent('w1', 'two', 'warehouse');
		expect(ws.changes().timeline.map((e) => [e.id, e.type, e.orderId, e.subject])).toEqual([
			['c:7:1', 'order.hold', 'o1', undefined],
			['c:7:2', 'order.hold', 'w1', 'warehouse']
		]);
	});
});

import { describe, expect, it } from 'vitest';
import {
	makeLine,
	makeMainWarehouse,
	makeOrder,
	makeSettings
} from '$lib/domain/testing/factories';
import type { Order, TimelineEvent } from '$lib/domain/schemas';
import type { PerformResult } from './action-form.svelte';
import { OrderView, newestFirst, positiveLines, type OrderViewDeps } from './order-view.svelte';
import { fakeLive, settle } from './testing/fake-live';

function setup(order: Order | undefined, answers: PerformResult[] = []) {
	const live = fakeLive();
	const performed: [string, unknown][] = [];
	const notes: string[] = [];
	let ids = 0;
	const deps: OrderViewDeps = {
		live: live.source,
		getOrder: async () => order,
		orderTimeline: async () => [],
		listWarehouses: async () => [makeMainWarehouse()],
		getSettings: async () => makeSettings(),
		getPreparation: async () => undefined,
		listProducts: async () => [],
		allowedActions: (o) => ({ 'order.hold': o.status === 'on_hold' ? 'Already on hold.' : null }),
		allowedLineActions: () => ({ 'order.cancelLine': null }),
		perform: async (name, args) => {
			performed.push([name, args]);
			return answers.shift() ?? { ok: true, mutationId: performed.length };
		},
		newId: () => `new-${++ids}`,
		notify: (message) => notes.push(message)
	};
	return { deps, performed, notes, live };
}

describe('positiveLines', () => {
	it('keeps only real quantities', () => {
		expect(positiveLines({ a: 2, b: 0, c: null, d: undefined, e: Number.NaN, f: 1 })).toEqual([
			{ lineId: 'a', qty: 2 },
			{ lineId: 'f', qty: 1 }
		]);
	});
});

describe('newestFirst', () => {
	it('puts the latest event first, and the later of two at the same instant', () => {
		const event = (id: string, at: string): TimelineEvent => ({
			id,
			at,
			orderId: 'o',
			actor: 'u',
			actorKind: 'user',
			type: 't',
			summary: id
		});
		const sorted = newestFirst([
			event('c:1:1', '2026-01-01T10:00:00.000Z'),
			event('c:2:1', '2026-01-02T10:00:00.000Z'),
			event('c:10:1', '2026-01-02T10:00:00.000Z')
		]);
		expect(sorted.map((e) => e.id)).toEqual(['c:10:1', 'c:2:1', 'c:1:1']);
	});
});

describe('OrderView', () => {
	it('asks the rules once their inputs are read', async () => {
		const order = makeOrder();
		const t = setup(order);
		const view = new OrderView(order.id, t.deps);
		expect(view.allowed).toEqual({});
		view.start();
		await settle();
		expect(view.order?.id).toBe(order.id);
		expect(view.allowed).toEqual({ 'order.hold': null });
		expect(view.lineAllowed(order.lines[0])).toEqual({ 'order.cancelLine': null });
		view.stop();
		expect(t.live.open).toBe(0);
	});

	it('says when the order is not on this tablet', async () => {
		const t = setup(undefined);
		const view = new OrderView('missing', t.deps);
		view.start();
		await settle();
		expect(view.notFound).toBe(true);
	});

	it('builds a shipment with a new id, typed quantities and trimmed tracking, then closes', async () => {
		const line = makeLine({ id: 'l1', qtyOrdered: 3, qtyReserved: 2 });
		const order = makeOrder({ id: 'o1', lines: [line, makeLine({ id: 'l2' })] });
		const t = setup(order);
		const view = new OrderView('o1', t.deps);
		view.start();
		await settle();
		view.openDialog({ kind: 'create-shipment' });
		expect(await view.createShipment({ l1: 2, l2: 0 }, '  6A123  ', '')).toBe(true);
		expect(t.performed).toEqual([
			[
				'order.createShipment',
				{ orderId: 'o1', shipmentId: 'new-1', lines: [{ lineId: 'l1', qty: 2 }], tracking: '6A123' }
			]
		]);
		expect(view.dialog).toBeNull();
		expect(t.notes).toEqual(['Shipment created.']);
	});

	it('keeps the form open with the message when the rule refuses', async () => {
		const order = makeOrder({ id: 'o1' });
		const t = setup(order, [{ ok: false, code: 'packed', message: 'Order #1 is packed.' }]);
		const view = new OrderView('o1', t.deps);
		view.openDialog({ kind: 'hold' });
		expect(await view.hold('address', '  ')).toBe(false);
		expect(t.performed).toEqual([['order.hold', { orderId: 'o1', reason: 'address' }]]);
		expect(view.dialog).toEqual({ kind: 'hold' });
		expect(view.form.error).toBe('Order #1 is packed.');
		// Opening another form starts clean.
		view.openDialog({ kind: 'gift-message' });
		expect(view.form.error).toBeNull();
	});

	it('sends the other actions with the names and arguments of the sync contract', async () => {
		const t = setup(makeOrder({ id: 'o1' }));
		const view = new OrderView('o1', t.deps);
		await view.setGiftMessage('Happy birthday', ' Sam ', '');
		await view.changeShippingMethod(' dpd ', ' DPD Predict ');
		await view.cancelOrder('');
		await view.createInvoice({ l1: 1 });
		await view.createReturn([{ lineId: 'l1', qty: 1, reason: 'defective', request: 'refund' }]);
		await view.replaceLine('l1', 'MUG-2');
		await view.cancelLine('l1', 2);
		await view.changeLineWarehouse('l1', 'wh-paris');
		expect(t.performed).toEqual([
			['order.setGiftMessage', { orderId: 'o1', message: 'Happy birthday', from: 'Sam' }],
			['order.changeShippingMethod', { orderId: 'o1', code: 'dpd', label: 'DPD Predict' }],
			['order.cancel', { orderId: 'o1' }],
			[
				'order.createInvoice',
				{ orderId: 'o1', invoiceId: 'new-1', lines: [{ lineId: 'l1', qty: 1 }] }
			],
			[
				'order.createReturn',
				{
					orderId: 'o1',
					returnId: 'new-2',
					items: [{ lineId: 'l1', qty: 1, reason: 'defective', request: 'refund' }]
				}
			],
			['order.replaceLine', { orderId: 'o1', lineId: 'l1', sku: 'MUG-2', newLineId: 'new-3' }],
			['order.cancelLine', { orderId: 'o1', lineId: 'l1', qty: 2 }],
			['order.changeLineWarehouse', { orderId: 'o1', lineId: 'l1', warehouseId: 'wh-paris' }]
		]);
	});

	it('releases a hold without a form and reports a refusal', async () => {
		const t = setup(makeOrder({ id: 'o1' }), [
			{ ok: false, code: 'not_on_hold', message: 'Order #1 is not on hold.' }
		]);
		const view = new OrderView('o1', t.deps);
		const refusals: string[] = [];
		expect(await view.releaseHold((message) => refusals.push(message))).toBe(false);
		expect(refusals).toEqual(['Order #1 is not on hold.']);
		expect(t.performed).toEqual([['order.releaseHold', { orderId: 'o1' }]]);
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canShipFrom } from './actions/change-line-warehouse';
import { LINE_ACTION_NAMES, ORDER_ACTION_NAMES, type OrderActionName } from './actions/catalog';
import { allowedActions, allowedLineActions } from './allowed';
import { applyMutation } from './apply';
import { invoiceableQty } from './line-rules';
import { returnableQty } from './returns';
import type { Order, OrderLine } from './schemas';
import { worldArb } from './testing/arbitraries';
import {
	makeAddress,
	makeContext,
	makeLine,
	makeMutation,
	makeOrder,
	makePreparation,
	makeSettings
} from './testing/factories';
import { MemoryReader } from './testing/memory-reader';
import { defaultWarehouses } from './testing/world';

const ctx = { settings: makeSettings(), warehouses: defaultWarehouses() };

describe('allowedActions', () => {
	it('shows every action on a fresh paid order but release, return and shipment', () => {
		const order = makeOrder({ number: '1043', lines: [makeLine({ qtyOrdered: 2 })] });
		expect(allowedActions(order, ctx)).toEqual({
			'order.replaceLine': null,
			'order.cancelLine': null,
			'order.changeLineWarehouse': null,
			'order.editShippingAddress': null,
			'order.setGiftMessage': null,
			'order.createReturn': 'Order #1043: nothing shipped that is not already in a return.',
			'order.cancel': null,
			'order.hold': null,
			'order.releaseHold': 'Order #1043 is not on hold.',
			'order.changeShippingMethod': null,
			'order.createShipment': 'Order #1043: nothing is reserved to ship yet.',
			'order.createInvoice': null
		});
	});

	it('explains why a complete order allows nothing but a return and an invoice', () => {
		const order = makeOrder({ number: '7', lines: [makeLine({ qtyOrdered: 1, qtyShipped: 1 })] });
		const allowed = allowedActions(order, ctx);
		expect(allowed['order.cancel']).toBe('Order #7 is complete: nothing left to cancel.');
		expect(allowed['order.cancelLine']).toBe('Order #7 is complete: nothing left to cancel.');
		expect(allowed['order.createReturn']).toBeNull();
		expect(allowed['order.createInvoice']).toBeNull();
	});

	it('allows a line action when one line allows it', () => {
		const order = makeOrder({
			number: '8',
			lines: [
				makeLine({ id: 'a', qtyOrdered: 1, qtyShipped: 1 }),
				makeLine({ id: 'b', qtyOrdered: 1 })
			]
		});
		const prep = makePreparation({ orderId: order.id, lines: [{ lineId: 'b', qty: 1 }] });
		expect(allowedActions(order, ctx)['order.replaceLine']).toBeNull();
		expect(allowedActions(order, { ...ctx, preparation: prep })['order.replaceLine']).toBe(
			'Order #8: nothing left to ship on SKU-1; nothing to replace.'
		);
		expect(allowedLineActions(order, order.lines[1], { ...ctx, preparation: prep })).toEqual({
			'order.replaceLine':
				'Order #8: SKU-1 is being prepared; take the order out of preparation first.',
			'order.cancelLine': null,
			'order.changeLineWarehouse':
				'Order #8: SKU-1 is being prepared; take the order out of preparation first.'
		});
	});
});

/** Arguments that should pass every check but the guard, built from the order as it is. */
function canonicalArgs(
	order: Order,
	name: OrderActionName,
	line: OrderLine | undefined,
	warehouses = defaultWarehouses()
) {
	const first = line ?? order.lines[0];
	const pickLine = (fit: (l: OrderLine) => number) => order.lines.find((l) => fit(l) > 0) ?? first;
	const orderId = order.id;
	switch (name) {
		case 'order.replaceLine':
			return {
				orderId,
				lineId: first.id,
				sku: first.productId === 'p1' ? 'P2' : 'P1',
				newLineId: 'fresh'
			};
		case 'order.cancelLine':
			return { orderId, lineId: first.id, qty: 1 };
		case 'order.changeLineWarehouse': {
			const target = warehouses.find((w) => w.id !== first.warehouseId && canShipFrom(w));
			return { orderId, lineId: first.id, warehouseId: target?.id ?? 'none' };
		}
		case 'order.editShippingAddress':
			return { orderId, address: makeAddress() };
		case 'order.setGiftMessage':
			return { orderId, message: 'Hi' };
		case 'order.createReturn':
			return {
				orderId,
				returnId: 'fresh',
				overrideWindow: true,
				items: [
					{
						lineId: pickLine((l) => returnableQty(order, l)).id,
						qty: 1,
						reason: 'other',
						request: 'refund'
					}
				]
			};
		case 'order.cancel':
		case 'order.releaseHold':
			return { orderId };
		case 'order.hold':
			return { orderId, reason: 'address' };
		case 'order.changeShippingMethod':
			return { orderId, code: 'x', label: 'X' };
		case 'order.createShipment':
			return {
				orderId,
				shipmentId: 'fresh',
				lines: [{ lineId: pickLine((l) => l.qtyReserved).id, qty: 1 }]
			};
		case 'order.createInvoice':
			return {
				orderId,
				invoiceId: 'fresh',
				lines: [{ lineId: pickLine(invoiceableQty).id, qty: 1 }]
			};
	}
}

describe('allowedActions agrees with applyMutation', () => {
	it('an allowed action succeeds with sensible arguments; a refused one is refused with the same reason', async () => {
		await fc.assert(
			fc.asyncProperty(worldArb, async (world) => {
				const reader = new MemoryReader(world);
				for (const order of world.orders) {
					const view = {
						preparation: reader.preparations.get(order.id),
						settings: world.settings,
						warehouses: world.warehouses
					};
					const checks: [OrderActionName, OrderLine | undefined, string | null][] = [];
					const orderLevel = allowedActions(order, view);
					for (const name of ORDER_ACTION_NAMES) {
						if (!(LINE_ACTION_NAMES as string[]).includes(name))
							checks.push([name, undefined, orderLevel[name]]);
					}
					for (const line of order.lines) {
						const lineLevel = allowedLineActions(order, line, view);
						for (const name of LINE_ACTION_NAMES) checks.push([name, line, lineLevel[name]]);
					}
					for (const [name, line, reason] of checks) {
						const args = canonicalArgs(order, name, line, world.warehouses);
						const result = await applyMutation(reader, makeMutation(name, args), makeContext());
						if (reason === null)
							expect(result, `${name} on ${order.id}`).toMatchObject({ ok: true });
						else expect(result).toEqual({ ok: false, code: expect.any(String), message: reason });
					}
				}
			}),
			{ numRuns: 30 }
		);
	});
});

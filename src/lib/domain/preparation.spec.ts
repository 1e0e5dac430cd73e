import { describe, expect, it } from 'vitest';
import {
	fitToReservation,
	preparationTab,
	selectBatch,
	takeableLines,
	takeRefusal
} from './preparation';
import type { Order } from './schemas';
import {
	makeAddress,
	makeLine,
	makeMainWarehouse,
	makeOrder,
	makePreparation,
	MAIN_WAREHOUSE_ID
} from './testing/factories';

const MAIN = MAIN_WAREHOUSE_ID;
const ANNEX = 'wh-annex';

/** An order with one line of 2 units in Main holding `reserved`, and one in the Annex. */
const order = (reserved: number, overrides: Partial<Order> = {}) =>
	makeOrder({
		id: 'o1',
		number: '1043',
		lines: [
			makeLine({ id: 'l1', qtyOrdered: 2, qtyReserved: reserved }),
			makeLine({ id: 'l2', warehouseId: ANNEX, qtyReserved: 1 })
		],
		...overrides
	});

describe('preparationTab', () => {
	it('sorts open orders into In stock, Partial and Backorder by what is reserved here', () => {
		expect(preparationTab(order(2), MAIN)).toBe('in_stock');
		expect(preparationTab(order(1), MAIN)).toBe('partial');
		expect(preparationTab(order(0), MAIN)).toBe('backorder');
		// The Annex line is fully reserved whatever Main has.
		expect(preparationTab(order(0), ANNEX)).toBe('in_stock');
	});

	it('puts held and unpaid orders On hold, and leaves out orders with nothing to do here', () => {
		expect(preparationTab(order(2, { hold: { reason: 'fraud_check', by: 'u' } }), MAIN)).toBe(
			'on_hold'
		);
		expect(preparationTab(order(2, { valid: false }), MAIN)).toBe('on_hold');
		expect(preparationTab(order(2), 'wh-other')).toBeNull();
		const shippedHere = order(0, {
			lines: [
				makeLine({ id: 'l1', qtyOrdered: 2, qtyShipped: 2 }),
				makeLine({ id: 'l2', warehouseId: ANNEX })
			]
		});
		expect(preparationTab(shippedHere, MAIN)).toBeNull();
		expect(preparationTab(order(0, { lines: [makeLine({ qtyCanceled: 1 })] }), MAIN)).toBeNull();
	});

	it('shows a taken order In progress in its warehouse (until flushed) and nowhere else while live', () => {
		const entry = makePreparation({ orderId: 'o1', warehouseId: ANNEX });
		expect(preparationTab(order(2), ANNEX, entry)).toBe('in_progress');
		expect(preparationTab(order(2), MAIN, entry)).toBeNull();
		const shipped = { ...entry, status: 'shipped' as const };
		expect(preparationTab(order(2), ANNEX, shipped)).toBe('in_progress');
		expect(preparationTab(order(2), MAIN, shipped)).toBe('in_stock');
	});
});

describe('takeableLines and takeRefusal', () => {
	it('takes reserved units of shipping lines in the warehouse only', () => {
		const o = makeOrder({
			lines: [
				makeLine({ id: 'a', qtyOrdered: 3, qtyReserved: 2 }),
				makeLine({ id: 'b', qtyReserved: 0 }),
				makeLine({ id: 'c', warehouseId: ANNEX, qtyReserved: 1 }),
				makeLine({ id: 'd', requiresShipping: false })
			]
		});
		expect(takeableLines(o, MAIN)).toEqual([{ lineId: 'a', qty: 2 }]);
		expect(takeableLines(o, ANNEX)).toEqual([{ lineId: 'c', qty: 1 }]);
	});

	it('refuses in a stable order: taken first, then status, warehouse, nothing reserved', () => {
		const main = makeMainWarehouse();
		const annex = makeMainWarehouse({ id: ANNEX, name: 'Annex', isDefault: false });
		const live = makePreparation({ orderId: 'o1', operator: 'bob', warehouseId: ANNEX });
		expect(takeRefusal(order(2), main, live, 'ann', [main, annex])).toEqual({
			code: 'taken_by_other',
			message: 'Order #1043 is already being prepared by bob in Annex.'
		});
		expect(takeRefusal(order(2), annex, live, 'bob')?.code).toBe('already_taken');
		expect(takeRefusal(order(2), main, { ...live, status: 'shipped' }, 'ann')).toBeNull();
		expect(takeRefusal(order(0), main, undefined, 'ann')?.code).toBe('nothing_to_ship');
		expect(takeRefusal(order(2), { ...main, enabled: false }, undefined, 'ann')?.code).toBe(
			'warehouse_cannot_ship'
		);
		expect(takeRefusal(order(2, { valid: false }), main, undefined, 'ann')?.code).toBe(
			'not_allowed_status'
		);
	});
});

describe('fitToReservation', () => {
	const entry = makePreparation({
		orderId: 'o1',
		lines: [
			{ lineId: 'l1', qty: 2 },
			{ lineId: 'l2', qty: 1 }
		],
		packed: { l1: 2, l2: 1 }
	});

	it('changes nothing while taken ≤ reserved, nor a packed entry', () => {
		const o = order(2, {
			lines: [
				makeLine({ id: 'l1', qtyOrdered: 2, qtyReserved: 2 }),
				makeLine({ id: 'l2', qtyReserved: 1 })
			]
		});
		expect(fitToReservation(entry, o)).toBeNull();
		expect(fitToReservation({ ...entry, status: 'packed' }, order(0))).toBeNull();
	});

	it('cuts taken quantities and scan counts to the reservation, and drops an empty entry', () => {
		const o = order(1, {
			lines: [
				makeLine({ id: 'l1', qtyOrdered: 2, qtyReserved: 1 }),
				makeLine({ id: 'l2', sku: 'MUG' })
			]
		});
		expect(fitToReservation(entry, o)).toEqual({
			entry: { ...entry, lines: [{ lineId: 'l1', qty: 1 }], packed: { l1: 1 } },
			summary: 'Stock fell short: preparation cut (SKU-1 2 → 1, MUG 1 → 0).'
		});
		const none = order(0, { lines: [makeLine({ id: 'l1', qtyOrdered: 2 })] });
		expect(fitToReservation(entry, none)?.entry).toBeUndefined();
	});
});

describe('selectBatch', () => {
	const open = (id: string, placedAt: string, overrides: Partial<Order> = {}) =>
		makeOrder({
			id,
			number: id,
			placedAt,
			lines: [makeLine({ id: `${id}-l`, qtyOrdered: 2, qtyReserved: 2 })],
			...overrides
		});
	const orders = [
		open('c', '2026-01-03T00:00:00.000Z'),
		open('a', '2026-01-01T00:00:00.000Z', { shopId: 'shop-2' }),
		open('b', '2026-01-01T00:00:00.000Z', {
			shippingAddress: makeAddress({ country: 'DE', postcode: '10115' })
		}),
		open('d', '2026-01-02T00:00:00.000Z', {
			shippingMethod: { code: 'dhl', label: 'DHL' },
			lines: [makeLine({ id: 'd-l', qtyOrdered: 1, qtyReserved: 1 })]
		}),
		open('e', '2025-12-01T00:00:00.000Z', { lines: [makeLine({ id: 'e-l', qtyOrdered: 1 })] }),
		open('f', '2025-12-01T00:00:00.000Z', { valid: false })
	];

	it('takes In stock and Partial orders, oldest first, up to maxOrders', () => {
		const ids = (
			rules: Parameters<typeof selectBatch>[1],
			taken = [makePreparation({ orderId: 'x' })]
		) => selectBatch(orders, rules, taken).map((o) => o.id);
		expect(ids({ warehouseId: MAIN, maxOrders: 10 })).toEqual(['a', 'b', 'd', 'c']);
		expect(ids({ warehouseId: MAIN, maxOrders: 2 })).toEqual(['a', 'b']);
		expect(ids({ warehouseId: MAIN, maxOrders: 10 }, [makePreparation({ orderId: 'a' })])).toEqual([
			'b',
			'd',
			'c'
		]);
	});

	it('applies shop, shipping method, country and product count conditions', () => {
		const ids = (rules: Omit<Parameters<typeof selectBatch>[1], 'warehouseId' | 'maxOrders'>) =>
			selectBatch(orders, { warehouseId: MAIN, maxOrders: 10, ...rules }).map((o) => o.id);
		expect(ids({ shopId: 'shop-2' })).toEqual(['a']);
		expect(ids({ shopId: ['shop-1', 'shop-2'] })).toEqual(['a', 'b', 'd', 'c']);
		expect(ids({ shippingMethod: 'dhl' })).toEqual(['d']);
		expect(ids({ country: 'DE' })).toEqual(['b']);
		expect(ids({ country: ['FR'] })).toEqual(['a', 'd', 'c']);
		expect(ids({ productCount: 1 })).toEqual(['d']);
		expect(ids({ productCount: { min: 2 } })).toEqual(['a', 'b', 'c']);
		expect(ids({ productCount: { max: 1 } })).toEqual(['d']);
	});
});

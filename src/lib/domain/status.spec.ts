import { describe, expect, it } from 'vitest';
import { deriveStatus, withDerivedStatus } from './status';
import { makeLine, makeOrder } from './testing/factories';

const hold = { reason: 'address' as const, by: 'user-1' };

describe('deriveStatus', () => {
	it('is canceled when every line is fully canceled, even when held', () => {
		const order = makeOrder({ hold, lines: [makeLine({ qtyOrdered: 2, qtyCanceled: 2 })] });
		expect(deriveStatus(order)).toBe('canceled');
	});
	it('is on_hold when a hold is set', () => {
		expect(deriveStatus(makeOrder({ hold }))).toBe('on_hold');
	});
	it('is complete when nothing is left to ship and something shipped, even unpaid', () => {
		const lines = [makeLine({ qtyOrdered: 2, qtyShipped: 1, qtyCanceled: 1 })];
		expect(deriveStatus(makeOrder({ valid: false, lines }))).toBe('complete');
	});
	it('is complete for a valid order with no line to ship', () => {
		const lines = [makeLine({ requiresShipping: false })];
		expect(deriveStatus(makeOrder({ valid: true, lines }))).toBe('complete');
		expect(deriveStatus(makeOrder({ valid: false, lines }))).toBe('pending');
	});
	it('stays processing when partially shipped', () => {
		const lines = [makeLine({ qtyOrdered: 2, qtyShipped: 1 })];
		expect(deriveStatus(makeOrder({ valid: true, lines }))).toBe('processing');
	});
	it('is pending when not valid and something is left to ship', () => {
		expect(deriveStatus(makeOrder({ valid: false }))).toBe('pending');
	});
	it('does not count a partly canceled order as canceled', () => {
		const lines = [makeLine({ qtyOrdered: 2, qtyCanceled: 2 }), makeLine({ qtyOrdered: 1 })];
		expect(deriveStatus(makeOrder({ lines }))).toBe('processing');
	});
});

describe('withDerivedStatus', () => {
	it('returns the same object when the status is right, a corrected copy otherwise', () => {
		const order = makeOrder();
		expect(withDerivedStatus(order)).toBe(order);
		const stale = { ...order, status: 'pending' as const };
		const fixed = withDerivedStatus(stale);
		expect(fixed.status).toBe('processing');
		expect(stale.status).toBe('pending');
	});
});

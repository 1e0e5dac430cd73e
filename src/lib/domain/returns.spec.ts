import { describe, expect, it } from 'vitest';
import { localDateKey, nextReturnReference, returnableQty, returnWindowEnd } from './returns';
import type { ReturnRequest } from './schemas';
import { makeLine, makeOrder } from './testing/factories';

const request = (reference: string, overrides: Partial<ReturnRequest> = {}): ReturnRequest => ({
	id: reference,
	reference,
	status: 'requested',
	createdAt: '2026-02-01T10:00:00.000Z',
	items: [{ lineId: 'l1', qty: 1, reason: 'defective', request: 'refund' }],
	...overrides
});

describe('returns', () => {
	it('numbers references per order and day: YYYYMMDD-number, then -2, -3', () => {
		const order = makeOrder({ number: '1043' });
		const now = '2026-02-01T12:00:00.000Z';
		expect(nextReturnReference(order, now, 'UTC')).toBe('20260201-1043');
		const one = { ...order, returns: [request('20260201-1043')] };
		expect(nextReturnReference(one, now, 'UTC')).toBe('20260201-1043-2');
		const two = { ...order, returns: [request('20260201-1043'), request('20260201-1043-2')] };
		expect(nextReturnReference(two, now, 'UTC')).toBe('20260201-1043-3');
		// Another day starts again.
		expect(nextReturnReference(two, '2026-02-02T12:00:00.000Z', 'UTC')).toBe('20260202-1043');
	});

	it('uses the merchant’s calendar day', () => {
		expect(localDateKey('2026-02-01T23:30:00.000Z', 'Europe/Paris')).toBe('20260202');
		expect(localDateKey('2026-02-01T23:30:00.000Z', 'UTC')).toBe('20260201');
		expect(localDateKey('2026-02-01T23:30:00.000Z', 'Not/AZone')).toBe('20260201');
	});

	it('counts returnable units as shipped minus those in live returns', () => {
		const line = makeLine({ id: 'l1', qtyOrdered: 3, qtyShipped: 3 });
		const order = makeOrder({
			lines: [line],
			returns: [
				request('a', { items: [{ lineId: 'l1', qty: 2, reason: 'defective', request: 'refund' }] }),
				request('b', { status: 'canceled' })
			]
		});
		expect(returnableQty(order, line)).toBe(1);
	});

	it('closes the window the set number of days after the last shipment', () => {
		const order = makeOrder({
			placedAt: '2026-01-01T00:00:00.000Z',
			shipments: [
				{ id: 's1', createdAt: '2026-01-03T00:00:00.000Z', lines: [{ lineId: 'x', qty: 1 }] },
				{ id: 's2', createdAt: '2026-01-10T08:00:00.000Z', lines: [{ lineId: 'x', qty: 1 }] }
			]
		});
		expect(returnWindowEnd(order, { returnWindowDays: 30 })).toBe('2026-02-09T08:00:00.000Z');
		expect(returnWindowEnd({ ...order, shipments: [] }, { returnWindowDays: 1 })).toBe(
			'2026-01-02T00:00:00.000Z'
		);
	});
});

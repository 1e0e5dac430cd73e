import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeOrder } from '$lib/domain/testing/factories';
import {
	ORDER_STATUSES,
	ReturnStatus,
	type Order,
	type OrderStatus,
	type ReturnRequest
} from '$lib/domain/schemas';
import {
	isOrderRetained,
	isOrderTextRetained,
	lastActivityAt,
	windowStart
} from './retention-window';

const DAY = 86_400_000;
const NOW = new Date('2026-11-26T12:00:00.000Z');
const START = windowStart(NOW, 90);

const isoArb = fc
	.integer({ min: Date.parse('2024-01-01T00:00:00.000Z'), max: NOW.getTime() })
	.map((ms) => new Date(ms).toISOString());

const returnArb = fc.record({
	createdAt: isoArb,
	status: fc.constantFrom(...ReturnStatus.options)
});

/** Orders with any status and any dates on their shipments, invoices and returns. */
const orderArb = fc
	.record({
		status: fc.constantFrom<OrderStatus>(...ORDER_STATUSES),
		placedAt: isoArb,
		shipped: fc.array(isoArb, { maxLength: 3 }),
		invoiced: fc.array(isoArb, { maxLength: 3 }),
		returns: fc.array(returnArb, { maxLength: 2 }),
		note: fc.string({ maxLength: 40 })
	})
	.map(({ status, placedAt, shipped, invoiced, returns, note }) => {
		const base = makeOrder({ status, placedAt });
		const lineId = base.lines[0].id;
		return {
			...base,
			// A customer's text that looks like a date field must not count as one.
			customer: { ...base.customer, name: `${note} "createdAt":"2099-01-01T00:00:00.000Z"` },
			shipments: shipped.map((createdAt, i) => ({
				id: `s${i}`,
				createdAt,
				lines: [{ lineId, qty: 1 }]
			})),
			invoices: invoiced.map((createdAt, i) => ({
				id: `i${i}`,
				number: null,
				createdAt,
				lines: [{ lineId, qty: 1 }],
				total: 1
			})),
			returns: returns.map((r, i): ReturnRequest => ({
				id: `r${i}`,
				reference: `20261126-${base.number}`,
				status: r.status,
				createdAt: r.createdAt,
				items: [{ lineId, qty: 1, reason: 'other', request: 'refund' }]
			}))
		} satisfies Order;
	});

describe('retention window', () => {
	it('starts retentionDays before now', () => {
		expect(windowStart(NOW, 90)).toBe(new Date(NOW.getTime() - 90 * DAY).toISOString());
		expect(windowStart(NOW, 1)).toBe('2026-11-25T12:00:00.000Z');
	});

	it('keeps every open order, whatever its age', () => {
		fc.assert(
			fc.property(orderArb, (order) => {
				if (order.status !== 'complete' && order.status !== 'canceled') {
					expect(isOrderRetained(order, START)).toBe(true);
				}
			})
		);
	});

	it('keeps a closed order exactly when it was active in the window or a return is open', () => {
		fc.assert(
			fc.property(orderArb, (order) => {
				fc.pre(order.status === 'complete' || order.status === 'canceled');
				const dates = [
					order.placedAt,
					...order.shipments.map((s) => s.createdAt),
					...order.invoices.map((i) => i.createdAt),
					...order.returns.map((r) => r.createdAt)
				];
				const activeInWindow = dates.some((date) => date >= START);
				const openReturn = order.returns.some((r) =>
					['draft', 'requested', 'accepted', 'processing'].includes(r.status)
				);
				expect(isOrderRetained(order, START)).toBe(activeInWindow || openReturn);
			})
		);
	});

	it('takes the latest date the order shows as its last activity', () => {
		const order = makeOrder({ placedAt: '2026-01-01T00:00:00.000Z' });
		expect(lastActivityAt(order)).toBe('2026-01-01T00:00:00.000Z');
		const shipped = {
			...order,
			shipments: [
				{ id: 's', createdAt: '2026-03-01T00:00:00.000Z', lines: [{ lineId: 'x', qty: 1 }] }
			]
		};
		expect(lastActivityAt(shipped)).toBe('2026-03-01T00:00:00.000Z');
	});

	it('judges the stored JSON text as the rule judges the record', () => {
		fc.assert(
			fc.property(orderArb, isoArb, (order, start) => {
				expect(isOrderTextRetained(JSON.stringify(order), start)).toBe(
					isOrderRetained(order, start)
				);
			}),
			{ numRuns: 300 }
		);
	});
});

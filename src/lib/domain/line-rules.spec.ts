import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	invoiceableQty,
	LINE_STATE_LABELS,
	LINE_STATE_STYLES,
	LINE_STATES,
	lineState,
	lineStateText,
	openQty,
	refundDue,
	requiresShippingFor,
	toShip
} from './line-rules';
import { makeLine } from './testing/factories';

describe('toShip', () => {
	it('is ordered minus shipped minus canceled for lines that ship', () => {
		expect(toShip(makeLine({ qtyOrdered: 5, qtyShipped: 2, qtyCanceled: 1 }))).toBe(2);
	});
	it('is 0 for lines that do not ship, whatever is left', () => {
		const line = makeLine({ qtyOrdered: 5, requiresShipping: false });
		expect(toShip(line)).toBe(0);
		expect(openQty(line)).toBe(5);
	});
	it('never goes below 0 on malformed data', () => {
		expect(toShip(makeLine({ qtyOrdered: 1, qtyShipped: 1, qtyCanceled: 1 }))).toBe(0);
	});
});

describe('refundDue', () => {
	it('counts units both invoiced and canceled, beyond those refunded', () => {
		const line = makeLine({ qtyOrdered: 4, qtyInvoiced: 4, qtyCanceled: 3, qtyRefunded: 1 });
		expect(refundDue(line)).toBe(2);
	});
	it('is 0 when the canceled units were never invoiced', () => {
		expect(refundDue(makeLine({ qtyOrdered: 4, qtyInvoiced: 1, qtyCanceled: 3 }))).toBe(0);
	});
	it('is never negative', () => {
		expect(refundDue(makeLine({ qtyOrdered: 4, qtyInvoiced: 4, qtyRefunded: 2 }))).toBe(0);
	});
	it('matches the formula for any consistent line', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 1, max: 20 }).chain((ordered) =>
					fc.record({
						ordered: fc.constant(ordered),
						invoiced: fc.integer({ min: 0, max: ordered }),
						canceled: fc.integer({ min: 0, max: ordered })
					})
				),
				fc.nat(20),
				({ ordered, invoiced, canceled }, r) => {
					const refunded = Math.min(r, invoiced);
					const line = makeLine({
						qtyOrdered: ordered,
						qtyInvoiced: invoiced,
						qtyCanceled: canceled,
						qtyRefunded: refunded
					});
					const expected = Math.max(0, invoiced + canceled - ordered) - refunded;
					expect(refundDue(line)).toBe(Math.max(0, expected));
				}
			)
		);
	});
});

describe('invoiceableQty', () => {
	it('is ordered minus canceled minus invoiced', () => {
		expect(invoiceableQty(makeLine({ qtyOrdered: 5, qtyCanceled: 1, qtyInvoiced: 2 }))).toBe(2);
	});
});

describe('lineState', () => {
	const cases: [string, Parameters<typeof makeLine>[0], string][] = [
		['canceled', { qtyOrdered: 2, qtyCanceled: 2 }, 'canceled'],
		['shipped', { qtyOrdered: 2, qtyShipped: 1, qtyCanceled: 1 }, 'shipped'],
		['ready', { qtyOrdered: 3, qtyShipped: 1, qtyReserved: 2 }, 'ready'],
		['partial', { qtyOrdered: 3, qtyReserved: 1 }, 'partial'],
		['backordered', { qtyOrdered: 3 }, 'backordered'],
		['no shipping', { qtyOrdered: 1, requiresShipping: false }, 'no_shipping'],
		['canceled beats no shipping', { qtyCanceled: 1, requiresShipping: false }, 'canceled']
	];
	it.each(cases)('%s', (_name, overrides, expected) => {
		expect(lineState(makeLine(overrides))).toBe(expected);
	});

	it('is elsewhere in another warehouse’s screen, and its own state in its warehouse', () => {
		const line = makeLine({ warehouseId: 'wh-b', qtyReserved: 1 });
		expect(lineState(line, { warehouseId: 'wh-a' })).toBe('elsewhere');
		expect(lineState(line, { warehouseId: 'wh-b' })).toBe('ready');
	});

	it('shows reserved/toShip for partial lines', () => {
		expect(lineStateText(makeLine({ qtyOrdered: 5, qtyReserved: 2 }))).toBe('Partial 2/5');
		expect(lineStateText(makeLine({ qtyOrdered: 5 }))).toBe('Backordered');
	});

	it('has a label and a style for every state', () => {
		for (const state of LINE_STATES) {
			expect(LINE_STATE_LABELS[state]).toMatch(/\w/);
			expect(LINE_STATE_STYLES[state]).toBeDefined();
		}
	});
});

describe('requiresShippingFor', () => {
	it('ships simple products only: virtual items and containers do not', () => {
		expect(requiresShippingFor('simple')).toBe(true);
		for (const type of [
			'virtual',
			'downloadable',
			'gift_card',
			'bundle',
			'configurable'
		] as const) {
			expect(requiresShippingFor(type)).toBe(false);
		}
	});
});

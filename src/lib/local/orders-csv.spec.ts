import { describe, expect, it } from 'vitest';
import { makeLine, makeOrder } from '$lib/domain/testing/factories';
import { csvField, csvRow, guardFormula, orderCsvRow } from './orders-csv';

describe('CSV (RFC 4180)', () => {
	it('quotes fields with commas, quotes or line breaks, and doubles quotes', () => {
		expect(csvField('plain')).toBe('plain');
		expect(csvField('')).toBe('');
		expect(csvField('a,b')).toBe('"a,b"');
		expect(csvField('say "hi"')).toBe('"say ""hi"""');
		expect(csvField('line\nbreak')).toBe('"line\nbreak"');
		expect(csvField('cr\rhere')).toBe('"cr\rhere"');
		expect(csvField('Zoë Ångström')).toBe('Zoë Ångström');
	});

	it('ends every row with CRLF', () => {
		expect(csvRow(['a', 'b,c', ''])).toBe('a,"b,c",\r\n');
	});

	it('keeps text from a shop from becoming a spreadsheet formula', () => {
		expect(guardFormula('=HYPERLINK("x")')).toBe('\'=HYPERLINK("x")');
		expect(guardFormula('+33 1 23')).toBe("'+33 1 23");
		expect(guardFormula('@sum')).toBe("'@sum");
		expect(guardFormula('Anna')).toBe('Anna');
	});

	it('writes an order row: total with cents, lines as sku×qty', () => {
		const order = makeOrder({
			number: '100000123',
			placedAt: '2026-03-01T10:00:00.000Z',
			customer: { name: '=cmd', email: 'x@y.z' },
			grandTotal: 1234.5,
			status: 'processing',
			lines: [makeLine({ sku: 'A,1', qtyOrdered: 3 })]
		});
		expect(orderCsvRow(order, 'Shop')).toBe(
			'100000123,2026-03-01T10:00:00.000Z,processing,\'=cmd,x@y.z,Shop,1234.50,"A,1×3"\r\n'
		);
	});
});

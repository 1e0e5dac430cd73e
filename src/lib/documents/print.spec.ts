import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addressLabelFileName, fileNamePart, invoiceFileName, packingSlipFileName } from './print';

describe('file names', () => {
	it('names invoices by number, provisional ones by order, slips and labels by order', () => {
		expect(invoiceFileName({ number: '#1043' }, { number: 'INV-000123' })).toBe(
			'invoice-INV-000123.pdf'
		);
		expect(invoiceFileName({ number: '#1043' }, { number: null })).toBe(
			'invoice-1043-provisional.pdf'
		);
		expect(packingSlipFileName({ number: '100000012' })).toBe('packing-slip-100000012.pdf');
		expect(packingSlipFileName({ number: '#1043' }, 2)).toBe('packing-slip-1043-2.pdf');
		expect(addressLabelFileName({ number: '#1043' }, 1)).toBe('address-label-1043-1.pdf');
	});

	it('keeps only safe characters, folding accents', () => {
		expect(fileNamePart('#FR/2026 Été')).toBe('FR-2026-Ete');
		expect(fileNamePart('../../etc/passwd')).toBe('etc-passwd');
		expect(fileNamePart('###')).toBe('document');
	});

	it('never gives a separator, a leading dot or an empty part (property)', () => {
		fc.assert(
			fc.property(fc.string(), (text) => {
				const part = fileNamePart(text);
				expect(part).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
				expect(part).not.toMatch(/[-.]$/);
			})
		);
	});
});

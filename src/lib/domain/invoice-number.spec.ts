import { describe, expect, it } from 'vitest';
import { formatInvoiceNumber, invoiceSequence } from './invoice-number';

describe('invoice numbers', () => {
	it('writes the sequence with a prefix and six digits, and reads it back', () => {
		expect(formatInvoiceNumber(42)).toBe('INV-000042');
		expect(formatInvoiceNumber(1234567)).toBe('INV-1234567');
		expect(invoiceSequence('INV-000042')).toBe(42);
		expect(invoiceSequence(null)).toBe(0);
		expect(invoiceSequence('pending')).toBe(0);
	});
});

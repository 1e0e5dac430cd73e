import { describe, expect, it } from 'vitest';
import { formatDate, formatMoney, humanize, orderNumber } from './format';

describe('format', () => {
	it('formats money in the order currency', () => {
		expect(formatMoney(1234.5, 'EUR')).toMatch(/1,?234\.50|1\s?234,50/);
		expect(formatMoney(1234.5, 'EUR')).toContain('€');
	});

	it('still shows the amount for an unknown currency code', () => {
		expect(formatMoney(12, 'XX')).toMatch(/12[.,]00/);
	});

	it('leaves a malformed date as it came', () => {
		expect(formatDate('not a date')).toBe('not a date');
	});

	it('shows an order number with one leading #', () => {
		expect(orderNumber('1043')).toBe('#1043');
		expect(orderNumber('#1043')).toBe('#1043');
	});

	it('humanizes codes', () => {
		expect(humanize('fraud_check')).toBe('Fraud check');
		expect(humanize('address')).toBe('Address');
	});
});

import { describe, expect, it } from 'vitest';
import {
	addressLines,
	countryName,
	formatDate,
	formatMoney,
	formatRate,
	orderBarcodeValue,
	orderLabel,
	splitLines
} from './format';

describe('document formats', () => {
	it('prints money in the order currency, unknown codes included', () => {
		expect(formatMoney(1234.5, 'EUR')).toBe('€1,234.50');
		expect(formatMoney(-0, 'USD')).toBe('$0.00');
		expect(formatMoney(3, 'XQQ')).toMatch(/^(XQQ\s?3\.00|3\.00 XQQ)$/);
	});

	it('prints dates as YYYY-MM-DD in the merchant time zone', () => {
		expect(formatDate('2026-01-05T23:30:00.000Z', 'Europe/Berlin')).toBe('2026-01-06');
		expect(formatDate('2026-01-05T23:30:00.000Z', 'UTC')).toBe('2026-01-05');
		expect(formatDate('2026-01-05T23:30:00.000Z', 'Not/AZone')).toBe('2026-01-05');
	});

	it('prints rates, order numbers and countries', () => {
		expect(formatRate(0.2)).toBe('20 %');
		expect(formatRate(0.055)).toBe('5.5 %');
		expect(orderLabel('#1043')).toBe('#1043');
		expect(orderLabel('1043')).toBe('#1043');
		expect(orderBarcodeValue('#1043')).toBe('1043');
		expect(countryName('GR')).toBe('Greece');
	});

	it('lays an address out line by line, skipping empty parts', () => {
		expect(
			addressLines({
				name: 'Дмитрий Иванов',
				company: ' ',
				street1: 'ул. Ленина 1',
				city: 'Москва',
				postcode: '101000',
				country: 'RU'
			})
		).toEqual(['Дмитрий Иванов', 'ул. Ленина 1', '101000 Москва', 'Russia']);
		expect(splitLines(' a \r\n\nb ')).toEqual(['a', 'b']);
	});
});

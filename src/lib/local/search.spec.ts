import { describe, expect, it } from 'vitest';
import { makeLine, makeOrder, makeProduct } from '$lib/domain/testing/factories';
import {
	foldForSearch,
	foldText,
	matchesTerms,
	orderSearchWords,
	productSearchWords,
	searchTerms
} from './search';

describe('foldForSearch', () => {
	it('lower-cases, removes accents and splits on punctuation', () => {
		expect(foldForSearch('Zoë Ångström')).toEqual(['zoe', 'angstrom']);
		expect(foldForSearch('José Núñez-García')).toEqual(['jose', 'nunez', 'garcia']);
		expect(foldForSearch("O’Brien, D'Angelo")).toEqual(['o', 'brien', 'd', 'angelo']);
		expect(foldForSearch('  #1043 ')).toEqual(['1043']);
		expect(foldForSearch('')).toEqual([]);
	});

	it('spells out letters that NFD leaves alone', () => {
		expect(foldForSearch('Łukasz Żółć')).toEqual(['lukasz', 'zolc']);
		expect(foldForSearch('Weiß Søren Æther Œuvre')).toEqual(['weiss', 'soren', 'aether', 'oeuvre']);
	});

	it('folds Greek and Cyrillic the same way on both sides', () => {
		expect(foldForSearch('Ελένη Παπαδοπούλου')).toEqual(['ελενη', 'παπαδοπουλου']);
		expect(foldText('Παπαδόπουλος')).toBe('παπαδοπουλοσ');
		expect(foldForSearch('Дмитрий Иванов')).toEqual(foldForSearch('ДМИТРИЙ иванов'));
	});
});

describe('searchTerms', () => {
	it('splits like stored text but keeps emails whole', () => {
		expect(searchTerms('  Müller  zoë ')).toEqual(['muller', 'zoe']);
		expect(searchTerms('Zoe.Angstrom@Example.com')).toEqual(['zoe.angstrom@example.com']);
		expect(searchTerms('TSH-0001')).toEqual(['tsh', '0001']);
		expect(searchTerms('   ')).toEqual([]);
	});
});

describe('orderSearchWords', () => {
	const order = makeOrder({
		number: '#1043',
		customer: { name: 'Hans Müller', email: 'Hans.Mueller@Example.com' },
		lines: [makeLine({ sku: 'TSH-0001-BLK-M' }), makeLine({ sku: 'MUG-0002' })],
		shipments: [
			{
				id: 's1',
				createdAt: '2026-01-05T10:00:00.000Z',
				lines: [{ lineId: 'x', qty: 1 }],
				tracking: '6A12345678901'
			}
		]
	});
	const words = orderSearchWords(order);

	it('holds number, name parts, email, local part, SKUs and tracking', () => {
		expect(words).toEqual(
			expect.arrayContaining([
				'1043',
				'hans',
				'muller',
				'hans.mueller@example.com',
				'hans.mueller',
				'mueller',
				'tsh',
				'0001',
				'blk',
				'mug',
				'6a12345678901'
			])
		);
		expect(new Set(words).size).toBe(words.length);
	});

	it('answers prefix queries case- and accent-insensitively, every term required', () => {
		const find = (query: string) => matchesTerms(words, searchTerms(query));
		expect(find('müller')).toBe(true);
		expect(find('MULL')).toBe(true);
		expect(find('mul hans')).toBe(true);
		expect(find('hans.mueller@exa')).toBe(true);
		expect(find('1043')).toBe(true);
		expect(find('6A1234')).toBe(true);
		expect(find('mul zoe')).toBe(false);
		expect(find('ller')).toBe(false);
		expect(find('hans.mueller@other')).toBe(false);
	});

	it('finds "Muller" and "Müller" with the same query', () => {
		const plain = orderSearchWords(
			makeOrder({ customer: { name: 'Anna Muller', email: 'a@b.c' } })
		);
		expect(matchesTerms(plain, searchTerms('müller'))).toBe(true);
		expect(matchesTerms(words, searchTerms('muller'))).toBe(true);
	});
});

describe('productSearchWords', () => {
	it('holds SKU, name and barcode words', () => {
		const words = productSearchWords(
			makeProduct({ sku: 'LMP-0003-BRS', name: 'Lampe Ångström', barcodes: ['2000003123454'] })
		);
		expect(words).toEqual(['lmp', '0003', 'brs', 'lampe', 'angstrom', '2000003123454']);
	});
});

import { describe, expect, it } from 'vitest';
import {
	COUNTRY_CODES,
	formatAddressLine,
	POSTCODE_FORMATS,
	postcodeProblem,
	ValidAddress
} from './address';
import { makeAddress } from './testing/factories';

describe('postcode formats', () => {
	it('accepts each country’s own example', () => {
		for (const [code, format] of POSTCODE_FORMATS) {
			expect(postcodeProblem(code, format.example), code).toBeNull();
		}
	});

	it.each([
		['FR', '7500'],
		['DE', '1011A'],
		['US', '9410'],
		['GB', '12345'],
		['NL', '1012'],
		['BE', '10000'],
		['ES', '60001'],
		['IT', '0018'],
		['PT', '1100148'],
		['PL', '00950'],
		['AT', '101'],
		['CH', '80010'],
		['CA', '12345']
	])('rejects a %s postcode like %s', (country, postcode) => {
		expect(postcodeProblem(country, postcode)).toMatch(/looks like/);
	});

	it('accepts common spellings: lower case, missing space, ZIP+4', () => {
		expect(postcodeProblem('GB', 'sw1a1aa')).toBeNull();
		expect(postcodeProblem('NL', '1012ab')).toBeNull();
		expect(postcodeProblem('US', '94103-1234')).toBeNull();
		expect(postcodeProblem('CA', 'k1a 0b1')).toBeNull();
	});

	it('requires a postcode where the country has them, except Ireland', () => {
		expect(postcodeProblem('FR', '')).toMatch(/required for France/);
		expect(postcodeProblem('IE', '')).toBeNull();
		expect(postcodeProblem('HK', '')).toBeNull();
	});

	it('knows every ISO 3166 code (and Kosovo), and nothing else', () => {
		expect(COUNTRY_CODES.size).toBe(250);
		expect(COUNTRY_CODES.has('FR')).toBe(true);
		expect(COUNTRY_CODES.has('UK')).toBe(false);
	});
});

describe('ValidAddress', () => {
	it('normalises the country code and keeps a valid address', () => {
		const parsed = ValidAddress.parse(makeAddress({ country: ' fr ', postcode: '75011' }));
		expect(parsed.country).toBe('FR');
	});

	it('reports problems field by field', () => {
		const result = ValidAddress.safeParse(
			makeAddress({ name: '', city: ' ', postcode: '123', country: 'DE' })
		);
		expect(result.success).toBe(false);
		const issues = result.error!.issues.map((i) => [i.path.join('.'), i.message]);
		expect(issues).toEqual([
			['name', 'Name is required.'],
			['city', 'City is required.'],
			['postcode', 'A postcode in Germany looks like 10115.']
		]);
	});

	it('rejects a country code that does not exist', () => {
		const result = ValidAddress.safeParse(makeAddress({ country: 'ZZ' }));
		expect(result.error?.issues.map((i) => i.path.join('.'))).toEqual(['country']);
	});
});

describe('formatAddressLine', () => {
	it('joins the parts that are there', () => {
		expect(formatAddressLine(makeAddress({ company: 'Acme' }))).toBe(
			'Ann Lee, Acme, 3 rue des Lilas, 75011 Paris, FR'
		);
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLocations } from './natural-sort';

describe('compareLocations', () => {
	it('orders numbers inside locations by value: A2 before A10', () => {
		const sorted = ['A10', 'B1', 'A2', 'a3', 'A1', 'B-2-10', 'B-2-9'].sort(compareLocations);
		expect(sorted).toEqual(['A1', 'A2', 'a3', 'A10', 'B-2-9', 'B-2-10', 'B1']);
	});

	it('puts items without a location last', () => {
		expect(['', 'Z9', '  ', 'A1'].sort(compareLocations)).toEqual(['A1', 'Z9', '', '  ']);
	});

	it('is a total order: antisymmetric, zero only for equal text', () => {
		const location = fc.stringMatching(/^[A-Ca-c0-9-]{0,6}$/);
		fc.assert(
			fc.property(location, location, (a, b) => {
				expect(Math.sign(compareLocations(a, b)) + Math.sign(compareLocations(b, a))).toBe(0);
				if (compareLocations(a, b) === 0) expect(a.trim()).toBe(b.trim());
			})
		);
	});
});

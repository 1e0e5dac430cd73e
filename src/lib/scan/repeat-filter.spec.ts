import { describe, expect, it } from 'vitest';
import { RepeatFilter } from './repeat-filter';

describe('RepeatFilter', () => {
	it('counts a code held in front of the camera once, and again after it left the picture', () => {
		const filter = new RepeatFilter(1000);
		const frames = [0, 150, 300, 450, 600].map((t) => filter.seen('SKU-1', t));
		expect(frames).toEqual([true, false, false, false, false]);
		// Unseen from 600 to 1700: the next unit.
		expect(filter.seen('SKU-1', 1700)).toBe(true);
		// Another code in between is its own scan.
		expect(filter.seen('SKU-2', 1750)).toBe(true);
		expect(filter.seen('', 1800)).toBe(false);
	});
});

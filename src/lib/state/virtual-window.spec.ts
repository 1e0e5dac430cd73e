import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBlock, visibleRows } from './virtual-window';

describe('visibleRows', () => {
	it('covers the viewport plus the overscan', () => {
		// Rows of 100 px, 1000 px scrolled, 450 px tall: rows 10..14 are seen.
		expect(visibleRows(1000, 450, 100, 100_000, 2)).toEqual({ start: 8, end: 17 });
	});

	it('stays inside the list', () => {
		expect(visibleRows(0, 500, 100, 3, 4)).toEqual({ start: 0, end: 3 });
		expect(visibleRows(99_999 * 100, 500, 100, 100_000, 4)).toEqual({
			start: 99_995,
			end: 100_000
		});
		expect(visibleRows(0, 500, 100, 0)).toEqual({ start: 0, end: 0 });
	});

	it('always contains every row that intersects the viewport, and few others', () => {
		fc.assert(
			fc.property(
				fc.integer({ min: 0, max: 20_000_000 }),
				fc.integer({ min: 1, max: 3000 }),
				fc.integer({ min: 20, max: 200 }),
				fc.integer({ min: 1, max: 200_000 }),
				(scrollTop, height, rowHeight, total) => {
					const { start, end } = visibleRows(scrollTop, height, rowHeight, total, 4);
					expect(0 <= start && start <= end && end <= total).toBe(true);
					const firstSeen = Math.floor(scrollTop / rowHeight);
					const lastSeen = Math.ceil((scrollTop + height) / rowHeight) - 1;
					if (firstSeen < total) {
						expect(start).toBeLessThanOrEqual(firstSeen);
						expect(end).toBeGreaterThanOrEqual(Math.min(total, lastSeen + 1));
					}
					expect(end - start).toBeLessThanOrEqual(Math.ceil(height / rowHeight) + 1 + 8);
				}
			)
		);
	});
});

describe('loadBlock', () => {
	it('widens to whole blocks', () => {
		expect(loadBlock({ start: 8, end: 17 }, 50, 1000)).toEqual({ start: 0, end: 50 });
		expect(loadBlock({ start: 45, end: 60 }, 50, 1000)).toEqual({ start: 0, end: 100 });
		expect(loadBlock({ start: 980, end: 1000 }, 50, 990)).toEqual({ start: 950, end: 990 });
	});

	it('is stable while scrolling within a block', () => {
		expect(loadBlock({ start: 52, end: 70 }, 50, 1000)).toEqual(
			loadBlock({ start: 60, end: 80 }, 50, 1000)
		);
	});

	it('loads nothing for an empty range', () => {
		expect(loadBlock({ start: 0, end: 0 }, 50, 0)).toEqual({ start: 0, end: 0 });
	});
});

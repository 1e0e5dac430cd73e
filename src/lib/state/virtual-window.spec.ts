import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { loadBlock, planBlockRead, visibleRows, type BlockPlan } from './virtual-window';

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

describe('planBlockRead', () => {
	/** Carries a plan out over a list whose rows are their own positions. */
	function carryOut(plan: BlockPlan<number>, length: number, total: number): number[] {
		const rows = (from: number, to: number) =>
			Array.from({ length: Math.max(0, to - Math.max(0, from)) }, (_, i) => Math.max(0, from) + i);
		switch (plan.kind) {
			case 'after':
				return rows(plan.anchor + 1 + plan.skip, plan.anchor + 1 + plan.skip + length);
			case 'before':
				return rows(plan.anchor - plan.skip - length, plan.anchor - plan.skip);
			case 'split':
				return [
					...rows(plan.anchor - plan.head, plan.anchor),
					...rows(plan.anchor, plan.anchor + length - plan.head)
				];
			case 'offset':
				return rows(plan.offset, plan.offset + length);
			case 'fromEnd':
				return rows(total - plan.fromEnd - length, total - plan.fromEnd);
		}
	}

	const cases = fc
		.integer({ min: 1, max: 5000 })
		.chain((total) =>
			fc.record({
				total: fc.constant(total),
				start: fc.nat(total - 1),
				length: fc.integer({ min: 1, max: 120 }),
				known: fc.uniqueArray(fc.nat(total - 1), { maxLength: 6 })
			})
		)
		.map(({ total, start, length, known }) => ({
			total,
			block: { start, end: Math.min(total, start + length) },
			known: known.map((index) => ({ index, row: index }))
		}));

	it('reads exactly the block, walking no further than from the top or the end', () => {
		fc.assert(
			fc.property(cases, ({ total, block, known }) => {
				const { walk, plan } = planBlockRead(block, total, known);
				const expected = Array.from({ length: block.end - block.start }, (_, i) => block.start + i);
				expect(carryOut(plan, block.end - block.start, total)).toEqual(expected);
				expect(walk).toBeLessThanOrEqual(Math.min(block.start, total - block.end));
				const touching = known.some((k) => k.index >= block.start - 1 && k.index <= block.end);
				if (touching) expect(walk).toBe(0);
				for (const k of known) {
					if (k.index < block.start) expect(walk).toBeLessThanOrEqual(block.start - k.index - 1);
					if (k.index >= block.end) expect(walk).toBeLessThanOrEqual(k.index - block.end);
				}
			}),
			{ numRuns: 500 }
		);
	});

	it('starts next to a row read when there is one, else from the nearer end', () => {
		expect(planBlockRead({ start: 100, end: 150 }, 1000, [{ index: 99, row: 'r' }])).toEqual({
			walk: 0,
			plan: { kind: 'after', anchor: 'r', skip: 0 }
		});
		expect(planBlockRead({ start: 100, end: 150 }, 1000, [{ index: 150, row: 'r' }])).toEqual({
			walk: 0,
			plan: { kind: 'before', anchor: 'r', skip: 0 }
		});
		expect(planBlockRead({ start: 100, end: 200 }, 1000, [{ index: 150, row: 'r' }])).toEqual({
			walk: 0,
			plan: { kind: 'split', anchor: 'r', head: 50 }
		});
		expect(planBlockRead({ start: 800, end: 850 }, 1000, [])).toEqual({
			walk: 150,
			plan: { kind: 'fromEnd', fromEnd: 150 }
		});
		expect(planBlockRead({ start: 300, end: 350 }, 1000, [{ index: 900, row: 'r' }])).toEqual({
			walk: 300,
			plan: { kind: 'offset', offset: 300 }
		});
	});
});

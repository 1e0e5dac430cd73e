import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { ScanQueue } from './scan-queue';
import { DEFAULT_WEDGE_OPTIONS, WedgeDecoder } from './wedge';

/** Feeds [key, time] pairs; returns the codes the decoder emitted, in order. */
function decode(
	keys: readonly (readonly [string, number])[],
	where: 'screen' | 'field' = 'field'
): string[] {
	const decoder = new WedgeDecoder();
	const codes: string[] = [];
	for (const [key, time] of keys) {
		const code = decoder.key(key, time, where);
		if (code !== null) codes.push(code);
	}
	return codes;
}

const codeChar = fc.constantFrom(...'0123456789ABCDEFGHJKLMNPQRSTUVWXYZabcxyz-./'.split(''));
const code = fc.array(codeChar, { minLength: 3, maxLength: 24 }).map((cs) => cs.join(''));

/** A scanner burst: the code's keys and the Enter, each 1–15 ms after the previous. */
const burst = fc.record({
	code,
	gaps: fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 25, maxLength: 25 }),
	// The pause before the burst: scans can follow each other 20 ms apart.
	pause: fc.integer({ min: 20, max: 2000 })
});

function burstKeys(bursts: { code: string; gaps: number[]; pause: number }[]) {
	const keys: [string, number][] = [];
	let time = 1000;
	for (const { code, gaps, pause } of bursts) {
		time += pause;
		[...code, 'Enter'].forEach((key, i) => {
			if (i > 0) time += gaps[i % gaps.length];
			keys.push([key, time]);
		});
	}
	return keys;
}

describe('WedgeDecoder', () => {
	it('any sequence of bursts ≥ 20 ms apart yields exactly those codes, in order', () => {
		fc.assert(
			fc.property(fc.array(burst, { minLength: 1, maxLength: 30 }), (bursts) => {
				expect(decode(burstKeys(bursts))).toEqual(bursts.map((b) => b.code));
			}),
			{ numRuns: 300 }
		);
	});

	it('Shift between the keys of a burst (capitals) does not break it', () => {
		expect(
			decode([
				['Shift', 0],
				['A', 2],
				['Shift', 4],
				['b', 6],
				['1', 8],
				['Enter', 10]
			])
		).toEqual(['Ab1']);
	});

	it('ignores human typing: keys 80 ms or more apart never make a code', () => {
		fc.assert(
			fc.property(
				code,
				fc.array(fc.integer({ min: 80, max: 600 }), { minLength: 25, maxLength: 25 }),
				(text, gaps) => {
					let time = 0;
					const keys = [...text, 'Enter'].map((key, i): [string, number] => {
						time += i > 0 ? gaps[i] : 0;
						return [key, time];
					});
					expect(decode(keys)).toEqual([]);
				}
			)
		);
	});

	it('a burst after slow typing is only the burst; typed keys do not prefix it', () => {
		expect(
			decode([
				['x', 0],
				['y', 200],
				['1', 500],
				['2', 505],
				['3', 510],
				['4', 515],
				['Enter', 520]
			])
		).toEqual(['1234']);
	});

	it('a burst whose Enter comes after a long pause, or that is too short, is not a scan', () => {
		expect(
			decode([
				['1', 0],
				['2', 5],
				['3', 10],
				['Enter', 10 + DEFAULT_WEDGE_OPTIONS.resetGap + 1]
			])
		).toEqual([]);
		expect(
			decode([
				['1', 0],
				['2', 5],
				['Enter', 10]
			])
		).toEqual([]);
	});

	it('keeps a burst whole when one key comes late (a clumping scanner, a busy tablet)', () => {
		fc.assert(
			fc.property(
				fc.array(codeChar, { minLength: 8, maxLength: 24 }).map((cs) => cs.join('')),
				fc.array(fc.integer({ min: 1, max: 15 }), { minLength: 25, maxLength: 25 }),
				fc.nat(),
				fc.integer({ min: 16, max: 150 }),
				(text, gaps, at, stall) => {
					const late = 1 + (at % text.length);
					let time = 0;
					const keys = [...text, 'Enter'].map((key, i): [string, number] => {
						if (i > 0) time += i === late ? stall : gaps[i];
						return [key, time];
					});
					expect(decode(keys)).toEqual([text]);
				}
			)
		);
	});

	it('a steady stream slower than the mean allowed is refused even with every gap short', () => {
		const gap = DEFAULT_WEDGE_OPTIONS.maxMeanGap + 5;
		const keys = [...'123456', 'Enter'].map((key, i): [string, number] => [key, i * gap]);
		expect(decode(keys)).toEqual([]);
	});
});

describe('WedgeDecoder on the screen (no field focused)', () => {
	it('takes a code keyed slowly, or handed over late by a busy tablet, whole', () => {
		fc.assert(
			fc.property(
				code,
				fc.array(fc.integer({ min: 1, max: DEFAULT_WEDGE_OPTIONS.resetGap }), {
					minLength: 25,
					maxLength: 25
				}),
				(text, gaps) => {
					let time = 0;
					const keys = [...text, 'Enter'].map((key, i): [string, number] => {
						time += i > 0 ? gaps[i] : 0;
						return [key, time];
					});
					expect(decode(keys, 'screen')).toEqual([text]);
					// The same keys in an opted-in field are a scan only if they came as a burst.
					const fast = gaps.slice(1, text.length + 1).every((gap) => gap <= 15);
					if (!fast && gaps.slice(1, text.length + 1).every((gap) => gap >= 80)) {
						expect(decode(keys, 'field')).toEqual([]);
					}
				}
			)
		);
	});

	it('forgets keys before a pause longer than resetGap, and runs too short', () => {
		expect(
			decode(
				[
					['x', 0],
					['y', 200],
					['1', 200 + DEFAULT_WEDGE_OPTIONS.resetGap + 1],
					['2', 700],
					['3', 710],
					['Enter', 720]
				],
				'screen'
			)
		).toEqual(['123']);
		expect(
			decode(
				[
					['1', 0],
					['2', 300],
					['Enter', 350]
				],
				'screen'
			)
		).toEqual([]);
		expect(
			decode(
				[
					['a', 0],
					['b', 100],
					['c', 200],
					['1', 200 + DEFAULT_WEDGE_OPTIONS.resetGap + 1],
					['2', 800],
					['Enter', 1100]
				],
				'screen'
			)
		).toEqual([]);
	});
});

describe('ScanQueue', () => {
	it('handles every scan once, in order, one at a time, whatever each handler waits', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.array(fc.tuple(code, fc.integer({ min: 0, max: 3 })), { minLength: 1, maxLength: 20 }),
				async (scans) => {
					const handled: string[] = [];
					let running = 0;
					let overlap = false;
					const delays = new Map(scans.map(([c, d]) => [c, d]));
					const queue = new ScanQueue(async (c) => {
						running += 1;
						overlap ||= running > 1;
						await new Promise((resolve) => setTimeout(resolve, delays.get(c) ?? 0));
						handled.push(c);
						running -= 1;
					});
					for (const [c] of scans) queue.push(c);
					await queue.idle();
					expect(handled).toEqual(scans.map(([c]) => c));
					expect(overlap).toBe(false);
					expect(queue.size).toBe(0);
				}
			),
			{ numRuns: 40 }
		);
	});

	it('goes on after a handler throws, and reports the error', async () => {
		const handled: string[] = [];
		const errors: unknown[] = [];
		const queue = new ScanQueue(
			(c) => {
				if (c === 'bad') throw new Error('boom');
				handled.push(c);
			},
			(error) => errors.push(error)
		);
		queue.push('a');
		queue.push('bad');
		queue.push('b');
		await queue.idle();
		expect(handled).toEqual(['a', 'b']);
		expect(errors).toHaveLength(1);
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { wrapText } from './text-wrap';

// Every character is 1 unit wide: widths are easy to reason about.
const measure = (text: string) => [...text].length;

describe('wrapText', () => {
	it('breaks at spaces, filling each line as far as it goes', () => {
		expect(wrapText('the quick brown fox jumps', 10, measure)).toEqual([
			'the quick',
			'brown fox',
			'jumps'
		]);
	});

	it('keeps explicit line breaks and empty lines', () => {
		expect(wrapText('Hafenstraße 12\r\n\n20457 Hamburg', 40, measure)).toEqual([
			'Hafenstraße 12',
			'',
			'20457 Hamburg'
		]);
	});

	it('cuts a word wider than the line by characters, whole code points only', () => {
		expect(wrapText('SKU-ABCDEFGHIJ x', 5, measure)).toEqual(['SKU-A', 'BCDEF', 'GHIJ', 'x']);
		expect(wrapText('😀😀😀', 2, measure)).toEqual(['😀😀', '😀']);
	});

	it('never makes a line wider than the limit and never loses or reorders a word', () => {
		const word = fc.stringMatching(/^[a-zΑ-Ωа-я]{1,12}$/);
		fc.assert(
			fc.property(
				fc.array(word, { maxLength: 30 }),
				fc.integer({ min: 1, max: 20 }),
				(words, width) => {
					const lines = wrapText(words.join(' '), width, measure);
					for (const line of lines) expect(measure(line)).toBeLessThanOrEqual(width);
					// Words cut inside only when longer than the line: gluing the pieces back gives the text.
					expect(lines.join('').replace(/ /g, '')).toBe(words.join(''));
					if (words.every((w) => w.length <= width)) {
						expect(lines.flatMap((line) => line.split(' ')).filter(Boolean)).toEqual(words);
					}
				}
			)
		);
	});
});

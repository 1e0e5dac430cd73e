import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canEncode, code128 } from './barcode';

// ISO/IEC 15417 symbol table, bar/space widths per value; written out here independently of
// bwip-js so the bars we draw are checked against the standard, not against themselves.
const PATTERNS = (
	'212222 222122 222221 121223 121322 131222 122213 122312 132212 221213 221312 231212 112232 ' +
	'122132 122231 113222 123122 123221 223211 221132 221231 213212 223112 312131 311222 321122 ' +
	'321221 312212 322112 322211 212123 212321 232121 111323 131123 131321 112313 132113 132311 ' +
	'211313 231113 231311 112133 112331 132131 113123 113321 133121 313121 211331 231131 213113 ' +
	'213311 213131 311123 311321 331121 312113 312311 332111 314111 221411 431111 111224 111422 ' +
	'121124 121421 141122 141221 112214 112412 122114 122411 142112 142211 241211 221114 413111 ' +
	'241112 134111 111242 121142 121241 114212 124112 124211 411212 421112 421211 212141 214121 ' +
	'412121 111143 111341 131141 114113 114311 411113 411311 113141 114131 311141 411131 211412 ' +
	'211214 211232'
).split(' ');
const STOP = '2331112';
const START_B = 104;

/** Bar/space widths of `text` in code set B (what bwip-js must choose for lowercase text). */
function codeSetB(text: string): number[] {
	const values = [...text].map((char) => char.charCodeAt(0) - 32);
	const check = values.reduce((sum, value, i) => sum + value * (i + 1), START_B) % 103;
	return [START_B, ...values, check]
		.map((value) => PATTERNS[value])
		.concat(STOP)
		.flatMap((pattern) => [...pattern].map(Number));
}

/** The drawn bars as alternating bar/space widths, as a scanner reads them. */
function widths(text: string): number[] {
	const symbol = code128(text);
	if (!symbol) throw new Error(`no symbol for ${text}`);
	const out: number[] = [];
	let end = 0;
	for (const bar of symbol.bars) {
		if (out.length > 0) out.push(bar.x - end);
		out.push(bar.width);
		end = bar.x + bar.width;
	}
	expect(symbol.bars[0].x).toBe(0);
	expect(end).toBe(symbol.modules);
	return out;
}

describe('code128', () => {
	it('has a well-formed symbol table', () => {
		expect(PATTERNS).toHaveLength(106);
		for (const pattern of PATTERNS) {
			expect([...pattern].reduce((sum, w) => sum + Number(w), 0)).toBe(11);
		}
	});

	it('draws the bars the standard prescribes', () => {
		expect(widths('abc')).toEqual(codeSetB('abc'));
		fc.assert(
			fc.property(fc.stringMatching(/^[a-z]{1,20}$/), (text) => {
				expect(widths(text)).toEqual(codeSetB(text));
			})
		);
	});

	it('packs digit runs (code set C) so order numbers stay short', () => {
		// Start, 6 digit pairs, check, stop: 8 × 11 + 13 modules.
		expect(code128('104300201234')?.modules).toBe(101);
	});

	it('gives no symbol for text a scanner would read differently', () => {
		for (const text of ['', 'Żółć-1', 'SKU\t1', 'x'.repeat(81)]) {
			expect(canEncode(text)).toBe(false);
			expect(code128(text)).toBeNull();
		}
		expect(code128('SKU-1 /A+B')).not.toBeNull();
	});
});

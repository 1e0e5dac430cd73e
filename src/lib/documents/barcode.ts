// Code 128 symbols from bwip-js, kept as bar positions so the builder draws them as vector
// rectangles: sharp at any printer resolution, a few bytes each, and no canvas (bwip-js's
// toBuffer is Node-only, its canvas renderer browser-only). The generic entry point runs in both.
import { code128 as renderCode128, type DrawingContext, type RenderOptions } from 'bwip-js/generic';

export interface Code128 {
	text: string;
	/** Width of the symbol in modules (narrowest bar widths), quiet zones not included. */
	modules: number;
	/** Dark bars, left to right, in modules. */
	bars: { x: number; width: number }[];
}

/** Quiet zone each side, in modules, that a scanner needs to find the symbol (ISO/IEC 15417). */
export const QUIET_ZONE = 10;

/**
 * Printable ASCII only: Code 128 has no portable encoding beyond it (FNC4 Latin-1 is read
 * differently by different scanners), so such a value gets no barcode rather than a wrong one.
 */
export function canEncode(text: string): boolean {
	return text.length > 0 && text.length <= 80 && /^[\x20-\x7e]+$/.test(text);
}

const cache = new Map<string, Code128 | null>();
const CACHE_LIMIT = 5000;

/** The symbol for `text`, or null when it cannot be encoded. Memoised: batches repeat SKUs. */
export function code128(text: string): Code128 | null {
	const hit = cache.get(text);
	if (hit !== undefined) return hit;
	const symbol = canEncode(text) ? encode(text) : null;
	if (cache.size >= CACHE_LIMIT) cache.clear();
	cache.set(text, symbol);
	return symbol;
}

function encode(text: string): Code128 | null {
	let modules = 0;
	const bars: Code128['bars'] = [];
	// bwip-js hands each bar over as a vertical line through x with the bar's width as line width.
	// At scale 2 (two pixels a module) every width is even and x is the bar's exact centre; at
	// scale 1 odd-width lines are shifted half a pixel for crisp canvas drawing, which would
	// misplace our vector bars.
	const scale = 2;
	const drawing: DrawingContext<void> = {
		scale: () => null,
		measure: () => ({ width: 0, ascent: 0, descent: 0 }),
		init: (width) => {
			modules = width / scale;
		},
		line: (x0, _y0, _x1, _y1, lineWidth) => {
			bars.push({ x: (x0 - lineWidth / 2) / scale, width: lineWidth / scale });
		},
		polygon: () => {
			throw new Error('Code 128 draws lines only.');
		},
		hexagon: () => {
			throw new Error('Code 128 draws lines only.');
		},
		ellipse: () => {
			throw new Error('Code 128 draws lines only.');
		},
		fill: () => {},
		text: () => {},
		end: () => {}
	};
	const options: RenderOptions = { bcid: 'code128', text, scale, height: 1, padding: 0 };
	try {
		renderCode128(options, drawing);
	} catch {
		return null;
	}
	return bars.length > 0 ? { text, modules, bars } : null;
}

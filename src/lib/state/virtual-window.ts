// Fixed-height virtualization: which rows are on screen, and which block of rows to load.
// Rows have one height, so the index of any pixel is a division (no measuring).

export interface RowRange {
	/** First index, inclusive. */
	start: number;
	/** Last index, exclusive. */
	end: number;
}

export function visibleRows(
	scrollTop: number,
	viewportHeight: number,
	rowHeight: number,
	total: number,
	overscan = 4
): RowRange {
	if (total <= 0 || rowHeight <= 0) return { start: 0, end: 0 };
	const first = Math.floor(Math.max(0, scrollTop) / rowHeight);
	const last = Math.ceil((Math.max(0, scrollTop) + Math.max(0, viewportHeight)) / rowHeight);
	const start = Math.min(total, Math.max(0, first - overscan));
	const end = Math.min(total, Math.max(start, last + overscan));
	return { start, end };
}

/**
 * The rows to load for a visible range, widened to whole blocks so that scrolling a few rows
 * does not start a new read each time.
 */
export function loadBlock(range: RowRange, blockSize: number, total: number): RowRange {
	if (range.end <= range.start) return { start: 0, end: 0 };
	const start = Math.floor(range.start / blockSize) * blockSize;
	const end = Math.min(total, Math.ceil(range.end / blockSize) * blockSize);
	return { start, end };
}

/** A row already read, at its list position. */
export interface KnownRow<T> {
	index: number;
	row: T;
}

/** How to read a block of an index-ordered list without reading its ids. */
export type BlockPlan<T> =
	/** `skip` rows past `anchor`, then the block. */
	| { kind: 'after'; anchor: T; skip: number }
	/** The block ends `skip` rows before `anchor`. */
	| { kind: 'before'; anchor: T; skip: number }
	/** `head` rows before `anchor`, then `anchor` and the rest. */
	| { kind: 'split'; anchor: T; head: number }
	| { kind: 'offset'; offset: number }
	| { kind: 'fromEnd'; fromEnd: number };

/**
 * The cheapest way to read `block`, by the rows IndexedDB has to walk past to reach it: from
 * a row read already (next to the block or inside it: nothing to walk), else from the nearest
 * row read, the top or the end of the list. Ties go to the first of those.
 */
export function planBlockRead<T>(
	block: RowRange,
	total: number,
	known: KnownRow<T>[]
): { walk: number; plan: BlockPlan<T> } {
	const options: { walk: number; plan: BlockPlan<T> }[] = [];
	let inside: KnownRow<T> | undefined;
	for (const { index, row } of known) {
		if (index < block.start) {
			const skip = block.start - index - 1;
			options.push({ walk: skip, plan: { kind: 'after', anchor: row, skip } });
		} else if (index >= block.end) {
			const skip = index - block.end;
			options.push({ walk: skip, plan: { kind: 'before', anchor: row, skip } });
		} else if (!inside || index < inside.index) {
			inside = { index, row };
		}
	}
	if (inside) {
		const head = inside.index - block.start;
		options.push({ walk: 0, plan: { kind: 'split', anchor: inside.row, head } });
	}
	const fromEnd = Math.max(0, total - block.end);
	options.push(
		{ walk: block.start, plan: { kind: 'offset', offset: block.start } },
		{ walk: fromEnd, plan: { kind: 'fromEnd', fromEnd } }
	);
	return options.reduce((best, option) => (option.walk < best.walk ? option : best));
}

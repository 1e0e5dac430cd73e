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

// Shelf locations sort the way a picker walks them: A2 before A10, case ignored. Locations are
// free text typed by people, so digits anywhere compare as numbers ("B-2-10" after "B-2-9").

const collator = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** Natural order; an empty location sorts last (the picker looks those up at the end). */
export function compareLocations(a: string, b: string): number {
	const left = a.trim();
	const right = b.trim();
	if (!left || !right) return left ? -1 : right ? 1 : 0;
	// The collator calls "a2" and "A2" equal; fall back to code points so the order is total.
	return collator.compare(left, right) || (left < right ? -1 : left > right ? 1 : 0);
}

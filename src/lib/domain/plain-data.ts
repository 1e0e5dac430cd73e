// Structural equality for plain record data (JSON-like: objects, arrays, strings, numbers,
// booleans, null). Used to drop writes that change nothing, so a mutation reports only real changes.
export function plainEqual(a: unknown, b: unknown): boolean {
	if (a === b) return true;
	if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
	if (Array.isArray(a) !== Array.isArray(b)) return false;
	if (Array.isArray(a) && Array.isArray(b)) {
		return a.length === b.length && a.every((item, i) => plainEqual(item, b[i]));
	}
	const ra = a as Record<string, unknown>;
	const rb = b as Record<string, unknown>;
	// Keys holding undefined count as absent: an optional field left out equals one set to undefined.
	const ka = Object.keys(ra).filter((k) => ra[k] !== undefined);
	const kb = Object.keys(rb).filter((k) => rb[k] !== undefined);
	return ka.length === kb.length && ka.every((k) => plainEqual(ra[k], rb[k]));
}

/** Code-unit order, never localeCompare: results must not depend on the device's locale. */
export function compareText(a: string, b: string): number {
	return a < b ? -1 : a > b ? 1 : 0;
}

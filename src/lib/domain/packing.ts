// Packing an order (DOMAIN.md, "Pack"): what each scan means and how far the parcel is. Scan
// counts live on the device while packing (so a reload loses nothing); these functions take
// them as `counts` (line id → units scanned) and default to the entry's own.
import { orderLabel } from './rejection';
import type { LineQty, Order, PreparationEntry, Product } from './schemas';

export type PackLineState = 'not_packed' | 'missing' | 'packed';

export interface PackLineProgress {
	lineId: string;
	sku: string;
	name: string;
	taken: number;
	packed: number;
	/** taken − packed, never below 0. */
	missing: number;
	state: PackLineState;
	/** "Not packed", "2 missing", "Packed": colour is never the only signal. */
	label: string;
}

export interface PackProgress {
	lines: PackLineProgress[];
	takenUnits: number;
	packedUnits: number;
	/** Every taken unit is scanned: the pack can be confirmed without the partial setting. */
	complete: boolean;
}

/** Per taken line, how much of it is in the parcel. */
export function packProgress(
	entry: PreparationEntry,
	order: Order,
	counts: Readonly<Record<string, number>> = entry.packed
): PackProgress {
	const lines = entry.lines.map((taken): PackLineProgress => {
		const line = order.lines.find((l) => l.id === taken.lineId);
		const packed = Math.min(counts[taken.lineId] ?? 0, taken.qty);
		const missing = taken.qty - packed;
		const state: PackLineState = packed === 0 ? 'not_packed' : missing > 0 ? 'missing' : 'packed';
		const label =
			state === 'not_packed' ? 'Not packed' : state === 'missing' ? `${missing} missing` : 'Packed';
		return {
			lineId: taken.lineId,
			sku: line?.sku ?? '',
			name: line?.name ?? taken.lineId,
			taken: taken.qty,
			packed,
			missing,
			state,
			label
		};
	});
	const takenUnits = lines.reduce((sum, l) => sum + l.taken, 0);
	const packedUnits = lines.reduce((sum, l) => sum + l.packed, 0);
	return { lines, takenUnits, packedUnits, complete: packedUnits === takenUnits };
}

/** The `lines` argument of preparation.pack for these counts (lines with nothing scanned left out). */
export function packedLines(
	entry: PreparationEntry,
	counts: Readonly<Record<string, number>> = entry.packed
): LineQty[] {
	return entry.lines
		.map((taken) => ({
			lineId: taken.lineId,
			qty: Math.min(counts[taken.lineId] ?? 0, taken.qty)
		}))
		.filter((l) => l.qty > 0);
}

export type ScanError = 'unknown_barcode' | 'not_in_order' | 'over_scan' | 'already_packed';

export type ScanResult =
	| { ok: true; lineId: string; productId: string }
	| { ok: false; error: ScanError; message: string };

const sameCode = (a: string, b: string) => a.toUpperCase() === b.toUpperCase();

/**
 * What a scanned (or typed) code packs: a product barcode (exact) or SKU (any case) among the
 * taken lines. When a product is on several lines, the first line not yet full takes the unit.
 * Refused: a code no product has, a product not in this parcel, a unit more than taken.
 */
export function scanResult(
	entry: PreparationEntry,
	order: Order,
	products: readonly Product[],
	code: string,
	counts: Readonly<Record<string, number>> = entry.packed
): ScanResult {
	const label = orderLabel(order);
	if (entry.status === 'packed' || entry.status === 'shipped') {
		return { ok: false, error: 'already_packed', message: `${label} is already packed.` };
	}
	const scanned = code.trim();
	const known = products.filter(
		(p) => scanned !== '' && (p.barcodes.includes(scanned) || sameCode(p.sku, scanned))
	);
	const knownIds = new Set(known.map((p) => p.id));
	const candidates = entry.lines.flatMap((taken) => {
		const line = order.lines.find((l) => l.id === taken.lineId);
		if (!line || taken.qty <= 0) return [];
		const hit = knownIds.has(line.productId) || (scanned !== '' && sameCode(line.sku, scanned));
		return hit ? [{ line, taken: taken.qty }] : [];
	});
	if (candidates.length === 0) {
		return known.length === 0
			? { ok: false, error: 'unknown_barcode', message: `No product has the code “${scanned}”.` }
			: {
					ok: false,
					error: 'not_in_order',
					message: `${known[0].sku} is not in the parcel of ${label}.`
				};
	}
	const open = candidates.find((c) => (counts[c.line.id] ?? 0) < c.taken);
	if (!open) {
		const { line, taken } = candidates[0];
		const total = candidates.reduce((sum, c) => sum + c.taken, 0);
		return {
			ok: false,
			error: 'over_scan',
			message: `${label}: all ${candidates.length === 1 ? taken : total} × ${line.sku !== '' ? line.sku : line.name} are already packed.`
		};
	}
	return { ok: true, lineId: open.line.id, productId: open.line.productId };
}

/** The counts after one accepted scan (a new object: counts are never mutated). */
export function countScan(
	counts: Readonly<Record<string, number>>,
	lineId: string
): Record<string, number> {
	return { ...counts, [lineId]: (counts[lineId] ?? 0) + 1 };
}

// Scan counts of the parcels being packed on this tablet (db.packScans, never synced). Each
// scan writes the order's counts, so a reload or a crash mid-pack loses nothing; confirming the
// pack sends the final counts in preparation.pack and drops the row in the same transaction.
import { getDb, type PackScanRow } from './db';
import { performAll } from './perform-all';
import type { PerformResult } from './perform';

export type ScanCounts = Record<string, number>;

/** The counts saved for this order, or {} when nothing was scanned here. */
export async function readPackScans(orderId: string): Promise<ScanCounts> {
	return (await getDb().packScans.get(orderId))?.counts ?? {};
}

export async function savePackScans(
	orderId: string,
	counts: Readonly<ScanCounts>,
	now: Date = new Date()
): Promise<void> {
	const row: PackScanRow = { orderId, counts: { ...counts }, updatedAt: now.toISOString() };
	await getDb().packScans.put(row);
}

export async function clearPackScans(orderId: string): Promise<void> {
	await getDb().packScans.delete(orderId);
}

export interface PackArgs {
	orderId: string;
	shipmentId: string;
	invoiceId?: string;
	lines: { lineId: string; qty: number }[];
	weight?: number;
	parcels?: number;
}

/**
 * preparation.pack, and the order's scan counts cleared in the same transaction: either the
 * parcel is confirmed and its counts gone, or (refused) nothing changed and the counts stay.
 */
export function packAndClearScans(args: PackArgs): Promise<PerformResult> {
	return performAll([{ name: 'preparation.pack', args }], (db) =>
		db.packScans.delete(args.orderId)
	);
}

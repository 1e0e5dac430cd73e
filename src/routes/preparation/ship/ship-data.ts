// The Ship screen's reads: the operator's entries in one warehouse with their orders, in one
// read transaction so an entry and its order are never seen half-way through a sync write.
import { getDb } from '$lib/local/db';
import { fromStoredOrder } from '$lib/local/stored';
import type { BatchEntry } from '$lib/state/ship-batch.svelte';

export async function listShipBatch(warehouseId: string, operator: string): Promise<BatchEntry[]> {
	const db = getDb();
	return db.transaction('r', db.preparations, db.orders, async () => {
		const entries = (
			await db.preparations.where('warehouseId').equals(warehouseId).toArray()
		).filter((entry) => entry.operator === operator);
		const orders = await db.orders.bulkGet(entries.map((entry) => entry.orderId));
		return entries.map((entry, i) => {
			const stored = orders[i];
			return { entry, order: stored && fromStoredOrder(stored) };
		});
	});
}

/** Hands a file to the browser's downloads under `fileName`. */
export function saveFile(data: Uint8Array | string, fileName: string, type: string): void {
	const blob = new Blob([typeof data === 'string' ? data : (data as Uint8Array<ArrayBuffer>)], {
		type
	});
	const url = URL.createObjectURL(blob);
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	// The download has started by then; a minute is ample on a slow tablet.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** `20260126-0912`: local date and time for file names, sorting as text. */
export function fileStamp(now: Date): string {
	const pad = (n: number) => String(n).padStart(2, '0');
	return `${now.getFullYear()}${pad(now.getMonth() + 1)}${pad(now.getDate())}-${pad(now.getHours())}${pad(now.getMinutes())}`;
}

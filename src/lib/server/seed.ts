// Loads the deterministic demo data into an empty server database (`npm start` asks for
// 2,000 orders; DOCKSIDE_DEMO_ORDERS changes it). Tablets receive it by pulling.
import type { Kysely } from 'kysely';
import { demoBatches, type DemoBatch } from '$lib/local/demo-data';
import { invoiceSequence } from '$lib/domain/invoice-number';
import type { RecordChange } from '$lib/sync/entities';
import { changesToWrites, lockWriters, writeRecords } from './db/record-store';
import type { Database } from './db/types';

function batchWrites(batch: DemoBatch): RecordChange[] {
	return [
		...batch.shops.map((shop) => ({ entity: 'shop' as const, id: shop.id, value: shop })),
		...changesToWrites({
			orders: batch.orders,
			products: batch.products,
			warehouses: batch.warehouses,
			stock: batch.stock,
			movements: batch.movements,
			timeline: batch.timeline,
			preparations: [],
			preparationsRemoved: [],
			settings: batch.settings
		})
	];
}

/**
 * The demo's "now": the hour the server seeds it (DOCKSIDE_DEMO_ANCHOR to pin it). Dated from
 * the real clock, so the demo's recent orders stay inside the tablets' retention window however
 * long after this code was written the demo is started.
 */
export function demoAnchor(now: Date, pinned?: string): string {
	if (pinned) {
		if (Number.isNaN(Date.parse(pinned)))
			throw new Error(`DOCKSIDE_DEMO_ANCHOR is not a date: ${pinned}`);
		return new Date(pinned).toISOString();
	}
	const hour = new Date(now);
	hour.setUTCMinutes(0, 0, 0);
	return hour.toISOString();
}

/** Seeds when the database holds no record yet; returns the number of orders written. */
export async function seedDemoIfEmpty(
	db: Kysely<Database>,
	orders: number,
	anchor?: string
): Promise<number> {
	if (orders <= 0) return 0;
	let written = 0;
	let lastInvoiceNumber = 0;
	await db.transaction().execute(async (trx) => {
		// Several servers may start at once on one empty database: only the first seeds it.
		await lockWriters(trx);
		const existing = await trx.selectFrom('records').select('id').limit(1).executeTakeFirst();
		if (existing) return;
		for (const batch of demoBatches(orders, { anchor })) {
			await writeRecords(trx, batchWrites(batch));
			written += batch.orders.length;
			for (const order of batch.orders) {
				for (const invoice of order.invoices) {
					lastInvoiceNumber = Math.max(lastInvoiceNumber, invoiceSequence(invoice.number));
				}
			}
		}
		// New invoices continue after the imported ones.
		await trx
			.updateTable('counters')
			.set({ value: lastInvoiceNumber })
			.where('name', '=', 'invoice')
			.execute();
	});
	return written;
}

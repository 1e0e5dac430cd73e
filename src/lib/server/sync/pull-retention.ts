// Which records of a pull page a tablet keeps, for a pull that asks for the retained set
// (`retainedOnly`, SYNC.md "Pull": tablets keep open orders and orders closed within the
// retention window). Decided on the stored JSON text, so a page of recent records is judged
// without parsing a single value:
// - orders: the shared rule (retention-window.ts);
// - timeline events of an order: with their order; a recent event is always sent (cheaper than
//   finding its order, and an extra recent event does no harm);
// - stock movements and events about stock, warehouses or settings: by their own date;
// - everything else (products, stock levels, preparations, settings, deletions): always.
import { DEFAULT_SETTINGS } from '$lib/domain/schemas';
import { isOrderTextRetained, windowStart } from '$lib/sync/retention-window';
import type { Db } from '../db/record-store';

export interface StoredRow {
	entity: string;
	id: string;
	value: string | null;
}

const TIME_AT = /"at":"([^"\\]{1,40})"/;
const CREATED_AT = /"createdAt":"([^"\\]{1,40})"/;
const SUBJECT = /"subject":"([a-z_]{1,40})"/;
const ORDER_ID = /"orderId":("(?:[^"\\]|\\.){1,400}")/;
const CHUNK = 500;

/** The first instant of the merchant's retention window. */
export async function retentionStart(db: Db, now: Date): Promise<string> {
	const row = await db
		.selectFrom('records')
		.select('value')
		.where('entity', '=', 'settings')
		.where('id', '=', 'settings')
		.executeTakeFirst();
	const days = row?.value
		? (JSON.parse(row.value) as { retentionDays?: number }).retentionDays
		: undefined;
	return windowStart(now, days ?? DEFAULT_SETTINGS.retentionDays);
}

/** The rows to leave out of the page, by index in `rows`. */
export async function rowsLeftOut(db: Db, rows: StoredRow[], start: string): Promise<Set<number>> {
	const out = new Set<number>();
	const orderKept = new Map<string, boolean>();
	// Old events of an order: their fate waits for the order's.
	const waiting: { index: number; orderId: string }[] = [];
	rows.forEach((row, index) => {
		if (row.value === null) return;
		if (row.entity === 'order') {
			const kept = isOrderTextRetained(row.value, start);
			orderKept.set(row.id, kept);
			if (!kept) out.add(index);
		} else if (row.entity === 'movement') {
			const createdAt = CREATED_AT.exec(row.value)?.[1];
			if (createdAt !== undefined && createdAt < start) out.add(index);
		} else if (row.entity === 'timeline') {
			const at = TIME_AT.exec(row.value)?.[1];
			if (at === undefined || at >= start) return;
			const subject = SUBJECT.exec(row.value)?.[1];
			if (subject !== undefined && subject !== 'order') {
				out.add(index);
				return;
			}
			const quoted = ORDER_ID.exec(row.value)?.[1];
			if (quoted !== undefined) waiting.push({ index, orderId: JSON.parse(quoted) as string });
		}
	});

	const unknown = [...new Set(waiting.map((w) => w.orderId))].filter((id) => !orderKept.has(id));
	for (let from = 0; from < unknown.length; from += CHUNK) {
		const ids = unknown.slice(from, from + CHUNK);
		const found = await db
			.selectFrom('records')
			.select(['id', 'value'])
			.where('entity', '=', 'order')
			.where('id', 'in', ids)
			.execute();
		for (const order of found) {
			orderKept.set(order.id, order.value !== null && isOrderTextRetained(order.value, start));
		}
	}
	// An event whose order is gone or left out goes with it.
	for (const { index, orderId } of waiting) if (!orderKept.get(orderId)) out.add(index);
	return out;
}

// Return (RMA) figures shared by order.createReturn and the screens (DOMAIN.md, "Returns").
import type { Order, OrderLine, ReturnRequest, Settings } from './schemas';

const DAY_MS = 24 * 60 * 60 * 1000;

/** Returns that still count against what can be returned: all but canceled and expired ones. */
function countsAsReturned(request: ReturnRequest): boolean {
	return request.status !== 'canceled' && request.status !== 'expired';
}

export function returnedQty(order: Order, lineId: string): number {
	let total = 0;
	for (const request of order.returns) {
		if (!countsAsReturned(request)) continue;
		for (const item of request.items) if (item.lineId === lineId) total += item.qty;
	}
	return total;
}

/** Shipped units not already in a return. */
export function returnableQty(order: Order, line: OrderLine): number {
	return Math.max(0, line.qtyShipped - returnedQty(order, line.id));
}

/**
 * When the return window closes: returnWindowDays after the last shipment, to the millisecond.
 * Orders imported as already shipped by the shop have no shipment record: their placed-at counts.
 */
export function returnWindowEnd(
	order: Order,
	settings: Pick<Settings, 'returnWindowDays'>
): string {
	let last = Date.parse(order.placedAt);
	for (const shipment of order.shipments) last = Math.max(last, Date.parse(shipment.createdAt));
	return new Date(last + settings.returnWindowDays * DAY_MS).toISOString();
}

/** YYYYMMDD of an instant in the merchant's time zone (UTC when the zone is unknown). */
export function localDateKey(instant: string, timeZone: string): string {
	const date = new Date(instant);
	let parts: Intl.DateTimeFormatPart[];
	try {
		parts = new Intl.DateTimeFormat('en-CA', {
			timeZone,
			year: 'numeric',
			month: '2-digit',
			day: '2-digit'
		}).formatToParts(date);
	} catch {
		return date.toISOString().slice(0, 10).replaceAll('-', '');
	}
	const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
	return `${part('year')}${part('month')}${part('day')}`;
}

/**
 * The next reference of a return of this order made at `now`: YYYYMMDD-<order number>, then
 * -2, -3 … when the order already has returns that day.
 */
export function nextReturnReference(order: Order, now: string, timeZone: string): string {
	const base = `${localDateKey(now, timeZone)}-${order.number.replace(/^#/, '')}`;
	let highest = 0;
	for (const request of order.returns) {
		if (request.reference === base) highest = Math.max(highest, 1);
		else if (request.reference.startsWith(`${base}-`)) {
			const n = Number(request.reference.slice(base.length + 1));
			if (Number.isInteger(n) && n > 1) highest = Math.max(highest, n);
		}
	}
	return highest === 0 ? base : `${base}-${highest + 1}`;
}

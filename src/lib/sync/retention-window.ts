// The tablet retention window (SYNC.md "Pull", DOMAIN.md settings.retentionDays): tablets keep
// open orders and orders closed within the window; older ones come from the server on demand.
// One rule, shared by the server (a pull that asks for the retained set leaves the rest out)
// and the browser (which prunes what has left the window), so both draw the same line.
//
// The record carries no "closed at": an order's last activity is the latest date it shows
// (placed, shipments, invoices, returns). An order canceled without any of these counts from
// the day it was placed. Pure: `now` comes in from the caller.
import type { Order, ReturnRequest } from '$lib/domain/schemas';

const DAY_MS = 86_400_000;
const CLOSED: ReadonlySet<string> = new Set(['complete', 'canceled']);
/** Returns still being worked on keep their order on the tablet whatever its age. */
const OPEN_RETURNS: ReadonlySet<ReturnRequest['status']> = new Set([
	'draft',
	'requested',
	'accepted',
	'processing'
]);

/** The first instant inside the window, as ISO text (compares with record times as text). */
export function windowStart(now: Date, retentionDays: number): string {
	return new Date(now.getTime() - retentionDays * DAY_MS).toISOString();
}

/** The latest date the order record shows. */
export function lastActivityAt(order: Order): string {
	let latest = order.placedAt;
	for (const dated of [...order.shipments, ...order.invoices, ...order.returns]) {
		if (dated.createdAt > latest) latest = dated.createdAt;
	}
	return latest;
}

/** Whether a tablet keeps the order: open, with a return in progress, or active in the window. */
export function isOrderRetained(order: Order, start: string): boolean {
	if (!CLOSED.has(order.status)) return true;
	if (order.returns.some((ret) => OPEN_RETURNS.has(ret.status))) return true;
	return lastActivityAt(order) >= start;
}

// The dates an order's JSON text shows: placedAt and every createdAt (shipments, invoices and
// returns are the only parts of an order that carry one). Inside a string value the quotes
// would be escaped, so a customer's text cannot fake a match.
const DATE_IN_TEXT = /"(?:placedAt|createdAt)":"([^"\\]{1,40})"/g;

/**
 * isOrderRetained on the stored JSON text, for the server's pull: an order with a date inside
 * the window is kept without parsing it (a retained order's last activity is at least that
 * date); only orders that may be left out are parsed and judged by the rule itself.
 */
export function isOrderTextRetained(valueJson: string, start: string): boolean {
	for (const match of valueJson.matchAll(DATE_IN_TEXT)) {
		if (match[1] >= start) return true;
	}
	return isOrderRetained(JSON.parse(valueJson) as Order, start);
}

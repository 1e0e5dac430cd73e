// Per-line figures and the line state every order list and order view shows (DOMAIN.md,
// "Order lines"). Pure functions of one line.
import type { OrderLine, ProductType } from './schemas';

/** Units still to ship; 0 for lines that do not ship (virtual items, containers). */
export function toShip(line: OrderLine): number {
	if (!line.requiresShipping) return 0;
	// Clamped so a malformed import never shows negative work; the invariant tests check the raw sum.
	return Math.max(0, line.qtyOrdered - line.qtyShipped - line.qtyCanceled);
}

/**
 * Units neither shipped nor canceled. Equals toShip for lines that ship; for lines that do not
 * ship (a gift card) it is what can still be canceled.
 */
export function openQty(line: OrderLine): number {
	return Math.max(0, line.qtyOrdered - line.qtyShipped - line.qtyCanceled);
}

/** Units that can still be invoiced: ordered, not canceled, not invoiced yet. */
export function invoiceableQty(line: OrderLine): number {
	return Math.max(0, line.qtyOrdered - line.qtyCanceled - line.qtyInvoiced);
}

/**
 * Units invoiced and canceled, beyond those already refunded. Never negative: a refund made
 * in the shop for another reason is not a debt of the customer.
 */
export function refundDue(line: OrderLine): number {
	return Math.max(
		0,
		Math.max(0, line.qtyInvoiced + line.qtyCanceled - line.qtyOrdered) - line.qtyRefunded
	);
}

export function isFullyCanceled(line: OrderLine): boolean {
	return line.qtyCanceled >= line.qtyOrdered;
}

/**
 * Whether a line of this product type is a line to ship. Virtual, downloadable and gift-card
 * items do not ship; bundle and configurable lines are containers whose children ship.
 */
export function requiresShippingFor(type: ProductType): boolean {
	return type === 'simple';
}

export function isContainerType(type: ProductType): boolean {
	return type === 'bundle' || type === 'configurable';
}

export const LINE_STATES = [
	'canceled',
	'shipped',
	'ready',
	'partial',
	'backordered',
	'no_shipping',
	'elsewhere'
] as const;
export type LineState = (typeof LINE_STATES)[number];

export const LINE_STATE_LABELS: Record<LineState, string> = {
	canceled: 'Canceled',
	shipped: 'Shipped',
	ready: 'Ready',
	partial: 'Partial',
	backordered: 'Backordered',
	no_shipping: 'No shipping',
	elsewhere: 'Other warehouse'
};

/** How a state is drawn; colour is never the only signal, the label always goes with it. */
export const LINE_STATE_STYLES: Record<
	LineState,
	{ tone: 'green' | 'orange' | 'red' | 'grey'; struck: boolean; italic: boolean }
> = {
	canceled: { tone: 'grey', struck: true, italic: false },
	shipped: { tone: 'grey', struck: true, italic: false },
	ready: { tone: 'green', struck: false, italic: false },
	partial: { tone: 'orange', struck: false, italic: false },
	backordered: { tone: 'red', struck: false, italic: false },
	no_shipping: { tone: 'grey', struck: false, italic: false },
	elsewhere: { tone: 'grey', struck: false, italic: true }
};

/**
 * The line's state. Precedence when several rows of the table match: canceled, then no
 * shipping, then elsewhere (in a warehouse screen), then shipped / ready / partial / backordered.
 */
export function lineState(line: OrderLine, view: { warehouseId?: string } = {}): LineState {
	if (isFullyCanceled(line)) return 'canceled';
	if (!line.requiresShipping) return 'no_shipping';
	if (view.warehouseId !== undefined && line.warehouseId !== view.warehouseId) return 'elsewhere';
	const remaining = toShip(line);
	if (remaining === 0) return 'shipped';
	if (line.qtyReserved >= remaining) return 'ready';
	if (line.qtyReserved > 0) return 'partial';
	return 'backordered';
}

/** The label with its figures where the table asks for them ("Partial 2/5"). */
export function lineStateText(line: OrderLine, view: { warehouseId?: string } = {}): string {
	const state = lineState(line, view);
	if (state === 'partial')
		return `${LINE_STATE_LABELS.partial} ${line.qtyReserved}/${toShip(line)}`;
	return LINE_STATE_LABELS[state];
}

// Finding orders to act on by their current state, never by a hard-coded number: earlier tests
// (and earlier runs against the same server) change the data. The facts are read from this
// tablet's IndexedDB through the app's dev handle (window.__dockside); line states are
// worked out here again from the quantities, by DOMAIN.md's table, so a test does not take
// the app's own reading of them for granted.
import type { Page } from '@playwright/test';

export type LineState =
	'canceled' | 'shipped' | 'ready' | 'partial' | 'backordered' | 'no_shipping';

export type OrderStatus = 'pending' | 'processing' | 'complete' | 'canceled' | 'on_hold';

export interface LineFacts {
	id: string;
	sku: string;
	productId: string;
	warehouseId: string;
	qtyOrdered: number;
	qtyShipped: number;
	qtyCanceled: number;
	qtyInvoiced: number;
	qtyReserved: number;
	requiresShipping: boolean;
	/** A bundle parent: its children ship, and the list shows no chip for it. */
	container: boolean;
	toShip: number;
	state: LineState;
}

export interface OrderFacts {
	id: string;
	/** As the shop gave it: "#1043" or "100000012". */
	number: string;
	/** The number as typed in a search box and shown after "Order #". */
	digits: string;
	status: OrderStatus;
	placedAt: string;
	customerName: string;
	country: string;
	lines: LineFacts[];
	shipments: number;
	invoices: number;
	returns: number;
	/** When the latest shipment left (the return window counts from it). */
	lastShipmentAt: string | null;
	inPreparation: boolean;
}

interface RawLine {
	id: string;
	sku: string;
	productId: string;
	warehouseId: string;
	qtyOrdered: number;
	qtyShipped: number;
	qtyCanceled: number;
	qtyInvoiced: number;
	qtyReserved: number;
	requiresShipping: boolean;
	parentLineId?: string;
}

interface RawOrder {
	id: string;
	number: string;
	status: OrderStatus;
	placedAt: string;
	customer: { name: string };
	shippingAddress: { country: string };
	lines: RawLine[];
	shipments: { createdAt: string }[];
	invoices: unknown[];
	returns: unknown[];
}

function lineState(line: RawLine, toShip: number): LineState {
	if (line.qtyCanceled === line.qtyOrdered) return 'canceled';
	if (!line.requiresShipping) return 'no_shipping';
	if (toShip === 0) return 'shipped';
	if (line.qtyReserved >= toShip) return 'ready';
	if (line.qtyReserved > 0) return 'partial';
	return 'backordered';
}

function toFacts(order: RawOrder, inPreparation: boolean): OrderFacts {
	const parents = new Set(order.lines.map((line) => line.parentLineId).filter(Boolean));
	const lines = order.lines.map((line): LineFacts => {
		const toShip = line.requiresShipping ? line.qtyOrdered - line.qtyShipped - line.qtyCanceled : 0;
		return {
			id: line.id,
			sku: line.sku,
			productId: line.productId,
			warehouseId: line.warehouseId,
			qtyOrdered: line.qtyOrdered,
			qtyShipped: line.qtyShipped,
			qtyCanceled: line.qtyCanceled,
			qtyInvoiced: line.qtyInvoiced,
			qtyReserved: line.qtyReserved,
			requiresShipping: line.requiresShipping,
			container: parents.has(line.id),
			toShip,
			state: lineState(line, toShip)
		};
	});
	const shipped = order.shipments.map((s) => s.createdAt).sort();
	return {
		id: order.id,
		number: order.number,
		digits: order.number.replace(/^#/, ''),
		status: order.status,
		placedAt: order.placedAt,
		customerName: order.customer.name,
		country: order.shippingAddress.country,
		lines,
		shipments: order.shipments.length,
		invoices: order.invoices.length,
		returns: order.returns.length,
		lastShipmentAt: shipped.at(-1) ?? null,
		inPreparation
	};
}

/** Every order on this tablet, oldest number first (a stable order for picking). */
export async function readOrders(page: Page): Promise<OrderFacts[]> {
	const { orders, prepared } = await page.evaluate(async () => {
		const handle = window.__dockside;
		if (!handle) throw new Error('The app did not install window.__dockside');
		const [orders, preparations] = await Promise.all([
			handle.db.orders.toArray(),
			handle.db.preparations.toArray()
		]);
		return {
			orders: JSON.parse(JSON.stringify(orders)) as unknown[],
			prepared: preparations.map((entry) => entry.orderId)
		};
	});
	const inPreparation = new Set(prepared);
	return (orders as RawOrder[])
		.map((order) => toFacts(order, inPreparation.has(order.id)))
		.sort((a, b) => a.digits.localeCompare(b.digits, 'en', { numeric: true }));
}

/** The first order that fits, or a clear failure naming what was looked for. */
export async function findOrder(
	page: Page,
	what: string,
	fits: (order: OrderFacts) => boolean
): Promise<OrderFacts> {
	const found = (await readOrders(page)).find(fits);
	if (!found) throw new Error(`No order on this tablet is ${what}.`);
	return found;
}

/** Lines a person works with: not bundle parents, which never show as chips. */
export function realLines(order: OrderFacts): LineFacts[] {
	return order.lines.filter((line) => !line.container);
}

/** Processing, not in preparation, every line to ship and every one of them fully reserved. */
export function fullyReady(order: OrderFacts): boolean {
	const lines = realLines(order);
	return (
		order.status === 'processing' &&
		!order.inPreparation &&
		lines.length > 0 &&
		lines.every((line) => line.requiresShipping && line.state === 'ready')
	);
}

/** Open to edits: neither complete nor canceled, and not taken into preparation. */
export function editable(order: OrderFacts): boolean {
	return (order.status === 'processing' || order.status === 'pending') && !order.inPreparation;
}

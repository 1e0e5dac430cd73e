// The picking list of a batch (DOMAIN.md, "Pick"): products aggregated and sorted by shelf
// location in natural order (A2 before A10), plus one page per order.
import { compareText } from './plain-data';
import type { Order, PreparationEntry, Product, StockLevel } from './schemas';
import { stockId } from './schemas';

const DIGITS = /^\d+$/;
const CHUNKS = /\d+|\D+/g;

function compareChunk(a: string, b: string): number {
	if (DIGITS.test(a) && DIGITS.test(b)) {
		// By value without parsing (bins can carry long numbers): fewer significant digits first.
		const x = a.replace(/^0+(?=\d)/, '');
		const y = b.replace(/^0+(?=\d)/, '');
		return x.length - y.length || compareText(x, y);
	}
	return compareText(a.toLowerCase(), b.toLowerCase());
}

/**
 * Natural order for shelf locations: digit runs compare by value, text ignores case
 * (A2 < a3 < A10 < B1). Our own comparison rather than Intl.Collator, so every device sorts
 * the same list the same way; ties fall back to code-unit order.
 */
export function naturalCompare(a: string, b: string): number {
	const xs = a.match(CHUNKS) ?? [];
	const ys = b.match(CHUNKS) ?? [];
	for (let i = 0; i < Math.min(xs.length, ys.length); i += 1) {
		const c = compareChunk(xs[i], ys[i]);
		if (c !== 0) return c;
	}
	return xs.length - ys.length || compareText(a, b);
}

/**
 * Shelf order, for the pick screen and the printed picking list alike: locations sort
 * naturally; no location sorts last (the picker looks those up).
 */
export function compareLocations(a: string, b: string): number {
	const x = a.trim();
	const y = b.trim();
	if (x === '' || y === '') return (x === '' ? 1 : 0) - (y === '' ? 1 : 0);
	return naturalCompare(x, y);
}

export interface PickItem {
	productId: string;
	warehouseId: string;
	sku: string;
	name: string;
	barcodes: string[];
	/** Shelf location (bin) in the warehouse; '' when none is set. */
	location: string;
	qty: number;
}

export interface PickRow extends PickItem {
	/** Which orders the units go to. */
	orders: { orderId: string; number: string; qty: number }[];
	/** The same order numbers, as documents/picking-list.ts's PickingItem takes them. */
	orderNumbers: string[];
}

export interface PickPageLine extends PickItem {
	lineId: string;
}

export interface PickPage {
	orderId: string;
	number: string;
	customerName: string;
	shippingMethod: string;
	warehouseId: string;
	lines: PickPageLine[];
	units: number;
}

export interface PickingList {
	rows: PickRow[];
	pages: PickPage[];
	units: number;
}

const byLocation = (a: PickItem, b: PickItem) =>
	compareLocations(a.location, b.location) ||
	naturalCompare(a.sku, b.sku) ||
	compareText(a.productId, b.productId) ||
	compareText(a.warehouseId, b.warehouseId);

/**
 * The picking list of these entries (rows and pages fit documents/picking-list.ts's PickingBatch
 * items and orders as they are): those still to pick (status new or picked; packed and
 * shipped ones are done). Rows are per product and warehouse, pages follow the entries' order.
 * A product the device does not know is listed by the line's SKU and name, without barcodes.
 */
export function pickingList(
	entries: readonly PreparationEntry[],
	orders: readonly Order[],
	products: readonly Product[],
	stockLevels: readonly StockLevel[]
): PickingList {
	const orderById = new Map(orders.map((o) => [o.id, o]));
	const productById = new Map(products.map((p) => [p.id, p]));
	const locationOf = new Map(stockLevels.map((s) => [s.id, s.location]));
	const rows = new Map<string, PickRow>();
	const pages: PickPage[] = [];
	for (const entry of entries) {
		if (entry.status !== 'new' && entry.status !== 'picked') continue;
		const order = orderById.get(entry.orderId);
		if (!order) continue;
		const lines: PickPageLine[] = [];
		for (const taken of entry.lines) {
			const line = order.lines.find((l) => l.id === taken.lineId);
			if (!line || taken.qty <= 0) continue;
			const product = productById.get(line.productId);
			const key = stockId(line.productId, entry.warehouseId);
			const item: PickItem = {
				productId: line.productId,
				warehouseId: entry.warehouseId,
				sku: product?.sku ?? line.sku,
				name: product?.name ?? line.name,
				barcodes: [...(product?.barcodes ?? [])],
				location: locationOf.get(key) ?? '',
				qty: taken.qty
			};
			lines.push({ ...item, lineId: line.id });
			const row = rows.get(key) ?? { ...item, qty: 0, orders: [], orderNumbers: [] };
			row.qty += taken.qty;
			row.orders.push({ orderId: order.id, number: order.number, qty: taken.qty });
			row.orderNumbers.push(order.number);
			rows.set(key, row);
		}
		if (lines.length === 0) continue;
		pages.push({
			orderId: order.id,
			number: order.number,
			customerName: order.shippingAddress.name,
			shippingMethod: order.shippingMethod.label,
			warehouseId: entry.warehouseId,
			lines: lines.sort(byLocation),
			units: lines.reduce((sum, l) => sum + l.qty, 0)
		});
	}
	const sorted = [...rows.values()].sort(byLocation);
	return { rows: sorted, pages, units: sorted.reduce((sum, r) => sum + r.qty, 0) };
}

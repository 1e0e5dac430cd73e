// Reads for the Pick and Pack screens: an operator's batch in one warehouse, an order being
// packed with its products, and the lookups a scan needs. Pure reads through Dexie, so they
// work inside liveQuery and refresh after every action.
import { naturalCompare } from '$lib/domain/picking-list';
import { compareText } from '$lib/domain/plain-data';
import {
	stockId,
	type Order,
	type PreparationEntry,
	type PreparationStatus,
	type Product,
	type StockLevel
} from '$lib/domain/schemas';
import { getDb } from './db';
import { performAll } from './perform-all';
import type { PerformResult } from './perform';
import { fromStoredOrder, fromStoredProduct } from './stored';

export interface BatchEntry {
	entry: PreparationEntry;
	/** Undefined while the order is not on this tablet (a pull still running). */
	order: Order | undefined;
}

/** Entries in the order they were taken (then by order number), as the picking list pages go. */
function byTaken(a: BatchEntry, b: BatchEntry): number {
	return (
		compareText(a.entry.takenAt, b.entry.takenAt) ||
		naturalCompare(a.order?.number ?? '', b.order?.number ?? '') ||
		compareText(a.entry.orderId, b.entry.orderId)
	);
}

/** The operator's entries in the warehouse with one of these statuses, with their orders. */
export async function operatorBatch(
	warehouseId: string,
	operator: string,
	statuses: readonly PreparationStatus[]
): Promise<BatchEntry[]> {
	const db = getDb();
	return db.transaction('r', db.preparations, db.orders, async () => {
		const entries = (
			await db.preparations.where('warehouseId').equals(warehouseId).toArray()
		).filter((e) => e.operator === operator && statuses.includes(e.status));
		const orders = await db.orders.bulkGet(entries.map((e) => e.orderId));
		return entries
			.map((entry, i) => {
				const stored = orders[i];
				return { entry, order: stored && fromStoredOrder(stored) };
			})
			.sort(byTaken);
	});
}

export interface PickData {
	batch: BatchEntry[];
	products: Product[];
	stockLevels: StockLevel[];
}

/** What the picking list of these entries needs: their products and shelf locations. */
export async function pickData(
	warehouseId: string,
	operator: string,
	statuses: readonly PreparationStatus[] = ['new']
): Promise<PickData> {
	const db = getDb();
	return db.transaction('r', db.preparations, db.orders, db.products, db.stock, async () => {
		const batch = await operatorBatch(warehouseId, operator, statuses);
		const productIds = new Set<string>();
		for (const { entry, order } of batch) {
			for (const taken of entry.lines) {
				const line = order?.lines.find((l) => l.id === taken.lineId);
				if (line) productIds.add(line.productId);
			}
		}
		const ids = [...productIds];
		const [products, stockLevels] = await Promise.all([
			db.products.bulkGet(ids),
			db.stock.bulkGet(ids.map((id) => stockId(id, warehouseId)))
		]);
		return {
			batch,
			products: products.flatMap((p) => (p ? [fromStoredProduct(p)] : [])),
			stockLevels: stockLevels.flatMap((s) => (s ? [s] : []))
		};
	});
}

export interface PackData {
	order: Order | undefined;
	entry: PreparationEntry | undefined;
	/** The products of the order's lines (what most scans are). */
	products: Product[];
	/** Shelf locations of the taken lines' products in the entry's warehouse. */
	stockLevels: StockLevel[];
}

export async function packData(orderId: string): Promise<PackData> {
	const db = getDb();
	return db.transaction('r', db.orders, db.preparations, db.products, db.stock, async () => {
		const [stored, entry] = await Promise.all([
			db.orders.get(orderId),
			db.preparations.get(orderId)
		]);
		const order = stored && fromStoredOrder(stored);
		const ids = [...new Set(order?.lines.map((l) => l.productId) ?? [])];
		const [products, stockLevels] = await Promise.all([
			db.products.bulkGet(ids),
			entry ? db.stock.bulkGet(ids.map((id) => stockId(id, entry.warehouseId))) : []
		]);
		return {
			order,
			entry,
			products: products.flatMap((p) => (p ? [fromStoredProduct(p)] : [])),
			stockLevels: stockLevels.flatMap((s) => (s ? [s] : []))
		};
	});
}

/** Products a scanned code names: an exact barcode, or the SKU in any case. */
export async function productsByCode(code: string): Promise<Product[]> {
	const scanned = code.trim();
	if (scanned === '') return [];
	const db = getDb();
	const [byBarcode, bySku] = await Promise.all([
		db.products.where('barcodes').equals(scanned).toArray(),
		db.products.where('sku').equalsIgnoreCase(scanned).toArray()
	]);
	const found = new Map([...byBarcode, ...bySku].map((p) => [p.id, fromStoredProduct(p)]));
	return [...found.values()];
}

/** Orders whose number is the scanned code (an order label encodes the number without "#"). */
export async function ordersByNumber(code: string): Promise<Order[]> {
	const digits = code.trim().replace(/^#/, '');
	if (digits === '') return [];
	const stored = await getDb()
		.orders.where('number')
		.anyOf([digits, `#${digits}`])
		.toArray();
	return stored.map(fromStoredOrder);
}

/**
 * Replaces a line taken into preparation by another product. The rules refuse to replace a
 * line being prepared, so the order leaves preparation, the line is replaced, and the order is
 * taken again in the same warehouse (its reserved units, the new line's included when stock
 * is reserved for it): three mutations, applied locally all together or not at all.
 */
export function substituteInPreparation(args: {
	orderId: string;
	warehouseId: string;
	lineId: string;
	sku: string;
	newLineId: string;
}): Promise<PerformResult> {
	const { orderId, warehouseId, lineId, sku, newLineId } = args;
	return performAll([
		{ name: 'preparation.remove', args: { orderId } },
		{ name: 'order.replaceLine', args: { orderId, lineId, sku, newLineId } },
		{ name: 'preparation.add', args: { warehouseId, orderIds: [orderId] } }
	]);
}

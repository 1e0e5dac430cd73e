// Order preparation (DOMAIN.md, "Order preparation"): which tab an order sits in per warehouse,
// what taking an order into preparation takes, who may take it, and batch selection. Pure
// functions of the records; the actions in actions/preparation-*.ts and the screens share them.
import { z } from 'zod';
import { toShip } from './line-rules';
import { compareText } from './plain-data';
import { orderLabel, reject, type Rejection } from './rejection';
import type { LineQty, Order, OrderLine, PreparationEntry, Warehouse } from './schemas';

export type PreparationTab = 'in_stock' | 'partial' | 'backorder' | 'on_hold' | 'in_progress';

export const PREPARATION_TAB_LABELS: Record<PreparationTab, string> = {
	in_stock: 'In stock',
	partial: 'Partial',
	backorder: 'Backorder',
	on_hold: 'On hold',
	in_progress: 'In progress'
};

/** Packed or shipped: the parcel is closed (the same test as actions/guards isPacked). */
function parcelClosed(entry: PreparationEntry): boolean {
	return entry.status === 'packed' || entry.status === 'shipped';
}

/**
 * An entry still holds its order while it is not shipped. A shipped entry only waits for
 * preparation.flush: it shows in In progress, but it never stops anyone taking the order again.
 */
export function isLiveEntry(entry: PreparationEntry | undefined): entry is PreparationEntry {
	return entry !== undefined && entry.status !== 'shipped';
}

/** The lines this order still has to ship from the warehouse. */
export function linesToShipFrom(order: Order, warehouseId: string): OrderLine[] {
	return order.lines.filter((line) => line.warehouseId === warehouseId && toShip(line) > 0);
}

/**
 * The tab of the order in this warehouse's preparation screen, or null when it has nothing to do
 * there (closed, nothing to ship from here, or being prepared in another warehouse).
 * `entry` is the order's preparation entry, wherever it is.
 */
export function preparationTab(
	order: Order,
	warehouseId: string,
	entry?: PreparationEntry
): PreparationTab | null {
	if (entry?.warehouseId === warehouseId) return 'in_progress';
	if (isLiveEntry(entry)) return null;
	if (order.status === 'complete' || order.status === 'canceled') return null;
	const lines = linesToShipFrom(order, warehouseId);
	if (lines.length === 0) return null;
	if (order.status === 'on_hold' || order.status === 'pending') return 'on_hold';
	if (lines.every((line) => line.qtyReserved >= toShip(line))) return 'in_stock';
	if (lines.some((line) => line.qtyReserved > 0)) return 'partial';
	return 'backorder';
}

/** What taking the order into preparation in this warehouse takes: reserved units only. */
export function takeableLines(order: Order, warehouseId: string): LineQty[] {
	return linesToShipFrom(order, warehouseId)
		.map((line) => ({ lineId: line.id, qty: Math.min(line.qtyReserved, toShip(line)) }))
		.filter((taken) => taken.qty > 0);
}

/** Units taken of a line (0 when the entry does not list it). */
export function takenQty(entry: PreparationEntry, lineId: string): number {
	return entry.lines.find((l) => l.lineId === lineId)?.qty ?? 0;
}

function warehouseName(warehouses: readonly Warehouse[], id: string): string {
	return warehouses.find((w) => w.id === id)?.name ?? id;
}

/**
 * Why this actor cannot take the order into preparation in this warehouse, or null. The same
 * answer the preparation.add rule gives, so the screen can grey out what would be refused.
 */
export function takeRefusal(
	order: Order,
	warehouse: Warehouse,
	entry: PreparationEntry | undefined,
	actor: string,
	warehouses: readonly Warehouse[] = [warehouse]
): Rejection | null {
	const label = orderLabel(order);
	if (isLiveEntry(entry)) {
		const where =
			entry.warehouseId === warehouse.id
				? ''
				: ` in ${warehouseName(warehouses, entry.warehouseId)}`;
		return entry.operator === actor
			? reject('already_taken', `${label} is already in your preparation${where}.`)
			: reject(
					'taken_by_other',
					`${label} is already being prepared by ${entry.operator}${where}.`
				);
	}
	switch (order.status) {
		case 'pending':
			return reject('not_allowed_status', `${label} is pending: it can be prepared once paid.`);
		case 'on_hold':
			return reject('not_allowed_status', `${label} is on hold: release it before preparing it.`);
		case 'complete':
		case 'canceled':
			return reject('not_allowed_status', `${label} is ${order.status}: nothing to prepare.`);
	}
	if (!warehouse.enabled || warehouse.fulfillment === 'none') {
		return reject('warehouse_cannot_ship', `Warehouse ${warehouse.name} does not ship orders.`);
	}
	if (takeableLines(order, warehouse.id).length === 0) {
		return reject(
			'nothing_to_ship',
			`${label}: nothing to ship from this warehouse (${warehouse.name}); nothing is reserved there.`
		);
	}
	return null;
}

/**
 * After the reservation ran, an entry that is not packed yet cannot hold more than its lines
 * have reserved (stock fell: lines in preparation are released last, but they are released).
 * Returns null when nothing changes; else the cut entry (undefined when nothing is left: the
 * entry goes) and a summary for the timeline. Scan counts are cut with the taken quantities.
 */
export function fitToReservation(
	entry: PreparationEntry,
	order: Order
): { entry: PreparationEntry | undefined; summary: string } | null {
	if (parcelClosed(entry)) return null;
	const reserved = new Map(order.lines.map((line) => [line.id, line]));
	const cuts: string[] = [];
	const lines: LineQty[] = [];
	for (const taken of entry.lines) {
		const line = reserved.get(taken.lineId);
		const qty = Math.min(taken.qty, line?.qtyReserved ?? 0);
		if (qty < taken.qty) {
			cuts.push(
				`${line ? (line.sku !== '' ? line.sku : line.name) : taken.lineId} ${taken.qty} → ${qty}`
			);
		}
		if (qty > 0) lines.push({ lineId: taken.lineId, qty });
	}
	if (cuts.length === 0) return null;
	const summary = `Stock fell short: preparation cut (${cuts.join(', ')}).`;
	if (lines.length === 0) {
		return { entry: undefined, summary: `${summary} Nothing left to prepare; taken out.` };
	}
	const packed: Record<string, number> = {};
	for (const { lineId, qty } of lines) {
		const count = entry.packed[lineId];
		if (count !== undefined) packed[lineId] = Math.min(count, qty);
	}
	return { entry: { ...entry, lines, packed }, summary };
}

// ---------------------------------------------------------------- batches

const OneOrMany = z.union([z.string().min(1).max(120), z.array(z.string().min(1).max(120)).min(1)]);

/** A batch rule (DOMAIN.md: warehouse, shop, shipping method, country, product count, max orders). */
export const BatchRules = z.object({
	warehouseId: z.string().min(1),
	shopId: OneOrMany.optional(),
	/** Shipping method code(s). */
	shippingMethod: OneOrMany.optional(),
	/** Shipping country code(s) (ISO 3166). */
	country: OneOrMany.optional(),
	/** Units the order would take here: exactly n, or a range. */
	productCount: z
		.union([
			z.int().min(1),
			z.object({ min: z.int().min(1).optional(), max: z.int().min(1).optional() })
		])
		.optional(),
	maxOrders: z.int().min(1).max(500)
});
export type BatchRules = z.infer<typeof BatchRules>;

const matches = (rule: string | string[] | undefined, value: string) =>
	rule === undefined || (typeof rule === 'string' ? rule === value : rule.includes(value));

function countMatches(rule: BatchRules['productCount'], units: number): boolean {
	if (rule === undefined) return true;
	if (typeof rule === 'number') return units === rule;
	return units >= (rule.min ?? 1) && units <= (rule.max ?? Infinity);
}

/**
 * The orders a batch rule takes: in the In stock or Partial tab of the warehouse (something
 * reserved there, not taken), matching every given condition, oldest first (placed-at, then
 * id: the reservation's order), at most maxOrders.
 */
export function selectBatch(
	orders: readonly Order[],
	rules: BatchRules,
	preparations: readonly PreparationEntry[] = []
): Order[] {
	const entries = new Map(preparations.map((e) => [e.orderId, e]));
	const units = (order: Order) =>
		takeableLines(order, rules.warehouseId).reduce((sum, l) => sum + l.qty, 0);
	return orders
		.filter((order) => {
			const tab = preparationTab(order, rules.warehouseId, entries.get(order.id));
			return (
				(tab === 'in_stock' || tab === 'partial') &&
				matches(rules.shopId, order.shopId) &&
				matches(rules.shippingMethod, order.shippingMethod.code) &&
				matches(rules.country, order.shippingAddress.country) &&
				countMatches(rules.productCount, units(order))
			);
		})
		.sort((a, b) => Date.parse(a.placedAt) - Date.parse(b.placedAt) || compareText(a.id, b.id))
		.slice(0, rules.maxOrders);
}

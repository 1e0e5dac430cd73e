// Deterministic stock reservation for one product in one warehouse (DOMAIN.md, "Stock").
// A pure function of the current records, so the browser and the server, replaying the same
// mutations, reserve the same units.
import { toShip } from './line-rules';
import { compareText } from './plain-data';
import type {
	Order,
	OrderLine,
	PreparationEntry,
	Settings,
	StockLevel,
	Warehouse
} from './schemas';
import { stockId } from './schemas';
import { deriveStatus } from './status';

export function available(stock: Pick<StockLevel, 'physical' | 'toShip'>): number {
	return Math.max(0, stock.physical - stock.toShip);
}

export function reservable(stock: Pick<StockLevel, 'physical' | 'reserved'>): number {
	return Math.max(0, stock.physical - stock.reserved);
}

/**
 * The quantity pushed to the shops for one product: what enabled "use for sales" warehouses
 * hold beyond what they still have to ship. Never on-hand quantity: that oversells.
 */
export function sellableQuantity(
	productId: string,
	levels: readonly StockLevel[],
	warehouses: readonly Warehouse[]
): number {
	const selling = new Set(warehouses.filter((w) => w.useForSales && w.enabled).map((w) => w.id));
	let total = 0;
	for (const level of levels) {
		if (level.productId === productId && selling.has(level.warehouseId)) total += available(level);
	}
	return total;
}

/** The stock keys an order still has work in: the local store indexes them. */
export function openStockKeys(order: Order): string[] {
	const keys = new Set<string>();
	for (const line of order.lines) {
		if (toShip(line) > 0 || line.qtyReserved > 0)
			keys.add(stockId(line.productId, line.warehouseId));
	}
	return [...keys].sort();
}

export function newStockLevel(productId: string, warehouseId: string): StockLevel {
	return {
		id: stockId(productId, warehouseId),
		productId,
		warehouseId,
		physical: 0,
		reserved: 0,
		toShip: 0,
		location: ''
	};
}

export interface PairInput {
	productId: string;
	warehouseId: string;
	stock: StockLevel | undefined;
	/** Orders with lines of this pair; lines of other pairs are left as they are. */
	orders: readonly Order[];
	/** Preparation entries of those orders (others are ignored). */
	preparations: readonly PreparationEntry[];
	settings: Settings;
}

export interface PairResult {
	/** The input orders whose lines of the pair got a new qtyReserved, updated. */
	orders: Order[];
	/** The stock row with reserved and toShip recomputed; undefined when none exists and none is needed. */
	stock: StockLevel | undefined;
}

interface Candidate {
	order: Order;
	line: OrderLine;
	remaining: number;
	placedMs: number;
	inPreparation: boolean;
	/** keep: holds what it has, gets no more; reserve: takes free stock oldest first; none: 0. */
	mode: 'keep' | 'reserve' | 'none';
}

/** Oldest order first: placed-at in UTC milliseconds, then order id, then line id. */
function oldestFirst(a: Candidate, b: Candidate): number {
	return (
		a.placedMs - b.placedMs ||
		compareText(a.order.id, b.order.id) ||
		compareText(a.line.id, b.line.id)
	);
}

function modeOf(order: Order, inPreparation: boolean, settings: Settings): Candidate['mode'] {
	// Lines taken into preparation keep what they hold whatever happened to the order since
	// (a shop-conflict hold flags the entry but the units are already in a tote).
	if (inPreparation) return 'keep';
	switch (deriveStatus(order)) {
		case 'processing':
			return 'reserve';
		case 'pending':
			return settings.reserveUnpaidOrders ? 'reserve' : 'none';
		case 'on_hold':
			return settings.holdingReleasesStock ? 'none' : 'keep';
		default:
			return 'none';
	}
}

/** New qtyReserved per line of the pair, keyed `${orderId}\n${lineId}`. */
export function computePairReservation(input: PairInput): Map<string, number> {
	const takenLines = new Map<string, Set<string>>();
	for (const entry of input.preparations) {
		takenLines.set(
			entry.orderId,
			new Set(entry.lines.filter((l) => l.qty > 0).map((l) => l.lineId))
		);
	}
	const candidates: Candidate[] = [];
	const seen = new Set<string>();
	for (const order of input.orders) {
		if (seen.has(order.id)) continue;
		seen.add(order.id);
		for (const line of order.lines) {
			if (line.productId !== input.productId || line.warehouseId !== input.warehouseId) continue;
			const remaining = toShip(line);
			const inPreparation = takenLines.get(order.id)?.has(line.id) ?? false;
			candidates.push({
				order,
				line,
				remaining,
				placedMs: Date.parse(order.placedAt),
				inPreparation,
				mode: remaining === 0 ? 'none' : modeOf(order, inPreparation, input.settings)
			});
		}
	}
	candidates.sort(oldestFirst);

	const result = new Map<string, number>();
	const key = (c: Candidate) => `${c.order.id}\n${c.line.id}`;
	for (const c of candidates) result.set(key(c), 0);

	let free = Math.max(0, input.stock?.physical ?? 0);
	const keepers = candidates.filter((c) => c.mode === 'keep');
	let kept = 0;
	for (const c of keepers) {
		const held = Math.min(Math.max(0, c.line.qtyReserved), c.remaining);
		result.set(key(c), held);
		kept += held;
	}
	if (kept > free) {
		// Stock fell below what is held: release newest lines first, lines in preparation last.
		const releaseOrder = [
			...keepers.filter((c) => !c.inPreparation).reverse(),
			...keepers.filter((c) => c.inPreparation).reverse()
		];
		for (const c of releaseOrder) {
			if (kept <= free) break;
			const held = result.get(key(c)) ?? 0;
			const release = Math.min(held, kept - free);
			result.set(key(c), held - release);
			kept -= release;
		}
	}
	free -= kept;
	for (const c of candidates) {
		if (c.mode !== 'reserve') continue;
		const take = Math.min(c.remaining, free);
		result.set(key(c), take);
		free -= take;
	}
	return result;
}

/** Runs the reservation of one pair and returns the records it changes. */
export function reservePair(input: PairInput): PairResult {
	const reserved = computePairReservation(input);
	const changed: Order[] = [];
	const seen = new Set<string>();
	let sumReserved = 0;
	let sumToShip = 0;
	for (const order of input.orders) {
		if (seen.has(order.id)) continue;
		seen.add(order.id);
		let touched = false;
		const lines = order.lines.map((line) => {
			const qty = reserved.get(`${order.id}\n${line.id}`);
			if (qty === undefined) return line;
			sumReserved += qty;
			sumToShip += toShip(line);
			if (qty === line.qtyReserved) return line;
			touched = true;
			return { ...line, qtyReserved: qty };
		});
		if (touched) changed.push({ ...order, lines });
	}
	let stock = input.stock;
	if (stock === undefined && (sumReserved > 0 || sumToShip > 0)) {
		stock = newStockLevel(input.productId, input.warehouseId);
	}
	if (stock !== undefined && (stock.reserved !== sumReserved || stock.toShip !== sumToShip)) {
		stock = { ...stock, reserved: sumReserved, toShip: sumToShip };
	}
	return { orders: changed, stock };
}

/**
 * The same reservation for every (product, warehouse) pair at once, for seeding and imports.
 * Equal to running reservePair on each pair (each pair only touches its own lines).
 */
export function reserveAll(
	orders: readonly Order[],
	stockLevels: readonly StockLevel[],
	preparations: readonly PreparationEntry[],
	settings: Settings
): { orders: Order[]; stock: StockLevel[] } {
	const current = new Map<string, Order>();
	for (const order of orders) current.set(order.id, order);
	const prepByOrder = new Map<string, PreparationEntry>();
	for (const entry of preparations) prepByOrder.set(entry.orderId, entry);
	const stockById = new Map<string, StockLevel>();
	for (const level of stockLevels) stockById.set(level.id, level);

	const pairs = new Map<
		string,
		{ productId: string; warehouseId: string; orderIds: Set<string> }
	>();
	const pairOf = (productId: string, warehouseId: string) => {
		const id = stockId(productId, warehouseId);
		let pair = pairs.get(id);
		if (!pair) {
			pair = { productId, warehouseId, orderIds: new Set() };
			pairs.set(id, pair);
		}
		return pair;
	};
	for (const level of stockLevels) pairOf(level.productId, level.warehouseId);
	for (const order of current.values()) {
		for (const line of order.lines) pairOf(line.productId, line.warehouseId).orderIds.add(order.id);
	}

	const stockOut = new Map<string, StockLevel>(stockById);
	for (const id of [...pairs.keys()].sort(compareText)) {
		const pair = pairs.get(id)!;
		const pairOrders = [...pair.orderIds].map((orderId) => current.get(orderId)!);
		const result = reservePair({
			productId: pair.productId,
			warehouseId: pair.warehouseId,
			stock: stockById.get(id),
			orders: pairOrders,
			preparations: pairOrders.flatMap((o) => prepByOrder.get(o.id) ?? []),
			settings
		});
		for (const order of result.orders) current.set(order.id, order);
		if (result.stock) stockOut.set(id, result.stock);
	}
	return { orders: orders.map((o) => current.get(o.id)!), stock: [...stockOut.values()] };
}

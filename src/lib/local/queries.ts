// The read side for screens. Pure reads through Dexie (so they work inside liveQuery and refresh
// after an action), fast on 100,000 orders: answered from indexes, with primary-key sets where
// no single index covers a query, and never all orders loaded at once.
import { Dexie, type Collection } from 'dexie';
import {
	DEFAULT_SETTINGS,
	ORDER_STATUSES,
	stockId,
	type Movement,
	type Order,
	type OrderStatus,
	type PreparationEntry,
	type Product,
	type Settings,
	type Shop,
	type StockLevel,
	type TimelineEvent,
	type Warehouse
} from '$lib/domain/schemas';
import { available } from '$lib/domain/reservation';
import { SETTINGS_ID, getDb, type DocksideDB, type StoredOrder } from './db';
import { ANY_WAREHOUSE } from './order-counts';
import {
	compareOrders,
	isDescending,
	normalizeQuery,
	orderMatches,
	type NormalizedQuery,
	type OrderListQuery,
	type OrderTab
} from './order-filter';
import { ORDER_CSV_HEADER, csvRow, orderCsvRow } from './orders-csv';
import { searchTerms } from './search';
import { fromSettingsRow, fromStoredOrder, fromStoredProduct } from './stored';

export type { OrderListQuery, OrderSort, OrderTab } from './order-filter';

export const queryTuning = {
	/**
	 * Up to this many candidate orders (after the key-set filters), the records are read and
	 * sorted in memory; above it the sort index's keys are walked instead. Reading a record costs
	 * several times a key, so this stays well below a table's size. Tests lower it to drive both
	 * paths over the same data.
	 */
	candidateLimit: 10_000,
	/** A page with record filters first walks at most this many records of the sort index. */
	scanBudget: 3000
};
/** Orders fetched per bulkGet when streaming keys into records. */
const FETCH_CHUNK = 500;

const MIN = Dexie.minKey;
const MAX = Dexie.maxKey;

type OrderCollection = Collection<StoredOrder, string>;

/** Filters that the chosen sort index does not cover, answered as primary-key sets. */
interface Uncovered {
	shopId?: string;
	dates?: { from: unknown; to: unknown };
	warehouseId?: string;
	terms: string[];
}

/** Sort value bounds, inclusive unless open; an undefined bound stays the query's own. */
interface SortBounds {
	low?: unknown;
	high?: unknown;
	lowOpen?: boolean;
	highOpen?: boolean;
}

interface Plan {
	/** The sort index range, ascending. */
	source: (db: DocksideDB) => OrderCollection;
	/** The same range narrowed to sort values (placing time or total): for paging from a row. */
	within: (db: DocksideDB, bounds?: SortBounds) => OrderCollection;
	descending: boolean;
	uncovered: Uncovered;
}

function hasUncovered(u: Uncovered): boolean {
	return (
		u.shopId !== undefined ||
		u.dates !== undefined ||
		u.warehouseId !== undefined ||
		u.terms.length > 0
	);
}

/** Picks the index that gives the sort order and covers as many filters as it can. */
function plan(q: NormalizedQuery): Plan {
	const from = q.from ?? MIN;
	const to = q.to ?? MAX;
	const descending = isDescending(q.sort);
	const common = { warehouseId: q.warehouseId, terms: q.terms };
	const datesUncovered = q.from !== undefined || q.to !== undefined ? { from, to } : undefined;
	const ranged = (within: Plan['within'], uncovered: Uncovered): Plan => ({
		source: (db) => within(db),
		within,
		descending,
		uncovered
	});
	// The query's own bounds of the sort value, and whether each end is included.
	const bounds = (b: SortBounds, low: unknown, high: unknown) =>
		[b.low ?? low, b.high ?? high, !b.lowOpen, !b.highOpen] as const;
	if (q.sort === 'date_desc' || q.sort === 'date_asc') {
		if (q.tab === 'all') {
			return ranged(
				(db, b = {}) => {
					const [low, high, withLow, withHigh] = bounds(b, from, to);
					return db.orders.where('placedAt').between(low, high, withLow, withHigh);
				},
				{ ...common, shopId: q.shopId }
			);
		}
		const status = q.tab;
		if (q.shopId !== undefined) {
			const shopId = q.shopId;
			return ranged((db, b = {}) => {
				const [low, high, withLow, withHigh] = bounds(b, from, to);
				return db.orders
					.where('[shopId+status+placedAt]')
					.between([shopId, status, low], [shopId, status, high], withLow, withHigh);
			}, common);
		}
		return ranged(
			(db, b = {}) => {
				const [low, high, withLow, withHigh] = bounds(b, from, to);
				return db.orders
					.where('[status+placedAt]')
					.between([status, low], [status, high], withLow, withHigh);
			},
			{ ...common, shopId: q.shopId }
		);
	}
	if (q.tab === 'all') {
		return ranged(
			(db, b) => {
				if (!b) return db.orders.orderBy('grandTotal');
				const [low, high, withLow, withHigh] = bounds(b, MIN, MAX);
				return db.orders.where('grandTotal').between(low, high, withLow, withHigh);
			},
			{ ...common, shopId: q.shopId, dates: datesUncovered }
		);
	}
	const status = q.tab;
	return ranged(
		(db, b = {}) => {
			const [low, high, withLow, withHigh] = bounds(b, MIN, MAX);
			return db.orders
				.where('[status+grandTotal]')
				.between([status, low], [status, high], withLow, withHigh);
		},
		{ ...common, shopId: q.shopId, dates: datesUncovered }
	);
}

async function keySet(collection: OrderCollection): Promise<Set<string>> {
	return new Set(await collection.primaryKeys());
}

function intersect(sets: Set<string>[]): Set<string> {
	const [smallest, ...others] = [...sets].sort((a, b) => a.size - b.size);
	if (!smallest) throw new Error('intersect() needs at least one set');
	if (others.length === 0) return smallest;
	const result = new Set<string>();
	for (const key of smallest) if (others.every((set) => set.has(key))) result.add(key);
	return result;
}

/** Orders whose search words start with every term (multiEntry index, one key range per term). */
async function searchKeys(db: DocksideDB, terms: string[]): Promise<Set<string>> {
	const sets = await Promise.all(
		terms.map((term) => keySet(db.orders.where('searchWords').startsWith(term)))
	);
	return intersect(sets);
}

/** Key sets of the uncovered filters other than search (each one index range, keys only). */
async function filterKeySets(db: DocksideDB, u: Uncovered): Promise<Set<string>[]> {
	const reads: Promise<Set<string>>[] = [];
	if (u.warehouseId !== undefined) {
		reads.push(keySet(db.orders.where('warehouseIds').equals(u.warehouseId)));
	}
	if (u.shopId !== undefined) {
		// [shopId] sorts before every [shopId, …] key and [shopId, MAX] after them. (MAX twice in
		// one key would be the same array object twice, which IndexedDB refuses.)
		reads.push(
			keySet(
				db.orders.where('[shopId+status+placedAt]').between([u.shopId], [u.shopId, MAX], true, true)
			)
		);
	}
	if (u.dates !== undefined) {
		reads.push(keySet(db.orders.where('placedAt').between(u.dates.from, u.dates.to, true, true)));
	}
	return Promise.all(reads);
}

async function fetchOrders(db: DocksideDB, ids: readonly string[]): Promise<StoredOrder[]> {
	const found = await db.orders.bulkGet(ids as string[]);
	return found.filter((order): order is StoredOrder => order !== undefined);
}

/**
 * The candidate records, unsorted and not yet filtered. One search term: a single getAll over
 * its index range (much cheaper than a get per key); else a get per candidate.
 */
async function loadCandidates(
	db: DocksideDB,
	candidates: Set<string>,
	singleTerm?: string
): Promise<StoredOrder[]> {
	if (singleTerm === undefined) return fetchOrders(db, [...candidates]);
	const found = await db.orders.where('searchWords').startsWith(singleTerm).toArray();
	// An order with two words starting with the term comes twice.
	const byId = new Map(found.map((order) => [order.id, order]));
	return [...byId.values()];
}

/** The keys of the sort index's range, in list order, that are in `allowed`. */
async function scanKeys(p: Plan, db: DocksideDB, allowed: Set<string>): Promise<string[]> {
	const keys = (await p.source(db).primaryKeys()).filter((key) => allowed.has(key));
	// Walking the index ascending and reversing gives exactly the 'prev' cursor order.
	return p.descending ? keys.reverse() : keys;
}

type Narrowed =
	/** Every match, read and filtered by the whole query, not sorted. */
	| { kind: 'records'; orders: StoredOrder[] }
	/** Too many to read: the keys that pass the uncovered filters. */
	| { kind: 'allowed'; allowed: Set<string> };

/**
 * Applies the uncovered filters. Search goes first: when it is selective, the other (usually
 * large) key sets are not read at all, and a few thousand candidates are read as records.
 */
async function narrow(
	db: DocksideDB,
	q: NormalizedQuery,
	u: Uncovered,
	searched?: Set<string>
): Promise<Narrowed> {
	const matching = (orders: StoredOrder[]): Narrowed => ({
		kind: 'records',
		orders: orders.filter((order) => orderMatches(order, q))
	});
	const found = u.terms.length > 0 ? (searched ?? (await searchKeys(db, u.terms))) : undefined;
	if (found && found.size <= queryTuning.candidateLimit) {
		return matching(await loadCandidates(db, found, u.terms.length === 1 ? u.terms[0] : undefined));
	}
	const allowed = intersect([...(found ? [found] : []), ...(await filterKeySets(db, u))]);
	if (allowed.size <= queryTuning.candidateLimit) {
		return matching(await loadCandidates(db, allowed));
	}
	return { kind: 'allowed', allowed };
}

type Resolved = { kind: 'records'; orders: StoredOrder[] } | { kind: 'keys'; keys: string[] };

/** Every order of a query that has uncovered filters, in list order: as records (few) or keys. */
async function resolve(
	db: DocksideDB,
	q: NormalizedQuery,
	p: Plan,
	searched?: Set<string>,
	signal?: AbortSignal
): Promise<Resolved> {
	const narrowed = await narrow(db, q, p.uncovered, searched);
	// Before the longest step: walking the whole sort index.
	signal?.throwIfAborted();
	if (narrowed.kind === 'records') {
		return { kind: 'records', orders: narrowed.orders.sort(compareOrders(q.sort)) };
	}
	return { kind: 'keys', keys: await scanKeys(p, db, narrowed.allowed) };
}

function directRange(p: Plan, db: DocksideDB): OrderCollection {
	const collection = p.source(db);
	return p.descending ? collection.reverse() : collection;
}

/**
 * The first `wanted` matches, walking the sort index's records with the query as a filter, but
 * no more than queryTuning.scanBudget records: cheap when matches are common (a shop, a big
 * warehouse). Undefined when the budget ran out first.
 */
async function boundedScan(
	p: Plan,
	db: DocksideDB,
	q: NormalizedQuery,
	wanted: number
): Promise<StoredOrder[] | undefined> {
	const found: StoredOrder[] = [];
	let scanned = 0;
	let outOfBudget = false;
	await directRange(p, db)
		.until(() => {
			if (found.length >= wanted) return true;
			if (scanned >= queryTuning.scanBudget) return (outOfBudget = true);
			scanned += 1;
			return false;
		})
		.each((order) => {
			if (orderMatches(order, q)) found.push(order);
		});
	return outOfBudget ? undefined : found;
}

// ---------------------------------------------------------------- order list

/**
 * How many orders each tab would show with these filters. Without dates and search it reads the
 * kept counts (order-counts.ts), not the orders.
 */
export async function countByTab(
	query: Omit<OrderListQuery, 'tab' | 'sort'>
): Promise<Record<OrderTab, number>> {
	const db = getDb();
	const q = normalizeQuery({ ...query, tab: 'all', sort: 'date_desc' });
	return db.transaction('r', db.orders, db.orderCounts, async () => {
		const counts = Object.fromEntries(ORDER_STATUSES.map((s) => [s, 0])) as Record<
			OrderStatus,
			number
		>;
		const total = () => ({
			...counts,
			all: ORDER_STATUSES.reduce((sum, status) => sum + counts[status], 0)
		});
		if (q.terms.length === 0 && q.from === undefined && q.to === undefined) {
			const warehouseId = q.warehouseId ?? ANY_WAREHOUSE;
			for (const row of await db.orderCounts.toArray()) {
				if (row.warehouseId !== warehouseId) continue;
				if (q.shopId === undefined || row.shopId === q.shopId) counts[row.status] += row.count;
			}
			return total();
		}
		const onlyShop = q.warehouseId === undefined && q.terms.length === 0;
		const from = q.from ?? MIN;
		const to = q.to ?? MAX;
		const perStatus = (status: OrderStatus): OrderCollection =>
			q.shopId !== undefined
				? db.orders
						.where('[shopId+status+placedAt]')
						.between([q.shopId, status, from], [q.shopId, status, to], true, true)
				: db.orders.where('[status+placedAt]').between([status, from], [status, to], true, true);
		if (onlyShop) {
			// Shop, dates and status are all in one index: native counts.
			const values = await Promise.all(ORDER_STATUSES.map((status) => perStatus(status).count()));
			ORDER_STATUSES.forEach((status, i) => (counts[status] = values[i]));
			return total();
		}
		const narrowed = await narrow(db, q, { warehouseId: q.warehouseId, terms: q.terms });
		if (narrowed.kind === 'records') {
			for (const order of narrowed.orders) counts[order.status] += 1;
			return total();
		}
		const { allowed } = narrowed;
		const keys = await Promise.all(ORDER_STATUSES.map((status) => perStatus(status).primaryKeys()));
		ORDER_STATUSES.forEach(
			(status, i) => (counts[status] = keys[i].filter((key) => allowed.has(key)).length)
		);
		return total();
	});
}

/**
 * How many orders the list shows: with listOrderPage windows, a virtual list can show 100,000
 * rows without reading their ids (read from the kept counts when there are no dates or search).
 */
export async function countOrders(query: Omit<OrderListQuery, 'sort'>): Promise<number> {
	const { tab, ...filters } = query;
	return (await countByTab(filters))[tab];
}

/**
 * One page of the list. Without filters beyond tab, shop and dates it is one index range read
 * with offset and limit (the first page of a tab costs `limit` records).
 */
export async function listOrderPage(
	query: OrderListQuery,
	offset: number,
	limit: number
): Promise<Order[]> {
	const db = getDb();
	const q = normalizeQuery(query);
	const p = plan(q);
	return db.transaction('r', db.orders, async () => {
		if (!hasUncovered(p.uncovered)) {
			const page = await directRange(p, db).offset(offset).limit(limit).toArray();
			return page.map(fromStoredOrder);
		}
		const slice = (orders: StoredOrder[]) =>
			orders.slice(offset, offset + limit).map(fromStoredOrder);
		const { terms } = p.uncovered;
		const searched = terms.length > 0 ? await searchKeys(db, terms) : undefined;
		const nearTheTop = offset + limit <= queryTuning.scanBudget;
		if (nearTheTop && (!searched || searched.size > queryTuning.candidateLimit)) {
			const scanned = await boundedScan(p, db, q, offset + limit);
			if (scanned) return slice(scanned);
		}
		const resolved = await resolve(db, q, p, searched);
		if (resolved.kind === 'records') return slice(resolved.orders);
		const page = await fetchOrders(db, resolved.keys.slice(offset, offset + limit));
		return page.map(fromStoredOrder);
	});
}

/** The row a keyset page starts from: its sort values and id. */
export type PageAnchor = Pick<Order, 'id' | 'placedAt' | 'grandTotal'>;

/** Where a keyset page lies: after the anchor, from it (the anchor first), or before it. */
export type PageDirection = 'after' | 'from' | 'before';

/** An index-paged query's plan, or an error for one that has no single index order. */
function indexPlan(q: NormalizedQuery, caller: string): Plan {
	const p = plan(q);
	if (hasUncovered(p.uncovered)) throw new Error(`${caller}: this query has no index order`);
	return p;
}

/**
 * The `limit` rows next to `anchor` in list order, `skip` rows away from it, for a query that
 * pages by index (orderListPaging). One index range read from the anchor's sort value: it walks
 * only the `skip` rows, however deep the anchor is, where an offset walks every row above it.
 * Rows before the anchor come in list order too.
 */
export async function listOrderPageFrom(
	query: OrderListQuery,
	anchor: PageAnchor,
	direction: PageDirection,
	limit: number,
	skip = 0
): Promise<Order[]> {
	const db = getDb();
	const q = normalizeQuery(query);
	const p = indexPlan(q, 'listOrderPageFrom');
	const byDate = q.sort === 'date_desc' || q.sort === 'date_asc';
	const value = byDate ? anchor.placedAt : anchor.grandTotal;
	// Walking the index upwards (ascending) or downwards from the anchor's value.
	const upwards = p.descending === (direction === 'before');
	const walk = (collection: OrderCollection) => (upwards ? collection : collection.reverse());
	return db.transaction('r', db.orders, async () => {
		// Rows with the anchor's own sort value are ordered by id: those beyond the anchor first.
		const tied = await walk(p.within(db, { low: value, high: value })).primaryKeys();
		const beyond = tied.filter(
			(id) =>
				(direction === 'from' && id === anchor.id) || (upwards ? id > anchor.id : id < anchor.id)
		);
		const fromTies = await fetchOrders(db, beyond.slice(skip, skip + limit));
		const rest = limit - fromTies.length;
		let further: StoredOrder[] = [];
		if (rest > 0) {
			// A plain range (no filter), so IndexedDB skips with advance() and reads `rest` records.
			const past = upwards ? { low: value, lowOpen: true } : { high: value, highOpen: true };
			further = await walk(p.within(db, past))
				.offset(Math.max(0, skip - beyond.length))
				.limit(rest)
				.toArray();
		}
		const page = [...fromTies, ...further].map(fromStoredOrder);
		return direction === 'before' ? page.reverse() : page;
	});
}

/**
 * The `limit` rows that end `fromEnd` rows before the end of the list, in list order, for a query
 * that pages by index: a position near the end costs what one near the top does.
 */
export async function listOrderPageFromEnd(
	query: OrderListQuery,
	fromEnd: number,
	limit: number
): Promise<Order[]> {
	const db = getDb();
	const p = indexPlan(normalizeQuery(query), 'listOrderPageFromEnd');
	return db.transaction('r', db.orders, async () => {
		const backwards = p.descending ? p.source(db) : p.source(db).reverse();
		const page = await backwards.offset(fromEnd).limit(limit).toArray();
		return page.reverse().map(fromStoredOrder);
	});
}

/** How a virtual list can show a query without reading every id first. */
export interface OrderListPaging {
	/** Any window of rows is one listOrderPage read of an index range (offset and limit). */
	byIndex: boolean;
	/** countByTab answers it from the kept counts or native index counts, never reading orders. */
	counted: boolean;
}

export function orderListPaging(query: OrderListQuery): OrderListPaging {
	const q = normalizeQuery(query);
	const dated = q.from !== undefined || q.to !== undefined;
	return {
		byIndex: !hasUncovered(plan(q).uncovered),
		// The two cheap paths of countByTab: no dates (kept counts), or dates with only a shop.
		counted: q.terms.length === 0 && (!dated || q.warehouseId === undefined)
	};
}

/**
 * Every matching order id, in list order (keys only: for a virtual list and its count). An
 * aborted signal ends the read at its next step and rejects with the signal's reason, so a list
 * that moved on does not keep IndexedDB busy with reads nobody will look at.
 */
export async function listOrderKeys(
	query: OrderListQuery,
	signal?: AbortSignal
): Promise<string[]> {
	signal?.throwIfAborted();
	const db = getDb();
	const q = normalizeQuery(query);
	const p = plan(q);
	return db.transaction('r', db.orders, async () => {
		if (!hasUncovered(p.uncovered)) {
			const keys = await p.source(db).primaryKeys();
			signal?.throwIfAborted();
			return p.descending ? keys.reverse() : keys;
		}
		const searched =
			p.uncovered.terms.length > 0 ? await searchKeys(db, p.uncovered.terms) : undefined;
		signal?.throwIfAborted();
		const resolved = await resolve(db, q, p, searched, signal);
		signal?.throwIfAborted();
		return resolved.kind === 'records' ? resolved.orders.map((order) => order.id) : resolved.keys;
	});
}

/** The orders with these ids, in the same order; ids no longer there are left out. */
export async function getOrders(ids: readonly string[]): Promise<Order[]> {
	const db = getDb();
	return (await fetchOrders(db, ids)).map(fromStoredOrder);
}

export async function getOrder(id: string): Promise<Order | undefined> {
	const stored = await getDb().orders.get(id);
	return stored && fromStoredOrder(stored);
}

/** The matching orders as CSV (header first), read a range or a chunk of keys at a time. */
export async function exportOrdersCsv(query: OrderListQuery): Promise<string> {
	const db = getDb();
	const q = normalizeQuery(query);
	const p = plan(q);
	return db.transaction('r', db.orders, db.shops, async () => {
		const shopNames = new Map((await db.shops.toArray()).map((shop) => [shop.id, shop.name]));
		const parts = [csvRow(ORDER_CSV_HEADER)];
		const add = (order: StoredOrder) =>
			parts.push(orderCsvRow(order, shopNames.get(order.shopId) ?? order.shopId));
		if (!hasUncovered(p.uncovered)) {
			await directRange(p, db).each(add);
		} else {
			const resolved = await resolve(db, q, p);
			if (resolved.kind === 'records') {
				resolved.orders.forEach(add);
			} else {
				for (let i = 0; i < resolved.keys.length; i += FETCH_CHUNK) {
					(await fetchOrders(db, resolved.keys.slice(i, i + FETCH_CHUNK))).forEach(add);
				}
			}
		}
		return parts.join('');
	});
}

/** The order's preparation entry (In progress), if it is taken. */
export function getPreparation(orderId: string): Promise<PreparationEntry | undefined> {
	return getDb().preparations.get(orderId);
}

/** The order's history, oldest first. */
export function orderTimeline(orderId: string): Promise<TimelineEvent[]> {
	return getDb()
		.timeline.where('[orderId+at]')
		.between([orderId, MIN], [orderId, MAX], true, true)
		.toArray();
}

// ---------------------------------------------------------------- products and stock

export interface ProductStockRow extends StockLevel {
	warehouseName: string;
	/** max(0, physical − toShip): what can still be promised (DOMAIN.md, Stock). */
	available: number;
}

async function matchingProductIds(db: DocksideDB, search: string): Promise<Set<string> | null> {
	const terms = searchTerms(search);
	if (terms.length === 0) return null;
	const sets = await Promise.all(
		terms.map(
			async (term) => new Set(await db.products.where('searchWords').startsWith(term).primaryKeys())
		)
	);
	return intersect(sets);
}

/** Products by SKU; with a search, those whose SKU, name or barcode words start with every term. */
export async function listProducts(
	search: string,
	offset: number,
	limit: number
): Promise<Product[]> {
	const db = getDb();
	return db.transaction('r', db.products, async () => {
		const ids = await matchingProductIds(db, search);
		if (ids === null) {
			const page = await db.products.orderBy('sku').offset(offset).limit(limit).toArray();
			return page.map(fromStoredProduct);
		}
		const found = (await db.products.bulkGet([...ids])).filter((p) => p !== undefined);
		found.sort((a, b) => (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0));
		return found.slice(offset, offset + limit).map(fromStoredProduct);
	});
}

export async function countProducts(search: string): Promise<number> {
	const db = getDb();
	return db.transaction('r', db.products, async () => {
		const ids = await matchingProductIds(db, search);
		return ids === null ? db.products.count() : ids.size;
	});
}

export async function getProduct(id: string): Promise<Product | undefined> {
	const stored = await getDb().products.get(id);
	return stored && fromStoredProduct(stored);
}

function byPriority(a: Warehouse, b: Warehouse): number {
	return a.priority - b.priority || a.name.localeCompare(b.name);
}

/** The product's stock in each warehouse that has a row for it, in warehouse priority order. */
export async function productStock(productId: string): Promise<ProductStockRow[]> {
	const db = getDb();
	return db.transaction('r', db.stock, db.warehouses, async () => {
		const [rows, warehouses] = await Promise.all([
			db.stock.where('productId').equals(productId).toArray(),
			db.warehouses.toArray()
		]);
		const byId = new Map(warehouses.map((w) => [w.id, w]));
		const rank = new Map([...warehouses].sort(byPriority).map((w, i) => [w.id, i]));
		return rows
			.map((row) => ({
				...row,
				warehouseName: byId.get(row.warehouseId)?.name ?? row.warehouseId,
				available: available(row)
			}))
			.sort(
				(a, b) =>
					(rank.get(a.warehouseId) ?? Infinity) - (rank.get(b.warehouseId) ?? Infinity) ||
					a.warehouseId.localeCompare(b.warehouseId)
			);
	});
}

/** Orders with a line of this product still to ship or holding stock, oldest first (reservation order). */
export async function productOpenOrders(productId: string): Promise<Order[]> {
	const db = getDb();
	return db.transaction('r', db.orders, db.warehouses, async () => {
		const warehouses = await db.warehouses.toCollection().primaryKeys();
		const keys = warehouses.map((warehouseId) => stockId(productId, warehouseId));
		const orders = await db.orders.where('openStockKeys').anyOf(keys).distinct().toArray();
		return orders.sort(compareOrders('date_asc')).map(fromStoredOrder);
	});
}

/** The product's stock movements, newest first (at most `limit`). */
export function productMovements(productId: string, limit = 200): Promise<Movement[]> {
	return getDb()
		.movements.where('[productId+createdAt]')
		.between([productId, MIN], [productId, MAX], true, true)
		.reverse()
		.limit(limit)
		.toArray();
}

// ---------------------------------------------------------------- reference data

export async function listWarehouses(): Promise<Warehouse[]> {
	return (await getDb().warehouses.toArray()).sort(byPriority);
}

export async function getSettings(): Promise<Settings> {
	const row = await getDb().settings.get(SETTINGS_ID);
	return row ? fromSettingsRow(row) : structuredClone(DEFAULT_SETTINGS);
}

export async function listShops(): Promise<Shop[]> {
	return (await getDb().shops.toArray()).sort((a, b) => a.name.localeCompare(b.name));
}

export function outboxCount(): Promise<number> {
	return getDb().outbox.count();
}

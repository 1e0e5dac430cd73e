// The Order preparation screen's reads (DOMAIN.md "Order preparation"). Open orders are a few
// thousand of a tablet's 100,000, so the waiting tabs read through the orders' prepKeys index
// (one key per warehouse and tab) and never scan the table. The stored key ignores entries, so
// an order taken into preparation still carries it: the entries decide, through the domain's
// own preparationTab, whether it shows.
import { isLiveEntry, preparationTab, type PreparationTab } from '$lib/domain/preparation';
import type { Order, PreparationEntry } from '$lib/domain/schemas';
import { getDb, type BaseRow, type DocksideDB } from './db';
import { prepKey } from './prep-keys';
import { fromStoredOrder } from './stored';

/** The tabs of orders waiting to be taken (every tab but In progress). */
export type WaitingTab = Exclude<PreparationTab, 'in_progress'>;
export const WAITING_TABS: readonly WaitingTab[] = ['in_stock', 'partial', 'backorder', 'on_hold'];
export const PREPARATION_TABS: readonly PreparationTab[] = [...WAITING_TABS, 'in_progress'];

export interface PreparationFilters {
	shopId?: string;
	/** Shipping method code. */
	shippingMethod?: string;
	/** Shipping country (ISO 3166 code). */
	country?: string;
	/** Inclusive placing days `YYYY-MM-DD` (UTC days, as the order list reads them). */
	from?: string;
	to?: string;
}

/** Does the order pass every filter that is set? */
export function matchesPreparationFilters(order: Order, filters: PreparationFilters): boolean {
	if (filters.shopId && order.shopId !== filters.shopId) return false;
	if (filters.shippingMethod && order.shippingMethod.code !== filters.shippingMethod) return false;
	if (filters.country && order.shippingAddress.country !== filters.country) return false;
	if (filters.from && order.placedAt < `${filters.from}T00:00:00.000Z`) return false;
	if (filters.to && order.placedAt > `${filters.to}T23:59:59.999Z`) return false;
	return true;
}

export function hasPreparationFilters(filters: PreparationFilters): boolean {
	return Object.values(filters).some((value) => value !== undefined && value !== '');
}

/** Oldest first, then by id: the reservation's order, and the order batches take. */
export function compareByPlacing(a: Order, b: Order): number {
	return a.placedAt < b.placedAt ? -1 : a.placedAt > b.placedAt ? 1 : a.id < b.id ? -1 : 1;
}

/**
 * Orders an entry keeps out of this warehouse's waiting tabs: its entry is here (it shows In
 * progress, shipped or not), or it is live in another warehouse (preparationTab → null).
 */
function hiddenIds(entries: readonly PreparationEntry[], warehouseId: string): Set<string> {
	return new Set(
		entries.filter((e) => e.warehouseId === warehouseId || isLiveEntry(e)).map((e) => e.orderId)
	);
}

/** The tab's orders without those the entries keep out of it (the order stays as given). */
export function withoutTaken(
	orders: readonly Order[],
	entries: readonly PreparationEntry[],
	warehouseId: string
): Order[] {
	const hidden = hiddenIds(entries, warehouseId);
	return orders.filter((order) => !hidden.has(order.id));
}

/**
 * One getAll per tab key: anyOf on a multi-entry index walks a cursor record by record, many
 * times slower for thousands of orders. An order has one key per warehouse, so none repeats.
 */
async function tabOrders(db: DocksideDB, warehouseId: string, tabs: readonly WaitingTab[]) {
	const lists = await Promise.all(
		tabs.map((tab) => db.orders.where('prepKeys').equals(prepKey(warehouseId, tab)).toArray())
	);
	return lists.flat().map(fromStoredOrder);
}

/**
 * Every order whose stored key puts it in this waiting tab, taken or not, oldest first. A
 * screen reads this and listPreparations as two live reads and joins them with withoutTaken,
 * so taking an order re-reads only the (small) entries, not the tab's thousands of orders.
 */
export async function ordersInTab(warehouseId: string, tab: WaitingTab): Promise<Order[]> {
	return (await tabOrders(getDb(), warehouseId, [tab])).sort(compareByPlacing);
}

/** Every preparation entry, of every warehouse. */
export function listPreparations(): Promise<PreparationEntry[]> {
	return getDb().preparations.toArray();
}

/** The orders of one waiting tab of the warehouse, oldest first. */
export async function waitingOrders(warehouseId: string, tab: WaitingTab): Promise<Order[]> {
	const db = getDb();
	return db.transaction('r', db.orders, db.preparations, async () => {
		const [orders, entries] = await Promise.all([
			ordersInTab(warehouseId, tab),
			listPreparations()
		]);
		return withoutTaken(orders, entries, warehouseId);
	});
}

function emptyCounts(): Record<PreparationTab, number> {
	return { in_stock: 0, partial: 0, backorder: 0, on_hold: 0, in_progress: 0 };
}

/**
 * How many orders each tab shows with these filters. Without filters the waiting tabs are
 * counted from index keys alone; with filters the warehouse's open orders are read (the
 * shipping method and country are in no index).
 */
export async function preparationCounts(
	warehouseId: string,
	filters: PreparationFilters = {}
): Promise<Record<PreparationTab, number>> {
	const db = getDb();
	return db.transaction('r', db.orders, db.preparations, async () => {
		const counts = emptyCounts();
		const entries = await db.preparations.toArray();
		const here = entries.filter((e) => e.warehouseId === warehouseId);
		if (!hasPreparationFilters(filters)) {
			const hidden = hiddenIds(entries, warehouseId);
			const keys = await Promise.all(
				WAITING_TABS.map((tab) =>
					db.orders.where('prepKeys').equals(prepKey(warehouseId, tab)).primaryKeys()
				)
			);
			WAITING_TABS.forEach((tab, i) => {
				counts[tab] = keys[i].filter((id) => !hidden.has(id)).length;
			});
			counts.in_progress = here.length;
			return counts;
		}
		const byOrder = new Map(entries.map((e) => [e.orderId, e]));
		for (const order of await tabOrders(db, warehouseId, WAITING_TABS)) {
			const tab = preparationTab(order, warehouseId, byOrder.get(order.id));
			if (tab !== null && tab !== 'in_progress' && matchesPreparationFilters(order, filters)) {
				counts[tab] += 1;
			}
		}
		const taken = await db.orders.bulkGet(here.map((e) => e.orderId));
		counts.in_progress = taken.filter(
			(order) => order !== undefined && matchesPreparationFilters(order, filters)
		).length;
		return counts;
	});
}

/**
 * Has the server confirmed this take? A base copy of the entry exists only while pending work
 * of this tablet has changed it (records.ts keepBaseCopies; a pull that acknowledges the work
 * drops it, rebase makes it again for work still pending). No base copy: the row is the
 * server's own, so the take is confirmed. With one, the take is confirmed only when the
 * server already holds a live entry of the same operator in the same warehouse (a markPicked
 * or a ship still pending does not make it unconfirmed). A server copy that is missing (null),
 * shipped (waiting for flush, replaced by this take) or of someone else means this take is
 * still only local: its preparation.add has not reached the server or has not come back.
 */
export function takeConfirmed(entry: PreparationEntry, base: BaseRow | undefined): boolean {
	if (base === undefined) return true;
	const server = base.value as PreparationEntry | null;
	return (
		server !== null &&
		isLiveEntry(server) &&
		server.operator === entry.operator &&
		server.warehouseId === entry.warehouseId
	);
}

export interface InProgressRow {
	entry: PreparationEntry;
	/** Undefined only if the order record is missing on this tablet. */
	order: Order | undefined;
	confirmed: boolean;
}

/** The entries of the warehouse, every operator's, in taking order, with their orders. */
export async function inProgressRows(warehouseId: string): Promise<InProgressRow[]> {
	const db = getDb();
	return db.transaction('r', db.orders, db.preparations, db.base, async () => {
		const entries = await db.preparations.where('warehouseId').equals(warehouseId).toArray();
		entries.sort(
			(a, b) =>
				(a.takenAt < b.takenAt ? -1 : a.takenAt > b.takenAt ? 1 : 0) ||
				(a.orderId < b.orderId ? -1 : 1)
		);
		const ids = entries.map((e) => e.orderId);
		const [orders, bases] = await Promise.all([
			db.orders.bulkGet(ids),
			db.base.bulkGet(ids.map((id) => ['preparation', id] as [string, string]))
		]);
		return entries.map((entry, i) => {
			const stored = orders[i];
			return {
				entry,
				order: stored && fromStoredOrder(stored),
				confirmed: takeConfirmed(entry, bases[i])
			};
		});
	});
}

/** What a batch rule chooses from: the In stock and Partial orders, and every entry. */
export async function batchCandidates(
	warehouseId: string
): Promise<{ orders: Order[]; preparations: PreparationEntry[] }> {
	const db = getDb();
	return db.transaction('r', db.orders, db.preparations, async () => {
		const [orders, preparations] = await Promise.all([
			tabOrders(db, warehouseId, ['in_stock', 'partial']),
			db.preparations.toArray()
		]);
		return { orders, preparations };
	});
}

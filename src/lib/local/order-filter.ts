// The order list's query: its normal form, the exact predicate and sort order it stands for.
// The index-driven paths in queries.ts must return what these pure functions define; the
// property tests compare the two.
import type { OrderStatus } from '$lib/domain/schemas';
import type { StoredOrder } from './db';
import { matchesTerms, searchTerms } from './search';

export type OrderTab = OrderStatus | 'all';
export type OrderSort = 'date_desc' | 'date_asc' | 'total_desc' | 'total_asc';

export interface OrderListQuery {
	tab: OrderTab;
	shopId?: string;
	warehouseId?: string;
	/**
	 * Inclusive range of placing dates: a day `YYYY-MM-DD` (a UTC day) or an ISO instant (for a
	 * day in the merchant's time zone, pass its first and last instants).
	 */
	from?: string;
	to?: string;
	search?: string;
	sort: OrderSort;
}

export interface NormalizedQuery {
	tab: OrderTab;
	shopId?: string;
	warehouseId?: string;
	/** Inclusive ISO instants; undefined = unbounded. */
	from?: string;
	to?: string;
	/** Folded search terms; every one must prefix a search word. Empty = no search. */
	terms: string[];
	sort: OrderSort;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function nonEmpty(value: string | undefined): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

export function normalizeQuery(q: OrderListQuery): NormalizedQuery {
	const from = nonEmpty(q.from);
	const to = nonEmpty(q.to);
	return {
		tab: q.tab,
		shopId: nonEmpty(q.shopId),
		warehouseId: nonEmpty(q.warehouseId),
		from: from && DAY.test(from) ? `${from}T00:00:00.000Z` : from,
		to: to && DAY.test(to) ? `${to}T23:59:59.999Z` : to,
		terms: q.search ? searchTerms(q.search) : [],
		sort: q.sort
	};
}

/** The exact meaning of a query, record by record (tab ignored when counting per tab). */
export function orderMatches(order: StoredOrder, q: NormalizedQuery, ignoreTab = false): boolean {
	if (!ignoreTab && q.tab !== 'all' && order.status !== q.tab) return false;
	if (q.shopId !== undefined && order.shopId !== q.shopId) return false;
	if (q.warehouseId !== undefined && !order.warehouseIds.includes(q.warehouseId)) return false;
	if (q.from !== undefined && order.placedAt < q.from) return false;
	if (q.to !== undefined && order.placedAt > q.to) return false;
	if (q.terms.length > 0 && !matchesTerms(order.searchWords, q.terms)) return false;
	return true;
}

export function isDescending(sort: OrderSort): boolean {
	return sort === 'date_desc' || sort === 'total_desc';
}

/**
 * The list order: placing time or grand total, ties broken by id, which is how an IndexedDB
 * index orders equal keys (by primary key), reversed as a whole for the descending sorts.
 */
export function compareOrders(sort: OrderSort): (a: StoredOrder, b: StoredOrder) => number {
	const byDate = sort === 'date_desc' || sort === 'date_asc';
	const sign = isDescending(sort) ? -1 : 1;
	return (a, b) => {
		const ka = byDate ? a.placedAt : a.grandTotal;
		const kb = byDate ? b.placedAt : b.grandTotal;
		if (ka < kb) return -sign;
		if (ka > kb) return sign;
		if (a.id < b.id) return -sign;
		if (a.id > b.id) return sign;
		return 0;
	};
}

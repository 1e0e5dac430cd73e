// The order list's tab, filters, search and sort live in the URL query so a reload, a
// bookmark or closing an order view brings back the same list.
import { ORDER_STATUSES } from '$lib/domain/schemas';
import type { OrderListQuery, OrderTab } from '$lib/local/queries';

export type OrderSort = OrderListQuery['sort'];

export const ORDER_TABS: readonly OrderTab[] = [...ORDER_STATUSES, 'all'];
export const ORDER_SORTS: readonly OrderSort[] = [
	'date_desc',
	'date_asc',
	'total_desc',
	'total_asc'
];
export const DEFAULT_TAB: OrderTab = 'all';
export const DEFAULT_SORT: OrderSort = 'date_desc';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function oneOf<T extends string>(value: string | null, options: readonly T[], fallback: T): T {
	return value !== null && (options as readonly string[]).includes(value) ? (value as T) : fallback;
}

function text(value: string | null): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

/** Reads a query from URL parameters; anything unknown or malformed falls back to the default. */
export function parseOrderQuery(params: URLSearchParams): OrderListQuery {
	const from = text(params.get('from'));
	const to = text(params.get('to'));
	const query: OrderListQuery = {
		tab: oneOf(params.get('tab'), ORDER_TABS, DEFAULT_TAB),
		sort: oneOf(params.get('sort'), ORDER_SORTS, DEFAULT_SORT)
	};
	const shopId = text(params.get('shop'));
	const warehouseId = text(params.get('warehouse'));
	const search = text(params.get('q'));
	if (shopId) query.shopId = shopId;
	if (warehouseId) query.warehouseId = warehouseId;
	if (from && DAY.test(from)) query.from = from;
	if (to && DAY.test(to)) query.to = to;
	if (search) query.search = search;
	return query;
}

/** The URL search string for a query (with its leading "?", or "" for the default list). */
export function orderQuerySearch(query: OrderListQuery): string {
	const params = new URLSearchParams();
	if (query.tab !== DEFAULT_TAB) params.set('tab', query.tab);
	if (query.shopId) params.set('shop', query.shopId);
	if (query.warehouseId) params.set('warehouse', query.warehouseId);
	if (query.from) params.set('from', query.from);
	if (query.to) params.set('to', query.to);
	if (query.search?.trim()) params.set('q', query.search.trim());
	if (query.sort !== DEFAULT_SORT) params.set('sort', query.sort);
	const search = params.toString();
	return search ? `?${search}` : '';
}

/** Same list? (Used to skip re-querying when only the open order changed in the URL.) */
export function sameOrderQuery(a: OrderListQuery, b: OrderListQuery): boolean {
	return orderQuerySearch(a) === orderQuerySearch(b);
}

// Links of the orders screens. The list's query string travels with them, so opening an
// order and closing it again keeps the tab, filters and search.
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

/** The list, with a query string from orderQuerySearch (or ""). */
export function ordersHref(search: string): ResolvedPathname {
	return `${resolve('/orders')}${search}` as ResolvedPathname;
}

/** One order's view over the list. */
export function orderHref(orderId: string, search: string): ResolvedPathname {
	return `${resolve('/orders/[id]', { id: orderId })}${search}` as ResolvedPathname;
}

// Links of the Ship screen, with the warehouse in the query string.
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

export function shipHref(warehouseId: string): ResolvedPathname {
	return `${resolve('/preparation/ship')}?warehouse=${encodeURIComponent(warehouseId)}` as ResolvedPathname;
}

/** The preparation screen's In progress tab of the warehouse, where Flush is. */
export function inProgressHref(warehouseId: string): ResolvedPathname {
	return `${resolve('/preparation')}?warehouse=${encodeURIComponent(warehouseId)}&tab=in_progress` as ResolvedPathname;
}

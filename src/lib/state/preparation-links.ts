// Links from the preparation screen to its neighbours (Pick, Pack, Ship, the order view). Built
// on resolve('/preparation') so they stay right under a base path.
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';

const root = () => resolve('/preparation');

/** The screen itself with a query string from preparationSearch. */
export function preparationHref(search: string): ResolvedPathname {
	return `${root()}${search}` as ResolvedPathname;
}

export function pickListHref(warehouseId: string): ResolvedPathname {
	return `${root()}/pick?warehouse=${encodeURIComponent(warehouseId)}` as ResolvedPathname;
}

export function shipHref(warehouseId: string): ResolvedPathname {
	return `${root()}/ship?warehouse=${encodeURIComponent(warehouseId)}` as ResolvedPathname;
}

export function packHref(orderId: string): ResolvedPathname {
	return `${root()}/pack/${encodeURIComponent(orderId)}` as ResolvedPathname;
}

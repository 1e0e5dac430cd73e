// Links of the Pick and Pack screens, and the warehouse they work in: the URL's, else the
// default one (a link from elsewhere may not name it).
import { resolve } from '$app/paths';
import type { ResolvedPathname } from '$app/types';
import type { Warehouse } from '$lib/domain/schemas';

const root = () => resolve('/preparation');
const warehouseQuery = (warehouseId: string) => `?warehouse=${encodeURIComponent(warehouseId)}`;

/** The preparation screen's In progress tab of the warehouse. */
export function inProgressHref(warehouseId: string): ResolvedPathname {
	return `${root()}${warehouseQuery(warehouseId)}&tab=in_progress` as ResolvedPathname;
}

export function pickHref(warehouseId: string): ResolvedPathname {
	return `${root()}/pick${warehouseQuery(warehouseId)}` as ResolvedPathname;
}

export function packQueueHref(warehouseId: string): ResolvedPathname {
	return `${root()}/pack${warehouseQuery(warehouseId)}` as ResolvedPathname;
}

export function packOrderHref(orderId: string): ResolvedPathname {
	return `${root()}/pack/${encodeURIComponent(orderId)}` as ResolvedPathname;
}

/** The warehouse named in the URL when it exists, else the default, else the first. */
export function chooseWarehouse(
	fromUrl: string | null,
	warehouses: readonly Warehouse[]
): Warehouse | undefined {
	return (
		warehouses.find((w) => w.id === fromUrl) ?? warehouses.find((w) => w.isDefault) ?? warehouses[0]
	);
}

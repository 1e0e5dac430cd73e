// The preparation screen's warehouse, tab and filters live in the URL
// (`/preparation?warehouse=<id>&tab=<tab>…`), so a reload or a link opens the same list. The
// warehouse last chosen on this tablet is remembered for the next visit without one.
import type { PreparationTab } from '$lib/domain/preparation';
import type { Warehouse } from '$lib/domain/schemas';
import { PREPARATION_TABS, type PreparationFilters } from '$lib/local/preparation-queries';

export const DEFAULT_PREPARATION_TAB: PreparationTab = 'in_stock';
export const LAST_WAREHOUSE_STORAGE_KEY = 'dockside.preparation.warehouse';

export interface PreparationQuery {
	/** Undefined in a URL that names none: resolveWarehouseId picks one. */
	warehouseId?: string;
	tab: PreparationTab;
	filters: PreparationFilters;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function text(value: string | null): string | undefined {
	const trimmed = value?.trim();
	return trimmed ? trimmed : undefined;
}

/** Reads the query; anything unknown or malformed falls back to the default. */
export function parsePreparationQuery(params: URLSearchParams): PreparationQuery {
	const tab = params.get('tab');
	const filters: PreparationFilters = {};
	const shopId = text(params.get('shop'));
	const method = text(params.get('method'));
	const country = text(params.get('country'));
	const from = text(params.get('from'));
	const to = text(params.get('to'));
	if (shopId) filters.shopId = shopId;
	if (method) filters.shippingMethod = method;
	if (country) filters.country = country.toUpperCase();
	if (from && DAY.test(from)) filters.from = from;
	if (to && DAY.test(to)) filters.to = to;
	const query: PreparationQuery = {
		tab: (PREPARATION_TABS as readonly string[]).includes(tab ?? '')
			? (tab as PreparationTab)
			: DEFAULT_PREPARATION_TAB,
		filters
	};
	const warehouseId = text(params.get('warehouse'));
	if (warehouseId) query.warehouseId = warehouseId;
	return query;
}

/** The URL search string (with its "?"), warehouse and tab always written. */
export function preparationSearch(query: PreparationQuery): string {
	const params = new URLSearchParams();
	if (query.warehouseId) params.set('warehouse', query.warehouseId);
	params.set('tab', query.tab);
	const f = query.filters;
	if (f.shopId) params.set('shop', f.shopId);
	if (f.shippingMethod) params.set('method', f.shippingMethod);
	if (f.country) params.set('country', f.country);
	if (f.from) params.set('from', f.from);
	if (f.to) params.set('to', f.to);
	return `?${params.toString()}`;
}

export function samePreparationQuery(a: PreparationQuery, b: PreparationQuery): boolean {
	return preparationSearch(a) === preparationSearch(b);
}

/**
 * The warehouse to show: the URL's when it exists, else the one last chosen on this tablet,
 * else the default warehouse, else the first. Undefined while no warehouse is known.
 */
export function resolveWarehouseId(
	fromUrl: string | undefined,
	remembered: string | null,
	warehouses: readonly Warehouse[]
): string | undefined {
	const exists = (id: string | null | undefined): id is string =>
		id != null && warehouses.some((w) => w.id === id);
	if (exists(fromUrl)) return fromUrl;
	if (exists(remembered)) return remembered;
	return (warehouses.find((w) => w.isDefault) ?? warehouses[0])?.id;
}

/** The tablet's memory of the last warehouse (localStorage; silent when storage is blocked). */
export const lastWarehouse = {
	get(): string | null {
		try {
			return globalThis.localStorage?.getItem(LAST_WAREHOUSE_STORAGE_KEY) ?? null;
		} catch {
			return null;
		}
	},
	set(id: string): void {
		try {
			globalThis.localStorage?.setItem(LAST_WAREHOUSE_STORAGE_KEY, id);
		} catch {
			// Not remembered: the default warehouse opens next time.
		}
	}
};

// Converting between domain records and the stored rows that carry local index fields.
import { openStockKeys } from '$lib/domain/reservation';
import type { Order, Product, Settings } from '$lib/domain/schemas';
import { SETTINGS_ID, type SettingsRow, type StoredOrder, type StoredProduct } from './db';
import { prepKeys } from './prep-keys';
import { orderSearchWords, productSearchWords } from './search';

/** The order with its index fields recomputed; call on every write so they never go stale. */
export function toStoredOrder(order: Order): StoredOrder {
	return {
		...order,
		searchWords: orderSearchWords(order),
		openStockKeys: openStockKeys(order),
		warehouseIds: [...new Set(order.lines.map((line) => line.warehouseId))],
		prepKeys: prepKeys(order)
	};
}

/** The plain order, without local index fields, as rules and screens expect it. */
export function fromStoredOrder(stored: StoredOrder): Order {
	const {
		searchWords: _words,
		openStockKeys: _keys,
		warehouseIds: _warehouses,
		prepKeys: _prepKeys,
		...order
	} = stored;
	return order;
}

export function toStoredProduct(product: Product): StoredProduct {
	return { ...product, searchWords: productSearchWords(product) };
}

export function fromStoredProduct(stored: StoredProduct): Product {
	const { searchWords: _words, ...product } = stored;
	return product;
}

export function toSettingsRow(settings: Settings): SettingsRow {
	return { ...settings, id: SETTINGS_ID };
}

export function fromSettingsRow(row: SettingsRow): Settings {
	const { id: _id, ...settings } = row;
	return settings;
}

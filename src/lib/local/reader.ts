// DomainReader over the local database. Used inside a Dexie transaction (perform.ts), so every
// read a rule makes sees the same snapshot as the writes that follow it.
import type { DomainReader } from '$lib/domain/mutation';
import {
	DEFAULT_SETTINGS,
	stockId,
	type Order,
	type PreparationEntry,
	type Product,
	type Settings,
	type StockLevel,
	type Warehouse
} from '$lib/domain/schemas';
import { SETTINGS_ID, type DocksideDB } from './db';
import { fromSettingsRow, fromStoredOrder, fromStoredProduct } from './stored';

export class DexieReader implements DomainReader {
	readonly #db: DocksideDB;

	constructor(db: DocksideDB) {
		this.#db = db;
	}

	async order(id: string): Promise<Order | undefined> {
		const stored = await this.#db.orders.get(id);
		return stored && fromStoredOrder(stored);
	}

	async product(id: string): Promise<Product | undefined> {
		const stored = await this.#db.products.get(id);
		return stored && fromStoredProduct(stored);
	}

	async productBySku(sku: string): Promise<Product | undefined> {
		const stored = await this.#db.products.where('sku').equals(sku).first();
		return stored && fromStoredProduct(stored);
	}

	warehouse(id: string): Promise<Warehouse | undefined> {
		return this.#db.warehouses.get(id);
	}

	warehouses(): Promise<Warehouse[]> {
		return this.#db.warehouses.toArray();
	}

	stock(productId: string, warehouseId: string): Promise<StockLevel | undefined> {
		return this.#db.stock.get(stockId(productId, warehouseId));
	}

	async ordersWithOpenLines(productId: string, warehouseId: string): Promise<Order[]> {
		const stored = await this.#db.orders
			.where('openStockKeys')
			.equals(stockId(productId, warehouseId))
			.toArray();
		return stored.map(fromStoredOrder);
	}

	preparation(orderId: string): Promise<PreparationEntry | undefined> {
		return this.#db.preparations.get(orderId);
	}

	preparationsInWarehouse(warehouseId: string): Promise<PreparationEntry[]> {
		return this.#db.preparations.where('warehouseId').equals(warehouseId).toArray();
	}

	async settings(): Promise<Settings> {
		const row = await this.#db.settings.get(SETTINGS_ID);
		return row ? fromSettingsRow(row) : structuredClone(DEFAULT_SETTINGS);
	}
}

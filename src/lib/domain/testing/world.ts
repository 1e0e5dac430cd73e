// A ready shop floor for action tests: two shipping warehouses, three products, and whatever
// orders, stock and preparation entries a test brings, made consistent with reserveAll (so stock
// rows and line reservations agree before the first action, as after an import).
import { reserveAll } from '../reservation';
import type { Order, PreparationEntry, Product, Settings, StockLevel, Warehouse } from '../schemas';
import { makeMainWarehouse, makeProduct, makeSettings, makeWarehouse } from './factories';
import { MemoryReader, type MemoryOptions } from './memory-reader';

export const ANNEX_ID = 'wh-annex';

export function defaultWarehouses(): Warehouse[] {
	return [makeMainWarehouse(), makeWarehouse({ id: ANNEX_ID, name: 'Annex', priority: 1 })];
}

export function defaultProducts(): Product[] {
	return [
		makeProduct({ id: 'product-1', sku: 'SKU-1', name: 'T-shirt' }),
		makeProduct({ id: 'product-2', sku: 'SKU-2', name: 'Mug' }),
		makeProduct({ id: 'product-3', sku: 'GIFT', name: 'Gift card', type: 'gift_card' }),
		makeProduct({ id: 'product-4', sku: 'KIT', name: 'Kit', type: 'bundle' })
	];
}

export interface WorldSeed {
	orders?: Order[];
	stock?: StockLevel[];
	preparations?: PreparationEntry[];
	settings?: Partial<Settings>;
	warehouses?: Warehouse[];
	products?: Product[];
}

export function makeWorld(seed: WorldSeed = {}, options?: MemoryOptions): MemoryReader {
	const settings = makeSettings(seed.settings);
	const preparations = seed.preparations ?? [];
	const { orders, stock } = reserveAll(seed.orders ?? [], seed.stock ?? [], preparations, settings);
	return new MemoryReader(
		{
			orders,
			stock,
			preparations,
			settings,
			warehouses: seed.warehouses ?? defaultWarehouses(),
			products: seed.products ?? defaultProducts()
		},
		options
	);
}

// An in-memory DomainReader for tests, and the writer of Changes into it. Stored records are
// deep-frozen: a rule that mutates what it read throws instead of silently corrupting state.
import type { Changes, DomainReader } from '../mutation';
import { openStockKeys } from '../reservation';
import {
	DEFAULT_SETTINGS,
	stockId,
	type Movement,
	type Order,
	type PreparationEntry,
	type Product,
	type Settings,
	type StockLevel,
	type TimelineEvent,
	type Warehouse
} from '../schemas';

export interface MemorySeed {
	orders: Order[];
	products: Product[];
	warehouses: Warehouse[];
	stock: StockLevel[];
	preparations: PreparationEntry[];
	movements: Movement[];
	timeline: TimelineEvent[];
	settings: Settings;
}

export interface MemoryOptions {
	/** Answer list reads in reverse id order, to show a rule does not depend on the reader's order. */
	reverseLists?: boolean;
}

function deepFreeze<T>(value: T): T {
	if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
		Object.freeze(value);
		for (const child of Object.values(value)) deepFreeze(child);
	}
	return value;
}

const byId = <T extends { id: string }>(records: Iterable<T>) =>
	new Map([...records].map((r) => [r.id, deepFreeze(structuredClone(r))]));

export class MemoryReader implements DomainReader {
	readonly orders: Map<string, Order>;
	readonly products: Map<string, Product>;
	readonly warehouseMap: Map<string, Warehouse>;
	readonly stockMap: Map<string, StockLevel>;
	readonly preparations: Map<string, PreparationEntry>;
	readonly movements: Movement[];
	readonly timeline: TimelineEvent[];
	settingsValue: Settings;
	readonly #options: MemoryOptions;

	constructor(seed: Partial<MemorySeed> = {}, options: MemoryOptions = {}) {
		this.orders = byId(seed.orders ?? []);
		this.products = byId(seed.products ?? []);
		this.warehouseMap = byId(seed.warehouses ?? []);
		this.stockMap = byId(seed.stock ?? []);
		this.preparations = new Map(
			(seed.preparations ?? []).map((p) => [p.orderId, deepFreeze(structuredClone(p))])
		);
		this.movements = [...(seed.movements ?? [])];
		this.timeline = [...(seed.timeline ?? [])];
		this.settingsValue = deepFreeze(structuredClone(seed.settings ?? DEFAULT_SETTINGS));
		this.#options = options;
	}

	#list<T extends { id: string }>(records: T[]): T[] {
		const sorted = records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		return this.#options.reverseLists ? sorted.reverse() : sorted;
	}

	async order(id: string) {
		return this.orders.get(id);
	}
	async product(id: string) {
		return this.products.get(id);
	}
	async productBySku(sku: string) {
		return [...this.products.values()].find((p) => p.sku === sku);
	}
	async warehouse(id: string) {
		return this.warehouseMap.get(id);
	}
	async warehouses() {
		return this.#list([...this.warehouseMap.values()]);
	}
	async stock(productId: string, warehouseId: string) {
		return this.stockMap.get(stockId(productId, warehouseId));
	}
	async ordersWithOpenLines(productId: string, warehouseId: string) {
		const key = stockId(productId, warehouseId);
		return this.#list([...this.orders.values()].filter((o) => openStockKeys(o).includes(key)));
	}
	async preparation(orderId: string) {
		return this.preparations.get(orderId);
	}
	async preparationsInWarehouse(warehouseId: string) {
		const entries = [...this.preparations.values()]
			.filter((p) => p.warehouseId === warehouseId)
			.sort((a, b) => (a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0));
		return this.#options.reverseLists ? entries.reverse() : entries;
	}
	async settings() {
		return this.settingsValue;
	}

	/** Writes a mutation's changes, as the local store and the server do. */
	write(changes: Changes): void {
		const freeze = <T>(r: T) => deepFreeze(structuredClone(r));
		for (const o of changes.orders) this.orders.set(o.id, freeze(o));
		for (const p of changes.products) this.products.set(p.id, freeze(p));
		for (const w of changes.warehouses) this.warehouseMap.set(w.id, freeze(w));
		for (const s of changes.stock) this.stockMap.set(s.id, freeze(s));
		for (const p of changes.preparations) this.preparations.set(p.orderId, freeze(p));
		for (const id of changes.preparationsRemoved) this.preparations.delete(id);
		this.movements.push(...changes.movements);
		this.timeline.push(...changes.timeline);
		if (changes.settings) this.settingsValue = freeze(changes.settings);
	}

	/** Every record, in id order: compare two snapshots to see what changed. */
	snapshot(): MemorySeed {
		const sorted = <T extends { id: string }>(m: Map<string, T>) =>
			[...m.values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
		return {
			orders: sorted(this.orders),
			products: sorted(this.products),
			warehouses: sorted(this.warehouseMap),
			stock: sorted(this.stockMap),
			preparations: [...this.preparations.values()].sort((a, b) =>
				a.orderId < b.orderId ? -1 : a.orderId > b.orderId ? 1 : 0
			),
			movements: [...this.movements],
			timeline: [...this.timeline],
			settings: this.settingsValue
		};
	}
}

export function createMemoryReader(seed: Partial<MemorySeed> = {}, options?: MemoryOptions) {
	return new MemoryReader(seed, options);
}

export function writeChanges(reader: MemoryReader, changes: Changes): void {
	reader.write(changes);
}

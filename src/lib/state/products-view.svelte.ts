// The product view: the product, its stock in every warehouse, the open orders that want
// it and its stock movements, each a live query so the view follows actions and syncs.
import type {
	Movement,
	Order,
	OrderLine,
	Product,
	StockLevel,
	Warehouse
} from '$lib/domain/schemas';
import { LiveValue, type LiveSource } from './live-value.svelte';

export interface ProductViewDeps {
	source: LiveSource;
	getProduct(id: string): Promise<Product | undefined>;
	productStock(productId: string): Promise<StockLevel[]>;
	productOpenOrders(productId: string): Promise<Order[]>;
	/** Newest first, at most `limit`. */
	productMovements(productId: string, limit: number): Promise<Movement[]>;
	listWarehouses(): Promise<Warehouse[]>;
}

export interface StockRow {
	warehouseId: string;
	/** The warehouse's name, or its id when the warehouse is not known on this tablet. */
	warehouseName: string;
	enabled: boolean;
	physical: number;
	reserved: number;
	toShip: number;
	/** max(0, physical − toShip) (DOMAIN.md, Stock). */
	available: number;
	location: string;
}

export interface ProductOrderRow {
	order: Order;
	/** This product's lines on the order (a product can be on an order twice). */
	lines: OrderLine[];
}

export interface MovementRow {
	movement: Movement;
	from: string;
	to: string;
}

function byPriority(a: Warehouse, b: Warehouse): number {
	return a.priority - b.priority || a.name.localeCompare(b.name);
}

/**
 * One row per warehouse that holds a stock record for the product, plus every enabled
 * warehouse without one (zeros), so stock can be counted into a warehouse for the first time.
 * Disabled warehouses show only when they still hold a record.
 */
export function stockRows(
	levels: readonly StockLevel[],
	warehouses: readonly Warehouse[]
): StockRow[] {
	// A product is stocked in a handful of warehouses: plain searches are enough.
	const rows: StockRow[] = [];
	for (const warehouse of [...warehouses].sort(byPriority)) {
		const level = levels.find((l) => l.warehouseId === warehouse.id);
		if (!level && !warehouse.enabled) continue;
		rows.push(row(warehouse.id, warehouse.name, warehouse.enabled, level));
	}
	// Stock in a warehouse this tablet does not know yet (not synced): still shown, by id.
	for (const level of levels) {
		if (warehouses.some((w) => w.id === level.warehouseId)) continue;
		rows.push(row(level.warehouseId, level.warehouseId, false, level));
	}
	return rows;
}

function row(
	warehouseId: string,
	warehouseName: string,
	enabled: boolean,
	level: StockLevel | undefined
): StockRow {
	const physical = level?.physical ?? 0;
	const toShip = level?.toShip ?? 0;
	return {
		warehouseId,
		warehouseName,
		enabled,
		physical,
		reserved: level?.reserved ?? 0,
		toShip,
		available: Math.max(0, physical - toShip),
		location: level?.location ?? ''
	};
}

export function productOrderRows(productId: string, orders: readonly Order[]): ProductOrderRow[] {
	return orders
		.map((order) => ({ order, lines: order.lines.filter((line) => line.productId === productId) }))
		.filter((entry) => entry.lines.length > 0)
		.sort(
			// Oldest first: the order reservation serves first (DOMAIN.md, Reservation).
			(a, b) =>
				a.order.placedAt.localeCompare(b.order.placedAt) || a.order.id.localeCompare(b.order.id)
		);
}

export function movementRows(
	movements: readonly Movement[],
	warehouses: readonly Warehouse[]
): MovementRow[] {
	const name = (id: string | null, outside: string) =>
		id === null ? outside : (warehouses.find((w) => w.id === id)?.name ?? id);
	return [...movements]
		.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id))
		.map((movement) => ({
			movement,
			// null on either side: the stock came from, or went to, outside the merchant's
			// warehouses (a supplier, a customer, the bin).
			from: name(movement.fromWarehouseId, 'Outside'),
			to: name(movement.toWarehouseId, 'Outside')
		}));
}

/** Movements read at first and added by each "show older": a busy product has thousands. */
export const MOVEMENTS_STEP = 50;

export class ProductViewState {
	readonly #product: LiveValue<Product | undefined>;
	readonly #stock: LiveValue<StockLevel[]>;
	readonly #orders: LiveValue<Order[]>;
	readonly #movements: LiveValue<Movement[]>;
	readonly #warehouses: LiveValue<Warehouse[]>;
	readonly #deps: ProductViewDeps;
	#productId = $state('');
	#movementLimit = $state(MOVEMENTS_STEP);

	constructor(deps: ProductViewDeps) {
		this.#deps = deps;
		this.#product = new LiveValue(deps.source);
		this.#stock = new LiveValue(deps.source);
		this.#orders = new LiveValue(deps.source);
		this.#movements = new LiveValue(deps.source);
		this.#warehouses = new LiveValue(deps.source);
	}

	get productId(): string {
		return this.#productId;
	}
	get product(): Product | undefined {
		return this.#product.value;
	}
	/** The product was looked up and is not on this tablet. */
	get notFound(): boolean {
		return (
			!this.#product.loading &&
			this.#product.error === null &&
			this.#product.value === undefined &&
			this.#productId !== ''
		);
	}
	get loading(): boolean {
		return this.#product.loading;
	}
	get error(): string | null {
		return (
			this.#product.error ??
			this.#stock.error ??
			this.#warehouses.error ??
			this.#orders.error ??
			this.#movements.error
		);
	}
	get warehouses(): Warehouse[] {
		return this.#warehouses.value ?? [];
	}
	get stock(): StockRow[] {
		return stockRows(this.#stock.value ?? [], this.warehouses);
	}
	get openOrders(): ProductOrderRow[] {
		return productOrderRows(this.#productId, this.#orders.value ?? []);
	}
	get movements(): MovementRow[] {
		// One more than shown is read, to know whether older ones exist.
		const movements = (this.#movements.value ?? []).slice(0, this.#movementLimit);
		return movementRows(movements, this.warehouses);
	}
	get hasOlderMovements(): boolean {
		return (this.#movements.value?.length ?? 0) > this.#movementLimit;
	}
	get ordersLoaded(): boolean {
		return this.#orders.value !== undefined;
	}
	get movementsLoaded(): boolean {
		return this.#movements.value !== undefined;
	}

	start(productId: string): void {
		if (productId !== this.#productId) {
			// Another product: its figures must not show under the previous one's header.
			this.#product.clear();
			this.#stock.clear();
			this.#orders.clear();
			this.#movements.clear();
			this.#movementLimit = MOVEMENTS_STEP;
		}
		this.#productId = productId;
		const deps = this.#deps;
		this.#product.run(() => deps.getProduct(productId));
		this.#stock.run(() => deps.productStock(productId));
		this.#orders.run(() => deps.productOpenOrders(productId));
		this.#queryMovements();
		this.#warehouses.run(() => deps.listWarehouses());
	}

	showOlderMovements(): void {
		if (!this.hasOlderMovements) return;
		this.#movementLimit += MOVEMENTS_STEP;
		this.#queryMovements();
	}

	#queryMovements(): void {
		const productId = this.#productId;
		const limit = this.#movementLimit + 1;
		this.#movements.run(() => this.#deps.productMovements(productId, limit));
	}

	stop(): void {
		this.#product.stop();
		this.#stock.stop();
		this.#orders.stop();
		this.#movements.stop();
		this.#warehouses.stop();
	}
}

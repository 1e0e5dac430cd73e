// A write-through overlay of a DomainReader for the length of one mutation: reads see the
// mutation's earlier writes, and at the end it yields the complete records that really changed.
// It also keeps the two duties every action shares: the order status is re-derived on every
// write, and the reservation is re-run for every (product, warehouse) pair the mutation touched.
import type { ApplyContext, Changes, DomainReader } from './mutation';
import { emptyChanges } from './mutation';
import { compareText, plainEqual } from './plain-data';
import { fitToReservation } from './preparation';
import { reservePair } from './reservation';
import { toShip } from './line-rules';
import type {
	Movement,
	Order,
	PreparationEntry,
	Product,
	Settings,
	StockLevel,
	TimelineEvent,
	Warehouse
} from './schemas';
import { stockId } from './schemas';
import { withDerivedStatus } from './status';

/** One kind of record: what the reader said (base) and what this mutation wrote over it. */
class Table<T> {
	readonly base = new Map<string, T | undefined>();
	readonly written = new Map<string, T | undefined>();
	readonly order: string[] = [];

	async get(id: string, load: () => Promise<T | undefined>): Promise<T | undefined> {
		if (this.written.has(id)) return this.written.get(id);
		if (!this.base.has(id)) this.base.set(id, await load());
		return this.base.get(id);
	}

	/** The version a write replaces, for change detection; the base must be loaded first. */
	current(id: string): T | undefined {
		return this.written.has(id) ? this.written.get(id) : this.base.get(id);
	}

	put(id: string, value: T | undefined): void {
		if (!this.written.has(id)) this.order.push(id);
		this.written.set(id, value);
	}

	/** Ids whose final value differs from the base, in id order (independent of write order). */
	changedIds(): string[] {
		return this.order
			.filter((id) => !plainEqual(this.written.get(id), this.base.get(id)))
			.sort(compareText);
	}
}

interface Pair {
	productId: string;
	warehouseId: string;
}

export class WorkingSet implements DomainReader {
	readonly #reader: DomainReader;
	readonly #ctx: ApplyContext;
	readonly #mutationName: string;
	readonly #orders = new Table<Order>();
	readonly #products = new Table<Product>();
	readonly #warehouses = new Table<Warehouse>();
	readonly #stock = new Table<StockLevel>();
	readonly #preparations = new Table<PreparationEntry>();
	readonly #movements: Movement[] = [];
	readonly #timeline: TimelineEvent[] = [];
	#settingsBase: Settings | undefined;
	#settingsWritten: Settings | undefined;
	#warehouseList: Warehouse[] | undefined;
	/** Pairs whose reservation must re-run, keyed by stock id. */
	readonly #dirtyPairs = new Map<string, Pair>();
	#settling = false;

	/** mutationName becomes the type of the timeline events the mutation adds. */
	constructor(reader: DomainReader, ctx: ApplyContext, mutationName: string) {
		this.#reader = reader;
		this.#ctx = ctx;
		this.#mutationName = mutationName;
	}

	get context(): ApplyContext {
		return this.#ctx;
	}

	// ------------------------------------------------------------------ reads

	order(id: string): Promise<Order | undefined> {
		return this.#orders.get(id, () => this.#reader.order(id));
	}

	product(id: string): Promise<Product | undefined> {
		return this.#products.get(id, () => this.#reader.product(id));
	}

	async productBySku(sku: string): Promise<Product | undefined> {
		for (const product of this.#products.written.values()) {
			if (product?.sku === sku) return product;
		}
		const found = await this.#reader.productBySku(sku);
		return found ? this.product(found.id) : undefined;
	}

	warehouse(id: string): Promise<Warehouse | undefined> {
		return this.#warehouses.get(id, () => this.#reader.warehouse(id));
	}

	/** Every warehouse, by priority then id (the reader's own order does not matter). */
	async warehouses(): Promise<Warehouse[]> {
		this.#warehouseList ??= await this.#reader.warehouses();
		const byId = new Map<string, Warehouse>();
		for (const w of this.#warehouseList) {
			if (!this.#warehouses.base.has(w.id)) this.#warehouses.base.set(w.id, w);
			byId.set(w.id, w);
		}
		for (const [id, w] of this.#warehouses.written) {
			if (w) byId.set(id, w);
			else byId.delete(id);
		}
		return [...byId.values()].sort((a, b) => a.priority - b.priority || compareText(a.id, b.id));
	}

	stock(productId: string, warehouseId: string): Promise<StockLevel | undefined> {
		return this.#stock.get(stockId(productId, warehouseId), () =>
			this.#reader.stock(productId, warehouseId)
		);
	}

	async ordersWithOpenLines(productId: string, warehouseId: string): Promise<Order[]> {
		const orders = await this.#ordersOfPair(productId, warehouseId);
		return orders.filter((order) =>
			order.lines.some(
				(line) =>
					line.productId === productId &&
					line.warehouseId === warehouseId &&
					(toShip(line) > 0 || line.qtyReserved > 0)
			)
		);
	}

	preparation(orderId: string): Promise<PreparationEntry | undefined> {
		return this.#preparations.get(orderId, () => this.#reader.preparation(orderId));
	}

	/**
	 * The warehouse's preparation entries as this mutation sees them, by order id; undefined when
	 * the reader cannot list them (DomainReader.preparationsInWarehouse is optional).
	 */
	async preparationsOf(warehouseId: string): Promise<PreparationEntry[] | undefined> {
		if (!this.#reader.preparationsInWarehouse) return undefined;
		const byId = new Map<string, PreparationEntry>();
		for (const stored of await this.#reader.preparationsInWarehouse(warehouseId)) {
			if (!this.#preparations.base.has(stored.orderId)) {
				this.#preparations.base.set(stored.orderId, stored);
			}
			const current = this.#preparations.current(stored.orderId);
			if (current) byId.set(current.orderId, current);
		}
		for (const [id, entry] of this.#preparations.written) {
			if (entry) byId.set(id, entry);
			else byId.delete(id);
		}
		return [...byId.values()]
			.filter((entry) => entry.warehouseId === warehouseId)
			.sort((a, b) => compareText(a.orderId, b.orderId));
	}

	async settings(): Promise<Settings> {
		if (this.#settingsWritten) return this.#settingsWritten;
		this.#settingsBase ??= await this.#reader.settings();
		return this.#settingsBase;
	}

	/**
	 * The reader's open orders of the pair, seen through this mutation's writes, plus every order
	 * this mutation holds with a line of the pair (open or not: a line closed by this mutation
	 * must give its reservation back).
	 */
	async #ordersOfPair(productId: string, warehouseId: string): Promise<Order[]> {
		const byId = new Map<string, Order>();
		for (const stored of await this.#reader.ordersWithOpenLines(productId, warehouseId)) {
			if (!this.#orders.base.has(stored.id)) this.#orders.base.set(stored.id, stored);
			const current = this.#orders.current(stored.id);
			if (current) byId.set(current.id, current);
		}
		for (const [id, order] of this.#orders.written) {
			if (!order) continue;
			const hasLine = order.lines.some(
				(l) => l.productId === productId && l.warehouseId === warehouseId
			);
			if (hasLine) byId.set(id, order);
		}
		return [...byId.values()].sort((a, b) => compareText(a.id, b.id));
	}

	// ------------------------------------------------------------------ writes

	/**
	 * Stores the order with its status re-derived. Marks for a reservation re-run every pair
	 * whose line quantities, warehouse or reservation changed, and all the order's pairs when
	 * its status changed. The previous version must have been read through this working set.
	 */
	putOrder(next: Order): Order {
		const order = withDerivedStatus(next);
		const previous = this.#orders.current(order.id);
		this.#orders.put(order.id, order);
		if (!this.#settling) this.#markOrderPairs(previous, order);
		return order;
	}

	putProduct(product: Product): void {
		this.#products.put(product.id, product);
	}

	putWarehouse(warehouse: Warehouse): void {
		this.#warehouses.put(warehouse.id, warehouse);
	}

	/** Stores a stock row; a change of physical stock re-runs the pair's reservation. */
	putStock(level: StockLevel): void {
		const previous = this.#stock.current(level.id);
		this.#stock.put(level.id, level);
		if (!this.#settling && previous?.physical !== level.physical) this.#markPair(level);
	}

	addMovement(movement: Movement): void {
		this.#movements.push(movement);
	}

	/** Putting or removing an entry changes which lines keep their reservation first. */
	async putPreparation(entry: PreparationEntry): Promise<void> {
		await this.preparation(entry.orderId);
		this.#preparations.put(entry.orderId, entry);
		await this.#markPreparationPairs(entry.orderId);
	}

	async removePreparation(orderId: string): Promise<void> {
		await this.preparation(orderId);
		this.#preparations.put(orderId, undefined);
		await this.#markPreparationPairs(orderId);
	}

	putSettings(settings: Settings): void {
		this.#settingsWritten = settings;
	}

	/**
	 * Adds a timeline event; ids are `<clientId>:<mutationId>:<n>`, n = 1, 2, 3 … per mutation.
	 * subjectId is the order id, or for another subject that record's id.
	 */
	addEvent(subjectId: string, summary: string, subject?: TimelineEvent['subject']): void {
		const ctx = this.#ctx;
		const event: TimelineEvent = {
			id: `${ctx.clientId}:${ctx.mutationId}:${this.#timeline.length + 1}`,
			orderId: subjectId,
			at: ctx.now,
			actor: ctx.actor,
			actorKind: ctx.actorKind,
			type: this.#mutationName,
			summary: summary.slice(0, 2000)
		};
		if (subject !== undefined && subject !== 'order') event.subject = subject;
		this.#timeline.push(event);
	}

	#markPair(pair: Pair): void {
		this.#dirtyPairs.set(stockId(pair.productId, pair.warehouseId), {
			productId: pair.productId,
			warehouseId: pair.warehouseId
		});
	}

	#markOrderPairs(previous: Order | undefined, next: Order): void {
		const statusChanged = previous?.status !== next.status;
		const before = new Map((previous?.lines ?? []).map((l) => [l.id, l]));
		for (const line of next.lines) {
			const old = before.get(line.id);
			before.delete(line.id);
			const same =
				old !== undefined &&
				old.productId === line.productId &&
				old.warehouseId === line.warehouseId &&
				toShip(old) === toShip(line) &&
				old.qtyReserved === line.qtyReserved;
			if (!same || statusChanged) this.#markPair(line);
			if (old && !same) this.#markPair(old);
		}
		for (const removed of before.values()) this.#markPair(removed);
	}

	async #markPreparationPairs(orderId: string): Promise<void> {
		const order = await this.order(orderId);
		for (const line of order?.lines ?? []) this.#markPair(line);
	}

	// ------------------------------------------------------------------ end of the mutation

	/** Re-runs the reservation of every pair the mutation touched, in stock-id order. */
	async settle(): Promise<void> {
		const settings = await this.settings();
		this.#settling = true;
		try {
			const ids = [...this.#dirtyPairs.keys()].sort(compareText);
			for (const id of ids) {
				const { productId, warehouseId } = this.#dirtyPairs.get(id)!;
				const orders = await this.#ordersOfPair(productId, warehouseId);
				const preparations: PreparationEntry[] = [];
				for (const order of orders) {
					const entry = await this.preparation(order.id);
					if (entry) preparations.push(entry);
				}
				const result = reservePair({
					productId,
					warehouseId,
					stock: await this.stock(productId, warehouseId),
					orders,
					preparations,
					settings
				});
				for (const order of result.orders) await this.#fitPreparation(this.putOrder(order));
				if (result.stock) this.putStock(result.stock);
			}
			this.#dirtyPairs.clear();
		} finally {
			this.#settling = false;
		}
	}

	/**
	 * An entry not packed yet never holds more than its lines have reserved (taken ≤ reserved):
	 * when stock fell and the reservation released units in preparation, the entry is cut too.
	 * No re-run follows: a release leaves the pair no free stock, so the cut lines get none.
	 */
	async #fitPreparation(order: Order): Promise<void> {
		const entry = await this.preparation(order.id);
		const fitted = entry && fitToReservation(entry, order);
		if (!fitted) return;
		this.#preparations.put(order.id, fitted.entry);
		this.addEvent(order.id, fitted.summary);
	}

	/** The complete records that changed, and the events the mutation added. */
	changes(): Changes {
		const changes = emptyChanges();
		const pick = <T>(table: Table<T>): T[] =>
			table.changedIds().flatMap((id) => {
				const value = table.written.get(id);
				return value === undefined ? [] : [value];
			});
		changes.orders = pick(this.#orders);
		changes.products = pick(this.#products);
		changes.warehouses = pick(this.#warehouses);
		changes.stock = pick(this.#stock);
		changes.movements = [...this.#movements];
		changes.preparations = pick(this.#preparations);
		changes.preparationsRemoved = this.#preparations
			.changedIds()
			.filter((id) => this.#preparations.written.get(id) === undefined);
		changes.timeline = [...this.#timeline];
		if (this.#settingsWritten && !plainEqual(this.#settingsWritten, this.#settingsBase)) {
			changes.settings = this.#settingsWritten;
		}
		return changes;
	}
}

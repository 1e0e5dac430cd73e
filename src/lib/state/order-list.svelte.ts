// The orders list: the first page paints at once, the full id list arrives behind it, and
// only the rows on screen are read (a list of 100,000 orders holds ~20 rows in memory).
// Every read is live, so an action or a sync pull refreshes what is on screen.
import type { Order, Shop, Warehouse } from '$lib/domain/schemas';
import type { OrderListQuery, OrderTab } from '$lib/local/queries';
import { LiveValue, type LiveSource } from './live-value.svelte';
import { orderQuerySearch, sameOrderQuery } from './order-list-url';
import { loadBlock, type RowRange } from './virtual-window';

export interface OrderListDeps {
	live: LiveSource;
	listOrderPage(query: OrderListQuery, offset: number, limit: number): Promise<Order[]>;
	listOrderKeys(query: OrderListQuery): Promise<string[]>;
	getOrders(ids: string[]): Promise<(Order | undefined)[]>;
	countByTab(query: OrderListQuery): Promise<Partial<Record<OrderTab, number>>>;
	listShops(): Promise<Shop[]>;
	listWarehouses(): Promise<Warehouse[]>;
}

/** Rows painted before the id list arrives. */
export const FIRST_PAGE = 50;
/** Rows read together while scrolling. */
export const BLOCK = 50;

export class OrderList {
	#query = $state.raw<OrderListQuery | null>(null);
	#range = $state.raw<RowRange>({ start: 0, end: FIRST_PAGE });
	#windowKey = '';
	#paused = false;
	/** The query whose ids are being read live; null when none is. */
	#keysFor: OrderListQuery | null = null;
	/** The tab-less query whose counts are being read live. */
	#countsFor: string | null = null;
	readonly #firstPage: LiveValue<Order[]>;
	readonly #keys: LiveValue<string[]>;
	readonly #window: LiveValue<(Order | undefined)[]>;
	readonly #counts: LiveValue<Partial<Record<OrderTab, number>>>;
	readonly #shops: LiveValue<Shop[]>;
	readonly #warehouses: LiveValue<Warehouse[]>;
	readonly #deps: OrderListDeps;

	// Orders on screen by id: the window when it has them, else the first page.
	#byId: Record<string, Order>;

	constructor(deps: OrderListDeps) {
		this.#deps = deps;
		this.#firstPage = new LiveValue(deps.live);
		this.#keys = new LiveValue(deps.live);
		this.#window = new LiveValue(deps.live);
		this.#counts = new LiveValue(deps.live);
		this.#shops = new LiveValue(deps.live);
		this.#warehouses = new LiveValue(deps.live);
		this.#byId = $derived(
			Object.fromEntries(
				[...(this.#firstPage.value ?? []), ...(this.#window.value ?? [])]
					.filter((order): order is Order => order !== undefined)
					.map((order) => [order.id, order])
			)
		);
	}

	get query(): OrderListQuery | null {
		return this.#query;
	}

	/** Ids known yet? Until then the list shows only the first page. */
	get keysLoaded(): boolean {
		return this.#keys.value !== undefined;
	}

	/** Rows in the list: every match once the ids are known, else the first page. */
	get total(): number {
		return this.#keys.value?.length ?? this.#firstPage.value?.length ?? 0;
	}

	/** Nothing painted yet for the current query. */
	get loading(): boolean {
		return this.#firstPage.value === undefined && this.#keys.value === undefined;
	}

	get empty(): boolean {
		return !this.loading && this.total === 0;
	}

	get error(): string | null {
		return this.#firstPage.error ?? this.#keys.error ?? this.#window.error ?? this.#counts.error;
	}

	get counts(): Partial<Record<OrderTab, number>> | undefined {
		return this.#counts.value;
	}

	get shops(): Shop[] {
		return this.#shops.value ?? [];
	}

	get warehouses(): Warehouse[] {
		return this.#warehouses.value ?? [];
	}

	shopName(shopId: string): string {
		return this.shops.find((shop) => shop.id === shopId)?.name ?? shopId;
	}

	/** The order at a list position, or undefined while it is being read. */
	rowAt(index: number): Order | undefined {
		const keys = this.#keys.value;
		if (keys) {
			const id = keys[index];
			return id !== undefined && Object.hasOwn(this.#byId, id) ? this.#byId[id] : undefined;
		}
		return this.#firstPage.value?.[index];
	}

	/** The id at a list position, known before the order itself is read. */
	idAt(index: number): string | undefined {
		return this.#keys.value?.[index] ?? this.#firstPage.value?.[index]?.id;
	}

	start(): void {
		this.#shops.run(() => this.#deps.listShops());
		this.#warehouses.run(() => this.#deps.listWarehouses());
	}

	stop(): void {
		this.#keysFor = null;
		this.#countsFor = null;
		this.#windowKey = '';
		for (const live of [
			this.#firstPage,
			this.#keys,
			this.#window,
			this.#counts,
			this.#shops,
			this.#warehouses
		]) {
			live.stop();
		}
	}

	/**
	 * Shows another list. The first page is asked for alone, and the id list and the counts
	 * only once it has answered: IndexedDB serves one big key read (770 ms for 100,000 ids)
	 * before the small page read queued behind it, so asking for everything at once would
	 * keep the page from painting.
	 */
	setQuery(query: OrderListQuery): void {
		const previous = this.#query;
		if (previous && sameOrderQuery(previous, query)) return;
		this.#query = query;
		this.#range = { start: 0, end: FIRST_PAGE };
		this.#windowKey = '';
		this.#keysFor = null;
		this.#window.clear();
		this.#firstPage.clear();
		this.#keys.clear();
		this.#firstPage.run(
			() => this.#deps.listOrderPage(query, 0, FIRST_PAGE),
			() => this.#startBackground(query)
		);
	}

	/**
	 * Stops the list's big live reads (ids, counts, rows beyond the first page) while it is
	 * hidden behind the order view, so that an action's own refresh is not queued behind them.
	 */
	pause(): void {
		if (this.#paused) return;
		this.#paused = true;
		this.#keys.stop();
		this.#counts.stop();
		this.#window.stop();
		this.#keysFor = null;
		this.#countsFor = null;
		this.#windowKey = '';
	}

	/** Live again, re-reading what may have changed meanwhile. */
	resume(): void {
		if (!this.#paused) return;
		this.#paused = false;
		if (this.#query && this.#firstPage.value !== undefined) this.#startBackground(this.#query);
	}

	get paused(): boolean {
		return this.#paused;
	}

	#startBackground(query: OrderListQuery): void {
		if (this.#paused || this.#query !== query) return;
		if (this.#keysFor !== query) {
			this.#keysFor = query;
			// Then the rows on screen and the counts, in that order, for the same reason.
			this.#keys.run(
				() => this.#deps.listOrderKeys(query),
				() => {
					this.#loadWindow();
					this.#startCounts(query);
				}
			);
		}
	}

	#startCounts(query: OrderListQuery): void {
		if (this.#paused || this.#query !== query) return;
		// Counts do not depend on the tab: the old ones stay while only the tab changes.
		const countsKey = orderQuerySearch({ ...query, tab: 'all' });
		if (this.#countsFor !== countsKey) {
			this.#countsFor = countsKey;
			this.#counts.run(() => this.#deps.countByTab(query));
		}
	}

	/** The rows on screen changed (scroll, resize). */
	setRange(range: RowRange): void {
		if (range.start === this.#range.start && range.end === this.#range.end) return;
		this.#range = range;
		this.#loadWindow();
	}

	#loadWindow(): void {
		const keys = this.#keys.value;
		if (!keys || this.#paused) return;
		const block = loadBlock(this.#range, BLOCK, keys.length);
		const ids = keys.slice(block.start, block.end);
		const key = ids.join(',');
		// Same ids as the live read already running: it refreshes by itself.
		if (key === this.#windowKey) return;
		this.#windowKey = key;
		if (ids.length === 0) {
			this.#window.clear();
			return;
		}
		this.#window.run(() => this.#deps.getOrders(ids));
	}
}

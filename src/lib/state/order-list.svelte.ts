// The orders list, paged by windows: the first page paints at once, the list's size comes from
// the tab counts that are already on screen, and only the rows in view are read, each window
// one index range read (a list of 100,000 orders holds ~100 rows in memory and reads no ids).
// Queries that no single index answers (search, a warehouse, dates with other filters) read
// their id list behind the first page instead. Every read is live, so an action or a sync pull
// refreshes what is on screen.
import { untrack } from 'svelte';
import type { Order, Shop, Warehouse } from '$lib/domain/schemas';
import type {
	OrderListPaging,
	OrderListQuery,
	OrderTab,
	PageAnchor,
	PageDirection
} from '$lib/local/queries';
import { LiveValue, type LiveSource } from './live-value.svelte';
import { orderQuerySearch, sameOrderQuery } from './order-list-url';
import { loadBlock, planBlockRead, type KnownRow, type RowRange } from './virtual-window';

export interface OrderListDeps {
	live: LiveSource;
	/** Whether the query pages by index and counts cheaply (queries.ts orderListPaging). */
	paging(query: OrderListQuery): OrderListPaging;
	listOrderPage(query: OrderListQuery, offset: number, limit: number): Promise<Order[]>;
	/** Rows next to a known row (keyset): no walk over the rows above, however deep. */
	listOrderPageFrom(
		query: OrderListQuery,
		anchor: PageAnchor,
		direction: PageDirection,
		limit: number,
		skip?: number
	): Promise<Order[]>;
	/** Rows counted from the end of the list (a jump near the end). */
	listOrderPageFromEnd(query: OrderListQuery, fromEnd: number, limit: number): Promise<Order[]>;
	listOrderKeys(query: OrderListQuery, signal?: AbortSignal): Promise<string[]>;
	getOrders(ids: string[]): Promise<(Order | undefined)[]>;
	countByTab(query: OrderListQuery): Promise<Partial<Record<OrderTab, number>>>;
	listShops(): Promise<Shop[]>;
	listWarehouses(): Promise<Warehouse[]>;
}

/** Rows painted first, before anything else is read. */
export const FIRST_PAGE = 50;
/** Rows read together while scrolling. */
export const BLOCK = 50;
/** Reads that walk past more rows than this (jumps) wait until the scrolling stops… */
export const LONG_WALK = 2000;
/** …for this long. */
export const JUMP_SETTLE_MS = 120;

/** Rows read for one window, from `start` on. */
interface Window {
	start: number;
	orders: (Order | undefined)[];
}

/** One way to read a block, and how many rows IndexedDB walks past for it. */
interface BlockRead {
	walk: number;
	read: () => Promise<Order[]>;
}

const NO_PAGING: OrderListPaging = { byIndex: false, counted: false };

function anchorOf(order: Order): PageAnchor {
	return { id: order.id, placedAt: order.placedAt, grandTotal: order.grandTotal };
}

/** Counts do not depend on the tab or the sort: one key for the filters alone. */
function filtersKey(query: OrderListQuery): string {
	return orderQuerySearch({ ...query, tab: 'all', sort: 'date_desc' });
}

export class OrderList {
	/** The list asked for. */
	#query = $state.raw<OrderListQuery | null>(null);
	/** The list on screen: the last one asked for once its first page is in. */
	#shown = $state.raw<OrderListQuery | null>(null);
	#paging = $state.raw<OrderListPaging>(NO_PAGING);
	#range = $state.raw<RowRange>({ start: 0, end: FIRST_PAGE });
	/** What the window read that is running covers; '' when none is. */
	#windowKey = '';
	/** A long read waiting for the scrolling to stop. */
	#jumpTimer: ReturnType<typeof setTimeout> | undefined;
	#paused = false;
	/** The query whose ids are being read live; null when none is. */
	#keysFor: OrderListQuery | null = null;
	/** Ends the id read of a list that was left (see listOrderKeys). */
	#keysAbort: AbortController | null = null;
	/** The filters whose counts are being read live. */
	#countsFor: string | null = null;
	/** The filters the counts on hand are for. */
	#countsValueFor = $state<string | null>(null);
	readonly #firstPage: LiveValue<Order[]>;
	readonly #keys: LiveValue<string[]>;
	readonly #window: LiveValue<Window>;
	readonly #counts: LiveValue<Partial<Record<OrderTab, number>>>;
	readonly #shops: LiveValue<Shop[]>;
	readonly #warehouses: LiveValue<Warehouse[]>;
	readonly #deps: OrderListDeps;

	// With an id list: orders on screen by id, the window's over the first page's.
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
				[...(this.#firstPage.value ?? []), ...(this.#window.value?.orders ?? [])]
					.filter((order): order is Order => order !== undefined)
					.map((order) => [order.id, order])
			)
		);
	}

	/** The list asked for (its tab is the selected one). */
	get query(): OrderListQuery | null {
		return this.#query;
	}

	/** The list whose rows are on screen: the previous one until the new first page is in. */
	get shownQuery(): OrderListQuery | null {
		return this.#shown;
	}

	/** Ids known yet? Only lists that no index pages read them. */
	get keysLoaded(): boolean {
		return this.#keys.value !== undefined;
	}

	/** Does every window come from its own index read (no id list)? */
	get pagedByIndex(): boolean {
		return this.#paging.byIndex;
	}

	/**
	 * Rows in the list: the ids when they are read, else the current tab's count when the counts
	 * answer this query, else the first page.
	 */
	get total(): number {
		return this.#keys.value?.length ?? this.#countedTotal ?? this.#firstPage.value?.length ?? 0;
	}

	get #countedTotal(): number | undefined {
		const shown = this.#shown;
		if (!shown || !this.#paging.counted) return undefined;
		if (this.#countsValueFor !== filtersKey(shown)) return undefined;
		return this.#counts.value?.[shown.tab];
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
		const window = this.#window.value;
		if (window && index >= window.start && index < window.start + window.orders.length) {
			return window.orders[index - window.start];
		}
		return this.#firstPage.value?.[index];
	}

	/** The id at a list position: from the id list when there is one, else from the row. */
	idAt(index: number): string | undefined {
		return this.#keys.value?.[index] ?? this.rowAt(index)?.id;
	}

	start(): void {
		this.#shops.run(() => this.#deps.listShops());
		this.#warehouses.run(() => this.#deps.listWarehouses());
	}

	stop(): void {
		this.#stopKeys();
		this.#countsFor = null;
		this.#windowKey = '';
		this.#cancelJump();
		for (const live of [
			this.#firstPage,
			this.#window,
			this.#counts,
			this.#shops,
			this.#warehouses
		]) {
			live.stop();
		}
	}

	/**
	 * Shows another list. The first page is asked for alone, and the rest only once it has
	 * answered: IndexedDB serves a big read (770 ms for 100,000 ids) before a small page read
	 * queued behind it. The last list's reads are stopped, and the id read aborted, so none of
	 * them answers into this list or keeps its first page waiting. Its rows stay on screen until
	 * the new first page replaces them, rows and size at once (no flash of empty rows), and then
	 * `onShown` is called.
	 */
	setQuery(query: OrderListQuery, onShown?: () => void): void {
		const previous = this.#query;
		if (previous && sameOrderQuery(previous, query)) return;
		this.#query = query;
		this.#windowKey = '';
		this.#cancelJump();
		this.#stopKeys();
		this.#window.stop();
		this.#firstPage.run(
			() => this.#deps.listOrderPage(query, 0, FIRST_PAGE),
			() => this.#firstPageIn(query, onShown)
		);
	}

	#firstPageIn(query: OrderListQuery, onShown?: () => void): void {
		if (this.#shown !== query) {
			this.#shown = query;
			this.#paging = this.#deps.paging(query);
			this.#range = { start: 0, end: FIRST_PAGE };
			this.#windowKey = '';
			this.#keys.clear();
			this.#window.clear();
			onShown?.();
		}
		this.#startBackground(query);
	}

	/**
	 * Stops the list's big live reads (ids, counts, rows beyond the first page) while it is
	 * hidden behind the order view, so that an action's own refresh is not queued behind them.
	 */
	pause(): void {
		if (this.#paused) return;
		this.#paused = true;
		this.#stopKeys();
		this.#counts.stop();
		this.#window.stop();
		this.#countsFor = null;
		this.#windowKey = '';
		this.#cancelJump();
	}

	/** Live again, re-reading what may have changed meanwhile. */
	resume(): void {
		if (!this.#paused) return;
		this.#paused = false;
		if (this.#query && this.#shown === this.#query) this.#startBackground(this.#query);
	}

	get paused(): boolean {
		return this.#paused;
	}

	#stopKeys(): void {
		this.#keysAbort?.abort();
		this.#keysAbort = null;
		this.#keysFor = null;
		this.#keys.stop();
	}

	#current(query: OrderListQuery): boolean {
		return !this.#paused && this.#query === query && this.#shown === query;
	}

	#startBackground(query: OrderListQuery): void {
		if (!this.#current(query)) return;
		// Cheap counts first: they give the list its size before any other read.
		if (this.#paging.counted) this.#startCounts(query);
		if (this.#paging.byIndex) {
			this.#loadWindow();
			return;
		}
		if (this.#keysFor === query) return;
		this.#keysFor = query;
		const abort = new AbortController();
		this.#keysAbort = abort;
		// Then the rows on screen and slow counts, in that order, for the same reason.
		this.#keys.run(
			() => this.#deps.listOrderKeys(query, abort.signal),
			() => {
				this.#loadWindow();
				this.#startCounts(query);
			}
		);
	}

	#startCounts(query: OrderListQuery): void {
		if (!this.#current(query)) return;
		const key = filtersKey(query);
		if (this.#countsFor === key) return;
		this.#countsFor = key;
		this.#counts.run(
			() => this.#deps.countByTab(query),
			() => {
				this.#countsValueFor = key;
				// A new size may bring rows into view that the last window did not cover.
				this.#loadWindow();
			}
		);
	}

	/** The rows on screen changed (scroll, resize). */
	setRange(range: RowRange): void {
		if (range.start === this.#range.start && range.end === this.#range.end) return;
		this.#range = range;
		this.#loadWindow();
	}

	#loadWindow(settled = false): void {
		// Called from effects (setRange): what it reads here must not make them re-run.
		untrack(() => this.#loadWindowNow(settled));
	}

	#loadWindowNow(settled: boolean): void {
		const query = this.#query;
		// Until its first page is in, a new list reads nothing more (its rows are not shown).
		if (!query || this.#paused || this.#shown !== query) return;
		const keys = this.#keys.value;
		if (keys) {
			const block = loadBlock(this.#range, BLOCK, keys.length);
			const ids = keys.slice(block.start, block.end);
			this.#readWindow(`ids:${ids.join(',')}`, ids.length, async () => ({
				start: block.start,
				orders: await this.#deps.getOrders(ids)
			}));
			return;
		}
		if (!this.#paging.byIndex) return;
		const block = loadBlock(this.#range, BLOCK, this.total);
		// The first page, live already, has these rows.
		const length = block.end <= FIRST_PAGE ? 0 : block.end - block.start;
		const key = `rows:${block.start}:${length}`;
		if (key === this.#windowKey) return;
		this.#cancelJump();
		if (length === 0) {
			this.#readWindow(key, 0, async () => ({ start: 0, orders: [] }));
			return;
		}
		const { walk, read } = this.#blockRead(query, block);
		// A long walk while the rows on screen still move (a scroll bar dragged) would queue
		// reads that IndexedDB serves one after the other: only where it stops is read.
		if (walk > LONG_WALK && !settled) {
			this.#jumpTimer = setTimeout(() => {
				this.#jumpTimer = undefined;
				this.#loadWindow(true);
			}, JUMP_SETTLE_MS);
			return;
		}
		this.#readWindow(key, length, async () => ({ start: block.start, orders: await read() }));
	}

	#cancelJump(): void {
		clearTimeout(this.#jumpTimer);
		this.#jumpTimer = undefined;
	}

	/**
	 * How to read a block of rows: from rows read already when it can (planBlockRead), as an
	 * offset IndexedDB walks row by row, which is slow deep in a long list, only for a jump.
	 */
	#blockRead(query: OrderListQuery, block: RowRange): BlockRead {
		const length = block.end - block.start;
		const deps = this.#deps;
		const from = (row: Order, direction: PageDirection, limit: number, skip = 0) =>
			deps.listOrderPageFrom(query, anchorOf(row), direction, limit, skip);
		const { walk, plan } = planBlockRead(block, this.total, this.#knownRows(block));
		switch (plan.kind) {
			case 'after':
				return { walk, read: () => from(plan.anchor, 'after', length, plan.skip) };
			case 'before':
				return { walk, read: () => from(plan.anchor, 'before', length, plan.skip) };
			case 'split':
				return {
					walk,
					read: async () => [
						...(plan.head > 0 ? await from(plan.anchor, 'before', plan.head) : []),
						...(await from(plan.anchor, 'from', length - plan.head))
					]
				};
			case 'offset':
				return { walk, read: () => deps.listOrderPage(query, plan.offset, length) };
			case 'fromEnd':
				return { walk, read: () => deps.listOrderPageFromEnd(query, plan.fromEnd, length) };
		}
	}

	/**
	 * Rows read that a block can start from: the first page's last, the window's first and last,
	 * and the first one inside the block.
	 */
	#knownRows(block: RowRange): KnownRow<Order>[] {
		const indices: number[] = [];
		const firstPage = this.#firstPage.value;
		if (firstPage?.length) indices.push(firstPage.length - 1);
		const window = this.#window.value;
		if (window?.orders.length) {
			indices.push(window.start, window.start + window.orders.length - 1);
		}
		indices.push(block.start, Math.max(block.start, window?.start ?? block.start));
		return indices.flatMap((index) => {
			const row = this.rowAt(index);
			return row ? [{ index, row }] : [];
		});
	}

	#readWindow(key: string, length: number, read: () => Promise<Window>): void {
		// The same rows as the live read already running: it refreshes by itself.
		if (key === this.#windowKey) return;
		this.#windowKey = key;
		if (length === 0) this.#window.clear();
		else this.#window.run(read);
	}
}

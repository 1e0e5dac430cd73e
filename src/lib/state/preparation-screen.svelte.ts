// Sales ▸ Order preparation, per warehouse: the tabs with live counts, the rows of the current
// tab (filtered here, in memory: a tab holds at most a few thousand open orders), selection and
// taking orders into In progress, and the In progress entries of every operator. Every write
// goes through perform (performAction): the rules decide, and a refusal comes back with the
// rule's own message.
import { SvelteSet } from 'svelte/reactivity';
import { takeRefusal, type PreparationTab } from '$lib/domain/preparation';
import type { Order, PreparationEntry, Shop, Warehouse } from '$lib/domain/schemas';
import {
	hasPreparationFilters,
	matchesPreparationFilters,
	withoutTaken,
	type InProgressRow,
	type PreparationFilters,
	type WaitingTab
} from '$lib/local/preparation-queries';
import type { Perform, PerformResult } from './action-form.svelte';
import { LiveValue, type LiveSource } from './live-value.svelte';
import type { PreparationQuery } from './preparation-url';
import {
	filterOptions,
	orderEntries,
	orderLabels,
	type AddOutcome,
	type EntryRow,
	type FilterOption,
	type WaitingRow
} from './preparation-rows';

export interface PreparationDeps {
	live: LiveSource;
	listWarehouses(): Promise<Warehouse[]>;
	listShops(): Promise<Shop[]>;
	/** The tab's orders by their index key, taken or not (joined with the entries here). */
	ordersInTab(warehouseId: string, tab: WaitingTab): Promise<Order[]>;
	listPreparations(): Promise<PreparationEntry[]>;
	inProgressRows(warehouseId: string): Promise<InProgressRow[]>;
	preparationCounts(
		warehouseId: string,
		filters: PreparationFilters
	): Promise<Record<PreparationTab, number>>;
	perform: Perform;
	/** Who acts on this tablet (the entries' operator). */
	actor: string;
}

/** A resolved query: the warehouse is known. */
export type ShownQuery = PreparationQuery & { warehouseId: string };

export class PreparationScreen {
	#query = $state.raw<ShownQuery | null>(null);
	readonly #selected = new SvelteSet<string>();
	#busy = $state(false);
	#outcome = $state.raw<AddOutcome | null>(null);
	readonly #warehouses: LiveValue<Warehouse[]>;
	readonly #shops: LiveValue<Shop[]>;
	readonly #waiting: LiveValue<Order[]>;
	readonly #allEntries: LiveValue<PreparationEntry[]>;
	readonly #entries: LiveValue<InProgressRow[]>;
	readonly #counts: LiveValue<Record<PreparationTab, number>>;
	readonly #deps: PreparationDeps;
	/** What the counts and the rows are read for, so a filter change re-reads only the counts. */
	#countsKey = '';
	#rowsKey = '';
	// Derived once per change, not per read: a tab can hold a few thousand orders.
	/** The tab's orders less those taken: two live reads joined here (see ordersInTab). */
	readonly #untaken = $derived.by(() => {
		const warehouseId = this.#query?.warehouseId;
		const orders = this.#waiting.value;
		if (!warehouseId || !orders) return [];
		return withoutTaken(orders, this.#allEntries.value ?? [], warehouseId);
	});
	readonly #rows = $derived.by(() => this.#computeRows());
	readonly #entryRows = $derived.by(() => this.#computeEntries());

	constructor(deps: PreparationDeps) {
		this.#deps = deps;
		this.#warehouses = new LiveValue(deps.live);
		this.#shops = new LiveValue(deps.live);
		this.#waiting = new LiveValue(deps.live);
		this.#allEntries = new LiveValue(deps.live);
		this.#entries = new LiveValue(deps.live);
		this.#counts = new LiveValue(deps.live);
	}

	get actor(): string {
		return this.#deps.actor;
	}
	get query(): ShownQuery | null {
		return this.#query;
	}
	get warehouses(): Warehouse[] {
		return this.#warehouses.value ?? [];
	}
	/** Warehouses known yet (the query's warehouse is resolved against them). */
	get warehousesLoaded(): boolean {
		return this.#warehouses.value !== undefined;
	}
	get shops(): Shop[] {
		return this.#shops.value ?? [];
	}
	get warehouse(): Warehouse | undefined {
		const id = this.#query?.warehouseId;
		return this.warehouses.find((w) => w.id === id);
	}
	get counts(): Record<PreparationTab, number> | undefined {
		return this.#counts.value;
	}
	get busy(): boolean {
		return this.#busy;
	}
	get outcome(): AddOutcome | null {
		return this.#outcome;
	}
	get error(): string | null {
		return (
			this.#warehouses.error ??
			this.#waiting.error ??
			this.#allEntries.error ??
			this.#entries.error ??
			this.#counts.error
		);
	}
	get inProgress(): boolean {
		return this.#query?.tab === 'in_progress';
	}
	/** Nothing read yet for the current tab. */
	get loading(): boolean {
		return this.inProgress
			? this.#entries.value === undefined
			: this.#waiting.value === undefined || this.#allEntries.value === undefined;
	}

	shopName(shopId: string): string {
		return this.shops.find((shop) => shop.id === shopId)?.name ?? shopId;
	}

	/** The waiting tab's rows that pass the filters, each with the reason it cannot be taken. */
	get rows(): WaitingRow[] {
		return this.#rows;
	}

	/** In progress: the warehouse's entries passing the filters, mine first. */
	get entries(): EntryRow[] {
		return this.#entryRows;
	}

	#computeRows(): WaitingRow[] {
		const query = this.#query;
		const warehouse = this.warehouse;
		if (!query || this.inProgress) return [];
		const warehouses = this.warehouses;
		return this.#untaken
			.filter((order) => matchesPreparationFilters(order, query.filters))
			.map((order) => ({
				order,
				refusal: warehouse
					? takeRefusal(order, warehouse, undefined, this.#deps.actor, warehouses)
					: null
			}));
	}

	#computeEntries(): EntryRow[] {
		const query = this.#query;
		if (!query || !this.inProgress) return [];
		// An entry whose order this tablet lacks matches no filter (as the counts say).
		const filtered = hasPreparationFilters(query.filters);
		const rows = (this.#entries.value ?? []).filter((row) =>
			row.order ? matchesPreparationFilters(row.order, query.filters) : !filtered
		);
		return orderEntries(rows, this.#deps.actor);
	}

	/** Shipped entries are waiting for Flush shipped. */
	get shippedCount(): number {
		return (this.#entries.value ?? []).filter((row) => row.entry.status === 'shipped').length;
	}

	/** The orders the current tab holds before filtering: where the filter choices come from. */
	#tabOrders(): Order[] {
		if (this.inProgress) {
			return (this.#entries.value ?? []).flatMap((row) => (row.order ? [row.order] : []));
		}
		return this.#untaken;
	}

	/** Shipping methods in this tab (and the chosen one, even when the tab has none of it). */
	get methodOptions(): FilterOption[] {
		return filterOptions(
			this.#tabOrders(),
			(order) => [order.shippingMethod.code, order.shippingMethod.label],
			this.#query?.filters.shippingMethod
		);
	}

	/** Shipping countries in this tab (and the chosen one). */
	get countryOptions(): FilterOption[] {
		return filterOptions(
			this.#tabOrders(),
			(order) => [order.shippingAddress.country, order.shippingAddress.country],
			this.#query?.filters.country
		);
	}

	// ------------------------------------------------------------ selection

	/** Only In stock and Partial orders are taken from this screen's list. */
	get canTake(): boolean {
		const tab = this.#query?.tab;
		return tab === 'in_stock' || tab === 'partial';
	}

	get selectableIds(): string[] {
		if (!this.canTake) return [];
		return this.rows.filter((row) => row.refusal === null).map((row) => row.order.id);
	}

	/** The selected orders still shown (an order that left the tab drops out by itself). */
	get selectedIds(): string[] {
		return this.selectableIds.filter((id) => this.#selected.has(id));
	}

	isSelected(orderId: string): boolean {
		return this.#selected.has(orderId);
	}

	get allSelected(): boolean {
		const ids = this.selectableIds;
		return ids.length > 0 && ids.every((id) => this.#selected.has(id));
	}

	toggle(orderId: string, on = !this.#selected.has(orderId)): void {
		if (on) this.#selected.add(orderId);
		else this.#selected.delete(orderId);
	}

	/** Selects (or clears) every order shown that can be taken. */
	selectAll(on: boolean): void {
		this.#selected.clear();
		if (on) for (const id of this.selectableIds) this.#selected.add(id);
	}

	dismissOutcome(): void {
		this.#outcome = null;
	}

	// ------------------------------------------------------------ reading

	start(): void {
		this.#warehouses.run(() => this.#deps.listWarehouses());
		this.#shops.run(() => this.#deps.listShops());
		this.#allEntries.run(() => this.#deps.listPreparations());
	}

	stop(): void {
		for (const live of [
			this.#warehouses,
			this.#shops,
			this.#waiting,
			this.#allEntries,
			this.#entries,
			this.#counts
		]) {
			live.stop();
		}
		this.#countsKey = '';
		this.#rowsKey = '';
	}

	/** Shows another warehouse, tab or filter; re-reads only what depends on what changed. */
	setQuery(query: ShownQuery): void {
		const previous = this.#query;
		this.#query = query;
		if (previous?.warehouseId !== query.warehouseId || previous?.tab !== query.tab) {
			this.#selected.clear();
			this.#outcome = null;
		}
		const rowsKey = `${query.warehouseId}|${query.tab}`;
		if (rowsKey !== this.#rowsKey) {
			this.#rowsKey = rowsKey;
			const { warehouseId, tab } = query;
			if (tab === 'in_progress') {
				this.#waiting.clear();
				this.#entries.run(() => this.#deps.inProgressRows(warehouseId));
			} else {
				this.#entries.clear();
				this.#waiting.run(() => this.#deps.ordersInTab(warehouseId, tab));
			}
		}
		const countsKey = JSON.stringify([query.warehouseId, query.filters]);
		if (countsKey !== this.#countsKey) {
			this.#countsKey = countsKey;
			// The old counts stay on the tabs while the new ones are read (a filter change).
			if (previous?.warehouseId !== query.warehouseId) this.#counts.clear();
			this.#counts.run(() => this.#deps.preparationCounts(query.warehouseId, query.filters));
		}
	}

	// ------------------------------------------------------------ actions

	/**
	 * Takes the orders into In progress: one preparation.add per order (the action is all or
	 * nothing, so one order taken by someone else must not hold back the rest).
	 */
	async addOrders(orderIds: readonly string[]): Promise<AddOutcome> {
		const warehouseId = this.#query?.warehouseId;
		const outcome: AddOutcome = { added: 0, refused: [] };
		if (!warehouseId || orderIds.length === 0 || this.#busy) return outcome;
		this.#busy = true;
		const labels = orderLabels(this.#tabOrders());
		try {
			for (const orderId of orderIds) {
				const result = await this.#deps.perform('preparation.add', {
					warehouseId,
					orderIds: [orderId]
				});
				if (result.ok) {
					outcome.added += 1;
				} else {
					outcome.refused.push({
						orderId,
						label: labels[orderId] ?? orderId,
						message: result.message
					});
				}
			}
		} finally {
			for (const id of orderIds) this.#selected.delete(id);
			this.#outcome = outcome;
			this.#busy = false;
		}
		return outcome;
	}

	addSelected(): Promise<AddOutcome> {
		return this.addOrders(this.selectedIds);
	}

	remove(orderId: string): Promise<PerformResult> {
		return this.#deps.perform('preparation.remove', { orderId });
	}

	flush(): Promise<PerformResult> {
		const warehouseId = this.#query?.warehouseId;
		if (!warehouseId) {
			return Promise.resolve({ ok: false, code: 'no_warehouse', message: 'Choose a warehouse.' });
		}
		return this.#deps.perform('preparation.flush', { warehouseId });
	}
}

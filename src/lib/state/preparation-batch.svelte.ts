// The "Batch rules" dialog: shop, shipping method, country, product count (exact or a range)
// and a maximum number of orders. The domain's selectBatch says which orders match, live as the
// person types, over candidates read once when the dialog opens (adding re-checks every order
// through preparation.add, so a candidate taken meanwhile is refused with its reason).
import { BatchRules, selectBatch } from '$lib/domain/preparation';
import type { Order, PreparationEntry } from '$lib/domain/schemas';
import { filterOptions, type FilterOption } from './preparation-rows';

export type CountMode = 'any' | 'exact' | 'range';

export interface BatchCandidates {
	orders: Order[];
	preparations: PreparationEntry[];
}

export interface BatchDeps {
	warehouseId: string;
	loadCandidates(warehouseId: string): Promise<BatchCandidates>;
	/** Takes the orders (the screen's addOrders: one preparation.add per order). */
	addOrders(orderIds: string[]): Promise<unknown>;
}

export const DEFAULT_MAX_ORDERS = 20;

/** A whole number ≥ 1 typed in a box; undefined when blank, NaN when not valid. */
function wholeNumber(text: string): number | undefined {
	const trimmed = text.trim();
	if (trimmed === '') return undefined;
	return /^\d+$/.test(trimmed) && Number(trimmed) >= 1 ? Number(trimmed) : NaN;
}

export class BatchRulesForm {
	shopId = $state('');
	shippingMethod = $state('');
	country = $state('');
	countMode = $state<CountMode>('any');
	exact = $state('');
	min = $state('');
	max = $state('');
	maxOrders = $state(String(DEFAULT_MAX_ORDERS));

	#candidates = $state.raw<BatchCandidates | null>(null);
	#loadError = $state<string | null>(null);
	#busy = $state(false);
	readonly #deps: BatchDeps;

	readonly #parsed = $derived.by(() => this.#parse());
	readonly #matches = $derived.by(() => {
		const rules = this.#parsed.rules;
		const candidates = this.#candidates;
		if (!rules || !candidates) return [];
		return selectBatch(candidates.orders, rules, candidates.preparations);
	});

	constructor(deps: BatchDeps) {
		this.#deps = deps;
	}

	get loaded(): boolean {
		return this.#candidates !== null;
	}
	get loadError(): string | null {
		return this.#loadError;
	}
	get busy(): boolean {
		return this.#busy;
	}
	/** The rules, or null with `error` saying what is wrong. */
	get rules(): BatchRules | null {
		return this.#parsed.rules;
	}
	get error(): string | null {
		return this.#parsed.error;
	}
	/** The orders the rules take, oldest first, at most maxOrders. */
	get matches(): Order[] {
		return this.#matches;
	}

	/** Shipping methods among the candidates (In stock and Partial of the warehouse). */
	get methodOptions(): FilterOption[] {
		return filterOptions(
			this.#candidates?.orders ?? [],
			(order) => [order.shippingMethod.code, order.shippingMethod.label],
			this.shippingMethod || undefined
		);
	}

	get countryOptions(): FilterOption[] {
		return filterOptions(
			this.#candidates?.orders ?? [],
			(order) => [order.shippingAddress.country, order.shippingAddress.country],
			this.country || undefined
		);
	}

	async load(): Promise<void> {
		try {
			this.#candidates = await this.#deps.loadCandidates(this.#deps.warehouseId);
			this.#loadError = null;
		} catch (error) {
			this.#loadError = error instanceof Error ? error.message : String(error);
		}
	}

	/** Adds the matching orders; resolves once every one was tried. */
	async add(): Promise<void> {
		const ids = this.matches.map((order) => order.id);
		if (ids.length === 0 || this.#busy) return;
		this.#busy = true;
		try {
			await this.#deps.addOrders(ids);
		} finally {
			this.#busy = false;
		}
	}

	#parse(): { rules: BatchRules | null; error: string | null } {
		const maxOrders = wholeNumber(this.maxOrders);
		if (maxOrders === undefined || Number.isNaN(maxOrders) || maxOrders > 500) {
			return { rules: null, error: 'Max orders per batch: a whole number from 1 to 500.' };
		}
		const draft: Record<string, unknown> = { warehouseId: this.#deps.warehouseId, maxOrders };
		if (this.shopId) draft.shopId = this.shopId;
		if (this.shippingMethod) draft.shippingMethod = this.shippingMethod;
		if (this.country) draft.country = this.country;
		if (this.countMode === 'exact') {
			const exact = wholeNumber(this.exact);
			if (exact === undefined || Number.isNaN(exact)) {
				return { rules: null, error: 'Product count: a whole number of at least 1.' };
			}
			draft.productCount = exact;
		} else if (this.countMode === 'range') {
			const min = wholeNumber(this.min);
			const max = wholeNumber(this.max);
			if (Number.isNaN(min) || Number.isNaN(max)) {
				return { rules: null, error: 'Product count: whole numbers of at least 1.' };
			}
			if (min !== undefined && max !== undefined && min > max) {
				return { rules: null, error: 'Product count: the minimum is above the maximum.' };
			}
			if (min !== undefined || max !== undefined) {
				draft.productCount = {
					...(min !== undefined ? { min } : {}),
					...(max !== undefined ? { max } : {})
				};
			}
		}
		const parsed = BatchRules.safeParse(draft);
		if (!parsed.success) {
			return { rules: null, error: parsed.error.issues[0]?.message ?? 'Check the rules.' };
		}
		return { rules: parsed.data, error: null };
	}
}

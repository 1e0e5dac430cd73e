// The two stock forms of the product view: adjust the physical stock of one product in one
// warehouse (a signed stock.adjust with a category and a required comment) and set its shelf
// location (stock.setLocation). Ids of created records (the movement) are made here.
import type { MovementCategory } from '$lib/domain/schemas';
import type { Perform } from './action-form.svelte';
import { FormStatus } from './products-form.svelte';

export interface StockFormDeps {
	perform: Perform;
	/** A UUIDv7 in the app; a counter in tests. */
	newId: () => string;
}

export interface StockTarget {
	productId: string;
	warehouseId: string;
	/** Physical stock now, to preview the result. */
	physical: number;
	location: string;
}

export type AdjustDirection = 'increase' | 'decrease';

/**
 * Categories a person picks by hand: every one stock.adjust accepts (all but shipments, which
 * only orders make), the everyday ones first. Purchase order and return stay available for
 * stock received outside those flows.
 */
export const MANUAL_CATEGORIES: readonly MovementCategory[] = [
	'adjustment',
	'stock_take',
	'defective',
	'transfer',
	'purchase_order',
	'return',
	'system'
];

export const CATEGORY_LABELS: Record<MovementCategory, string> = {
	shipment: 'Shipment',
	purchase_order: 'Purchase order',
	return: 'Return',
	adjustment: 'Adjustment',
	defective: 'Defective',
	transfer: 'Transfer',
	stock_take: 'Stock take',
	system: 'System'
};

/** A whole number ≥ 1 typed as text; null when the text is not one. */
export function parseQuantity(text: string): number | null {
	const trimmed = text.trim();
	if (!/^\d{1,7}$/.test(trimmed)) return null;
	const n = Number(trimmed);
	return n >= 1 ? n : null;
}

export class StockAdjustForm {
	direction = $state<AdjustDirection>('increase');
	qty = $state('');
	category = $state<MovementCategory>('adjustment');
	comment = $state('');
	readonly status: FormStatus;
	readonly target: StockTarget;
	readonly #newId: () => string;

	constructor(deps: StockFormDeps, target: StockTarget) {
		this.status = new FormStatus(deps.perform);
		this.#newId = deps.newId;
		this.target = target;
	}

	/** The signed quantity sent to stock.adjust; null while the quantity is not valid. */
	get signedQty(): number | null {
		const n = parseQuantity(this.qty);
		if (n === null) return null;
		return this.direction === 'decrease' ? -n : n;
	}

	/** Physical stock after the adjustment, shown before confirming. */
	get physicalAfter(): number | null {
		const signed = this.signedQty;
		return signed === null ? null : this.target.physical + signed;
	}

	async submit(): Promise<boolean> {
		const signed = this.signedQty;
		const comment = this.comment.trim();
		const errors: Record<string, string> = {};
		if (signed === null) errors.qty = 'Enter a whole number of at least 1.';
		if (!comment) errors.comment = 'Say why the stock changes.';
		if (signed === null || !comment) {
			this.status.fail(errors);
			return false;
		}
		return this.status.perform('stock.adjust', {
			movementId: this.#newId(),
			productId: this.target.productId,
			warehouseId: this.target.warehouseId,
			qty: signed,
			category: this.category,
			comment
		});
	}
}

export class StockLocationForm {
	location = $state('');
	readonly status: FormStatus;
	readonly target: StockTarget;

	constructor(deps: Pick<StockFormDeps, 'perform'>, target: StockTarget) {
		this.status = new FormStatus(deps.perform);
		this.target = target;
		this.location = target.location;
	}

	async submit(): Promise<boolean> {
		// An empty location clears it (the product has no fixed bin any more).
		const location = this.location.trim();
		return this.status.perform('stock.setLocation', {
			productId: this.target.productId,
			warehouseId: this.target.warehouseId,
			location
		});
	}
}

// Inventory ▸ Warehouses: the list, live, default first then by routing priority.
import type { Fulfillment, Warehouse } from '$lib/domain/schemas';
import { LiveValue, type LiveSource } from './live-value.svelte';

export interface WarehousesDeps {
	source: LiveSource;
	listWarehouses(): Promise<Warehouse[]>;
}

export const FULFILLMENT_LABELS: Record<Fulfillment, string> = {
	shipping: 'Shipping',
	pickup: 'Store pickup',
	dropship: 'Dropship',
	none: 'None (stock only)'
};

export function sortWarehouses(warehouses: readonly Warehouse[]): Warehouse[] {
	return [...warehouses].sort(
		(a, b) =>
			Number(b.isDefault) - Number(a.isDefault) ||
			a.priority - b.priority ||
			a.name.localeCompare(b.name)
	);
}

export class WarehousesState {
	readonly #list: LiveValue<Warehouse[]>;
	readonly #deps: WarehousesDeps;

	constructor(deps: WarehousesDeps) {
		this.#deps = deps;
		this.#list = new LiveValue(deps.source);
	}

	get warehouses(): Warehouse[] {
		return sortWarehouses(this.#list.value ?? []);
	}
	get loaded(): boolean {
		return this.#list.value !== undefined;
	}
	get error(): string | null {
		return this.#list.error;
	}

	find(id: string): Warehouse | undefined {
		return this.#list.value?.find((w) => w.id === id);
	}

	start(): void {
		this.#list.run(() => this.#deps.listWarehouses());
	}

	stop(): void {
		this.#list.stop();
	}
}

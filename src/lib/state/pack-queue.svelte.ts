// Sales ▸ Order preparation ▸ Pack: the operator's orders still to pack in one warehouse. A
// scan of an order's label (its number) anywhere on the screen opens it; so does a tap.
import { orderLabel } from '$lib/domain/rejection';
import type { Order, PreparationEntry } from '$lib/domain/schemas';
import type { ScanSound } from '$lib/scan/sounds';
import { LiveValue, type LiveSource } from './live-value.svelte';

export interface PackQueueEntry {
	entry: PreparationEntry;
	order: Order | undefined;
}

export interface PackQueueDeps {
	live: LiveSource;
	/** The operator's entries in the warehouse that are not packed yet. */
	toPack(warehouseId: string, operator: string): Promise<PackQueueEntry[]>;
	orderIdsByNumber(code: string): Promise<string[]>;
	play?(sound: ScanSound): void;
}

const bare = (number: string) => number.trim().replace(/^#/, '').toUpperCase();

export class PackQueue {
	readonly warehouseId: string;
	readonly operator: string;
	readonly #deps: PackQueueDeps;
	readonly #entries: LiveValue<PackQueueEntry[]>;
	#message = $state<string | null>(null);

	constructor(warehouseId: string, operator: string, deps: PackQueueDeps) {
		this.warehouseId = warehouseId;
		this.operator = operator;
		this.#deps = deps;
		this.#entries = new LiveValue(deps.live);
	}

	start(): void {
		this.#entries.run(() => this.#deps.toPack(this.warehouseId, this.operator));
	}
	stop(): void {
		this.#entries.stop();
	}

	get loading(): boolean {
		return this.#entries.value === undefined && this.#entries.error === null;
	}
	get error(): string | null {
		return this.#entries.error;
	}
	get entries(): PackQueueEntry[] {
		return this.#entries.value ?? [];
	}
	/** Why the last scan opened nothing. */
	get message(): string | null {
		return this.#message;
	}

	/** The order to open for a scanned order number, or null (and a message saying why). */
	async scan(raw: string): Promise<string | null> {
		const code = bare(raw);
		if (code === '') return null;
		const found = this.entries.find((e) => e.order && bare(e.order.number) === code);
		if (found) {
			this.#message = null;
			this.#deps.play?.('ok');
			return found.entry.orderId;
		}
		const label = orderLabel({ number: raw.trim() });
		const known = await this.#deps.orderIdsByNumber(raw);
		this.#message =
			known.length > 0
				? `${label} is not in your In progress orders to pack in this warehouse.`
				: `No order has the number “${raw.trim()}”. Scan an order’s label, or tap the order.`;
		this.#deps.play?.('wrong');
		return null;
	}
}

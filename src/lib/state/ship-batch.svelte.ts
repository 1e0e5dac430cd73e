// Sales ▸ Order preparation ▸ Ship: the operator's packed parcels in one warehouse (and those
// shipped but not flushed yet), each waiting for its tracking number. Typing or scanning one and
// pressing Enter sends preparation.ship; the carrier comes from the shipping method's template.
import type { ImportCandidate } from '$lib/domain/carrier-import';
import {
	carrierTemplatesOf,
	groupByTemplate,
	templateFor,
	type CarrierGroup,
	type CarrierParcel,
	type CarrierTemplate
} from '$lib/domain/carrier-templates';
import type { Order, PreparationEntry, Settings, Shipment } from '$lib/domain/schemas';
import type { Perform } from './action-form.svelte';
import { LiveValue, type LiveSource } from './live-value.svelte';

/** An entry of the operator's batch with its order (absent while the order is not on this tablet). */
export interface BatchEntry {
	entry: PreparationEntry;
	order: Order | undefined;
}

/** A parcel the screen lists: packed or shipped, with the shipment made at packing. */
export interface ShipRow {
	orderId: string;
	order: Order;
	entry: PreparationEntry;
	shipment: Shipment | undefined;
	shipped: boolean;
}

export interface ShipBatchDeps {
	live: LiveSource;
	/** Every entry of the operator in the warehouse, whatever its status. */
	listBatch(warehouseId: string, operator: string): Promise<BatchEntry[]>;
	getSettings(): Promise<Settings>;
	perform: Perform;
	notify?(message: string): void;
}

const compareNumbers = (a: Order, b: Order) =>
	a.number.localeCompare(b.number, 'en', { numeric: true });

export class ShipBatch {
	readonly warehouseId: string;
	readonly operator: string;
	readonly #deps: ShipBatchDeps;
	readonly #batch: LiveValue<BatchEntry[]>;
	readonly #settings: LiveValue<Settings>;
	#drafts = $state<Record<string, string>>({});
	#errors = $state<Record<string, string>>({});
	#busy = $state<Record<string, boolean>>({});

	constructor(warehouseId: string, operator: string, deps: ShipBatchDeps) {
		this.warehouseId = warehouseId;
		this.operator = operator;
		this.#deps = deps;
		this.#batch = new LiveValue(deps.live);
		this.#settings = new LiveValue(deps.live);
	}

	start(): void {
		this.#batch.run(() => this.#deps.listBatch(this.warehouseId, this.operator));
		this.#settings.run(() => this.#deps.getSettings());
	}

	stop(): void {
		this.#batch.stop();
		this.#settings.stop();
	}

	get loaded(): boolean {
		return this.#batch.value !== undefined && this.#settings.value !== undefined;
	}
	get error(): string | null {
		return this.#batch.error ?? this.#settings.error;
	}
	get settings(): Settings | undefined {
		return this.#settings.value;
	}
	get templates(): CarrierTemplate[] {
		return this.#settings.value ? carrierTemplatesOf(this.#settings.value) : [];
	}

	#rows = $derived.by((): ShipRow[] => {
		const rows = (this.#batch.value ?? []).flatMap(({ entry, order }): ShipRow[] => {
			if (!order || (entry.status !== 'packed' && entry.status !== 'shipped')) return [];
			const shipment = order.shipments.find((s) => s.id === entry.shipmentId);
			return [{ orderId: order.id, order, entry, shipment, shipped: entry.status === 'shipped' }];
		});
		// Parcels still to ship first, each group by order number.
		return rows.sort(
			(a, b) => Number(a.shipped) - Number(b.shipped) || compareNumbers(a.order, b.order)
		);
	});

	/** Packed parcels to ship first, then shipped ones (until flushed). */
	get rows(): ShipRow[] {
		return this.#rows;
	}
	get toShip(): ShipRow[] {
		return this.#rows.filter((row) => !row.shipped);
	}
	get shippedCount(): number {
		return this.#rows.length - this.toShip.length;
	}
	/** Entries of the batch not packed yet (they ship from here once packed). */
	get notPackedCount(): number {
		return (this.#batch.value ?? []).filter(
			({ entry }) => entry.status === 'new' || entry.status === 'picked'
		).length;
	}

	/** The batch's parcels with their shipment, for carrier files and documents. */
	get parcels(): CarrierParcel[] {
		return this.#rows.flatMap(({ order, shipment }) => (shipment ? [{ order, shipment }] : []));
	}

	/**
	 * The parcels still to ship, by carrier template: one export file each (a file per click, as
	 * browsers hold back several downloads from one). Parcels no template takes are apart.
	 */
	get exportGroups(): { groups: CarrierGroup[]; unmatched: CarrierParcel[] } {
		const parcels = this.toShip.flatMap(({ order, shipment }) =>
			shipment ? [{ order, shipment }] : []
		);
		return groupByTemplate(parcels, this.templates);
	}

	/** What a carrier file may name: every entry of the batch, so a row can say "not packed yet". */
	get importCandidates(): ImportCandidate[] {
		return (this.#batch.value ?? []).flatMap(({ entry, order }) => {
			if (!order) return [];
			const shipment = order.shipments.find((s) => s.id === entry.shipmentId);
			return [
				{
					orderId: order.id,
					orderNumber: order.number,
					status: entry.status,
					...(entry.shipmentId ? { shipmentId: entry.shipmentId } : {}),
					...(shipment?.tracking ? { tracking: shipment.tracking } : {})
				}
			];
		});
	}

	/** The carrier recorded with the tracking: the template's, for the order's shipping method. */
	carrierFor(orderId: string): string | undefined {
		const row = this.#rows.find((r) => r.orderId === orderId);
		return row ? templateFor(row.order.shippingMethod.code, this.templates)?.carrier : undefined;
	}

	draft(orderId: string): string {
		return this.#drafts[orderId] ?? '';
	}
	setDraft(orderId: string, text: string): void {
		this.#drafts[orderId] = text;
		delete this.#errors[orderId];
	}
	rowError(orderId: string): string | undefined {
		return this.#errors[orderId];
	}
	isBusy(orderId: string): boolean {
		return this.#busy[orderId] === true;
	}

	/** The next parcel still to ship after this one (wrapping), for the scanner's next number. */
	nextToShip(orderId: string): string | undefined {
		const open = this.toShip.map((row) => row.orderId);
		const at = open.indexOf(orderId);
		return at < 0 ? open[0] : [...open.slice(at + 1), ...open.slice(0, at)][0];
	}

	/**
	 * The parcel whose order number was scanned (the barcode on its packing slip or label), so
	 * the screen moves to it instead of taking the number for a tracking number.
	 */
	orderScanned(text: string): string | undefined {
		const scanned = text.trim().replace(/^#/, '').toLowerCase();
		if (!scanned) return undefined;
		return this.toShip.find((row) => row.order.number.replace(/^#/, '').toLowerCase() === scanned)
			?.orderId;
	}

	/** Sends preparation.ship with the typed (or scanned) tracking number; true when applied. */
	async ship(orderId: string): Promise<boolean> {
		if (this.isBusy(orderId)) return false;
		const tracking = this.draft(orderId).trim();
		if (!tracking) {
			this.#errors[orderId] = 'Enter or scan the tracking number.';
			return false;
		}
		const carrier = this.carrierFor(orderId);
		this.#busy[orderId] = true;
		delete this.#errors[orderId];
		try {
			const result = await this.#deps.perform('preparation.ship', {
				orderId,
				tracking,
				...(carrier ? { carrier } : {})
			});
			if (!result.ok) {
				this.#errors[orderId] = result.message || 'Shipping was refused.';
				return false;
			}
			// Only the number that shipped: anything typed meanwhile stays.
			if (this.draft(orderId).trim() === tracking) delete this.#drafts[orderId];
			const number = this.#rows.find((row) => row.orderId === orderId)?.order.number ?? orderId;
			this.#deps.notify?.(`Order #${number.replace(/^#/, '')} shipped: ${tracking}`);
			return true;
		} catch (error) {
			this.#errors[orderId] = error instanceof Error ? error.message : String(error);
			return false;
		} finally {
			delete this.#busy[orderId];
		}
	}
}

// Sales ▸ Order preparation ▸ Pick: the picking list of the operator's new orders in one
// warehouse. Products aggregated over the batch in shelf order (the domain's pickingList), each
// checked off by a tap or a scan; a page per order; the same list as a PDF; "Mark picked" sends
// preparation.markPicked for the batch.
import { pickingList, type PickingList, type PickRow } from '$lib/domain/picking-list';
import type {
	Order,
	PreparationEntry,
	Product,
	Settings,
	StockLevel,
	Warehouse
} from '$lib/domain/schemas';
import type { PickingBatch } from '$lib/documents/picking-list';
import { SvelteSet } from 'svelte/reactivity';
import type { ScanSound } from '$lib/scan/sounds';
import type { Perform } from './action-form.svelte';
import { ActionForm } from './action-form.svelte';
import { LiveValue, type LiveSource } from './live-value.svelte';
import { pickingBatch } from './pick-batch';

export interface PickBatchData {
	batch: { entry: PreparationEntry; order: Order | undefined }[];
	products: Product[];
	stockLevels: StockLevel[];
}

export interface PickListDeps {
	live: LiveSource;
	pickData(warehouseId: string, operator: string): Promise<PickBatchData>;
	listWarehouses(): Promise<Warehouse[]>;
	getSettings(): Promise<Settings>;
	perform: Perform;
	/** Builds the PDF (the builder is loaded only when asked for). */
	buildPdf(batch: PickingBatch, settings: Settings): Promise<Uint8Array>;
	/** Hands the file to the person (a download). */
	save(bytes: Uint8Array, filename: string): void;
	now(): Date;
	play?(sound: ScanSound): void;
	notify?(message: string): void;
}

export interface PickFeedback {
	sound: ScanSound;
	message: string;
	seq: number;
}

/** A row's key: one product in one warehouse. */
export function pickRowKey(row: Pick<PickRow, 'productId' | 'warehouseId'>): string {
	return `${row.productId}:${row.warehouseId}`;
}

export class PickList {
	readonly warehouseId: string;
	readonly operator: string;
	readonly form: ActionForm;
	readonly #deps: PickListDeps;
	readonly #data: LiveValue<PickBatchData>;
	readonly #warehouses: LiveValue<Warehouse[]>;
	readonly #settings: LiveValue<Settings>;
	readonly #checked = new SvelteSet<string>();
	#feedback = $state.raw<PickFeedback | null>(null);
	#seq = 0;
	#pdfBusy = $state(false);
	#pdfError = $state<string | null>(null);

	constructor(warehouseId: string, operator: string, deps: PickListDeps) {
		this.warehouseId = warehouseId;
		this.operator = operator;
		this.#deps = deps;
		this.form = new ActionForm(deps.perform);
		this.#data = new LiveValue(deps.live);
		this.#warehouses = new LiveValue(deps.live);
		this.#settings = new LiveValue(deps.live);
	}

	start(): void {
		this.#data.run(() => this.#deps.pickData(this.warehouseId, this.operator));
		this.#warehouses.run(() => this.#deps.listWarehouses());
		this.#settings.run(() => this.#deps.getSettings());
	}

	stop(): void {
		this.#data.stop();
		this.#warehouses.stop();
		this.#settings.stop();
	}

	get loading(): boolean {
		return this.#data.value === undefined && this.#data.error === null;
	}
	get error(): string | null {
		return this.#data.error ?? this.#warehouses.error ?? this.#settings.error;
	}
	get warehouseName(): string {
		return this.#warehouses.value?.find((w) => w.id === this.warehouseId)?.name ?? this.warehouseId;
	}

	#orders = $derived.by(() =>
		(this.#data.value?.batch ?? []).flatMap((b) => (b.order ? [b.order] : []))
	);

	#list = $derived.by((): PickingList => {
		const data = this.#data.value;
		if (!data) return { rows: [], pages: [], units: 0 };
		return pickingList(
			data.batch.map((b) => b.entry),
			this.#orders,
			data.products,
			data.stockLevels
		);
	});

	get list(): PickingList {
		return this.#list;
	}
	/** Image URL of a row's product, when the shop gave one. */
	image(productId: string): string | undefined {
		return this.#data.value?.products.find((p) => p.id === productId)?.image;
	}

	isChecked(row: PickRow): boolean {
		return this.#checked.has(pickRowKey(row));
	}
	get checkedCount(): number {
		return this.#list.rows.filter((row) => this.#checked.has(pickRowKey(row))).length;
	}
	get allChecked(): boolean {
		return this.#list.rows.length > 0 && this.checkedCount === this.#list.rows.length;
	}
	get feedback(): PickFeedback | null {
		return this.#feedback;
	}

	toggle(row: PickRow): void {
		const key = pickRowKey(row);
		if (this.#checked.has(key)) this.#checked.delete(key);
		else this.#checked.add(key);
	}

	#say(sound: ScanSound, message: string): void {
		this.#seq += 1;
		this.#feedback = { sound, message, seq: this.#seq };
		this.#deps.play?.(sound);
	}

	/** A scanned product barcode or SKU checks its row off. */
	scan(raw: string): void {
		const code = raw.trim();
		if (code === '') return;
		const upper = code.toUpperCase();
		const row = this.#list.rows.find(
			(r) => r.barcodes.includes(code) || r.sku.toUpperCase() === upper
		);
		if (!row) {
			this.#say('wrong', `No product on this picking list has the code “${code}”.`);
			return;
		}
		const where = row.location ? ` from ${row.location}` : '';
		if (this.isChecked(row)) {
			this.#say('over_scan', `${row.sku} is already checked off (${row.qty}${where}).`);
			return;
		}
		this.toggle(row);
		this.#say('ok', `${row.sku}: ${row.qty} picked${where}.`);
	}

	// ------------------------------------------------------------ actions

	/** The batch's orders, new → picked. */
	async markPicked(): Promise<boolean> {
		const orderIds = this.#list.pages.map((page) => page.orderId);
		if (orderIds.length === 0) return false;
		const ok = await this.form.submit('preparation.markPicked', { orderIds });
		if (ok) {
			this.#checked.clear();
			this.#deps.notify?.(
				`${orderIds.length} ${orderIds.length === 1 ? 'order' : 'orders'} marked picked.`
			);
		}
		return ok;
	}

	get pdfBusy(): boolean {
		return this.#pdfBusy;
	}
	get pdfError(): string | null {
		return this.#pdfError;
	}

	async downloadPdf(): Promise<boolean> {
		const settings = this.#settings.value;
		if (this.#pdfBusy || !settings || this.#list.pages.length === 0) return false;
		this.#pdfBusy = true;
		this.#pdfError = null;
		try {
			const now = this.#deps.now();
			const batch = pickingBatch(this.#list, this.#orders, {
				warehouseName: this.warehouseName,
				createdAt: now.toISOString(),
				operator: this.operator
			});
			const bytes = await this.#deps.buildPdf(batch, settings);
			this.#deps.save(bytes, `picking-list-${now.toISOString().slice(0, 10)}.pdf`);
			return true;
		} catch (error) {
			this.#pdfError = `The PDF could not be made: ${error instanceof Error ? error.message : String(error)}`;
			return false;
		} finally {
			this.#pdfBusy = false;
		}
	}
}

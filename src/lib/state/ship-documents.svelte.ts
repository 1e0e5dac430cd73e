// The batch's documents as one PDF (one print dialog): every parcel's packing slip, or its
// invoices, or its address label. Built in the browser one order at a time with progress, so a
// long batch shows how far it is; the builders and fonts are passed in (the app loads them
// lazily, tests hand in the real ones with fonts from disk).
import type { CarrierParcel } from '$lib/domain/carrier-templates';
import type { LabelSize } from '$lib/documents/address-label';
import type { DocumentAssets } from '$lib/documents/assets';
import type { PackedLines } from '$lib/documents/packing-slip';
import type { Invoice, Order, Settings } from '$lib/domain/schemas';

export type BatchDocumentKind = 'packing-slips' | 'invoices' | 'labels-a6' | 'labels-4x6';

export const BATCH_DOCUMENT_LABELS: Record<BatchDocumentKind, string> = {
	'packing-slips': 'Packing slips',
	invoices: 'Invoices',
	'labels-a6': 'Address labels A6',
	'labels-4x6': 'Address labels 4×6 in'
};

export interface BatchBuilders {
	packingSlip(
		order: Order,
		packed: PackedLines,
		settings: Settings,
		assets: DocumentAssets
	): Promise<Uint8Array>;
	invoice(
		order: Order,
		invoice: Invoice,
		settings: Settings,
		assets: DocumentAssets
	): Promise<Uint8Array>;
	addressLabel(
		order: Order,
		settings: Settings,
		assets: DocumentAssets,
		size: LabelSize
	): Promise<Uint8Array>;
	merge(documents: Uint8Array[], title: string): Promise<Uint8Array>;
}

export interface BatchDocumentsDeps {
	loadBuilders(): Promise<BatchBuilders>;
	loadAssets(): Promise<DocumentAssets>;
	save(bytes: Uint8Array, fileName: string): void;
	/** Lets the screen paint the progress between two orders. */
	yieldToScreen?(): Promise<void>;
}

/**
 * The invoices that go with a parcel: those made with or after its shipment (invoice on pack
 * makes one at the same instant). An order invoiced before packing has its latest invoice.
 */
export function parcelInvoices({ order, shipment }: CarrierParcel): Invoice[] {
	const made = order.invoices.filter((invoice) => invoice.createdAt >= shipment.createdAt);
	if (made.length > 0) return made;
	const latest = order.invoices.at(-1);
	return latest ? [latest] : [];
}

export class BatchDocuments {
	readonly #deps: BatchDocumentsDeps;
	#running = $state<BatchDocumentKind | null>(null);
	#progress = $state({ done: 0, total: 0 });
	#error = $state<string | null>(null);
	#skipped = $state.raw<string[]>([]);

	constructor(deps: BatchDocumentsDeps) {
		this.#deps = deps;
	}

	get running(): BatchDocumentKind | null {
		return this.#running;
	}
	get progress(): { done: number; total: number } {
		return this.#progress;
	}
	get error(): string | null {
		return this.#error;
	}
	/** Order numbers left out of the last PDF (no invoice yet). */
	get skipped(): string[] {
		return this.#skipped;
	}

	/** Builds and saves the batch's PDF of this kind; true when one was saved. */
	async make(
		kind: BatchDocumentKind,
		parcels: readonly CarrierParcel[],
		settings: Settings,
		fileStem: string
	): Promise<boolean> {
		if (this.#running) return false;
		this.#running = kind;
		this.#error = null;
		this.#skipped = [];
		this.#progress = { done: 0, total: parcels.length };
		try {
			if (parcels.length === 0) throw new Error('There is no packed parcel in this batch.');
			const [builders, assets] = await Promise.all([
				this.#deps.loadBuilders(),
				this.#deps.loadAssets()
			]);
			const documents: Uint8Array[] = [];
			const skipped: string[] = [];
			for (const parcel of parcels) {
				const { order, shipment } = parcel;
				if (kind === 'packing-slips') {
					documents.push(await builders.packingSlip(order, shipment, settings, assets));
				} else if (kind === 'invoices') {
					const invoices = parcelInvoices(parcel);
					if (invoices.length === 0) skipped.push(order.number);
					for (const invoice of invoices) {
						documents.push(await builders.invoice(order, invoice, settings, assets));
					}
				} else {
					const size: LabelSize = kind === 'labels-a6' ? 'A6' : '4x6';
					documents.push(await builders.addressLabel(order, settings, assets, size));
				}
				this.#progress = { done: this.#progress.done + 1, total: parcels.length };
				await this.#deps.yieldToScreen?.();
			}
			this.#skipped = skipped;
			if (documents.length === 0) {
				throw new Error('None of these orders has an invoice yet.');
			}
			const title = `${BATCH_DOCUMENT_LABELS[kind]} — ${parcels.length} orders`;
			const merged = await builders.merge(documents, title);
			this.#deps.save(merged, `${kind}-${fileStem}.pdf`);
			return true;
		} catch (error) {
			this.#error = error instanceof Error && error.message ? error.message : String(error);
			return false;
		} finally {
			this.#running = null;
		}
	}
}

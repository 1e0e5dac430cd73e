// The order view's Documents tab: which documents an order has (an invoice per invoice, a
// packing slip and an address label per shipment, and a packing slip of the whole order even
// before anything shipped), and making one on request, in the browser, with the current
// settings. The builders and fonts are passed in: the app loads them lazily (the PDF code is
// large) and tests hand in the real builders with fonts read from disk.
import type { LabelSize } from '$lib/documents/address-label';
import type { DocumentAssets } from '$lib/documents/assets';
import type { PackedLines } from '$lib/documents/packing-slip';
import {
	addressLabelFileName,
	invoiceFileName,
	packingSlipFileName,
	type PrintOutcome
} from '$lib/documents/print';
import type { Invoice, LineQty, Order, Settings } from '$lib/domain/schemas';

export type DocumentRequest =
	| { kind: 'invoice'; invoiceId: string }
	/** Without a shipment: every unit of the order that ships. */
	| { kind: 'packing-slip'; shipmentId?: string }
	| { kind: 'address-label'; shipmentId: string };

export type DeliveryMode = 'download' | 'print';

export interface DocumentBuilders {
	invoice(
		order: Order,
		invoice: Invoice,
		settings: Settings,
		assets: DocumentAssets
	): Promise<Uint8Array>;
	packingSlip(
		order: Order,
		packed: PackedLines,
		settings: Settings,
		assets: DocumentAssets
	): Promise<Uint8Array>;
	addressLabel(
		order: Order,
		settings: Settings,
		assets: DocumentAssets,
		size: LabelSize
	): Promise<Uint8Array>;
}

export interface OrderDocumentsDeps {
	/** Read when a document is made, so it carries the settings as they are now. */
	getSettings(): Promise<Settings>;
	loadAssets(): Promise<DocumentAssets>;
	loadBuilders(): Promise<DocumentBuilders>;
	download(bytes: Uint8Array, fileName: string): void;
	print(bytes: Uint8Array, title: string): Promise<PrintOutcome>;
}

/** A loader that runs once and keeps its answer; after a failure the next call tries again. */
export function once<T>(load: () => Promise<T>): () => Promise<T> {
	let pending: Promise<T> | null = null;
	return () => {
		pending ??= load().catch((error: unknown) => {
			pending = null;
			throw error;
		});
		return pending;
	};
}

/** Every unit the customer gets: ordered less canceled, on lines that ship (not containers). */
export function wholeOrderLines(order: Order): LineQty[] {
	return order.lines.flatMap((line) => {
		const qty = line.qtyOrdered - line.qtyCanceled;
		return line.requiresShipping && qty > 0 ? [{ lineId: line.id, qty }] : [];
	});
}

export function requestKey(request: DocumentRequest): string {
	if (request.kind === 'invoice') return `invoice:${request.invoiceId}`;
	return `${request.kind}:${request.shipmentId ?? 'order'}`;
}

/** What the person sees the document called, and the name its download gets. */
export function describeRequest(
	order: Order,
	request: DocumentRequest
): { title: string; fileName: string } | null {
	if (request.kind === 'invoice') {
		const invoice = order.invoices.find((candidate) => candidate.id === request.invoiceId);
		if (!invoice) return null;
		return {
			title: invoice.number ? `Invoice ${invoice.number}` : 'Invoice (provisional)',
			fileName: invoiceFileName(order, invoice)
		};
	}
	if (request.kind === 'packing-slip' && request.shipmentId === undefined) {
		return { title: 'Packing slip', fileName: packingSlipFileName(order) };
	}
	const index = order.shipments.findIndex((shipment) => shipment.id === request.shipmentId);
	if (index < 0) return null;
	return request.kind === 'packing-slip'
		? {
				title: `Packing slip, shipment ${index + 1}`,
				fileName: packingSlipFileName(order, index + 1)
			}
		: {
				title: `Address label, shipment ${index + 1}`,
				fileName: addressLabelFileName(order, index + 1)
			};
}

function message(error: unknown): string {
	return error instanceof Error && error.message ? error.message : String(error);
}

export class OrderDocuments {
	/** `requestKey:mode` of the document being made; one at a time. */
	#busy = $state<string | null>(null);
	#error = $state<string | null>(null);
	#notice = $state<string | null>(null);
	labelSize = $state<LabelSize>('A6');
	readonly #deps: OrderDocumentsDeps;

	constructor(deps: OrderDocumentsDeps) {
		this.#deps = deps;
	}

	get busy(): boolean {
		return this.#busy !== null;
	}
	isBusy(request: DocumentRequest, mode: DeliveryMode): boolean {
		return this.#busy === `${requestKey(request)}:${mode}`;
	}
	get error(): string | null {
		return this.#error;
	}
	/** Something to tell that is not an error (the PDF opened in a tab instead). */
	get notice(): string | null {
		return this.#notice;
	}

	async #build(order: Order, request: DocumentRequest, settings: Settings): Promise<Uint8Array> {
		const [assets, build] = await Promise.all([this.#deps.loadAssets(), this.#deps.loadBuilders()]);
		if (request.kind === 'invoice') {
			const invoice = order.invoices.find((candidate) => candidate.id === request.invoiceId);
			if (!invoice) throw new Error('This invoice is no longer on the order.');
			return build.invoice(order, invoice, settings, assets);
		}
		if (request.kind === 'packing-slip' && request.shipmentId === undefined) {
			return build.packingSlip(order, wholeOrderLines(order), settings, assets);
		}
		const shipment = order.shipments.find((candidate) => candidate.id === request.shipmentId);
		if (!shipment) throw new Error('This shipment is no longer on the order.');
		return request.kind === 'packing-slip'
			? build.packingSlip(order, shipment, settings, assets)
			: build.addressLabel(order, settings, assets, this.labelSize);
	}

	/** Makes the document and downloads or prints it; true when it was handed over. */
	async run(order: Order, request: DocumentRequest, mode: DeliveryMode): Promise<boolean> {
		if (this.#busy) return false;
		const described = describeRequest(order, request);
		if (!described) {
			this.#error = 'This document is no longer on the order.';
			return false;
		}
		this.#busy = `${requestKey(request)}:${mode}`;
		this.#error = null;
		this.#notice = null;
		try {
			const bytes = await this.#build(order, request, await this.#deps.getSettings());
			if (mode === 'download') {
				this.#deps.download(bytes, described.fileName);
				return true;
			}
			const outcome = await this.#deps.print(bytes, described.title);
			if (outcome === 'tab')
				this.#notice = `${described.title} opened in a new tab: print it from there.`;
			if (outcome === 'blocked') {
				this.#error = `The browser blocked the print window. Use Download and print the file.`;
				return false;
			}
			return true;
		} catch (error) {
			this.#error = `${described.title} could not be made: ${message(error)}`;
			return false;
		} finally {
			this.#busy = null;
		}
	}
}

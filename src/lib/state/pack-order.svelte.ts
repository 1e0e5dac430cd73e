// Packing one order (Sales ▸ Order preparation ▸ Pack ▸ order): each scan is checked by the
// domain's scanResult and counted at once (the line on screen changes in the same frame), then
// saved on the device so a reload mid-pack loses nothing. Confirming sends preparation.pack with
// the counts, a new shipment id and, when the settings say so, a new invoice id.
import {
	countScan,
	packedLines,
	packProgress,
	scanResult,
	type PackProgress,
	type ScanResult
} from '$lib/domain/packing';
import { orderLabel } from '$lib/domain/rejection';
import type { Order, PreparationEntry, Product, Settings, StockLevel } from '$lib/domain/schemas';
import type { ScanSound } from '$lib/scan/sounds';
import type { PerformResult } from './action-form.svelte';
import { ActionForm } from './action-form.svelte';
import { LiveValue, type LiveSource } from './live-value.svelte';

export type ScanCounts = Record<string, number>;

export interface PackOrderData {
	order: Order | undefined;
	entry: PreparationEntry | undefined;
	products: Product[];
	stockLevels: StockLevel[];
}

export interface PackConfirmArgs {
	orderId: string;
	shipmentId: string;
	invoiceId?: string;
	lines: { lineId: string; qty: number }[];
	weight?: number;
	parcels?: number;
}

export interface SubstituteArgs {
	orderId: string;
	warehouseId: string;
	lineId: string;
	sku: string;
	newLineId: string;
}

export interface PackOrderDeps {
	live: LiveSource;
	packData(orderId: string): Promise<PackOrderData>;
	getSettings(): Promise<Settings>;
	readScans(orderId: string): Promise<ScanCounts>;
	saveScans(orderId: string, counts: ScanCounts): Promise<void>;
	/** Products a code names (barcode, or SKU in any case), for codes not on the order. */
	productsByCode(code: string): Promise<Product[]>;
	/** The ids of orders whose number is this code (an order label was scanned). */
	orderIdsByNumber(code: string): Promise<string[]>;
	/** preparation.pack, clearing the saved counts with it. */
	pack(args: PackConfirmArgs): Promise<PerformResult>;
	substitute(args: SubstituteArgs): Promise<PerformResult>;
	listProducts(search: string, offset: number, limit: number): Promise<Product[]>;
	newId(): string;
	play?(sound: ScanSound): void;
	/** Another order's label was scanned here. */
	openOrder?(orderId: string): void;
}

export interface ScanFeedback {
	sound: ScanSound;
	message: string;
	code: string;
	lineId?: string;
	/** 1, 2, 3 …: the screen announces each scan, even the same message twice. */
	seq: number;
}

const WEIGHT_MAX = 100_000;
const PARCELS_MAX = 1000;

function soundFor(result: Extract<ScanResult, { ok: false }>): ScanSound {
	return result.error === 'over_scan' ? 'over_scan' : 'wrong';
}

/** "2 × SKU-1, 1 × SKU-2" of the units still missing. */
function missingText(progress: PackProgress): string {
	return progress.lines
		.filter((l) => l.missing > 0)
		.map((l) => `${l.missing} × ${l.sku || l.name}`)
		.join(', ');
}

export class PackOrder {
	readonly orderId: string;
	readonly substituteForm: ActionForm;
	weight = $state('');
	parcels = $state('1');
	readonly #deps: PackOrderDeps;
	readonly #data: LiveValue<PackOrderData>;
	readonly #settings: LiveValue<Settings>;
	/** null until the saved counts are read back. */
	#counts = $state.raw<ScanCounts | null>(null);
	#feedback = $state.raw<ScanFeedback | null>(null);
	#seq = 0;
	#confirming = $state(false);
	#confirmError = $state<string | null>(null);
	#substituting = $state<string | null>(null);
	#saveError = $state<string | null>(null);
	#packed = $state(false);

	constructor(orderId: string, deps: PackOrderDeps) {
		this.orderId = orderId;
		this.#deps = deps;
		this.#data = new LiveValue(deps.live);
		this.#settings = new LiveValue(deps.live);
		this.substituteForm = new ActionForm((_name, args) => deps.substitute(args as SubstituteArgs));
	}

	async start(): Promise<void> {
		this.#data.run(() => this.#deps.packData(this.orderId));
		this.#settings.run(() => this.#deps.getSettings());
		try {
			const saved = await this.#deps.readScans(this.orderId);
			// A scan that came before the saved counts were read builds on them, not on nothing.
			this.#counts = { ...saved, ...(this.#counts ?? {}) };
		} catch (error) {
			this.#counts ??= {};
			this.#saveError = `Saved scans could not be read: ${String(error)}`;
		}
	}

	stop(): void {
		this.#data.stop();
		this.#settings.stop();
	}

	// ------------------------------------------------------------ what is shown

	get loading(): boolean {
		return this.#data.value === undefined || this.#counts === null;
	}
	get error(): string | null {
		return this.#data.error ?? this.#settings.error ?? this.#saveError;
	}
	get order(): Order | undefined {
		return this.#data.value?.order;
	}
	get entry(): PreparationEntry | undefined {
		return this.#data.value?.entry;
	}
	get settings(): Settings | undefined {
		return this.#settings.value;
	}
	/** The order was read and is not in preparation (any more). */
	get notInPreparation(): boolean {
		const data = this.#data.value;
		return data !== undefined && (data.order === undefined || data.entry === undefined);
	}
	/** The parcel is closed: packed here or elsewhere. */
	get packed(): boolean {
		const status = this.entry?.status;
		return this.#packed || status === 'packed' || status === 'shipped';
	}
	get counts(): ScanCounts {
		return this.#counts ?? {};
	}

	#progress = $derived.by((): PackProgress | null => {
		const data = this.#data.value;
		if (!data?.order || !data.entry) return null;
		const closed = data.entry.status === 'packed' || data.entry.status === 'shipped';
		return packProgress(data.entry, data.order, closed ? data.entry.packed : this.counts);
	});

	get progress(): PackProgress | null {
		return this.#progress;
	}

	location(lineId: string): string {
		const data = this.#data.value;
		const line = data?.order?.lines.find((l) => l.id === lineId);
		return data?.stockLevels.find((s) => s.productId === line?.productId)?.location ?? '';
	}
	product(lineId: string): Product | undefined {
		const data = this.#data.value;
		const line = data?.order?.lines.find((l) => l.id === lineId);
		return data?.products.find((p) => p.id === line?.productId);
	}

	get feedback(): ScanFeedback | null {
		return this.#feedback;
	}
	get confirming(): boolean {
		return this.#confirming;
	}
	get confirmError(): string | null {
		return this.#confirmError;
	}
	/** Partial packing is allowed by the settings (the confirm button says so). */
	get partialAllowed(): boolean {
		return this.settings?.allowPartialPacking ?? false;
	}

	// ------------------------------------------------------------ scanning

	#say(sound: ScanSound, message: string, code: string, lineId?: string): void {
		this.#seq += 1;
		this.#feedback = { sound, message, code, seq: this.#seq, ...(lineId ? { lineId } : {}) };
		this.#deps.play?.(sound);
	}

	/**
	 * What a scan of `code` would do, from the order's own products only (no lookup), without
	 * applying it: the state change scan() makes, for benchmarks to time without rendering.
	 */
	previewScan(code: string): { result: ScanResult; counts: ScanCounts | null } {
		const data = this.#data.value;
		if (!data?.order || !data.entry || this.#counts === null) {
			return {
				result: { ok: false, error: 'unknown_barcode', message: 'Not loaded.' },
				counts: null
			};
		}
		const result = scanResult(data.entry, data.order, data.products, code.trim(), this.#counts);
		return { result, counts: result.ok ? countScan(this.#counts, result.lineId) : null };
	}

	/**
	 * One scanned or typed code. The count changes before anything is awaited, so the line is
	 * redrawn at once; the ScanQueue calls this one scan at a time, so the save of one scan is
	 * done before the next is counted.
	 */
	async scan(raw: string): Promise<void> {
		const code = raw.trim();
		if (code === '') return;
		const data = this.#data.value;
		if (!data || this.#counts === null) {
			this.#say('wrong', 'Still loading the order: scan again in a moment.', code);
			return;
		}
		const { order, entry } = data;
		if (!order || !entry) {
			this.#say('wrong', 'This order is not in preparation: nothing to pack.', code);
			return;
		}
		let result = this.previewScan(code).result;
		if (!result.ok && result.error === 'unknown_barcode') {
			// Not one of this order's products: another product (not in the parcel), or an order label.
			const others = await this.#deps.productsByCode(code);
			if (others.length > 0) {
				result = scanResult(entry, order, [...data.products, ...others], code, this.counts);
			} else {
				const orderIds = await this.#deps.orderIdsByNumber(code);
				const other = orderIds.find((id) => id !== order.id);
				if (other && this.#deps.openOrder) {
					this.#say('ok', `Opening ${orderLabel({ number: code })}.`, code);
					this.#deps.openOrder(other);
					return;
				}
			}
		}
		if (!result.ok) {
			this.#say(soundFor(result), result.message, code);
			return;
		}
		const counts = countScan(this.counts, result.lineId);
		this.#counts = counts;
		const line = this.progress?.lines.find((l) => l.lineId === result.lineId);
		const sku = line?.sku || line?.name || code;
		this.#say(
			'ok',
			`${sku}: ${line?.packed ?? counts[result.lineId]} of ${line?.taken ?? '?'} packed.`,
			code,
			result.lineId
		);
		await this.#save(counts);
	}

	async #save(counts: ScanCounts): Promise<void> {
		try {
			await this.#deps.saveScans(this.orderId, counts);
			this.#saveError = null;
		} catch (error) {
			this.#saveError = `The scan could not be saved on this tablet: ${String(error)}`;
		}
	}

	/** Taps: the same counts as a scan of the line, for a product without a readable label. */
	async tapLine(lineId: string): Promise<void> {
		const line = this.progress?.lines.find((l) => l.lineId === lineId);
		if (!line || this.packed) return;
		if (line.missing === 0) {
			this.#say(
				'over_scan',
				`${line.sku || line.name}: all ${line.taken} are already packed.`,
				line.sku
			);
			return;
		}
		const counts = countScan(this.counts, lineId);
		this.#counts = counts;
		this.#say(
			'ok',
			`${line.sku || line.name}: ${line.packed + 1} of ${line.taken} packed.`,
			line.sku,
			lineId
		);
		await this.#save(counts);
	}

	/** Takes one unit of the line back out of the parcel (a unit scanned by mistake). */
	async untapLine(lineId: string): Promise<void> {
		const current = this.counts[lineId] ?? 0;
		if (current <= 0 || this.packed) return;
		const counts = { ...this.counts, [lineId]: current - 1 };
		this.#counts = counts;
		await this.#save(counts);
	}

	// ------------------------------------------------------------ confirm

	#number(text: string, label: string, max: number, integer: boolean): number | undefined | string {
		const trimmed = text.trim().replace(',', '.');
		if (trimmed === '') return undefined;
		const value = Number(trimmed);
		if (!Number.isFinite(value) || value < (integer ? 1 : 0) || value > max) {
			return `${label}: enter a number from ${integer ? 1 : 0} to ${max}.`;
		}
		if (integer && !Number.isInteger(value)) return `${label}: enter a whole number.`;
		return value;
	}

	/** Confirms the parcel; true when it was packed. */
	async confirm(): Promise<boolean> {
		if (this.#confirming || this.packed) return false;
		const data = this.#data.value;
		const progress = this.progress;
		const settings = this.settings;
		if (!data?.entry || !data.order || !progress || !settings) return false;
		this.#confirmError = null;
		const lines = packedLines(data.entry, this.counts);
		if (lines.length === 0) {
			this.#confirmError = 'Nothing is scanned yet: scan the products into the parcel first.';
			return false;
		}
		if (!progress.complete && !settings.allowPartialPacking) {
			this.#confirmError = `Not every product is packed (missing: ${missingText(progress)}). Partial packing is off in the settings: scan the rest, or substitute a line.`;
			return false;
		}
		const weight = this.#number(this.weight, 'Weight', WEIGHT_MAX, false);
		const parcels = this.#number(this.parcels, 'Parcels', PARCELS_MAX, true);
		for (const value of [weight, parcels]) {
			if (typeof value === 'string') {
				this.#confirmError = value;
				return false;
			}
		}
		const args: PackConfirmArgs = {
			orderId: this.orderId,
			shipmentId: this.#deps.newId(),
			...(settings.invoiceOnPack ? { invoiceId: this.#deps.newId() } : {}),
			lines,
			...(typeof weight === 'number' ? { weight } : {}),
			...(typeof parcels === 'number' ? { parcels } : {})
		};
		this.#confirming = true;
		try {
			const result = await this.#deps.pack(args);
			if (!result.ok) {
				this.#confirmError = result.message;
				return false;
			}
			this.#packed = true;
			return true;
		} catch (error) {
			this.#confirmError = error instanceof Error ? error.message : String(error);
			return false;
		} finally {
			this.#confirming = false;
		}
	}

	// ------------------------------------------------------------ substitute

	/** The line whose product is being substituted (dialog open), or null. */
	get substituting(): string | null {
		return this.#substituting;
	}
	openSubstitute(lineId: string): void {
		this.substituteForm.reset();
		this.#substituting = lineId;
	}
	closeSubstitute(): void {
		if (this.substituteForm.busy) return;
		this.#substituting = null;
		this.substituteForm.reset();
	}
	findProducts(search: string): Promise<Product[]> {
		return this.#deps.listProducts(search, 0, 8);
	}

	/** Replaces the line's product; the old line's scans go (its units are not in the parcel). */
	async substitute(lineId: string, sku: string): Promise<boolean> {
		const entry = this.entry;
		if (!entry) return false;
		const ok = await this.substituteForm.submit('order.replaceLine', {
			orderId: this.orderId,
			warehouseId: entry.warehouseId,
			lineId,
			sku,
			newLineId: this.#deps.newId()
		} satisfies SubstituteArgs);
		if (!ok) return false;
		const { [lineId]: _dropped, ...counts } = this.counts;
		this.#counts = counts;
		await this.#save(counts);
		this.#substituting = null;
		this.#say('ok', `Substituted with ${sku}: scan it into the parcel.`, sku);
		return true;
	}
}

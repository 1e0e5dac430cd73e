// Importing a carrier's file on the Ship screen: read it, find (or let the person choose) the
// tracking and reference columns, preview what each row would do, then ship the matched
// parcels, one preparation.ship each so one refusal does not hold back the rest. Nothing is
// sent before the person confirms the preview; a file that cannot be read changes nothing.
import {
	guessColumns,
	mappingProblem,
	NO_COLUMNS,
	previewImport,
	type ColumnMapping,
	type ImportCandidate,
	type ImportPreview,
	type MappedColumn,
	type MatchedRow
} from '$lib/domain/carrier-import';
import type { Perform } from './action-form.svelte';

export type ReadResult = { ok: true; rows: string[][] } | { ok: false; message: string };

export interface CarrierImportDeps {
	readFile(bytes: Uint8Array): ReadResult;
	/** The batch as it is now (live), for matching. */
	candidates(): ImportCandidate[];
	/** The carrier to record when the file has no carrier column. */
	carrierFor(orderId: string): string | undefined;
	perform: Perform;
}

export interface ImportRefusal {
	row: MatchedRow;
	message: string;
}

export type ImportStep = 'choose' | 'preview' | 'shipping' | 'done';

export const COLUMN_LABELS: Record<MappedColumn, string> = {
	tracking: 'Tracking number',
	orderNumber: 'Order number',
	shipmentId: 'Shipment id',
	carrier: 'Carrier'
};

export class CarrierImport {
	readonly #deps: CarrierImportDeps;
	#fileName = $state('');
	#rows = $state.raw<string[][]>([]);
	#mapping = $state<ColumnMapping>({ ...NO_COLUMNS });
	#hasHeader = $state(true);
	#recognised = $state(false);
	#error = $state<string | null>(null);
	#step = $state<ImportStep>('choose');
	#progress = $state({ done: 0, total: 0 });
	#shipped = $state(0);
	#refused = $state.raw<ImportRefusal[]>([]);

	constructor(deps: CarrierImportDeps) {
		this.#deps = deps;
	}

	get fileName(): string {
		return this.#fileName;
	}
	get step(): ImportStep {
		return this.#step;
	}
	/** Why the file could not be read (shown on the choose step; nothing changed). */
	get error(): string | null {
		return this.#error;
	}
	get rows(): string[][] {
		return this.#rows;
	}
	get mapping(): ColumnMapping {
		return this.#mapping;
	}
	get hasHeader(): boolean {
		return this.#hasHeader;
	}
	/** The header named the columns itself; otherwise the person picks them. */
	get recognised(): boolean {
		return this.#recognised;
	}
	get progress(): { done: number; total: number } {
		return this.#progress;
	}
	get shipped(): number {
		return this.#shipped;
	}
	get refused(): ImportRefusal[] {
		return this.#refused;
	}

	/** The widest row's columns, each named by the header (or "Column n") with a sample value. */
	get columns(): { index: number; label: string }[] {
		const width = Math.max(0, ...this.#rows.map((row) => row.length));
		const sampleRow = this.#rows[this.#hasHeader ? 1 : 0] ?? [];
		return Array.from({ length: width }, (_, index) => {
			const name = this.#hasHeader ? this.#rows[0]?.[index]?.trim() : '';
			const sample = sampleRow[index]?.trim();
			const base = name || `Column ${index + 1}`;
			return { index, label: sample ? `${base} (e.g. ${sample})` : base };
		});
	}

	get mappingProblem(): string | null {
		return mappingProblem(this.#mapping);
	}

	#preview = $derived.by((): ImportPreview | null => {
		if (this.#rows.length === 0 || mappingProblem(this.#mapping) !== null) return null;
		return previewImport(this.#rows, this.#mapping, this.#deps.candidates(), this.#hasHeader);
	});

	get preview(): ImportPreview | null {
		return this.#preview;
	}

	/** Reads the chosen file; a bad one leaves an error and nothing else. */
	load(fileName: string, bytes: Uint8Array): boolean {
		this.#fileName = fileName;
		const result = this.#deps.readFile(bytes);
		if (!result.ok) {
			this.#rows = [];
			this.#error = result.message;
			this.#step = 'choose';
			return false;
		}
		const { mapping, recognised } = guessColumns(result.rows[0] ?? []);
		this.#rows = result.rows;
		this.#error = null;
		// A header naming some columns is still a header: the person completes the rest.
		this.#recognised = recognised;
		this.#hasHeader = Object.values(mapping).some((index) => index !== null);
		this.#mapping = mapping;
		this.#step = 'preview';
		return true;
	}

	setColumn(column: MappedColumn, index: number | null): void {
		this.#mapping = { ...this.#mapping, [column]: index };
	}

	setHasHeader(hasHeader: boolean): void {
		this.#hasHeader = hasHeader;
	}

	/** Back to choosing a file. */
	reset(): void {
		this.#fileName = '';
		this.#rows = [];
		this.#error = null;
		this.#mapping = { ...NO_COLUMNS };
		this.#step = 'choose';
		this.#progress = { done: 0, total: 0 };
		this.#shipped = 0;
		this.#refused = [];
	}

	/** Ships every matched parcel of the preview, in file order; the refusals are kept. */
	async confirm(): Promise<void> {
		const preview = this.#preview;
		if (this.#step !== 'preview' || !preview || preview.matched.length === 0) return;
		const matched = preview.matched;
		this.#step = 'shipping';
		this.#progress = { done: 0, total: matched.length };
		this.#shipped = 0;
		const refused: ImportRefusal[] = [];
		for (const row of matched) {
			const carrier = row.carrier ?? this.#deps.carrierFor(row.orderId);
			try {
				const result = await this.#deps.perform('preparation.ship', {
					orderId: row.orderId,
					tracking: row.tracking,
					...(carrier ? { carrier } : {})
				});
				if (result.ok) this.#shipped++;
				else refused.push({ row, message: result.message });
			} catch (error) {
				refused.push({ row, message: error instanceof Error ? error.message : String(error) });
			}
			this.#progress = { done: this.#progress.done + 1, total: matched.length };
		}
		this.#refused = refused;
		this.#step = 'done';
	}
}

// The products list: a search (SKU, name or barcode prefix; the query layer folds accents)
// and one page of results with stock totals across warehouses. Paged rather than
// virtualized: a few thousand products at 50 a page stays quick, and a page is a place
// a person can come back to.
import type { Product, StockLevel } from '$lib/domain/schemas';
import { LiveValue, type LiveSource } from './live-value.svelte';

export const PRODUCTS_PAGE_SIZE = 50;

export interface ProductsListDeps {
	source: LiveSource;
	listProducts(search: string, offset: number, limit: number): Promise<Product[]>;
	countProducts(search: string): Promise<number>;
	productStock(productId: string): Promise<StockLevel[]>;
}

export interface StockTotals {
	physical: number;
	/** Σ max(0, physical − toShip) per warehouse: what is free to sell. */
	available: number;
}

export interface ProductRow {
	product: Product;
	totals: StockTotals;
}

export function stockTotals(levels: readonly StockLevel[]): StockTotals {
	let physical = 0;
	let available = 0;
	for (const level of levels) {
		physical += level.physical;
		available += Math.max(0, level.physical - level.toShip);
	}
	return { physical, available };
}

/** One answer for a search and page: rows and count read together, so they always agree. */
interface ProductsPage {
	rows: ProductRow[];
	total: number;
}

export class ProductsListState {
	#search = $state('');
	#offset = $state(0);
	readonly #page: LiveValue<ProductsPage>;
	readonly #deps: ProductsListDeps;
	readonly #pageSize: number;

	constructor(deps: ProductsListDeps, pageSize = PRODUCTS_PAGE_SIZE) {
		this.#deps = deps;
		this.#pageSize = pageSize;
		this.#page = new LiveValue(deps.source);
	}

	get search(): string {
		return this.#search;
	}
	get offset(): number {
		return this.#offset;
	}
	get pageSize(): number {
		return this.#pageSize;
	}
	get rows(): ProductRow[] {
		return this.#page.value?.rows ?? [];
	}
	/** Matching products in all pages; undefined until counted. */
	get total(): number | undefined {
		return this.#page.value?.total;
	}
	get loading(): boolean {
		return this.#page.loading;
	}
	get error(): string | null {
		return this.#page.error;
	}
	get hasPrevious(): boolean {
		return this.#offset > 0;
	}
	get hasNext(): boolean {
		const total = this.total;
		return total !== undefined && this.#offset + this.#pageSize < total;
	}
	/** "51–100 of 523", or "No products" when the search matches nothing. */
	get rangeLabel(): string {
		const total = this.total;
		if (total === undefined) return '';
		if (total === 0) return this.#search.trim() ? 'No product matches' : 'No products';
		const shown = this.rows.length;
		// An address that names a page past the end (the list shrank meanwhile).
		if (shown === 0) return `Past the last page (${total} in all)`;
		const first = this.#offset + 1;
		const last = this.#offset + shown;
		return `${first}–${last} of ${total}`;
	}

	start(search = this.#search, offset = 0): void {
		this.#search = search;
		this.#offset = Math.max(0, offset);
		this.#query();
	}

	setSearch(search: string): void {
		if (search === this.#search) return;
		this.#search = search;
		// A new search starts on its first page.
		this.#offset = 0;
		this.#query();
	}

	next(): void {
		if (!this.hasNext) return;
		this.#offset += this.#pageSize;
		this.#query();
	}

	previous(): void {
		if (!this.hasPrevious) return;
		const total = this.total;
		// From past the end, Previous goes to the last page that has rows.
		this.#offset =
			total !== undefined && total > 0 && this.#offset >= total
				? Math.floor((total - 1) / this.#pageSize) * this.#pageSize
				: Math.max(0, this.#offset - this.#pageSize);
		this.#query();
	}

	/**
	 * The product a search names on its own (what Enter opens): the only match, or the one
	 * match whose SKU or barcode is exactly the text (a scanned code that prefixes others).
	 * Read once, not live, so a scan followed at once by Enter does not wait for the list.
	 */
	async singleMatch(search = this.#search): Promise<Product | null> {
		const text = search.trim();
		if (!text) return null;
		const found = await this.#deps.listProducts(text, 0, 20);
		if (found.length === 1) return found[0];
		const key = text.toLowerCase();
		const exact = found.filter(
			(p) => p.sku.toLowerCase() === key || p.barcodes.some((b) => b.toLowerCase() === key)
		);
		return exact.length === 1 ? exact[0] : null;
	}

	stop(): void {
		this.#page.stop();
	}

	#query(): void {
		const search = this.#search.trim();
		const offset = this.#offset;
		const limit = this.#pageSize;
		const deps = this.#deps;
		this.#page.run(async () => {
			const [total, products] = await Promise.all([
				deps.countProducts(search),
				deps.listProducts(search, offset, limit)
			]);
			// One indexed read per product on the page: cheap at 50 rows, and it keeps the
			// totals live when stock moves.
			const levels = await Promise.all(products.map((p) => deps.productStock(p.id)));
			return {
				total,
				rows: products.map((product, i) => ({ product, totals: stockTotals(levels[i]) }))
			};
		});
	}
}

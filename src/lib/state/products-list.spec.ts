import { describe, expect, it } from 'vitest';
import type { Product, StockLevel } from '$lib/domain/schemas';
import { fakeSource, settle } from './products-fakes.svelte';
import { ProductsListState, stockTotals } from './products-list.svelte';

function product(n: number): Product {
	return {
		id: `p${n}`,
		sku: `SKU-${String(n).padStart(3, '0')}`,
		name: `Product ${n}`,
		barcodes: [],
		type: 'simple',
		shopRefs: [],
		createdFromOrder: false
	};
}

function level(
	productId: string,
	warehouseId: string,
	physical: number,
	toShip: number
): StockLevel {
	return {
		id: `${productId}:${warehouseId}`,
		productId,
		warehouseId,
		physical,
		reserved: Math.min(physical, toShip),
		toShip,
		location: ''
	};
}

function catalog(count: number) {
	const products = Array.from({ length: count }, (_, i) => product(i + 1));
	const stock: StockLevel[] = [level('p1', 'w1', 10, 3), level('p1', 'w2', 2, 5)];
	const calls: string[] = [];
	// SKU or barcode prefix, like the query layer (which also folds accents and names).
	const matches = (search: string) =>
		products.filter((p) =>
			[p.sku, ...p.barcodes].some((code) => code.toLowerCase().startsWith(search.toLowerCase()))
		);
	return {
		products,
		stock,
		calls,
		deps: {
			listProducts: async (search: string, offset: number, limit: number) => {
				calls.push(`list:${search}:${offset}:${limit}`);
				return matches(search).slice(offset, offset + limit);
			},
			countProducts: async (search: string) => matches(search).length,
			productStock: async (productId: string) => stock.filter((s) => s.productId === productId)
		}
	};
}

describe('stockTotals', () => {
	it('adds physical stock and free stock per warehouse, never counting a shortfall as negative', () => {
		expect(stockTotals([level('p', 'a', 10, 3), level('p', 'b', 2, 5)])).toEqual({
			physical: 12,
			available: 7
		});
		expect(stockTotals([])).toEqual({ physical: 0, available: 0 });
	});
});

describe('ProductsListState', () => {
	it('shows rows and count from the same read, so the label never disagrees with the table', async () => {
		let resolveCount: (n: number) => void = () => {};
		const { source } = fakeSource();
		const data = catalog(3);
		const list = new ProductsListState({
			source,
			...data.deps,
			countProducts: () => new Promise<number>((resolve) => (resolveCount = resolve))
		});
		list.start();
		await settle();
		expect(list.rows).toEqual([]);
		expect(list.total).toBeUndefined();
		expect(list.loading).toBe(true);
		resolveCount(3);
		await settle();
		expect(list.rows).toHaveLength(3);
		expect(list.total).toBe(3);
		expect(list.loading).toBe(false);
	});

	it('shows the first page with stock totals and a range label', async () => {
		const { source } = fakeSource();
		const data = catalog(120);
		const list = new ProductsListState({ source, ...data.deps });
		list.start();
		await settle();
		expect(list.rows).toHaveLength(50);
		expect(list.rows[0].product.sku).toBe('SKU-001');
		expect(list.rows[0].totals).toEqual({ physical: 12, available: 7 });
		expect(list.rows[1].totals).toEqual({ physical: 0, available: 0 });
		expect(list.total).toBe(120);
		expect(list.rangeLabel).toBe('1–50 of 120');
		expect(list.hasPrevious).toBe(false);
		expect(list.hasNext).toBe(true);
	});

	it('pages forward and back and stops at the last page', async () => {
		const { source } = fakeSource();
		const data = catalog(120);
		const list = new ProductsListState({ source, ...data.deps });
		list.start();
		await settle();
		list.next();
		await settle();
		list.next();
		await settle();
		expect(list.rangeLabel).toBe('101–120 of 120');
		expect(list.rows).toHaveLength(20);
		expect(list.hasNext).toBe(false);
		list.next();
		await settle();
		expect(list.offset).toBe(100);
		list.previous();
		await settle();
		expect(list.rows[0].product.sku).toBe('SKU-051');
	});

	it('says so when started on a page past the end', async () => {
		const { source } = fakeSource();
		const list = new ProductsListState({ source, ...catalog(30).deps }, 10);
		list.start('', 50);
		await settle();
		expect(list.rows).toEqual([]);
		expect(list.rangeLabel).toBe('Past the last page (30 in all)');
		expect(list.hasPrevious).toBe(true);
		list.previous();
		await settle();
		expect(list.rangeLabel).toBe('21–30 of 30');
	});

	it('a new search returns to the first page and trims the text', async () => {
		const { source } = fakeSource();
		const data = catalog(120);
		const list = new ProductsListState({ source, ...data.deps });
		list.start();
		await settle();
		list.next();
		await settle();
		list.setSearch(' sku-11 ');
		await settle();
		expect(list.offset).toBe(0);
		expect(data.calls.at(-1)).toBe('list:sku-11:0:50');
		expect(list.rows.map((r) => r.product.sku)).toEqual([
			'SKU-110',
			'SKU-111',
			'SKU-112',
			'SKU-113',
			'SKU-114',
			'SKU-115',
			'SKU-116',
			'SKU-117',
			'SKU-118',
			'SKU-119'
		]);
		expect(list.rangeLabel).toBe('1–10 of 10');
		list.setSearch('nothing');
		await settle();
		expect(list.rows).toEqual([]);
		expect(list.rangeLabel).toBe('No product matches');
	});

	it('follows stock changes without being asked (live query)', async () => {
		const fake = fakeSource();
		const data = catalog(3);
		const list = new ProductsListState({ source: fake.source, ...data.deps });
		list.start();
		await settle();
		expect(list.rows[0].totals.physical).toBe(12);
		data.stock[0].physical = 20;
		await fake.refresh();
		expect(list.rows[0].totals).toEqual({ physical: 22, available: 17 });
	});

	it('keeps only the current queries open and closes them on stop', async () => {
		const fake = fakeSource();
		const list = new ProductsListState({ source: fake.source, ...catalog(3).deps });
		list.start();
		list.setSearch('a');
		list.setSearch('ab');
		await settle();
		expect(fake.openCount).toBe(1);
		list.stop();
		expect(fake.openCount).toBe(0);
	});

	it('names the product a search points at on its own (Enter opens it)', async () => {
		const { source } = fakeSource();
		const data = catalog(120);
		data.products[4].barcodes = ['SKU-11'];
		const list = new ProductsListState({ source, ...data.deps });
		expect((await list.singleMatch('sku-050'))?.id).toBe('p50');
		// Eleven SKUs start with "SKU-11", but one product has it as its barcode exactly.
		expect((await list.singleMatch(' SKU-11 '))?.id).toBe('p5');
		expect(await list.singleMatch('sku-1')).toBeNull();
		expect(await list.singleMatch('nothing')).toBeNull();
		expect(await list.singleMatch('  ')).toBeNull();
	});

	it('shows a failed read as an error', async () => {
		const { source } = fakeSource();
		const data = catalog(3);
		const list = new ProductsListState({
			source,
			...data.deps,
			countProducts: async () => {
				throw new Error('IndexedDB is not available');
			}
		});
		list.start();
		await settle();
		expect(list.error).toBe('IndexedDB is not available');
	});
});

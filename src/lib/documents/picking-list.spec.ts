import { describe, expect, it } from 'vitest';
import { pickingListPdf, sortByLocation, type PickingBatch } from './picking-list';
import { diskAssets } from './testing/assets';
import { CYRILLIC_NAME, GREEK_NAME, makeSettings, POLISH_NAME } from './testing/fixtures';
import { inspectPdf } from './testing/inspect';
import { HAS_BARCODE_TOOLS, HAS_PDFTOTEXT, pageTexts, scanBarcodes } from './testing/poppler';

const batch: PickingBatch = {
	warehouseName: 'Main warehouse',
	createdAt: '2026-01-06T08:00:00.000Z',
	operator: CYRILLIC_NAME,
	items: [
		{ sku: 'SKU-101', name: 'Κούπα καφέ', location: 'A10', qty: 3, orderNumbers: ['1043', '1044'] },
		{ sku: 'SKU-103', name: 'Żółta czapka', location: '', qty: 1, orderNumbers: ['1045'] },
		{ sku: 'SKU-102', name: 'Футболка', location: 'A2', qty: 1, orderNumbers: ['1043'] },
		{ sku: 'SKU-104', name: 'Mug', location: 'B-1', qty: 2, orderNumbers: ['1044'] }
	],
	orders: [
		{
			number: '1043',
			customerName: GREEK_NAME,
			shippingMethod: 'DHL Express',
			destination: 'Greece',
			hasGiftMessage: true,
			lines: [
				{ sku: 'SKU-101', name: 'Κούπα καφέ', location: 'A10', qty: 2 },
				{ sku: 'SKU-102', name: 'Футболка', location: 'A2', qty: 1 }
			]
		},
		{
			number: '1044',
			customerName: CYRILLIC_NAME,
			shippingMethod: 'UPS',
			lines: [
				{ sku: 'SKU-104', name: 'Mug', location: 'B-1', qty: 2 },
				{ sku: 'SKU-101', name: 'Κούπα καφέ', location: 'A10', qty: 1 }
			]
		},
		{
			number: '1045',
			customerName: POLISH_NAME,
			shippingMethod: 'InPost',
			lines: [{ sku: 'SKU-103', name: 'Żółta czapka', location: '', qty: 1 }]
		}
	]
};

describe('sortByLocation', () => {
	it('walks the shelves in natural order, unlocated items last, SKU breaking ties', () => {
		const items = [
			{ sku: 'B', location: 'A10' },
			{ sku: 'Z', location: '' },
			{ sku: 'C', location: 'A2' },
			{ sku: 'A', location: 'A10' }
		];
		expect(sortByLocation(items).map((i) => `${i.location}/${i.sku}`)).toEqual([
			'A2/C',
			'A10/A',
			'A10/B',
			'/Z'
		]);
	});
});

describe('pickingListPdf', () => {
	it('has the aggregated list, then one page per order', async () => {
		const facts = await inspectPdf(await pickingListPdf(batch, diskAssets(), makeSettings()));
		expect(facts.pageCount).toBe(1 + batch.orders.length);
		expect(facts.keywords).toEqual([
			'1043',
			'1044',
			'1045',
			'SKU-102',
			'SKU-101',
			'SKU-104',
			'SKU-103'
		]);
	});

	it.skipIf(!HAS_PDFTOTEXT)('lists products by location, A2 before A10, with totals', async () => {
		const pages = pageTexts(await pickingListPdf(batch, diskAssets()));
		const summary = pages[0];
		expect(summary).toContain('Picking list');
		expect(summary).toContain(
			`Main warehouse · 2026-01-06 · ${CYRILLIC_NAME} · 3 orders · 7 units`
		);
		expect(summary.match(/SKU-\d+/g)).toEqual(['SKU-102', 'SKU-101', 'SKU-104', 'SKU-103']);
		for (const name of ['Κούπα καφέ', 'Футболка', 'Żółta czapka']) expect(summary).toContain(name);
		expect(summary).toContain('#1043 #1044');
	});

	it.skipIf(!HAS_PDFTOTEXT)('gives each order its own page, lines in shelf order', async () => {
		const pages = pageTexts(await pickingListPdf(batch, diskAssets()));
		expect(pages[1]).toContain('Order #1043');
		expect(pages[1]).toContain(GREEK_NAME);
		expect(pages[1]).toContain('Gift message');
		expect(pages[1].match(/SKU-\d+/g)).toEqual(['SKU-102', 'SKU-101']);
		expect(pages[2]).toContain('Order #1044');
		expect(pages[2]).toContain(CYRILLIC_NAME);
		expect(pages[2].match(/SKU-\d+/g)).toEqual(['SKU-101', 'SKU-104']);
		expect(pages[3]).toContain('Order #1045');
		expect(pages[3]).toContain(POLISH_NAME);
	});

	it('starts each order on a new page even when its lines run over one', async () => {
		const lines = Array.from({ length: 40 }, (_, i) => ({
			sku: `SKU-${i}`,
			name: `Item ${i}`,
			location: `C${i}`,
			qty: 1
		}));
		const big: PickingBatch = {
			...batch,
			items: lines,
			orders: [
				{ number: '2001', customerName: 'A', shippingMethod: 'UPS', lines },
				{ number: '2002', customerName: 'B', shippingMethod: 'UPS', lines: lines.slice(0, 1) }
			]
		};
		const pdf = await pickingListPdf(big, diskAssets());
		// Summary and order 2001 both run over two pages; order 2002 gets a page of its own.
		expect((await inspectPdf(pdf)).pageCount).toBe(5);
		if (!HAS_PDFTOTEXT) return;
		const pages = pageTexts(pdf);
		expect(pages[4]).toContain('Order #2002');
		expect(pages[3]).toContain('Order #2001 (continued)');
		expect(pages[3]).toContain('Location');
		expect(
			pages
				.slice(2, 4)
				.join('\n')
				.match(/SKU-\d+/g)
		).toEqual(lines.map((l) => l.sku));
	});

	it.skipIf(!HAS_BARCODE_TOOLS)('prints order and SKU barcodes that scan', async () => {
		const pdf = await pickingListPdf(batch, diskAssets());
		expect(scanBarcodes(pdf, 1)).toEqual([
			'CODE-128:SKU-101',
			'CODE-128:SKU-102',
			'CODE-128:SKU-103',
			'CODE-128:SKU-104'
		]);
		expect(scanBarcodes(pdf, 2)).toEqual(['CODE-128:1043', 'CODE-128:SKU-101', 'CODE-128:SKU-102']);
	});
});

import { describe, expect, it } from 'vitest';
import { PAGE_SIZES, PdfBuilder, type BuilderOptions } from './builder';
import { diskAssets } from './testing/assets';
import { makeSettings, PNG_LOGO } from './testing/fixtures';
import { inspectPdf } from './testing/inspect';
import { HAS_BARCODE_TOOLS, HAS_PDFTOTEXT, pageTexts, scanBarcodes } from './testing/poppler';

const metadata = { title: 'Test document', keywords: ['k1', 'k2'] };

async function tableDocument(rows: number, options: Partial<BuilderOptions> = {}) {
	const doc = await PdfBuilder.create(diskAssets(), {
		letterhead: makeSettings(),
		metadata,
		...options
	});
	doc.text('Rows', { size: 16, bold: true });
	doc.table(
		[
			{ header: 'Row id', width: 100 },
			{ header: 'Description' },
			{ header: 'Qty', width: 40, align: 'right' }
		],
		Array.from({ length: rows }, (_, i) => [`row-${i}`, `Item ${i} Ελληνικά Кириллица`, String(i)])
	);
	return doc.finish();
}

describe('PdfBuilder', () => {
	it('makes pages of the asked size, with the metadata given', async () => {
		for (const size of ['A4', 'A6', '4x6'] as const) {
			const doc = await PdfBuilder.create(diskAssets(), { size, metadata });
			doc.text('x');
			const facts = await inspectPdf(await doc.finish());
			expect(facts.sizes).toEqual([PAGE_SIZES[size].map(Math.round)]);
			expect(facts.title).toBe('Test document');
			expect(facts.keywords).toEqual(['k1', 'k2']);
		}
	});

	it('breaks a long table across pages without losing a row', async () => {
		const pdf = await tableDocument(150);
		const facts = await inspectPdf(pdf);
		expect(facts.pageCount).toBeGreaterThanOrEqual(3);
	});

	it.skipIf(!HAS_PDFTOTEXT)('prints every row once, in order, across the pages', async () => {
		const rowIds = pageTexts(await tableDocument(150))
			.join('\n')
			.match(/row-\d+/g);
		expect(rowIds).toEqual(Array.from({ length: 150 }, (_, i) => `row-${i}`));
	});

	it.skipIf(!HAS_PDFTOTEXT)(
		'repeats the table header, letterhead and footer on every page, with page numbers',
		async () => {
			const pages = pageTexts(await tableDocument(150));
			pages.forEach((text, i) => {
				expect(text).toContain('Row id');
				expect(text).toContain('Dockside Demo GmbH');
				expect(text).toContain('VAT DE123456789');
				expect(text).toContain('IBAN DE02 1203 0000 0000 2020 51');
				expect(text).toContain(`Page ${i + 1} of ${pages.length}`);
			});
		}
	);

	it.skipIf(!HAS_PDFTOTEXT)('can show the letterhead on the first page only', async () => {
		const pages = pageTexts(await tableDocument(150, { letterheadOn: 'first' }));
		expect(pages.length).toBeGreaterThan(1);
		expect(pages[0]).toContain('Hafenstraße 12');
		for (const text of pages.slice(1)) {
			expect(text).not.toContain('Hafenstraße 12');
			// The footer belongs to every page all the same.
			expect(text).toContain('IBAN DE02');
		}
	});

	it('draws the logo on each letterhead page, and prints without a damaged one', async () => {
		const withLogo = await tableDocument(150, { letterhead: makeSettings({ logo: PNG_LOGO }) });
		const facts = await inspectPdf(withLogo);
		expect(facts.images).toEqual(Array(facts.pageCount).fill(1));
		const damaged = 'data:image/png;base64,' + btoa('\x89PNG\r\n\x1a\nnot really a png');
		const without = await tableDocument(3, { letterhead: makeSettings({ logo: damaged }) });
		expect((await inspectPdf(without)).images).toEqual([0]);
	});

	it('leaves out a barcode too wide for its box rather than print bars too thin to scan', async () => {
		const doc = await PdfBuilder.create(diskAssets(), { metadata });
		expect(doc.drawBarcode('ABCDEFGHIJKLMNOPQRSTUVWXYZ', 40, 40, 100, 30)).toBeNull();
		expect(doc.drawBarcode('Żółć', 40, 40, 300, 30)).toBeNull();
		// Start C, 10, 43, check, stop = 57 modules, plus 2 × 10 of quiet zone, at 1 pt a module.
		expect(doc.drawBarcode('1043', 40, 40, 300, 30)).toEqual({ width: 77, quiet: 10 });
	});

	it.skipIf(!HAS_BARCODE_TOOLS)('prints Code 128 barcodes that a scanner reads back', async () => {
		const values = ['1043', 'SKU-101', 'ab-12/X+y', '000123456789', 'A'];
		const doc = await PdfBuilder.create(diskAssets(), { metadata });
		for (const value of values) {
			doc.barcode(value, { width: 220, height: 30 });
			doc.moveDown(10);
		}
		const scanned = scanBarcodes(await doc.finish(), 1);
		expect(scanned).toEqual(values.map((value) => `CODE-128:${value}`).sort());
	});
});

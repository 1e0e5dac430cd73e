import { describe, expect, it } from 'vitest';
import { invoiceFigures, invoicePdf, PROVISIONAL_NOTICE } from './invoice';
import { diskAssets } from './testing/assets';
import {
	GREEK_NAME,
	makeInvoice,
	makeLine,
	makeOrder,
	makeSettings,
	PNG_LOGO
} from './testing/fixtures';
import { inspectPdf } from './testing/inspect';
import { HAS_BARCODE_TOOLS, HAS_PDFTOTEXT, pageTexts, scanBarcodes } from './testing/poppler';

const settings = makeSettings({ logo: PNG_LOGO });

describe('invoiceFigures', () => {
	it('adds up to the invoice total: lines net + tax per rate + shipping on the first invoice', () => {
		const order = makeOrder();
		const invoice = makeInvoice(order);
		const figures = invoiceFigures({ ...order, invoices: [invoice] }, invoice);
		expect(figures.net).toBe(52.99);
		expect(figures.taxes).toEqual([
			{ rate: 0.07, amount: 0.56 },
			{ rate: 0.2, amount: 9 }
		]);
		expect(figures.shipping).toBe(4.9);
		const sum = figures.net + figures.taxes.reduce((s, t) => s + t.amount, 0) + figures.shipping;
		expect(Math.round(sum * 100) / 100).toBe(invoice.total);
	});

	it('charges shipping on the first invoice only, and prints only the invoiced quantities', () => {
		const order = makeOrder();
		const first = makeInvoice(order, { id: 'i1' });
		const second = makeInvoice(order, {
			id: 'i2',
			lines: [{ lineId: 'line-1', qty: 1 }],
			total: 15
		});
		const figures = invoiceFigures({ ...order, invoices: [first, second] }, second);
		expect(figures.shipping).toBe(0);
		expect(figures.lines.map((l) => [l.sku, l.qty, l.net, l.tax])).toEqual([
			['SKU-101', 1, 12.5, 2.5]
		]);
		expect(figures.total).toBe(15);
	});
});

describe('invoicePdf', () => {
	const order = makeOrder();
	const invoice = makeInvoice(order);

	it('is one A4 page whose metadata names the invoice, the order and the SKUs', async () => {
		const facts = await inspectPdf(await invoicePdf(order, invoice, settings, diskAssets()));
		expect(facts.pageCount).toBe(1);
		expect(facts.sizes).toEqual([[595, 842]]);
		expect(facts.title).toBe('Invoice INV-2026-0042 — order #1043');
		expect(facts.keywords).toEqual(['1043', 'INV-2026-0042', 'SKU-101', 'SKU-102', 'SKU-103']);
		expect(facts.images).toEqual([1]);
	});

	it.skipIf(!HAS_PDFTOTEXT)(
		'prints lines, amounts, addresses and names in any script',
		async () => {
			const [text] = pageTexts(await invoicePdf(order, invoice, settings, diskAssets()));
			for (const expected of [
				'Invoice INV-2026-0042',
				'Order: #1043',
				'Invoice date: 2026-01-06',
				GREEK_NAME,
				'Οδός Ερμού 25',
				'SKU-101',
				'Κούπα καφέ (coffee mug)',
				'Футболка «Док» (T-shirt)',
				'Żółta czapka (yellow cap)',
				'€12.50',
				'€52.99',
				'Tax 7 %',
				'€0.56',
				'€4.90',
				'€67.45',
				'VAT DE123456789',
				'Amtsgericht Hamburg'
			]) {
				expect(text).toContain(expected);
			}
			expect(text).not.toContain('PROVISIONAL');
		}
	);

	it('says PROVISIONAL — number pending until the server numbers it', async () => {
		const pending = makeInvoice(order, { number: null });
		const pdf = await invoicePdf(order, pending, settings, diskAssets());
		const facts = await inspectPdf(pdf);
		expect(facts.title).toBe('Invoice — order #1043');
		expect(facts.subject).toBe(`Invoice (${PROVISIONAL_NOTICE})`);
		if (HAS_PDFTOTEXT) expect(pageTexts(pdf)[0]).toContain('PROVISIONAL — number pending');
	});

	it('runs over several pages for a long order, every page with its header', async () => {
		const lines = Array.from({ length: 70 }, (_, i) => makeLine(i + 1));
		const big = makeOrder({ lines });
		const pdf = await invoicePdf(big, makeInvoice(big), settings, diskAssets());
		const facts = await inspectPdf(pdf);
		expect(facts.pageCount).toBeGreaterThanOrEqual(2);
		if (!HAS_PDFTOTEXT) return;
		const pages = pageTexts(pdf);
		for (const page of pages) expect(page).toContain('Unit price');
		const skus = pages.join('\n').match(/SKU-\d+/g);
		expect(skus).toEqual(lines.map((l) => l.sku));
		expect(pages.at(-1)).toContain('Total');
	});

	it.skipIf(!HAS_BARCODE_TOOLS)('shows the order number as a Code 128 barcode', async () => {
		const pdf = await invoicePdf(order, invoice, settings, diskAssets());
		expect(scanBarcodes(pdf, 1)).toEqual(['CODE-128:1043']);
	});
});

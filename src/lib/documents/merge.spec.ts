import { describe, expect, it } from 'vitest';
import { addressLabelPdf } from './address-label';
import { invoicePdf } from './invoice';
import { mergePdfs } from './merge';
import { packingSlipPdf } from './packing-slip';
import { diskAssets } from './testing/assets';
import { makeInvoice, makeOrder, makeSettings } from './testing/fixtures';
import { inspectPdf } from './testing/inspect';
import { HAS_PDFTOTEXT, pageTexts } from './testing/poppler';

describe('mergePdfs', () => {
	it('puts documents one after the other in a single PDF', async () => {
		const settings = makeSettings();
		const first = makeOrder({ number: '1043' });
		const second = makeOrder({ id: 'order-2', number: '1044' });
		const lines = first.lines.map((line) => ({ lineId: line.id, qty: line.qtyOrdered }));
		const parts = [
			await packingSlipPdf(first, lines, settings, diskAssets()),
			await invoicePdf(second, makeInvoice(second), settings, diskAssets()),
			await addressLabelPdf(second, settings, diskAssets(), 'A6')
		];
		const merged = await mergePdfs(parts, 'Batch 7');
		const facts = await inspectPdf(merged);
		expect(facts.pageCount).toBe(3);
		expect(facts.title).toBe('Batch 7');
		expect(facts.sizes).toEqual([
			[595, 842],
			[595, 842],
			[298, 420]
		]);
		expect(facts.keywords).toEqual([
			'1043',
			'SKU-101',
			'SKU-102',
			'SKU-103',
			'1044',
			'INV-2026-0042'
		]);
		if (!HAS_PDFTOTEXT) return;
		const pages = pageTexts(merged);
		expect(pages[0]).toContain('Packing slip');
		expect(pages[0]).toContain('#1043');
		expect(pages[1]).toContain('Invoice INV-2026-0042');
		expect(pages[1]).toContain('#1044');
		expect(pages[2]).toContain('DHL Express');
	});

	it('refuses an empty batch', async () => {
		await expect(mergePdfs([])).rejects.toThrow('There is nothing to print.');
	});
});

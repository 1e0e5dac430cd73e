import { describe, expect, it } from 'vitest';
import { addressLabelPdf } from '$lib/documents/address-label';
import { invoicePdf, PROVISIONAL_NOTICE } from '$lib/documents/invoice';
import { mergePdfs } from '$lib/documents/merge';
import { packingSlipPdf } from '$lib/documents/packing-slip';
import { diskAssets } from '$lib/documents/testing/assets';
import { makeInvoice, makeLine, makeOrder, makeSettings } from '$lib/documents/testing/fixtures';
import { inspectPdf } from '$lib/documents/testing/inspect';
import { HAS_PDFTOTEXT, pageTexts } from '$lib/documents/testing/poppler';
import type { CarrierParcel } from '$lib/domain/carrier-templates';
import type { Invoice } from '$lib/domain/schemas';
import { BatchDocuments, parcelInvoices, type BatchBuilders } from './ship-documents.svelte';

const builders: BatchBuilders = {
	packingSlip: packingSlipPdf,
	invoice: invoicePdf,
	addressLabel: addressLabelPdf,
	merge: mergePdfs
};

const SHIPPED_AT = '2026-01-06T09:00:00.000Z';

function parcel(
	number: string,
	invoices: (order: ReturnType<typeof makeOrder>) => Invoice[] = () => []
): CarrierParcel {
	const order = makeOrder({ id: `o${number}`, number, lines: [makeLine(1), makeLine(2)] });
	const withInvoices = { ...order, invoices: invoices(order) };
	return {
		order: withInvoices,
		shipment: {
			id: `s${number}`,
			createdAt: SHIPPED_AT,
			lines: [{ lineId: order.lines[0].id, qty: 1 }]
		}
	};
}

function setup() {
	const saved: { bytes: Uint8Array; fileName: string }[] = [];
	const seen: number[] = [];
	const documents = new BatchDocuments({
		loadBuilders: async () => builders,
		loadAssets: async () => diskAssets(),
		save: (bytes, fileName) => saved.push({ bytes, fileName }),
		yieldToScreen: async () => {
			seen.push(documents.progress.done);
		}
	});
	return { documents, saved, seen };
}

describe('parcelInvoices', () => {
	it('takes the invoices made with or after the shipment, else the latest', () => {
		const p = parcel('1', (order) => [
			makeInvoice(order, { id: 'old', createdAt: '2026-01-01T00:00:00.000Z' }),
			makeInvoice(order, { id: 'pack', createdAt: SHIPPED_AT })
		]);
		expect(parcelInvoices(p).map((i) => i.id)).toEqual(['pack']);
		const before = parcel('2', (order) => [
			makeInvoice(order, { id: 'a', createdAt: '2026-01-01T00:00:00.000Z' }),
			makeInvoice(order, { id: 'b', createdAt: '2026-01-02T00:00:00.000Z' })
		]);
		expect(parcelInvoices(before).map((i) => i.id)).toEqual(['b']);
		expect(parcelInvoices(parcel('3'))).toEqual([]);
	});
});

describe('BatchDocuments', () => {
	it('merges the batch’s packing slips into one PDF, with progress per order', async () => {
		const { documents, saved, seen } = setup();
		const batch = [parcel('1043'), parcel('1044'), parcel('1045')];
		expect(await documents.make('packing-slips', batch, makeSettings(), '20260106')).toBe(true);
		expect(seen).toEqual([1, 2, 3]);
		expect(documents.running).toBeNull();
		expect(saved.map((s) => s.fileName)).toEqual(['packing-slips-20260106.pdf']);
		const facts = await inspectPdf(saved[0].bytes);
		expect(facts.pageCount).toBe(3);
		expect(facts.keywords).toEqual(expect.arrayContaining(['1043', '1044', '1045']));
		if (HAS_PDFTOTEXT) {
			const pages = pageTexts(saved[0].bytes);
			['1043', '1044', '1045'].forEach((n, i) => expect(pages[i]).toContain(`Order: #${n}`));
		}
	});

	it('prints labels at the chosen size, one page per parcel', async () => {
		const { documents, saved } = setup();
		await documents.make('labels-a6', [parcel('1'), parcel('2')], makeSettings(), 'x');
		await documents.make('labels-4x6', [parcel('1')], makeSettings(), 'x');
		const a6 = await inspectPdf(saved[0].bytes);
		const inches = await inspectPdf(saved[1].bytes);
		expect(a6.sizes).toEqual([
			[298, 420],
			[298, 420]
		]);
		expect(inches.sizes).toEqual([[288, 432]]);
	});

	it('prints the invoices there are, marks unnumbered ones provisional, and names the orders without', async () => {
		const { documents, saved } = setup();
		const batch = [
			parcel('7', (order) => [makeInvoice(order, { number: null, createdAt: SHIPPED_AT })]),
			parcel('8'),
			parcel('9', (order) => [makeInvoice(order, { number: 'INV-42', createdAt: SHIPPED_AT })])
		];
		expect(await documents.make('invoices', batch, makeSettings(), 'x')).toBe(true);
		expect(documents.skipped).toEqual(['8']);
		const facts = await inspectPdf(saved[0].bytes);
		expect(facts.keywords).toEqual(expect.arrayContaining(['7', '9']));
		if (HAS_PDFTOTEXT) {
			const text = pageTexts(saved[0].bytes).join('\n');
			expect(text).toContain(PROVISIONAL_NOTICE);
			expect(text).toContain('INV-42');
		}
	});

	it('says why when there is nothing to print, and saves nothing', async () => {
		const { documents, saved } = setup();
		expect(await documents.make('invoices', [parcel('8')], makeSettings(), 'x')).toBe(false);
		expect(documents.error).toBe('None of these orders has an invoice yet.');
		expect(await documents.make('packing-slips', [], makeSettings(), 'x')).toBe(false);
		expect(documents.error).toBe('There is no packed parcel in this batch.');
		expect(saved).toEqual([]);
	});
});

import { describe, expect, it } from 'vitest';
import type { Shipment } from '$lib/domain/schemas';
import { packingSlipPdf } from './packing-slip';
import { diskAssets } from './testing/assets';
import { GREEK_NAME, makeOrder, makeSettings, POLISH_NAME } from './testing/fixtures';
import { inspectPdf } from './testing/inspect';
import { HAS_BARCODE_TOOLS, HAS_PDFTOTEXT, pageTexts, scanBarcodes } from './testing/poppler';

const settings = makeSettings();
const giftOrder = makeOrder({
	giftMessage: { message: 'Χρόνια πολλά! Happy birthday.', from: POLISH_NAME, to: 'Ελένη' }
});
const shipment: Shipment = {
	id: 'shipment-1',
	createdAt: '2026-01-07T15:00:00.000Z',
	lines: [
		{ lineId: 'line-1', qty: 2 },
		{ lineId: 'line-3', qty: 1 }
	],
	tracking: 'JD014600006281234567',
	carrier: 'DHL'
};

describe('packingSlipPdf', () => {
	it('lists the shipment lines; metadata names the order and their SKUs', async () => {
		const facts = await inspectPdf(
			await packingSlipPdf(giftOrder, shipment, settings, diskAssets())
		);
		expect(facts.pageCount).toBe(1);
		expect(facts.title).toBe('Packing slip — order #1043');
		expect(facts.keywords).toEqual(['1043', 'SKU-101', 'SKU-103']);
	});

	it.skipIf(!HAS_PDFTOTEXT)(
		'prints the gift message, the lines and the ship-to address',
		async () => {
			const [text] = pageTexts(await packingSlipPdf(giftOrder, shipment, settings, diskAssets()));
			for (const expected of [
				'Packing slip',
				'Order: #1043',
				'Gift message',
				'To: Ελένη',
				'Χρόνια πολλά! Happy birthday.',
				`From: ${POLISH_NAME}`,
				GREEK_NAME,
				'Tracking: DHL JD014600006281234567',
				'SKU-101',
				'Κούπα καφέ (coffee mug)',
				'SKU-103',
				'Żółta czapka (yellow cap)',
				'3 items'
			]) {
				expect(text).toContain(expected);
			}
			// Line 2 is not in this shipment; a packing slip carries no prices.
			expect(text).not.toContain('SKU-102');
			expect(text).not.toContain('€');
		}
	);

	it.skipIf(!HAS_PDFTOTEXT)('has no gift section without a gift message', async () => {
		const order = makeOrder();
		const lines = order.lines.map((line) => ({ lineId: line.id, qty: line.qtyOrdered }));
		const [text] = pageTexts(await packingSlipPdf(order, lines, settings, diskAssets()));
		expect(text).not.toContain('Gift message');
		expect(text).toContain('SKU-102');
		expect(text).toContain('4 items');
	});

	it.skipIf(!HAS_BARCODE_TOOLS)(
		'carries scannable barcodes of the order and every SKU',
		async () => {
			const pdf = await packingSlipPdf(giftOrder, shipment, settings, diskAssets());
			expect(scanBarcodes(pdf, 1)).toEqual([
				'CODE-128:1043',
				'CODE-128:SKU-101',
				'CODE-128:SKU-103'
			]);
		}
	);
});

// The packing slip that goes into the parcel: what is in it, with SKU barcodes for the packer's
// check, the gift message when there is one, and no prices (gifts travel with their slip).
import type { LineQty, Order, Settings, Shipment } from '$lib/domain/schemas';
import type { DocumentAssets } from './assets';
import { GREY, PdfBuilder, type TableCell } from './builder';
import { addressLines, formatDate, orderBarcodeValue, orderLabel } from './format';

/** The lines a slip lists: a shipment's, or quantities being packed before the shipment exists. */
export type PackedLines = Shipment | LineQty[];

export async function packingSlipPdf(
	order: Order,
	packed: PackedLines,
	settings: Settings,
	assets: DocumentAssets
): Promise<Uint8Array> {
	const shipment = Array.isArray(packed) ? null : packed;
	const quantities = Array.isArray(packed) ? packed : packed.lines;
	const lines = quantities.flatMap(({ lineId, qty }) => {
		const line = order.lines.find((l) => l.id === lineId);
		return line ? [{ line, qty }] : [];
	});

	const doc = await PdfBuilder.create(assets, {
		letterhead: settings,
		metadata: {
			title: `Packing slip — order ${orderLabel(order.number)}`,
			subject: 'Packing slip',
			keywords: [order.number, ...new Set(lines.map(({ line }) => line.sku).filter(Boolean))],
			createdAt: shipment?.createdAt ?? order.placedAt
		}
	});

	const top = doc.y;
	doc.text('Packing slip', { size: 18, bold: true, width: doc.contentWidth - 170 });
	doc.moveDown(4);
	doc.text(`Order: ${orderLabel(order.number)}`, { size: 9 });
	doc.text(`Order date: ${formatDate(order.placedAt, settings.timeZone)}`, { size: 9 });
	if (shipment)
		doc.text(`Shipped: ${formatDate(shipment.createdAt, settings.timeZone)}`, { size: 9 });
	doc.text(`Shipping method: ${order.shippingMethod.label}`, { size: 9 });
	if (shipment?.tracking) {
		const carrier = shipment.carrier ? `${shipment.carrier} ` : '';
		doc.text(`Tracking: ${carrier}${shipment.tracking}`, { size: 9 });
	}
	const left = doc.y;
	doc.y = top;
	doc.barcode(orderBarcodeValue(order.number), {
		x: doc.right - 160,
		width: 160,
		height: 36,
		align: 'right',
		caption: orderLabel(order.number)
	});
	doc.y = Math.max(left, doc.y) + 12;

	const shipTo = addressLines(order.shippingAddress).map((text, i) => ({
		text,
		size: i === 0 ? 11 : 10,
		bold: i === 0
	}));
	// Left half only, as on the invoice, so the address reads as one block.
	doc.columns([[{ text: 'Ship to', size: 8, bold: true, color: GREY }, ...shipTo], []]);
	doc.moveDown(12);

	const gift = order.giftMessage;
	if (gift && gift.message.trim()) {
		doc.ensureSpace(60);
		doc.text('Gift message', { size: 10, bold: true });
		if (gift.to) doc.text(`To: ${gift.to}`, { size: 10 });
		doc.text(gift.message, { size: 11 });
		if (gift.from) doc.text(`From: ${gift.from}`, { size: 10 });
		doc.rule();
	}

	const rows: TableCell[][] = lines.map(({ line, qty }) => [
		{ barcode: line.sku },
		line.sku,
		line.name,
		String(qty),
		{ checkbox: true }
	]);
	doc.table(
		[
			{ header: 'Barcode', width: 150 },
			{ header: 'SKU', width: 95 },
			{ header: 'Product' },
			{ header: 'Qty', width: 34, align: 'right' },
			{ header: 'Packed', width: 52, align: 'center' }
		],
		rows,
		{ size: 10 }
	);
	const units = lines.reduce((sum, { qty }) => sum + qty, 0);
	doc.moveDown(6);
	doc.text(`${units} ${units === 1 ? 'item' : 'items'}`, { size: 10, bold: true, align: 'right' });
	return doc.finish();
}

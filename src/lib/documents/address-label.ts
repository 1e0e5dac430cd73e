// A simple shipping label for carriers without their own label software: the ship-to address
// large, the return address small, the shipping method and the order-number barcode. One page,
// always: a long address shrinks to fit rather than spill onto a second label.
import type { Order, Settings } from '$lib/domain/schemas';
import type { DocumentAssets } from './assets';
import { GREY, PdfBuilder, type BlockLine } from './builder';
import { countryName, orderBarcodeValue, orderLabel, splitLines } from './format';

export type LabelSize = 'A6' | '4x6';

const BARCODE_HEIGHT = 56;

export async function addressLabelPdf(
	order: Order,
	settings: Settings,
	assets: DocumentAssets,
	size: LabelSize
): Promise<Uint8Array> {
	const doc = await PdfBuilder.create(assets, {
		size,
		footer: false,
		metadata: {
			title: `Address label — order ${orderLabel(order.number)}`,
			subject: 'Address label',
			keywords: [order.number],
			createdAt: order.placedAt
		}
	});

	const from = splitLines(settings.returnAddress);
	const returnLines = from.length
		? from
		: [settings.companyName, ...splitLines(settings.companyAddress)].filter(Boolean);
	doc.text('From', { size: 6, bold: true, color: GREY });
	doc.text(returnLines.join(', '), { size: 7 });
	doc.rule(5);

	// The bottom of the label: method, then the barcode with the order number under it.
	const footerHeight = 14 + BARCODE_HEIGHT + 2 + 12;
	const footerTop = doc.bottom - footerHeight;
	doc.text('Ship to', { size: 7, bold: true, color: GREY });
	const room = footerTop - 8 - doc.y;
	let block = doc.block(shipToLines(order, 1), doc.contentWidth);
	for (let scale = 0.9; block.height > room && scale >= 0.45; scale -= 0.05) {
		block = doc.block(shipToLines(order, scale), doc.contentWidth);
	}
	doc.drawBlock(block, doc.left, doc.y, doc.contentWidth);

	doc.y = footerTop;
	doc.text(order.shippingMethod.label, { size: 10, bold: true });
	doc.y = footerTop + 14;
	doc.barcode(orderBarcodeValue(order.number), {
		height: BARCODE_HEIGHT,
		align: 'center',
		caption: orderLabel(order.number)
	});
	return doc.finish();
}

function shipToLines(order: Order, scale: number): BlockLine[] {
	const a = order.shippingAddress;
	const line = (text: string | undefined, size: number, bold = false): BlockLine[] =>
		text && text.trim() ? [{ text, size: size * scale, bold, lineHeight: 1.2 }] : [];
	return [
		...line(a.name, 16, true),
		...line(a.company, 13),
		...line(a.street1, 13),
		...line(a.street2, 13),
		...line([a.postcode, a.city].filter(Boolean).join(' '), 15, true),
		...line(a.region, 12),
		...line(countryName(a.country).toUpperCase(), 15, true),
		...line(a.phone, 10)
	];
}

// The picking list of a preparation batch: first every product the batch needs, once, in the
// order a picker walks the shelves (natural order of locations: A2 before A10), then one page
// per order for sorting the picked items into parcels. The input is plain data: the domain's
// pickingList() helper (or any caller) aggregates; this file only lays it out.
import type { Settings } from '$lib/domain/schemas';
import type { DocumentAssets } from './assets';
import { GREY, PdfBuilder, type TableCell } from './builder';
import { formatDate, orderBarcodeValue, orderLabel } from './format';
import { compareLocations } from '$lib/domain/picking-list';

export interface PickingItem {
	sku: string;
	name: string;
	/** Shelf location (bin) in the batch's warehouse; '' when none is recorded. */
	location: string;
	qty: number;
	/** Numbers of the orders that need it, to cross-check while picking. */
	orderNumbers?: string[];
}

export type PickingLine = Omit<PickingItem, 'orderNumbers'>;

export interface PickingOrder {
	number: string;
	customerName: string;
	shippingMethod: string;
	/** Destination country or city, so the packer can spot the parcel's carrier label. */
	destination?: string;
	hasGiftMessage?: boolean;
	lines: PickingLine[];
}

export interface PickingBatch {
	warehouseName: string;
	/** When the batch was taken (ISO). */
	createdAt: string;
	operator?: string;
	/** Products aggregated over the batch, in any order. */
	items: PickingItem[];
	orders: PickingOrder[];
}

/** Stable sort by location, then SKU, so two prints of one batch read the same. */
export function sortByLocation<T extends { location: string; sku: string }>(items: T[]): T[] {
	return [...items].sort(
		(a, b) =>
			compareLocations(a.location, b.location) || (a.sku < b.sku ? -1 : a.sku > b.sku ? 1 : 0)
	);
}

export async function pickingListPdf(
	batch: PickingBatch,
	assets: DocumentAssets,
	settings?: Settings
): Promise<Uint8Array> {
	const timeZone = settings?.timeZone ?? 'UTC';
	const items = sortByLocation(batch.items);
	const doc = await PdfBuilder.create(assets, {
		letterhead: settings ?? null,
		// Pickers need room for the list, not the company details on every page.
		letterheadOn: 'first',
		metadata: {
			title: `Picking list — ${batch.warehouseName} — ${batch.orders.length} orders`,
			subject: 'Picking list',
			keywords: [
				...batch.orders.map((order) => order.number),
				...new Set(items.map((item) => item.sku))
			],
			createdAt: batch.createdAt
		}
	});

	const units = items.reduce((sum, item) => sum + item.qty, 0);
	doc.text('Picking list', { size: 18, bold: true });
	const details = [
		batch.warehouseName,
		formatDate(batch.createdAt, timeZone),
		batch.operator,
		`${batch.orders.length} ${batch.orders.length === 1 ? 'order' : 'orders'}`,
		`${units} ${units === 1 ? 'unit' : 'units'}`
	];
	doc.text(details.filter(Boolean).join(' · '), { size: 10, color: GREY });
	doc.moveDown(10);
	doc.table(
		[
			{ header: '', width: 22, align: 'center' },
			{ header: 'Location', width: 58 },
			{ header: 'Barcode', width: 130 },
			{ header: 'SKU', width: 85 },
			{ header: 'Product' },
			{ header: 'Qty', width: 34, align: 'right' },
			{ header: 'Orders', width: 80 }
		],
		items.map((item): TableCell[] => [
			{ checkbox: true },
			item.location || '—',
			{ barcode: item.sku },
			item.sku,
			item.name,
			{ text: String(item.qty), bold: true },
			(item.orderNumbers ?? []).map(orderLabel).join(' ')
		])
	);

	for (const order of batch.orders) {
		doc.newPage();
		const top = doc.y;
		doc.text(`Order ${orderLabel(order.number)}`, {
			size: 16,
			bold: true,
			width: doc.contentWidth - 170
		});
		doc.text(order.customerName, { size: 11, width: doc.contentWidth - 170 });
		const facts = [order.shippingMethod, order.destination].filter(Boolean).join(' · ');
		if (facts) doc.text(facts, { size: 9, color: GREY, width: doc.contentWidth - 170 });
		if (order.hasGiftMessage)
			doc.text('Gift message: print the packing slip', { size: 9, bold: true });
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
		doc.table(
			[
				{ header: '', width: 22, align: 'center' },
				{ header: 'Location', width: 58 },
				{ header: 'Barcode', width: 130 },
				{ header: 'SKU', width: 85 },
				{ header: 'Product' },
				{ header: 'Qty', width: 34, align: 'right' }
			],
			sortByLocation(order.lines).map((line): TableCell[] => [
				{ checkbox: true },
				line.location || '—',
				{ barcode: line.sku },
				line.sku,
				line.name,
				{ text: String(line.qty), bold: true }
			]),
			{ continued: `Order ${orderLabel(order.number)} (continued)` }
		);
	}
	return doc.finish();
}

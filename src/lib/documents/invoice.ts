// The invoice for one Invoice record of an order. Until the server has numbered it the invoice
// says so in its title ("PROVISIONAL — number pending"): a tablet can print it offline, but it
// is not the legal document yet.
import type { Invoice, Order, Settings } from '$lib/domain/schemas';
import type { DocumentAssets } from './assets';
import { GREY, PdfBuilder, type TableCell } from './builder';
import {
	addressLines,
	formatDate,
	formatMoney,
	formatRate,
	orderBarcodeValue,
	orderLabel
} from './format';

export const PROVISIONAL_NOTICE = 'PROVISIONAL — number pending';

const round2 = (value: number) => Math.round(value * 100) / 100;

export interface InvoiceLineFigures {
	lineId: string;
	sku: string;
	name: string;
	qty: number;
	unitPrice: number;
	taxRate: number;
	/** qty × unit price, rounded to the cent. */
	net: number;
	/** Tax-included amount minus net; each rounded as the domain's invoiceTotal rounds. */
	tax: number;
}

export interface InvoiceFigures {
	lines: InvoiceLineFigures[];
	net: number;
	/** Tax per rate, rates ascending. */
	taxes: { rate: number; amount: number }[];
	/** The order's shipping amount, on its first invoice only (as the domain invoices it). */
	shipping: number;
	/** The invoice record's total: the figure of record, not recomputed here. */
	total: number;
}

/** Figures printed on the invoice; they add up to invoice.total when the record is consistent. */
export function invoiceFigures(order: Order, invoice: Invoice): InvoiceFigures {
	const lines: InvoiceLineFigures[] = [];
	for (const { lineId, qty } of invoice.lines) {
		const line = order.lines.find((l) => l.id === lineId);
		if (!line) continue;
		const net = round2(qty * line.price);
		const gross = round2(qty * line.price * (1 + line.taxRate));
		lines.push({
			lineId,
			sku: line.sku,
			name: line.name,
			qty,
			unitPrice: line.price,
			taxRate: line.taxRate,
			net,
			tax: round2(gross - net)
		});
	}
	const byRate = new Map<number, number>();
	for (const line of lines) byRate.set(line.taxRate, (byRate.get(line.taxRate) ?? 0) + line.tax);
	const first = order.invoices.length === 0 || order.invoices[0].id === invoice.id;
	return {
		lines,
		net: round2(lines.reduce((sum, line) => sum + line.net, 0)),
		taxes: [...byRate]
			.sort(([a], [b]) => a - b)
			.map(([rate, amount]) => ({ rate, amount: round2(amount) })),
		shipping: first ? order.shippingAmount : 0,
		total: invoice.total
	};
}

export async function invoicePdf(
	order: Order,
	invoice: Invoice,
	settings: Settings,
	assets: DocumentAssets
): Promise<Uint8Array> {
	const figures = invoiceFigures(order, invoice);
	const money = (amount: number) => formatMoney(amount, order.currency);
	const title = invoice.number ? `Invoice ${invoice.number}` : 'Invoice';
	const doc = await PdfBuilder.create(assets, {
		letterhead: settings,
		metadata: {
			title: `${title} — order ${orderLabel(order.number)}`,
			subject: invoice.number ? 'Invoice' : `Invoice (${PROVISIONAL_NOTICE})`,
			keywords: [order.number, ...(invoice.number ? [invoice.number] : []), ...skus(figures)],
			createdAt: invoice.createdAt
		}
	});

	// Title and references on the left, the order-number barcode on the right.
	const top = doc.y;
	doc.text(title, { size: 18, bold: true, width: doc.contentWidth - 170 });
	if (!invoice.number) doc.text(PROVISIONAL_NOTICE, { size: 12, bold: true });
	doc.moveDown(4);
	doc.text(`Invoice date: ${formatDate(invoice.createdAt, settings.timeZone)}`, { size: 9 });
	doc.text(`Order: ${orderLabel(order.number)}`, { size: 9 });
	doc.text(`Order date: ${formatDate(order.placedAt, settings.timeZone)}`, { size: 9 });
	if (order.customer.email) doc.text(`Customer: ${order.customer.email}`, { size: 9 });
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

	doc.columns([
		[{ text: 'Bill to', size: 8, bold: true, color: GREY }, ...addressBlock(order, 'billing')],
		[{ text: 'Ship to', size: 8, bold: true, color: GREY }, ...addressBlock(order, 'shipping')]
	]);
	doc.moveDown(14);

	const rows: TableCell[][] = figures.lines.map((line) => [
		line.sku,
		line.name,
		String(line.qty),
		money(line.unitPrice),
		formatRate(line.taxRate),
		money(line.net)
	]);
	doc.table(
		[
			{ header: 'SKU', width: 95 },
			{ header: 'Product' },
			{ header: 'Qty', width: 34, align: 'right' },
			{ header: 'Unit price', width: 70, align: 'right' },
			{ header: 'Tax', width: 44, align: 'right' },
			{ header: 'Amount excl. tax', width: 92, align: 'right' }
		],
		rows,
		{ continued: `${title} — order ${orderLabel(order.number)} (continued)` }
	);
	doc.moveDown(8);

	const totals: [string, string, boolean][] = [['Subtotal excl. tax', money(figures.net), false]];
	for (const tax of figures.taxes)
		totals.push([`Tax ${formatRate(tax.rate)}`, money(tax.amount), false]);
	if (figures.shipping) totals.push(['Shipping', money(figures.shipping), false]);
	totals.push(['Total', money(figures.total), true]);
	doc.ensureSpace(totals.length * 14);
	for (const [label, amount, bold] of totals) {
		const size = bold ? 11 : 9;
		const y = doc.y;
		doc.text(label, { x: doc.right - 250, width: 160, size, bold, align: 'right' });
		doc.y = y;
		doc.text(amount, { x: doc.right - 85, width: 85, size, bold, align: 'right' });
	}
	return doc.finish();
}

function skus(figures: InvoiceFigures): string[] {
	return [...new Set(figures.lines.map((line) => line.sku).filter(Boolean))];
}

function addressBlock(order: Order, which: 'billing' | 'shipping') {
	const address = which === 'billing' ? order.billingAddress : order.shippingAddress;
	const lines = addressLines(address).map((text) => ({ text, size: 9 }));
	if (address.phone) lines.push({ text: address.phone, size: 9 });
	return lines;
}

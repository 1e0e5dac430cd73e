// order.createInvoice: invoice ordered units not canceled nor invoiced yet. The number comes from
// the server (gapless); the browser records null ("number pending"). recordInvoice is exported
// for the preparation flow, which invoices at packing when the setting says so.
import { z } from 'zod';
import { invoiceableQty } from '../line-rules';
import { orderLabel, reject, type Rejection } from '../rejection';
import { Id, type Invoice, type Order } from '../schemas';
import type { WorkingSet } from '../working-set';
import { ShipmentLines } from './create-shipment';
import { lineName } from './guards';
import { findLine, formatQuantities } from './order-edits';
import type { OrderActionDef } from './types';

const args = z.object({ orderId: Id, invoiceId: Id, lines: ShipmentLines });

const round2 = (value: number) => Math.round(value * 100) / 100;

/**
 * Lines at their tax-included price, each rounded to the cent; the order's shipping amount is
 * invoiced once, on its first invoice.
 */
export function invoiceTotal(order: Order, lines: { lineId: string; qty: number }[]): number {
	let total = order.invoices.length === 0 ? order.shippingAmount : 0;
	for (const { lineId, qty } of lines) {
		const line = findLine(order, lineId);
		if (line) total += round2(qty * line.price * (1 + line.taxRate));
	}
	return round2(total);
}

export async function recordInvoice(
	ws: WorkingSet,
	order: Order,
	input: { invoiceId: string; lines: { lineId: string; qty: number }[] }
): Promise<Rejection | null> {
	if (order.invoices.some((i) => i.id === input.invoiceId)) {
		return reject(
			'duplicate_id',
			`${orderLabel(order)} already has an invoice ${input.invoiceId}.`
		);
	}
	for (const { lineId, qty } of input.lines) {
		const line = findLine(order, lineId);
		if (!line) return reject('line_not_found', `${orderLabel(order)} has no line ${lineId}.`);
		if (qty > invoiceableQty(line)) {
			return reject(
				'qty_exceeds_invoiceable',
				`${orderLabel(order)}: only ${invoiceableQty(line)} × ${lineName(line)} left to invoice.`
			);
		}
	}
	// Asked for last, once nothing can reject any more: a number taken is a number used.
	const number = ws.context.assignInvoiceNumber?.() ?? null;
	const invoice: Invoice = {
		id: input.invoiceId,
		number,
		createdAt: ws.context.now,
		lines: input.lines,
		total: invoiceTotal(order, input.lines)
	};
	const invoiced = new Map(input.lines.map((l) => [l.lineId, l.qty]));
	const wasValid = order.valid;
	// An invoice records the payment: a pending order becomes valid.
	ws.putOrder({
		...order,
		valid: true,
		lines: order.lines.map((line) => {
			const qty = invoiced.get(line.id) ?? 0;
			return qty === 0 ? line : { ...line, qtyInvoiced: line.qtyInvoiced + qty };
		}),
		invoices: [...order.invoices, invoice]
	});
	const listed = input.lines.map(({ lineId, qty }) => ({ qty, line: findLine(order, lineId)! }));
	ws.addEvent(
		order.id,
		`Invoice ${number ?? '(number pending)'}: ${formatQuantities(listed)}, total ${invoice.total.toFixed(2)} ${order.currency}${wasValid ? '' : '; payment recorded'}.`
	);
	return null;
}

export const createInvoice: OrderActionDef<z.infer<typeof args>> = {
	scope: 'order',
	name: 'order.createInvoice',
	label: 'Create invoice',
	args,
	guard(order) {
		if (order.status === 'canceled') {
			return reject('not_allowed_status', `${orderLabel(order)} is canceled: nothing to invoice.`);
		}
		if (!order.lines.some((line) => invoiceableQty(line) > 0)) {
			return reject('nothing_to_invoice', `${orderLabel(order)} is fully invoiced.`);
		}
		return null;
	},
	apply: (ws, { invoiceId, lines }, { order }) => recordInvoice(ws, order, { invoiceId, lines })
};

// order.createReturn: open a return (RMA) for shipped units, within the return window.
import { z } from 'zod';
import { orderLabel, reject } from '../rejection';
import { returnableQty, returnedQty, returnWindowEnd, nextReturnReference } from '../returns';
import { Id, ReturnItem, type ReturnRequest } from '../schemas';
import { lineName } from './guards';
import { findLine, formatQuantities } from './order-edits';
import type { OrderActionDef } from './types';

const args = z.object({
	orderId: Id,
	returnId: Id,
	items: z.array(ReturnItem).min(1, 'Choose at least one item to return.').max(500),
	/** A manager accepts a return after the window closed. */
	overrideWindow: z.boolean().optional()
});

export const createReturn: OrderActionDef<z.infer<typeof args>> = {
	scope: 'order',
	name: 'order.createReturn',
	label: 'Create return',
	args,
	guard(order) {
		if (order.status !== 'processing' && order.status !== 'complete') {
			return reject(
				'not_allowed_status',
				`${orderLabel(order)} is ${order.status.replace('_', ' ')}: only processing or complete orders can be returned.`
			);
		}
		if (!order.lines.some((line) => returnableQty(order, line) > 0)) {
			return reject(
				'nothing_to_return',
				`${orderLabel(order)}: nothing shipped that is not already in a return.`
			);
		}
		return null;
	},
	async apply(ws, { returnId, items, overrideWindow }, { order, settings }) {
		if (order.returns.some((r) => r.id === returnId)) {
			return reject('duplicate_id', `${orderLabel(order)} already has a return ${returnId}.`);
		}
		const asked = new Map<string, number>();
		for (const item of items) {
			const line = findLine(order, item.lineId);
			if (!line)
				return reject('line_not_found', `${orderLabel(order)} has no line ${item.lineId}.`);
			asked.set(line.id, (asked.get(line.id) ?? 0) + item.qty);
		}
		for (const [lineId, qty] of asked) {
			const line = findLine(order, lineId)!;
			const returnable = returnableQty(order, line);
			if (qty > returnable) {
				return reject(
					'qty_exceeds_returnable',
					`${orderLabel(order)}: only ${returnable} × ${lineName(line)} can be returned (shipped ${line.qtyShipped}, already returned ${returnedQty(order, lineId)}).`
				);
			}
		}
		const now = ws.context.now;
		const windowEnd = returnWindowEnd(order, settings);
		if (overrideWindow !== true && Date.parse(now) > Date.parse(windowEnd)) {
			return reject(
				'return_window_expired',
				`${orderLabel(order)}: the return window closed on ${windowEnd.slice(0, 10)} (${settings.returnWindowDays} days after the last shipment).`
			);
		}
		const request: ReturnRequest = {
			id: returnId,
			reference: nextReturnReference(order, now, settings.timeZone),
			status: 'requested',
			createdAt: now,
			items
		};
		ws.putOrder({ ...order, returns: [...order.returns, request] });
		const listed = items.map((item) => ({ qty: item.qty, line: findLine(order, item.lineId)! }));
		const late = overrideWindow === true && Date.parse(now) > Date.parse(windowEnd);
		ws.addEvent(
			order.id,
			`Return ${request.reference} requested: ${formatQuantities(listed)}${late ? ' (after the return window, by override)' : ''}.`
		);
		return null;
	}
};

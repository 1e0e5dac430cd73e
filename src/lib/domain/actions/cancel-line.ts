// order.cancelLine: cancel some of a line's remaining units (DOMAIN.md, "Order actions").
import { z } from 'zod';
import { isFullyCanceled, openQty, refundDue } from '../line-rules';
import { orderLabel, reject } from '../rejection';
import { Id, PositiveQuantity, type Order } from '../schemas';
import { closedOrder, containerLine, isPacked, lineInPreparation, lineName } from './guards';
import { formatQuantities, trimPreparation, updateLine } from './order-edits';
import type { LineActionDef } from './types';

const args = z.object({ orderId: Id, lineId: Id, qty: PositiveQuantity });

/** When every item of a bundle is canceled, the bundle line itself is canceled too. */
function cancelEmptyContainer(order: Order, parentLineId: string | undefined): Order {
	if (parentLineId === undefined) return order;
	const parent = order.lines.find((l) => l.id === parentLineId);
	const children = order.lines.filter((l) => l.parentLineId === parentLineId);
	if (!parent || !children.every(isFullyCanceled)) return order;
	return updateLine(order, parent.id, {
		qtyCanceled: Math.max(parent.qtyCanceled, parent.qtyOrdered - parent.qtyShipped)
	});
}

export const cancelLine: LineActionDef<z.infer<typeof args>> = {
	scope: 'line',
	name: 'order.cancelLine',
	label: 'Cancel line',
	args,
	guard: (order) => closedOrder(order, 'nothing left to cancel'),
	lineGuard(order, line, { preparation }) {
		const container = containerLine(order, line, 'cancel');
		if (container) return container;
		if (openQty(line) === 0) {
			return reject(
				'nothing_to_cancel',
				`${orderLabel(order)}: nothing left to cancel on ${lineName(line)}.`
			);
		}
		if (isPacked(preparation) && lineInPreparation(preparation, line.id)) {
			return reject(
				'packed',
				`${orderLabel(order)} is packed: ${lineName(line)} can no longer be canceled.`
			);
		}
		return null;
	},
	async apply(ws, { qty }, { order, line }) {
		const open = openQty(line);
		if (qty > open) {
			return reject(
				'qty_exceeds_to_ship',
				`${orderLabel(order)}: only ${open} × ${lineName(line)} left to cancel.`
			);
		}
		let next = updateLine(order, line.id, { qtyCanceled: line.qtyCanceled + qty });
		next = cancelEmptyContainer(next, line.parentLineId);
		const saved = ws.putOrder(next);
		await trimPreparation(ws, saved);
		const updated = saved.lines.find((l) => l.id === line.id)!;
		const due = refundDue(updated) - refundDue(line);
		ws.addEvent(
			order.id,
			`Canceled ${formatQuantities([{ qty, line }])}${due > 0 ? ` (refund due on ${due})` : ''}.`
		);
		return null;
	}
};

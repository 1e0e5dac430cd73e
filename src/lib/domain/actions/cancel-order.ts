// order.cancel: cancel every remaining unit. An order with shipments ends complete, one without
// ends canceled (both follow from deriveStatus).
import { z } from 'zod';
import { refundDue } from '../line-rules';
import { orderLabel, reject } from '../rejection';
import { Id } from '../schemas';
import { packedOrder } from './guards';
import type { OrderActionDef } from './types';

const args = z.object({ orderId: Id, reason: z.string().trim().max(500).optional() });

export const cancelOrder: OrderActionDef<z.infer<typeof args>> = {
	scope: 'order',
	name: 'order.cancel',
	label: 'Cancel order',
	args,
	guard(order, { preparation }) {
		if (order.status === 'complete' || order.status === 'canceled') {
			return reject(
				'not_allowed_status',
				`${orderLabel(order)} is ${order.status}: nothing left to cancel.`
			);
		}
		return packedOrder(order, preparation, 'unpack it before canceling');
	},
	async apply(ws, { reason }, { order, preparation }) {
		const lines = order.lines.map((line) => ({
			...line,
			qtyCanceled: Math.max(line.qtyCanceled, line.qtyOrdered - line.qtyShipped)
		}));
		// A canceled order is no longer held: the hold would otherwise hide the final status.
		const saved = ws.putOrder({ ...order, lines, hold: null });
		if (preparation) await ws.removePreparation(order.id);
		const due = saved.lines.reduce((sum, line) => sum + refundDue(line), 0);
		const parts = [`Order canceled${reason ? `: ${reason}` : ''}.`];
		if (saved.status === 'complete') parts.push('What already shipped stays shipped.');
		if (due > 0) parts.push(`Refund due on ${due} unit${due === 1 ? '' : 's'}.`);
		ws.addEvent(order.id, parts.join(' '));
		return null;
	}
};

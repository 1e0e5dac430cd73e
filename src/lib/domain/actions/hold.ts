// order.hold: a person holds an open order (it leaves preparation); a system hold for a shop
// conflict is allowed at any open stage and flags the preparation entry instead.
import { z } from 'zod';
import { orderLabel, reject } from '../rejection';
import { HoldReason, Id, type Hold } from '../schemas';
import { closedOrder, packedOrder } from './guards';
import type { OrderActionDef } from './types';

const args = z.object({
	orderId: Id,
	reason: HoldReason,
	note: z.string().trim().max(1000).optional()
});

export const HOLD_REASON_LABELS: Record<HoldReason, string> = {
	address: 'Address',
	payment: 'Payment',
	fraud_check: 'Fraud check',
	customer_request: 'Customer request',
	stock: 'Stock',
	shop_conflict: 'Shop conflict',
	other: 'Other'
};

export const holdOrder: OrderActionDef<z.infer<typeof args>> = {
	scope: 'order',
	name: 'order.hold',
	label: 'Hold',
	args,
	guard(order, { preparation }, holdArgs) {
		const closed = closedOrder(order, 'it can no longer be held');
		if (closed) return closed;
		if (holdArgs?.reason === 'shop_conflict') return null;
		if (order.status === 'on_hold') {
			return reject('not_allowed_status', `${orderLabel(order)} is already on hold.`);
		}
		return packedOrder(order, preparation, 'it can no longer be held');
	},
	async apply(ws, { reason, note }, { order, preparation }) {
		const hold: Hold = { reason, by: ws.context.actor };
		if (note) hold.note = note;
		ws.putOrder({ ...order, hold });
		if (preparation && reason === 'shop_conflict') {
			await ws.putPreparation({ ...preparation, flagged: (note ?? 'Shop conflict').slice(0, 200) });
		} else if (preparation) {
			await ws.removePreparation(order.id);
		}
		ws.addEvent(
			order.id,
			`Held: ${HOLD_REASON_LABELS[reason]}${note ? ` (${note})` : ''}${preparation && reason !== 'shop_conflict' ? '. Taken out of preparation' : ''}.`
		);
		return null;
	}
};

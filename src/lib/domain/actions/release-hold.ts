// order.releaseHold: the order goes back to its derived status (and its flag, if any, clears).
import { z } from 'zod';
import { orderLabel, reject } from '../rejection';
import { Id } from '../schemas';
import { HOLD_REASON_LABELS } from './hold';
import type { OrderActionDef } from './types';

const args = z.object({ orderId: Id });

export const releaseHold: OrderActionDef<z.infer<typeof args>> = {
	scope: 'order',
	name: 'order.releaseHold',
	label: 'Release hold',
	args,
	guard: (order) =>
		order.hold === null ? reject('not_on_hold', `${orderLabel(order)} is not on hold.`) : null,
	async apply(ws, _args, { order, preparation }) {
		const reason = order.hold ? HOLD_REASON_LABELS[order.hold.reason] : '';
		ws.putOrder({ ...order, hold: null });
		if (preparation?.flagged !== undefined) {
			const { flagged: _flagged, ...unflagged } = preparation;
			await ws.putPreparation(unflagged);
		}
		ws.addEvent(order.id, `Hold released (was: ${reason}).`);
		return null;
	}
};

// preparation.markPicked: the operator has the orders' products in the tote (new → picked).
import { z } from 'zod';
import { orderLabel, reject } from '../rejection';
import type { Order, PreparationEntry } from '../schemas';
import { packedOrder } from './guards';
import { notInPreparation, OrderIds } from './preparation-guards';
import type { RecordActionDef } from './types';

const args = z.object({ orderIds: OrderIds });

/**
 * All or nothing, like preparation.add. Orders already picked are left as they are (marking a
 * batch picked after one of its orders was); the mutation is refused only when none was new.
 */
export const markPicked: RecordActionDef<z.infer<typeof args>> = {
	scope: 'record',
	name: 'preparation.markPicked',
	label: 'Mark picked',
	args,
	async apply(ws, { orderIds }) {
		const fresh: { order: Order; entry: PreparationEntry }[] = [];
		let alreadyPicked: Order | undefined;
		for (const orderId of orderIds) {
			const order = await ws.order(orderId);
			if (!order) return reject('order_not_found', `No order with id ${orderId}.`);
			const entry = await ws.preparation(orderId);
			const refusal =
				notInPreparation(order, entry) ?? packedOrder(order, entry, 'it was picked already');
			if (refusal) return refusal;
			if (entry!.status === 'new') fresh.push({ order, entry: entry! });
			else alreadyPicked ??= order;
		}
		if (fresh.length === 0) {
			return reject('already_picked', `${orderLabel(alreadyPicked!)} is already picked.`);
		}
		for (const { order, entry } of fresh) {
			await ws.putPreparation({ ...entry, status: 'picked' });
			ws.addEvent(order.id, 'Picked.');
		}
		return null;
	}
};

// preparation.remove: take an order out of In progress before it is packed. Its lines then
// reserve under the ordinary rule again (DOMAIN.md, "Stock").
import { z } from 'zod';
import { Id } from '../schemas';
import { packedOrder } from './guards';
import { notInPreparation } from './preparation-guards';
import type { OrderActionDef } from './types';

const args = z.object({ orderId: Id });

/** Anyone may do it (the operator who took the order may have gone home); the timeline says who. */
export const removeFromPreparation: OrderActionDef<z.infer<typeof args>> = {
	scope: 'order',
	name: 'preparation.remove',
	label: 'Take out of preparation',
	args,
	guard: (order, { preparation }) =>
		notInPreparation(order, preparation) ??
		packedOrder(order, preparation, 'it can no longer leave preparation'),
	async apply(ws, _args, { order, preparation }) {
		const warehouse = await ws.warehouse(preparation!.warehouseId);
		await ws.removePreparation(order.id);
		ws.addEvent(
			order.id,
			`Taken out of preparation in ${warehouse?.name ?? preparation!.warehouseId}.`
		);
		return null;
	}
};

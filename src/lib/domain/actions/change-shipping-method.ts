// order.changeShippingMethod: another carrier service, until the parcel is packed.
import { z } from 'zod';
import { Id, ShippingMethod } from '../schemas';
import { closedOrder, packedOrder } from './guards';
import type { OrderActionDef } from './types';

const args = ShippingMethod.extend({ orderId: Id });

export const changeShippingMethod: OrderActionDef<z.infer<typeof args>> = {
	scope: 'order',
	name: 'order.changeShippingMethod',
	label: 'Change shipping method',
	args,
	guard: (order, { preparation }) =>
		closedOrder(order, 'the shipping method can no longer change') ??
		packedOrder(order, preparation, 'the shipping method can no longer change'),
	async apply(ws, { code, label }, { order }) {
		ws.putOrder({ ...order, shippingMethod: { code, label } });
		ws.addEvent(
			order.id,
			`Shipping method changed from ${order.shippingMethod.label} to ${label}.`
		);
		return null;
	}
};

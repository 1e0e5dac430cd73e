// order.editShippingAddress: correct where the parcel goes, until it is packed.
import { z } from 'zod';
import { formatAddressLine, POSTCODE_FORMATS, ValidAddress } from '../address';
import { Id } from '../schemas';
import { closedOrder, packedOrder } from './guards';
import type { OrderActionDef } from './types';

const args = z.object({ orderId: Id, address: ValidAddress });

export const editShippingAddress: OrderActionDef<z.infer<typeof args>> = {
	scope: 'order',
	name: 'order.editShippingAddress',
	label: 'Edit shipping address',
	args,
	guard: (order, { preparation }) =>
		closedOrder(order, 'the shipping address can no longer change') ??
		packedOrder(order, preparation, 'the shipping address can no longer change'),
	async apply(ws, { address }, { order }) {
		// Postcodes with letters are stored the way carriers print them (sw1a 1aa → SW1A 1AA).
		const postcode = POSTCODE_FORMATS.has(address.country)
			? address.postcode.toUpperCase()
			: address.postcode;
		const shippingAddress = { ...address, postcode };
		ws.putOrder({ ...order, shippingAddress });
		ws.addEvent(order.id, `Shipping address changed to ${formatAddressLine(shippingAddress)}.`);
		return null;
	}
};

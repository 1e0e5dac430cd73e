// order.setGiftMessage: the card that goes in the parcel. An empty message removes it.
import { z } from 'zod';
import { Id } from '../schemas';
import { closedOrder } from './guards';
import type { OrderActionDef } from './types';

const args = z.object({
	orderId: Id,
	message: z.string().trim().max(500, 'A gift message holds at most 500 characters.'),
	from: z.string().trim().max(200).optional(),
	to: z.string().trim().max(200).optional()
});

export const setGiftMessage: OrderActionDef<z.infer<typeof args>> = {
	scope: 'order',
	name: 'order.setGiftMessage',
	label: 'Gift message',
	args,
	guard: (order) => closedOrder(order, 'the gift message can no longer change'),
	async apply(ws, { message, from, to }, { order }) {
		if (message === '') {
			ws.putOrder({ ...order, giftMessage: null });
			ws.addEvent(order.id, 'Gift message removed.');
			return null;
		}
		const giftMessage: { message: string; from?: string; to?: string } = { message };
		if (from) giftMessage.from = from;
		if (to) giftMessage.to = to;
		ws.putOrder({ ...order, giftMessage });
		ws.addEvent(order.id, `Gift message set: “${message}”.`);
		return null;
	}
};

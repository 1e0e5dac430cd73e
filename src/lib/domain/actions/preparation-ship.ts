// preparation.ship: the parcel leaves with its tracking number, added to the shipment made at
// packing. The shop is told by the server's outbound queue (SYNC.md), not here.
import { z } from 'zod';
import { orderLabel, reject } from '../rejection';
import { Id, type Shipment } from '../schemas';
import { cannotShipNow, notInPreparation } from './preparation-guards';
import type { OrderActionDef } from './types';

const args = z.object({
	orderId: Id,
	tracking: z.string().trim().min(1, 'Enter the tracking number.').max(100),
	carrier: z.string().trim().min(1).max(100).optional()
});

export const shipOrder: OrderActionDef<z.infer<typeof args>> = {
	scope: 'order',
	name: 'preparation.ship',
	label: 'Ship',
	args,
	guard(order, { preparation }) {
		const missing = notInPreparation(order, preparation);
		if (missing) return missing;
		const label = orderLabel(order);
		const entry = preparation!;
		if (entry.status === 'new' || entry.status === 'picked') {
			return reject('not_packed', `${label} is not packed yet: pack it before shipping.`);
		}
		if (entry.status === 'shipped') {
			return reject('already_shipped', `${label} has already shipped.`);
		}
		return cannotShipNow(order, entry, 'shipping');
	},
	async apply(ws, { tracking, carrier }, { order, preparation }) {
		const entry = preparation!;
		const shipment = order.shipments.find((s) => s.id === entry.shipmentId);
		if (!shipment) {
			return reject(
				'shipment_not_found',
				`${orderLabel(order)} has no shipment ${entry.shipmentId ?? '(none recorded at packing)'}.`
			);
		}
		const next: Shipment = { ...shipment, tracking };
		if (carrier) next.carrier = carrier;
		ws.putOrder({
			...order,
			shipments: order.shipments.map((s) => (s.id === shipment.id ? next : s))
		});
		await ws.putPreparation({ ...entry, status: 'shipped' });
		ws.addEvent(
			order.id,
			`Handed to the carrier: tracking ${tracking}${next.carrier ? ` via ${next.carrier}` : ''}.`
		);
		return null;
	}
};

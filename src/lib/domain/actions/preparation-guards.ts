// Guard pieces the preparation actions share, with the wording the person sees.
import { z } from 'zod';
import { orderLabel, reject, type Rejection } from '../rejection';
import { Id, type Order, type PreparationEntry } from '../schemas';

/** A list of order ids for the batch actions: each once. */
export const OrderIds = z
	.array(Id)
	.min(1, 'Choose at least one order.')
	.max(500)
	.refine((ids) => new Set(ids).size === ids.length, 'Each order appears once.');

export function notInPreparation(
	order: Order,
	entry: PreparationEntry | undefined
): Rejection | null {
	return entry ? null : reject('not_in_preparation', `${orderLabel(order)} is not in preparation.`);
}

/** Packing and shipping need a paid order that nobody holds (a shop conflict flags the entry). */
export function cannotShipNow(
	order: Order,
	entry: PreparationEntry,
	verb: string
): Rejection | null {
	const label = orderLabel(order);
	switch (order.status) {
		case 'pending':
			return reject('not_allowed_status', `${label} is pending: it ships once it is paid.`);
		case 'on_hold': {
			const why = entry.flagged ? ` (${entry.flagged})` : '';
			return reject(
				'not_allowed_status',
				`${label} is on hold${why}: release it before ${verb} it.`
			);
		}
		case 'canceled':
			return reject('not_allowed_status', `${label} is canceled: nothing to ship.`);
	}
	return null;
}

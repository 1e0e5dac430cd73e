// The order status is derived, never typed in (DOMAIN.md, "Order status"). Every rule that
// changes an order stores withDerivedStatus(order) so lists can index the status.
import { isFullyCanceled, toShip } from './line-rules';
import type { Order, OrderStatus } from './schemas';

/** The derivation, in the order DOMAIN.md gives it. */
export function deriveStatus(order: Order): OrderStatus {
	if (order.lines.every(isFullyCanceled)) return 'canceled';
	if (order.hold !== null) return 'on_hold';
	const nothingToShip = order.lines.every((line) => toShip(line) === 0);
	const somethingShipped = order.lines.some((line) => line.qtyShipped > 0);
	if (nothingToShip && (somethingShipped || order.valid)) return 'complete';
	if (order.valid) return 'processing';
	return 'pending';
}

/** The order with its stored status re-derived; the same object when nothing changes. */
export function withDerivedStatus(order: Order): Order {
	const status = deriveStatus(order);
	return status === order.status ? order : { ...order, status };
}

/** Statuses after which nothing about the order can change any more (but returns). */
export function isClosed(status: OrderStatus): boolean {
	return status === 'complete' || status === 'canceled';
}

export const ORDER_STATUS_LABELS: Record<OrderStatus, string> = {
	pending: 'Pending',
	processing: 'Processing',
	complete: 'Complete',
	canceled: 'Canceled',
	on_hold: 'On hold'
};

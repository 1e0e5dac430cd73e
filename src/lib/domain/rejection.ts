// A rule's "no": a stable code for programs and a message for the person, naming the order.
import type { Order } from './schemas';

export interface Rejection {
	code: string;
	message: string;
}

export interface FieldIssue {
	/** Dotted path inside the mutation's arguments, e.g. `address.postcode` or `lines.0.qty`. */
	path: string;
	message: string;
}

export function reject(code: string, message: string): Rejection {
	return { code, message };
}

/** "Order #1043", as the merchant and the customer know it. */
export function orderLabel(order: Pick<Order, 'number'>): string {
	return `Order #${order.number.replace(/^#/, '')}`;
}

// Plain helpers of the preparation screen: row shapes, the In progress order, filter choices.
import { PREPARATION_TAB_LABELS } from '$lib/domain/preparation';
import { orderLabel, type Rejection } from '$lib/domain/rejection';
import type { Order, PreparationEntry, PreparationStatus } from '$lib/domain/schemas';
import type { InProgressRow } from '$lib/local/preparation-queries';

export { PREPARATION_TAB_LABELS };

export const PREPARATION_STATUS_LABELS: Record<PreparationStatus, string> = {
	new: 'New',
	picked: 'Picked',
	packed: 'Packed',
	shipped: 'Shipped'
};

export interface WaitingRow {
	order: Order;
	/** Why preparation.add would refuse it here (greyed out, with this text); null: it can be added. */
	refusal: Rejection | null;
}

export interface EntryRow extends InProgressRow {
	mine: boolean;
}

export interface Refused {
	orderId: string;
	label: string;
	message: string;
}

/** What the last add did: shown until the next one or until dismissed. */
export interface AddOutcome {
	added: number;
	refused: Refused[];
}

export interface FilterOption {
	value: string;
	label: string;
}

/** The distinct values of the orders (value → label), sorted by label, plus the chosen one. */
export function filterOptions(
	orders: readonly Order[],
	pick: (order: Order) => [value: string, label: string],
	chosen: string | undefined
): FilterOption[] {
	const options = new Map<string, string>();
	for (const order of orders) {
		const [value, label] = pick(order);
		options.set(value, label);
	}
	if (chosen && !options.has(chosen)) options.set(chosen, chosen);
	return [...options]
		.map(([value, label]) => ({ value, label }))
		.sort((a, b) => a.label.localeCompare(b.label));
}

/** "Order #1043" by order id. */
export function orderLabels(orders: readonly Order[]): Record<string, string> {
	return Object.fromEntries(orders.map((order) => [order.id, orderLabel(order)]));
}

/** Mine first, then the others by operator; within each, in taking order (as read). */
export function orderEntries(rows: readonly InProgressRow[], actor: string): EntryRow[] {
	const marked = rows.map((row) => ({ ...row, mine: row.entry.operator === actor }));
	return marked
		.map((row, index) => ({ row, index }))
		.sort(
			(a, b) =>
				Number(b.row.mine) - Number(a.row.mine) ||
				(a.row.mine ? 0 : a.row.entry.operator.localeCompare(b.row.entry.operator)) ||
				a.index - b.index
		)
		.map(({ row }) => row);
}

/** Remove is allowed before packing (preparation.remove refuses packed and shipped). */
export function canRemove(entry: PreparationEntry): boolean {
	return entry.status === 'new' || entry.status === 'picked';
}

/** Pack opens for an entry not packed yet. */
export function canPack(entry: PreparationEntry): boolean {
	return entry.status === 'new' || entry.status === 'picked';
}

// Small immutable edits shared by the actions: records read from the reader are never mutated.
import { toShip } from '../line-rules';
import type { Order, OrderLine } from '../schemas';
import type { WorkingSet } from '../working-set';
import { isPacked } from './guards';

export function updateLine(order: Order, lineId: string, patch: Partial<OrderLine>): Order {
	return {
		...order,
		lines: order.lines.map((line) => (line.id === lineId ? { ...line, ...patch } : line))
	};
}

export function findLine(order: Order, lineId: string): OrderLine | undefined {
	return order.lines.find((line) => line.id === lineId);
}

/** "2 × TSHIRT-M, 1 × MUG" */
export function formatQuantities(items: { qty: number; line: OrderLine }[]): string {
	return items
		.map(({ qty, line }) => `${qty} × ${line.sku !== '' ? line.sku : line.name}`)
		.join(', ');
}

/**
 * After lines lost units (canceled, replaced), the preparation entry cannot hold more than is
 * left to ship: its taken quantities are trimmed, and an entry with nothing left is removed.
 * A packed entry lists what is in the closed parcel (already shipped): it is left as it is.
 */
export async function trimPreparation(ws: WorkingSet, order: Order): Promise<void> {
	const entry = await ws.preparation(order.id);
	if (!entry || isPacked(entry)) return;
	const remaining = new Map(order.lines.map((line) => [line.id, toShip(line)]));
	const lines = entry.lines
		.map((taken) => ({ ...taken, qty: Math.min(taken.qty, remaining.get(taken.lineId) ?? 0) }))
		.filter((taken) => taken.qty > 0);
	const unchanged =
		lines.length === entry.lines.length && lines.every((l, i) => l.qty === entry.lines[i].qty);
	if (unchanged) return;
	if (lines.length === 0) await ws.removePreparation(order.id);
	else await ws.putPreparation({ ...entry, lines });
}

// preparation.add: take orders into In progress for the actor in one warehouse. Only reserved
// units are taken; what is not reserved stays behind for a later partial shipment.
import { z } from 'zod';
import { toShip } from '../line-rules';
import { linesToShipFrom, takeableLines, takeRefusal } from '../preparation';
import { reject } from '../rejection';
import { Id, type Order, type PreparationEntry } from '../schemas';
import { findLine, formatQuantities } from './order-edits';
import { OrderIds } from './preparation-guards';
import type { RecordActionDef } from './types';

const args = z.object({ warehouseId: Id, orderIds: OrderIds });

function takenSummary(order: Order, entry: PreparationEntry, warehouseName: string): string {
	const taken = entry.lines.map(({ lineId, qty }) => ({ qty, line: findLine(order, lineId)! }));
	const behind = linesToShipFrom(order, entry.warehouseId)
		.map((line) => ({ line, qty: toShip(line) - Math.min(line.qtyReserved, toShip(line)) }))
		.filter((b) => b.qty > 0);
	const rest = behind.length > 0 ? ` Not reserved, stays behind: ${formatQuantities(behind)}.` : '';
	return `Taken into preparation in ${warehouseName}: ${formatQuantities(taken)}.${rest}`;
}

/**
 * All or nothing: when one order is refused the whole mutation is, with that order's reason
 * (a mutation is applied or rejected as a whole). Screens adding in bulk send one mutation per
 * order, so one order taken by someone else does not hold back the rest.
 */
export const addToPreparation: RecordActionDef<z.infer<typeof args>> = {
	scope: 'record',
	name: 'preparation.add',
	label: 'Add to preparation',
	args,
	async apply(ws, { warehouseId, orderIds }) {
		const warehouse = await ws.warehouse(warehouseId);
		if (!warehouse) return reject('warehouse_not_found', `No warehouse with id ${warehouseId}.`);
		const warehouses = await ws.warehouses();
		const { actor, now } = ws.context;
		const orders: Order[] = [];
		for (const orderId of orderIds) {
			const order = await ws.order(orderId);
			if (!order) return reject('order_not_found', `No order with id ${orderId}.`);
			const refusal = takeRefusal(
				order,
				warehouse,
				await ws.preparation(orderId),
				actor,
				warehouses
			);
			if (refusal) return refusal;
			orders.push(order);
		}
		for (const order of orders) {
			const entry: PreparationEntry = {
				orderId: order.id,
				warehouseId,
				operator: actor,
				status: 'new',
				lines: takeableLines(order, warehouseId),
				packed: {},
				takenAt: now
			};
			// A shipped entry still waiting for flush (takeRefusal let it through) is replaced.
			await ws.putPreparation(entry);
			ws.addEvent(order.id, takenSummary(order, entry, warehouse.name));
		}
		return null;
	}
};

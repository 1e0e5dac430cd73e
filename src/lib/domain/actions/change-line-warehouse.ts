// order.changeLineWarehouse: ship a line from another warehouse; both warehouses re-reserve.
import { z } from 'zod';
import { orderLabel, reject } from '../rejection';
import { Id, type Warehouse } from '../schemas';
import {
	closedOrder,
	containerLine,
	lineName,
	lineNotInPreparation,
	nothingToShip
} from './guards';
import { updateLine } from './order-edits';
import type { LineActionDef } from './types';

const args = z.object({ orderId: Id, lineId: Id, warehouseId: Id });

/** A warehouse a line can move to: enabled, with a fulfilment method that sends parcels out. */
export function canShipFrom(warehouse: Warehouse): boolean {
	return warehouse.enabled && warehouse.fulfillment !== 'none';
}

export const changeLineWarehouse: LineActionDef<z.infer<typeof args>> = {
	scope: 'line',
	name: 'order.changeLineWarehouse',
	label: 'Change warehouse',
	args,
	guard: (order) => closedOrder(order, 'no line can move'),
	lineGuard(order, line, { preparation, warehouses }) {
		const rejection =
			containerLine(order, line, 'move') ??
			nothingToShip(order, line, 'nothing to move') ??
			lineNotInPreparation(order, line, preparation);
		if (rejection) return rejection;
		if (!warehouses.some((w) => w.id !== line.warehouseId && canShipFrom(w))) {
			return reject('no_other_warehouse', `No other warehouse can ship ${lineName(line)}.`);
		}
		return null;
	},
	async apply(ws, { warehouseId }, { order, line }) {
		const target = await ws.warehouse(warehouseId);
		if (!target) return reject('warehouse_not_found', `No warehouse with id ${warehouseId}.`);
		if (target.id === line.warehouseId) {
			return reject(
				'same_warehouse',
				`${orderLabel(order)}: ${lineName(line)} already ships from ${target.name}.`
			);
		}
		if (!target.enabled)
			return reject('warehouse_cannot_ship', `Warehouse ${target.name} is disabled.`);
		if (target.fulfillment === 'none') {
			return reject('warehouse_cannot_ship', `Warehouse ${target.name} does not ship orders.`);
		}
		const from = await ws.warehouse(line.warehouseId);
		// The units reserved in the old warehouse stay there; the new one reserves afresh.
		ws.putOrder(updateLine(order, line.id, { warehouseId: target.id, qtyReserved: 0 }));
		ws.addEvent(
			order.id,
			`Moved ${lineName(line)} from ${from?.name ?? line.warehouseId} to ${target.name}.`
		);
		return null;
	}
};

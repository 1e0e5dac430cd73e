// order.createShipment: reserved units leave the line's warehouse (a 'shipment' movement each).
// recordShipment is exported for the preparation flow, which ships at packing.
import { z } from 'zod';
import { toShip } from '../line-rules';
import { orderLabel, reject, type Rejection } from '../rejection';
import { newStockLevel } from '../reservation';
import { Id, LineQty, type Order, type Shipment } from '../schemas';
import type { WorkingSet } from '../working-set';
import { lineName } from './guards';
import { findLine, formatQuantities } from './order-edits';
import type { OrderActionDef } from './types';

const uniqueLines = (lines: { lineId: string }[]) =>
	new Set(lines.map((l) => l.lineId)).size === lines.length;

export const ShipmentLines = z
	.array(LineQty)
	.min(1, 'Choose at least one line.')
	.max(1000)
	.refine(uniqueLines, 'Each line appears once.');

const args = z.object({
	orderId: Id,
	shipmentId: Id,
	lines: ShipmentLines,
	tracking: z.string().trim().max(100).optional(),
	carrier: z.string().trim().max(100).optional(),
	weight: z.number().min(0).max(100_000).optional()
});

export interface ShipmentInput {
	shipmentId: string;
	lines: { lineId: string; qty: number }[];
	tracking?: string;
	carrier?: string;
	weight?: number;
	parcels?: number;
}

/**
 * Checks and records a shipment: per line qty ≤ toShip and ≤ reserved; movements get the ids
 * `<shipmentId>:<n>` (n = 1, 2 … in the order of the lines), so every replay makes the same ones.
 */
export async function recordShipment(
	ws: WorkingSet,
	order: Order,
	input: ShipmentInput
): Promise<Rejection | null> {
	if (order.shipments.some((s) => s.id === input.shipmentId)) {
		return reject(
			'duplicate_id',
			`${orderLabel(order)} already has a shipment ${input.shipmentId}.`
		);
	}
	for (const { lineId, qty } of input.lines) {
		const line = findLine(order, lineId);
		if (!line) return reject('line_not_found', `${orderLabel(order)} has no line ${lineId}.`);
		if (!line.requiresShipping) {
			return reject('no_shipping', `${orderLabel(order)}: ${lineName(line)} does not ship.`);
		}
		if (qty > toShip(line)) {
			return reject(
				'qty_exceeds_to_ship',
				`${orderLabel(order)}: only ${toShip(line)} × ${lineName(line)} left to ship.`
			);
		}
		if (qty > line.qtyReserved) {
			return reject(
				'not_enough_reserved',
				`${orderLabel(order)}: only ${line.qtyReserved} × ${lineName(line)} reserved.`
			);
		}
	}
	const { now, actor } = ws.context;
	const shipped = new Map(input.lines.map((l) => [l.lineId, l.qty]));
	let n = 0;
	for (const { lineId, qty } of input.lines) {
		const line = findLine(order, lineId)!;
		n += 1;
		ws.addMovement({
			id: `${input.shipmentId}:${n}`,
			productId: line.productId,
			fromWarehouseId: line.warehouseId,
			toWarehouseId: null,
			qty,
			category: 'shipment',
			comment: `${orderLabel(order)}`,
			createdAt: now,
			actor,
			orderId: order.id
		});
		const level =
			(await ws.stock(line.productId, line.warehouseId)) ??
			newStockLevel(line.productId, line.warehouseId);
		ws.putStock({ ...level, physical: level.physical - qty });
	}
	const shipment: Shipment = { id: input.shipmentId, createdAt: now, lines: input.lines };
	if (input.tracking) shipment.tracking = input.tracking;
	if (input.carrier) shipment.carrier = input.carrier;
	if (input.weight !== undefined) shipment.weight = input.weight;
	if (input.parcels !== undefined) shipment.parcels = input.parcels;
	ws.putOrder({
		...order,
		lines: order.lines.map((line) => {
			const qty = shipped.get(line.id) ?? 0;
			return qty === 0
				? line
				: { ...line, qtyShipped: line.qtyShipped + qty, qtyReserved: line.qtyReserved - qty };
		}),
		shipments: [...order.shipments, shipment]
	});
	const listed = input.lines.map(({ lineId, qty }) => ({ qty, line: findLine(order, lineId)! }));
	const via = [
		input.tracking && `tracking ${input.tracking}`,
		input.carrier && `via ${input.carrier}`
	]
		.filter(Boolean)
		.join(' ');
	ws.addEvent(order.id, `Shipped ${formatQuantities(listed)}${via ? ` (${via})` : ''}.`);
	return null;
}

export const createShipment: OrderActionDef<z.infer<typeof args>> = {
	scope: 'order',
	name: 'order.createShipment',
	label: 'Create shipment',
	args,
	guard(order, { preparation }) {
		const label = orderLabel(order);
		switch (order.status) {
			case 'pending':
				return reject('not_allowed_status', `${label} is pending: it ships once it is paid.`);
			case 'on_hold':
				return reject('not_allowed_status', `${label} is on hold: release it before shipping.`);
			case 'complete':
			case 'canceled':
				return reject('not_allowed_status', `${label} is ${order.status}: nothing left to ship.`);
		}
		if (preparation) {
			return reject(
				'in_preparation',
				`${label} is being prepared: ship it from the preparation screen.`
			);
		}
		if (!order.lines.some((line) => line.qtyReserved > 0)) {
			return reject('not_enough_reserved', `${label}: nothing is reserved to ship yet.`);
		}
		return null;
	},
	apply: (ws, { orderId: _orderId, ...input }, { order }) => recordShipment(ws, order, input)
};

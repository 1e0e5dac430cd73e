// Guard pieces several actions share, with the wording the person sees.
import { toShip } from '../line-rules';
import { orderLabel, reject, type Rejection } from '../rejection';
import type { Order, OrderLine, PreparationEntry } from '../schemas';

/** Rejects complete and canceled orders: "Order #1043 is complete: nothing left to cancel." */
export function closedOrder(order: Order, consequence: string): Rejection | null {
	if (order.status === 'complete' || order.status === 'canceled') {
		return reject('not_allowed_status', `${orderLabel(order)} is ${order.status}: ${consequence}.`);
	}
	return null;
}

/** Packed means the parcel is closed: the preparation entry is packed or shipped. */
export function isPacked(entry: PreparationEntry | undefined): boolean {
	return entry?.status === 'packed' || entry?.status === 'shipped';
}

export function packedOrder(
	order: Order,
	entry: PreparationEntry | undefined,
	consequence: string
): Rejection | null {
	return isPacked(entry)
		? reject('packed', `${orderLabel(order)} is packed: ${consequence}.`)
		: null;
}

/** A line is in preparation when the order's entry took some of it. */
export function lineInPreparation(entry: PreparationEntry | undefined, lineId: string): boolean {
	return entry?.lines.some((l) => l.lineId === lineId && l.qty > 0) ?? false;
}

/** A bundle or configurable parent: its children are the lines that ship. */
export function isContainerLine(order: Order, line: OrderLine): boolean {
	return order.lines.some((l) => l.parentLineId === line.id);
}

/** How a line is named in messages: its SKU, or its name when it has none. */
export function lineName(line: OrderLine): string {
	return line.sku !== '' ? line.sku : line.name;
}

export function nothingToShip(
	order: Order,
	line: OrderLine,
	consequence: string
): Rejection | null {
	return toShip(line) === 0
		? reject(
				'nothing_to_ship',
				`${orderLabel(order)}: nothing left to ship on ${lineName(line)}; ${consequence}.`
			)
		: null;
}

export function lineNotInPreparation(
	order: Order,
	line: OrderLine,
	entry: PreparationEntry | undefined
): Rejection | null {
	return lineInPreparation(entry, line.id)
		? reject(
				'in_preparation',
				`${orderLabel(order)}: ${lineName(line)} is being prepared; take the order out of preparation first.`
			)
		: null;
}

export function containerLine(order: Order, line: OrderLine, verb: string): Rejection | null {
	return isContainerLine(order, line)
		? reject(
				'container_line',
				`${orderLabel(order)}: ${lineName(line)} is a bundle; ${verb} its items instead.`
			)
		: null;
}

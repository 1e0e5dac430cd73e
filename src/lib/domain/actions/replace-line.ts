// order.replaceLine: the customer wants another product for what is left to ship of a line.
import { z } from 'zod';
import { isContainerType, requiresShippingFor, toShip } from '../line-rules';
import { orderLabel, reject } from '../rejection';
import { Id, Sku, type OrderLine } from '../schemas';
import {
	closedOrder,
	containerLine,
	lineName,
	lineNotInPreparation,
	nothingToShip
} from './guards';
import { trimPreparation } from './order-edits';
import type { LineActionDef } from './types';

const args = z.object({ orderId: Id, lineId: Id, sku: Sku, newLineId: Id });

export const replaceLine: LineActionDef<z.infer<typeof args>> = {
	scope: 'line',
	name: 'order.replaceLine',
	label: 'Replace product',
	args,
	guard: (order) => closedOrder(order, 'no line can be replaced'),
	lineGuard: (order, line, { preparation }) =>
		containerLine(order, line, 'replace') ??
		nothingToShip(order, line, 'nothing to replace') ??
		lineNotInPreparation(order, line, preparation),
	async apply(ws, { sku, newLineId }, { order, line }) {
		if (order.lines.some((l) => l.id === newLineId)) {
			return reject('duplicate_id', `${orderLabel(order)} already has a line ${newLineId}.`);
		}
		const product = await ws.productBySku(sku);
		if (!product) return reject('product_not_found', `No product with SKU ${sku}.`);
		if (product.id === line.productId) {
			return reject(
				'same_product',
				`${orderLabel(order)}: ${lineName(line)} is already that product.`
			);
		}
		if (isContainerType(product.type)) {
			return reject(
				'container_product',
				`${product.sku} is a ${product.type} product: choose one of its items instead.`
			);
		}
		const qty = toShip(line);
		const replacement: OrderLine = {
			id: newLineId,
			sku: product.sku,
			productId: product.id,
			name: product.name,
			qtyOrdered: qty,
			qtyShipped: 0,
			qtyCanceled: 0,
			qtyInvoiced: 0,
			qtyRefunded: 0,
			qtyReserved: 0,
			warehouseId: line.warehouseId,
			requiresShipping: requiresShippingFor(product.type),
			price: line.price,
			taxRate: line.taxRate,
			replacesLineId: line.id
		};
		if (line.parentLineId !== undefined) replacement.parentLineId = line.parentLineId;
		const lines = order.lines.flatMap((l) =>
			l.id === line.id
				? [{ ...l, qtyCanceled: l.qtyCanceled + qty, replacedByLineId: newLineId }, replacement]
				: [l]
		);
		const saved = ws.putOrder({ ...order, lines });
		await trimPreparation(ws, saved);
		ws.addEvent(
			order.id,
			`Replaced ${qty} × ${lineName(line)} with ${product.sku} (${product.name}).`
		);
		return null;
	}
};

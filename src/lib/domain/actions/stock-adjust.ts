// stock.adjust: a signed correction of physical stock, recorded as a movement; the pair's
// reservation re-runs, so backordered lines turn ready when stock arrives.
import { z } from 'zod';
import { reject } from '../rejection';
import { newStockLevel } from '../reservation';
import { Id, MovementCategory, stockId } from '../schemas';
import type { RecordActionDef } from './types';

const args = z.object({
	movementId: Id,
	productId: Id,
	warehouseId: Id,
	qty: z
		.int('Use a whole number.')
		.min(-1_000_000)
		.max(1_000_000)
		.refine((qty) => qty !== 0, 'Use a quantity other than 0.'),
	// Shipments come from orders only; every other category may be typed in.
	category: MovementCategory.exclude(['shipment']),
	comment: z.string().trim().max(500)
});

export const adjustStock: RecordActionDef<z.infer<typeof args>> = {
	scope: 'record',
	name: 'stock.adjust',
	label: 'Adjust stock',
	args,
	async apply(ws, { movementId, productId, warehouseId, qty, category, comment }) {
		const product = await ws.product(productId);
		if (!product) return reject('product_not_found', `No product with id ${productId}.`);
		const warehouse = await ws.warehouse(warehouseId);
		if (!warehouse) return reject('warehouse_not_found', `No warehouse with id ${warehouseId}.`);
		const level = (await ws.stock(productId, warehouseId)) ?? newStockLevel(productId, warehouseId);
		if (qty < 0 && level.physical + qty < 0) {
			return reject(
				'not_enough_stock',
				`Only ${Math.max(0, level.physical)} × ${product.sku} on hand in ${warehouse.name}.`
			);
		}
		const { now, actor } = ws.context;
		ws.addMovement({
			id: movementId,
			productId,
			fromWarehouseId: qty < 0 ? warehouseId : null,
			toWarehouseId: qty > 0 ? warehouseId : null,
			qty: Math.abs(qty),
			category,
			comment,
			createdAt: now,
			actor
		});
		ws.putStock({ ...level, physical: level.physical + qty });
		ws.addEvent(
			stockId(productId, warehouseId),
			`${qty > 0 ? '+' : '−'}${Math.abs(qty)} × ${product.sku} in ${warehouse.name} (${category.replace('_', ' ')}${comment ? `: ${comment}` : ''}).`,
			'stock'
		);
		return null;
	}
};

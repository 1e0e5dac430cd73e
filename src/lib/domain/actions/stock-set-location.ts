// stock.setLocation: the shelf (bin) where a product is kept in a warehouse; picking lists sort by it.
import { z } from 'zod';
import { reject } from '../rejection';
import { newStockLevel } from '../reservation';
import { Id, stockId } from '../schemas';
import type { RecordActionDef } from './types';

const args = z.object({
	productId: Id,
	warehouseId: Id,
	location: z.string().trim().max(40, 'A location holds at most 40 characters.')
});

export const setStockLocation: RecordActionDef<z.infer<typeof args>> = {
	scope: 'record',
	name: 'stock.setLocation',
	label: 'Set shelf location',
	args,
	async apply(ws, { productId, warehouseId, location }) {
		const product = await ws.product(productId);
		if (!product) return reject('product_not_found', `No product with id ${productId}.`);
		const warehouse = await ws.warehouse(warehouseId);
		if (!warehouse) return reject('warehouse_not_found', `No warehouse with id ${warehouseId}.`);
		const level = (await ws.stock(productId, warehouseId)) ?? newStockLevel(productId, warehouseId);
		ws.putStock({ ...level, location });
		ws.addEvent(
			stockId(productId, warehouseId),
			location === ''
				? `${product.sku} in ${warehouse.name}: location cleared.`
				: `${product.sku} in ${warehouse.name}: location ${location}.`,
			'stock'
		);
		return null;
	}
};

// preparation.flush: shipped orders leave In progress. Every operator's shipped entries of the
// warehouse go (their work is done; leaving them would only clutter the next person's screen).
import { z } from 'zod';
import { reject } from '../rejection';
import { Id } from '../schemas';
import type { RecordActionDef } from './types';

const args = z.object({ warehouseId: Id });

export const flushPreparation: RecordActionDef<z.infer<typeof args>> = {
	scope: 'record',
	name: 'preparation.flush',
	label: 'Clear shipped orders',
	args,
	async apply(ws, { warehouseId }) {
		const warehouse = await ws.warehouse(warehouseId);
		if (!warehouse) return reject('warehouse_not_found', `No warehouse with id ${warehouseId}.`);
		const entries = await ws.preparationsOf(warehouseId);
		if (!entries) {
			return reject(
				'not_supported',
				'This device cannot list the orders in preparation; update the app and try again.'
			);
		}
		const shipped = entries.filter((e) => e.status === 'shipped');
		if (shipped.length === 0) {
			return reject('nothing_to_flush', `No shipped orders to clear in ${warehouse.name}.`);
		}
		const numbers: string[] = [];
		for (const entry of shipped) {
			const order = await ws.order(entry.orderId);
			numbers.push(order ? `#${order.number.replace(/^#/, '')}` : entry.orderId);
			await ws.removePreparation(entry.orderId);
		}
		ws.addEvent(
			warehouseId,
			`Cleared ${shipped.length} shipped order${shipped.length === 1 ? '' : 's'} from In progress in ${warehouse.name}: ${numbers.join(', ')}.`,
			'warehouse'
		);
		return null;
	}
};

// warehouse.update: any field of warehouse.create; the default warehouse is never disabled.
import { z } from 'zod';
import { ValidAddress } from '../address';
import { reject } from '../rejection';
import { Id, type Warehouse } from '../schemas';
import type { RecordActionDef } from './types';
import { nameTaken, warehouseFields } from './warehouse-create';

const args = z
	.object({
		warehouseId: Id,
		...warehouseFields,
		name: warehouseFields.name.optional(),
		/** null removes the address. */
		address: ValidAddress.nullable().optional(),
		fulfillment: warehouseFields.fulfillment.optional(),
		useForSales: warehouseFields.useForSales.optional(),
		useForSupplyNeeds: warehouseFields.useForSupplyNeeds.optional()
	})
	.refine(
		(input) => Object.entries(input).some(([k, v]) => k !== 'warehouseId' && v !== undefined),
		'Nothing to change.'
	);

export const updateWarehouse: RecordActionDef<z.infer<typeof args>> = {
	scope: 'record',
	name: 'warehouse.update',
	label: 'Update warehouse',
	args,
	async apply(ws, { warehouseId, address, ...fields }) {
		const current = await ws.warehouse(warehouseId);
		if (!current) return reject('warehouse_not_found', `No warehouse with id ${warehouseId}.`);
		if (current.isDefault && fields.enabled === false) {
			return reject(
				'default_warehouse',
				`${current.name} is the default warehouse: it cannot be disabled.`
			);
		}
		if (fields.name !== undefined) {
			const taken = await nameTaken(ws, fields.name, warehouseId);
			if (taken) return taken;
		}
		const next: Warehouse = { ...current };
		const changed: string[] = [];
		for (const [key, value] of Object.entries(fields) as [keyof typeof fields, unknown][]) {
			if (value === undefined) continue;
			(next as Record<string, unknown>)[key] = value;
			changed.push(key);
		}
		if (address === null) delete next.address;
		else if (address !== undefined) next.address = address;
		if (address !== undefined) changed.push('address');
		ws.putWarehouse(next);
		ws.addEvent(warehouseId, `Warehouse ${next.name} updated: ${changed.join(', ')}.`, 'warehouse');
		return null;
	}
};

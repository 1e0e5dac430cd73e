// warehouse.create and warehouse.update share their fields and their name check.
import { z } from 'zod';
import { ValidAddress } from '../address';
import { reject, type Rejection } from '../rejection';
import { Fulfillment, Id, Quantity, type Warehouse } from '../schemas';
import type { WorkingSet } from '../working-set';
import type { RecordActionDef } from './types';

export const warehouseFields = {
	name: z.string().trim().min(1, 'Name is required.').max(120),
	address: ValidAddress.optional(),
	fulfillment: Fulfillment,
	useForSales: z.boolean(),
	useForSupplyNeeds: z.boolean(),
	warningLevel: Quantity.optional(),
	idealLevel: Quantity.optional(),
	enabled: z.boolean().optional(),
	/** Lower first, for routing. */
	priority: z.int().min(-1_000_000).max(1_000_000).optional()
};

const args = z.object({ warehouseId: Id, ...warehouseFields });

/** Names are compared trimmed and case-insensitively: "Paris" and "paris " are the same place. */
export async function nameTaken(
	ws: WorkingSet,
	name: string,
	exceptId: string
): Promise<Rejection | null> {
	const key = name.trim().toLowerCase();
	const clash = (await ws.warehouses()).find(
		(w) => w.id !== exceptId && w.name.trim().toLowerCase() === key
	);
	return clash ? reject('duplicate_name', `A warehouse named ${clash.name} already exists.`) : null;
}

export const createWarehouse: RecordActionDef<z.infer<typeof args>> = {
	scope: 'record',
	name: 'warehouse.create',
	label: 'Create warehouse',
	args,
	async apply(ws, input) {
		if (await ws.warehouse(input.warehouseId)) {
			return reject('duplicate_id', `A warehouse with id ${input.warehouseId} already exists.`);
		}
		const taken = await nameTaken(ws, input.name, input.warehouseId);
		if (taken) return taken;
		const existing = await ws.warehouses();
		const warehouse: Warehouse = {
			id: input.warehouseId,
			name: input.name,
			fulfillment: input.fulfillment,
			useForSales: input.useForSales,
			useForSupplyNeeds: input.useForSupplyNeeds,
			warningLevel: input.warningLevel ?? 0,
			idealLevel: input.idealLevel ?? 0,
			// The first warehouse of an empty database is the default one.
			isDefault: existing.length === 0,
			enabled: existing.length === 0 ? true : (input.enabled ?? true),
			priority: input.priority ?? Math.max(-1, ...existing.map((w) => w.priority)) + 1
		};
		if (input.address) warehouse.address = input.address;
		ws.putWarehouse(warehouse);
		ws.addEvent(warehouse.id, `Warehouse ${warehouse.name} created.`, 'warehouse');
		return null;
	}
};

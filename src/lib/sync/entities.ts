// The entities of SYNC.md's pull table: how a mutation's Changes become keyed records, used
// by the server (to version and store them) and the browser (to write and rebase them).
import type { Changes } from '$lib/domain/mutation';

export const ENTITIES = [
	'order',
	'product',
	'warehouse',
	'stock',
	'movement',
	'preparation',
	'timeline',
	'settings',
	'shop'
] as const;
export type Entity = (typeof ENTITIES)[number];

export interface RecordChange {
	entity: Entity;
	id: string;
	/** null: the record is deleted. */
	value: unknown | null;
}

export function recordKey(entity: string, id: string): string {
	return `${entity}|${id}`;
}

export function changesToRecords(changes: Changes): RecordChange[] {
	const records: RecordChange[] = [];
	const add = (entity: Entity, id: string, value: unknown | null) =>
		records.push({ entity, id, value });
	for (const order of changes.orders) add('order', order.id, order);
	for (const product of changes.products) add('product', product.id, product);
	for (const warehouse of changes.warehouses) add('warehouse', warehouse.id, warehouse);
	for (const level of changes.stock) add('stock', level.id, level);
	for (const movement of changes.movements) add('movement', movement.id, movement);
	for (const entry of changes.preparations) add('preparation', entry.orderId, entry);
	for (const orderId of changes.preparationsRemoved) add('preparation', orderId, null);
	for (const event of changes.timeline) add('timeline', event.id, event);
	if (changes.settings) add('settings', 'settings', changes.settings);
	return records;
}

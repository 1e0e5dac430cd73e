// Writing keyed records (a pull patch, or a mutation's changes) into the browser's tables,
// and keeping the server's copy (the base) of every record a pending mutation has changed.
//
// Base copies are kept only for records that pending mutations touched: every other live
// record already is the server's version, so a first pull writes straight into the tables.
import type { Table } from 'dexie';
import type { Order, Product, Settings, StockLevel } from '$lib/domain/schemas';
import type { DocksideDB, SettingsRow, StoredOrder, StoredProduct } from './db';
import {
	fromSettingsRow,
	fromStoredOrder,
	fromStoredProduct,
	toSettingsRow,
	toStoredOrder,
	toStoredProduct
} from './stored';
import { applyMutation } from '$lib/domain/apply';
import type { ApplyResult, Mutation } from '$lib/domain/mutation';
import { DexieReader } from './reader';
import { ENTITIES, changesToRecords, type Entity, type RecordChange } from '$lib/sync/entities';

export function tableOf(db: DocksideDB, entity: Entity): Table {
	switch (entity) {
		case 'order':
			return db.orders;
		case 'product':
			return db.products;
		case 'warehouse':
			return db.warehouses;
		case 'stock':
			return db.stock;
		case 'movement':
			return db.movements;
		case 'preparation':
			return db.preparations;
		case 'timeline':
			return db.timeline;
		case 'settings':
			return db.settings;
		case 'shop':
			return db.shops;
	}
}

export function isEntity(name: string): name is Entity {
	return (ENTITIES as readonly string[]).includes(name);
}

/** The row a record is stored as: domain record plus local index fields. */
function toLocalRow(entity: Entity, value: unknown): unknown {
	switch (entity) {
		case 'order':
			return toStoredOrder(value as Order);
		case 'product':
			return toStoredProduct(value as Product);
		case 'settings':
			return toSettingsRow(value as Settings);
		case 'stock': {
			// `available` is derived; the local row keeps only what the rules read.
			const { available: _available, ...level } = value as StockLevel & { available?: number };
			return level;
		}
		default:
			return value;
	}
}

/** Records as the rows to write, grouped per table: computed before the transaction opens. */
export interface LocalWrites {
	puts: Map<Entity, { id: string; row: unknown }[]>;
	deletes: Map<Entity, string[]>;
}

export function toLocalWrites(records: RecordChange[]): LocalWrites {
	const puts = new Map<Entity, { id: string; row: unknown }[]>();
	const deletes = new Map<Entity, string[]>();
	for (const record of records) {
		if (record.value === null) {
			const list = deletes.get(record.entity) ?? [];
			list.push(record.id);
			deletes.set(record.entity, list);
		} else {
			const list = puts.get(record.entity) ?? [];
			list.push({ id: record.id, row: toLocalRow(record.entity, record.value) });
			puts.set(record.entity, list);
		}
	}
	return { puts, deletes };
}

/** Writes prepared rows as one bulk operation per table; `skip` leaves some records out. */
export async function writeLocalWrites(
	db: DocksideDB,
	writes: LocalWrites,
	skip?: (entity: Entity, id: string) => boolean
): Promise<void> {
	const keep = <T extends string | { id: string }>(entity: Entity, list: T[]) =>
		skip ? list.filter((item) => !skip(entity, typeof item === 'string' ? item : item.id)) : list;
	const operations: Promise<unknown>[] = [];
	for (const [entity, list] of writes.puts) {
		const rows = keep(entity, list).map((item) => item.row);
		if (rows.length > 0) operations.push(tableOf(db, entity).bulkPut(rows));
	}
	for (const [entity, list] of writes.deletes) {
		const ids = keep(entity, list);
		if (ids.length > 0) operations.push(tableOf(db, entity).bulkDelete(ids));
	}
	await Promise.all(operations);
}

/** Puts and deletes records, grouped per table into bulk operations. */
export async function writeRecordsLocally(db: DocksideDB, records: RecordChange[]): Promise<void> {
	await writeLocalWrites(db, toLocalWrites(records));
}

/**
 * Before a local mutation overwrites records, remember the server's version of each one that
 * no pending mutation has touched yet (its live row is still the server's). null = the
 * record did not exist on the server.
 */
export async function keepBaseCopies(db: DocksideDB, records: RecordChange[]): Promise<void> {
	if (records.length === 0) return;
	const keys = records.map((record) => [record.entity, record.id] as [string, string]);
	const existing = await db.base.bulkGet(keys);
	const missing = records.filter((_, index) => existing[index] === undefined);
	if (missing.length === 0) return;
	const current = await Promise.all(
		missing.map((record) => tableOf(db, record.entity).get(record.id))
	);
	await db.base.bulkPut(
		missing.map((record, index) => ({
			entity: record.entity,
			id: record.id,
			value: current[index] === undefined ? null : stripLocalFields(record.entity, current[index]),
			version: 0
		}))
	);
}

/** A stored row back to the plain record (drops local index fields). */
function stripLocalFields(entity: Entity, row: unknown): unknown {
	if (entity === 'order') return fromStoredOrder(row as StoredOrder);
	if (entity === 'product') return fromStoredProduct(row as StoredProduct);
	if (entity === 'settings') return fromSettingsRow(row as SettingsRow);
	return row;
}

/**
 * Runs one mutation through the rules against the local tables and writes its effects,
 * keeping base copies first. The caller holds a rw transaction over every table. Returns the
 * rule's result; on rejection nothing is written.
 */
export async function applyMutationLocally(
	db: DocksideDB,
	mutation: Mutation,
	clientId: string
): Promise<ApplyResult> {
	const result = await applyMutation(new DexieReader(db), mutation, {
		now: mutation.clientTime,
		actor: mutation.actor,
		actorKind: 'user',
		clientId,
		mutationId: mutation.id
	});
	if (result.ok) {
		const records = changesToRecords(result.changes);
		await keepBaseCopies(db, records);
		await writeRecordsLocally(db, records);
	}
	return result;
}

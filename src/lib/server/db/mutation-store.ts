// The reads and writes of one pushed mutation's transaction (SYNC.md, "Push"), behind one
// interface with two implementations: Kysely (PostgreSQL, and any database without a raw
// handle) and prepared better-sqlite3 statements (SQLite). The push path runs the same dozen
// statements for every mutation; on SQLite, building and compiling them with Kysely cost more
// than running them.
import type { Kysely } from 'kysely';
import type SQLite from 'better-sqlite3';
import type { DomainReader } from '$lib/domain/mutation';
import {
	DEFAULT_SETTINGS,
	stockId,
	type Order,
	type PreparationEntry,
	type Product
} from '$lib/domain/schemas';
import { openStockKeys } from '$lib/domain/reservation';
import { sqliteHandleOf } from './open';
import {
	serverReader,
	takeVersions,
	writeRecords,
	type Db,
	type RecordWrite
} from './record-store';
import type { Database, MutationsTable } from './types';

export interface MutationStore {
	/** The client's lastMutationId; on PostgreSQL its row stays locked until commit. */
	lastMutationId(clientId: string): Promise<number>;
	/** The last invoice number given; on PostgreSQL locked until commit (gapless numbers). */
	invoiceCounter(): Promise<number>;
	setInvoiceCounter(value: number): Promise<void>;
	reader: DomainReader;
	/** Writes records with consecutive new versions; returns the commit version (the highest). */
	writeRecords(writes: RecordWrite[]): Promise<number>;
	/** Takes `count` versions; returns the highest. */
	takeVersions(count: number): Promise<number>;
	/** Stores the mutation's result and the client's new lastMutationId (with the epoch). */
	recordResult(row: MutationsTable, epoch: string | null): Promise<void>;
}

/** Runs `work` in one transaction of its own: committed when it resolves, rolled back if it throws. */
export function inMutationTransaction<T>(
	db: Kysely<Database>,
	engine: 'sqlite' | 'postgres',
	work: (store: MutationStore) => Promise<T>
): Promise<T> {
	const sqlite = engine === 'sqlite' ? sqliteHandleOf(db) : undefined;
	if (sqlite) return inSqliteTransaction(db, sqlite, work);
	return db.transaction().execute((trx) => work(kyselyStore(trx, engine === 'postgres')));
}

// ---------------------------------------------------------------- Kysely (PostgreSQL)

function kyselyStore(trx: Db, lockRows: boolean): MutationStore {
	return {
		async lastMutationId(clientId) {
			let query = trx
				.selectFrom('clients')
				.select('last_mutation_id')
				.where('client_id', '=', clientId);
			if (lockRows) query = query.forUpdate();
			const row = await query.executeTakeFirst();
			return row ? Number(row.last_mutation_id) : 0;
		},
		async invoiceCounter() {
			let query = trx.selectFrom('counters').select('value').where('name', '=', 'invoice');
			if (lockRows) query = query.forUpdate();
			return Number((await query.executeTakeFirstOrThrow()).value);
		},
		async setInvoiceCounter(value) {
			await trx.updateTable('counters').set({ value }).where('name', '=', 'invoice').execute();
		},
		reader: serverReader(trx),
		writeRecords: (writes) => writeRecords(trx, writes),
		takeVersions: (count) => takeVersions(trx, count),
		async recordResult(row, epoch) {
			await trx.insertInto('mutations').values(row).execute();
			await trx
				.insertInto('clients')
				.values({ client_id: row.client_id, last_mutation_id: row.mutation_id, epoch })
				.onConflict((conflict) =>
					conflict.column('client_id').doUpdateSet({ last_mutation_id: row.mutation_id, epoch })
				)
				.execute();
		}
	};
}

// ---------------------------------------------------------------- better-sqlite3 (SQLite)

const SQL = {
	begin: 'BEGIN IMMEDIATE',
	commit: 'COMMIT',
	rollback: 'ROLLBACK',
	lastMutationId: 'SELECT last_mutation_id FROM clients WHERE client_id = ?',
	invoiceCounter: "SELECT value FROM counters WHERE name = 'invoice'",
	setInvoiceCounter: "UPDATE counters SET value = ? WHERE name = 'invoice'",
	takeVersions: "UPDATE counters SET value = value + ? WHERE name = 'version' RETURNING value",
	record: 'SELECT value FROM records WHERE entity = ? AND id = ?',
	entityValues: 'SELECT value FROM records WHERE entity = ? AND value IS NOT NULL ORDER BY id',
	productBySku: 'SELECT product_id FROM product_skus WHERE sku = ?',
	openOrders:
		"SELECT r.value FROM order_stock_keys k JOIN records r ON r.id = k.order_id AND r.entity = 'order' WHERE k.stock_key = ? AND r.value IS NOT NULL ORDER BY k.order_id",
	upsertRecord:
		'INSERT INTO records (entity, id, version, value) VALUES (?, ?, ?, ?) ON CONFLICT (entity, id) DO UPDATE SET version = excluded.version, value = excluded.value',
	deleteStockKeys: 'DELETE FROM order_stock_keys WHERE order_id = ?',
	insertStockKey: 'INSERT INTO order_stock_keys (stock_key, order_id) VALUES (?, ?)',
	upsertSku:
		'INSERT INTO product_skus (sku, product_id) VALUES (?, ?) ON CONFLICT (sku) DO UPDATE SET product_id = excluded.product_id',
	insertMutation:
		'INSERT INTO mutations (client_id, mutation_id, name, actor, status, code, message, version, client_time, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
	upsertClient:
		'INSERT INTO clients (client_id, last_mutation_id, epoch) VALUES (?, ?, ?) ON CONFLICT (client_id) DO UPDATE SET last_mutation_id = excluded.last_mutation_id, epoch = excluded.epoch'
} as const;

type Statements = { [K in keyof typeof SQL]: SQLite.Statement };

const prepared = new WeakMap<SQLite.Database, Statements>();

function statementsOf(sqlite: SQLite.Database): Statements {
	let statements = prepared.get(sqlite);
	if (!statements) {
		statements = Object.fromEntries(
			Object.entries(SQL).map(([name, text]) => [name, sqlite.prepare(text)])
		) as Statements;
		prepared.set(sqlite, statements);
	}
	return statements;
}

/**
 * Holds Kysely's one SQLite connection for the whole transaction, so no other query of this
 * process (a pull) runs inside it while the rules await their reads. BEGIN IMMEDIATE takes the
 * write lock first: another process waits (busy timeout) instead of failing at its first write.
 */
function inSqliteTransaction<T>(
	db: Kysely<Database>,
	sqlite: SQLite.Database,
	work: (store: MutationStore) => Promise<T>
): Promise<T> {
	const s = statementsOf(sqlite);
	return db.connection().execute(async () => {
		s.begin.run();
		try {
			const result = await work(sqliteStore(s));
			s.commit.run();
			return result;
		} catch (error) {
			if (sqlite.inTransaction) s.rollback.run();
			throw error;
		}
	});
}

function parsed<T>(row: unknown): T | undefined {
	const value = (row as { value: string | null } | undefined)?.value;
	return value ? (JSON.parse(value) as T) : undefined;
}

function sqliteReader(s: Statements): DomainReader {
	const read = <T>(entity: string, id: string) => parsed<T>(s.record.get(entity, id));
	const values = <T>(entity: string) =>
		(s.entityValues.all(entity) as { value: string }[]).map((row) => JSON.parse(row.value) as T);
	return {
		order: async (id) => read('order', id),
		product: async (id) => read('product', id),
		async productBySku(sku) {
			const row = s.productBySku.get(sku) as { product_id: string } | undefined;
			return row ? read<Product>('product', row.product_id) : undefined;
		},
		warehouse: async (id) => read('warehouse', id),
		warehouses: async () => values('warehouse'),
		stock: async (productId, warehouseId) => read('stock', stockId(productId, warehouseId)),
		ordersWithOpenLines: async (productId, warehouseId) =>
			(s.openOrders.all(stockId(productId, warehouseId)) as { value: string }[]).map(
				(row) => JSON.parse(row.value) as Order
			),
		preparation: async (orderId) => read('preparation', orderId),
		// Open preparation entries are few: a scan of the entity's key range is enough.
		preparationsInWarehouse: async (warehouseId) =>
			values<PreparationEntry>('preparation').filter((entry) => entry.warehouseId === warehouseId),
		settings: async () => read('settings', 'settings') ?? DEFAULT_SETTINGS
	};
}

function sqliteStore(s: Statements): MutationStore {
	const takeSqliteVersions = (count: number) =>
		Number((s.takeVersions.get(count) as { value: number }).value);
	return {
		async lastMutationId(clientId) {
			const row = s.lastMutationId.get(clientId) as { last_mutation_id: number } | undefined;
			return row ? Number(row.last_mutation_id) : 0;
		},
		async invoiceCounter() {
			return Number((s.invoiceCounter.get() as { value: number }).value);
		},
		async setInvoiceCounter(value) {
			s.setInvoiceCounter.run(value);
		},
		reader: sqliteReader(s),
		async takeVersions(count) {
			return takeSqliteVersions(count);
		},
		async writeRecords(writes) {
			if (writes.length === 0) return takeSqliteVersions(1);
			const last = takeSqliteVersions(writes.length);
			let version = last - writes.length;
			for (const write of writes) {
				const value = write.value === null ? null : JSON.stringify(write.value);
				s.upsertRecord.run(write.entity, write.id, ++version, value);
				// The indexes the reader looks up by (record-store.ts updateIndexes).
				if (write.entity === 'order') {
					s.deleteStockKeys.run(write.id);
					if (write.value)
						for (const key of openStockKeys(write.value as Order))
							s.insertStockKey.run(key, write.id);
				} else if (write.entity === 'product' && write.value) {
					s.upsertSku.run((write.value as Product).sku, write.id);
				}
			}
			return last;
		},
		async recordResult(row, epoch) {
			s.insertMutation.run(
				row.client_id,
				row.mutation_id,
				row.name,
				row.actor,
				row.status,
				row.code,
				row.message,
				row.version,
				row.client_time,
				row.received_at
			);
			s.upsertClient.run(row.client_id, row.mutation_id, epoch);
		}
	};
}

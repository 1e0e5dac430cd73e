// Kysely table types. The server keeps every synced record as a JSON document with the
// global version of its last change: pull is one indexed range read, and the same
// tables work on SQLite and PostgreSQL.
import type { Generated } from 'kysely';

export interface RecordsTable {
	entity: string;
	id: string;
	version: number;
	/** JSON of the record; null when deleted (a tombstone, so pull can send `del`). */
	value: string | null;
}

/** Which orders have open lines for a product in a warehouse (DomainReader.ordersWithOpenLines). */
export interface OrderStockKeysTable {
	stock_key: string;
	order_id: string;
}

export interface ProductSkusTable {
	sku: string;
	product_id: string;
}

export interface ClientsTable {
	client_id: string;
	last_mutation_id: number;
	/** The database epoch when last_mutation_id was recorded (null before migration 0003). */
	epoch: string | null;
}

/** Every mutation the server handled: its result, kept for duplicate answers and pull reports. */
export interface MutationsTable {
	client_id: string;
	mutation_id: number;
	name: string;
	actor: string;
	status: 'applied' | 'rejected';
	code: string | null;
	message: string | null;
	/** The commit version: the highest version this mutation's effects or rejection took. */
	version: number;
	client_time: string;
	received_at: string;
}

export interface CountersTable {
	name: string;
	value: number;
}

export interface MetaTable {
	key: string;
	value: string;
}

export interface Database {
	records: RecordsTable;
	order_stock_keys: OrderStockKeysTable;
	product_skus: ProductSkusTable;
	clients: ClientsTable;
	mutations: MutationsTable;
	counters: CountersTable;
	meta: MetaTable;
}

export type { Generated };

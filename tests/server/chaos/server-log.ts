// The server's mutation log (the `mutations` table) and its invoice counter, read straight from
// the database: the SQLite file read-only once the server has stopped, or PostgreSQL with `pg`.
import Database from 'better-sqlite3';
import pg from 'pg';
import type { TestDatabase } from '../harness';

export interface LoggedMutation {
	clientId: string;
	mutationId: number;
	name: string;
	status: string;
	code: string | null;
	version: number;
	clientTime: string;
	receivedAt: string;
}

export interface ServerLog {
	/** In commit-version order. */
	mutations: LoggedMutation[];
	invoiceCounter: number;
}

const LOG_SQL =
	'SELECT client_id, mutation_id, name, status, code, version, client_time, received_at ' +
	'FROM mutations ORDER BY version';
const COUNTER_SQL = "SELECT value FROM counters WHERE name = 'invoice'";

type Row = Record<string, unknown>;

function toLogged(row: Row): LoggedMutation {
	return {
		clientId: String(row.client_id),
		mutationId: Number(row.mutation_id),
		name: String(row.name),
		status: String(row.status),
		code: row.code === null ? null : String(row.code),
		// bigint columns come back as strings from pg
		version: Number(row.version),
		clientTime: String(row.client_time),
		receivedAt: String(row.received_at)
	};
}

export async function readServerLog(database: TestDatabase): Promise<ServerLog> {
	if (database.env.DATABASE_URL) {
		const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
		await client.connect();
		try {
			const log = await client.query(LOG_SQL);
			const counter = await client.query(COUNTER_SQL);
			return {
				mutations: log.rows.map(toLogged),
				invoiceCounter: Number(counter.rows[0].value)
			};
		} finally {
			await client.end();
		}
	}
	const sqlite = new Database(database.env.DOCKSIDE_DB, { readonly: true, fileMustExist: true });
	try {
		return {
			mutations: (sqlite.prepare(LOG_SQL).all() as Row[]).map(toLogged),
			invoiceCounter: Number((sqlite.prepare(COUNTER_SQL).get() as Row).value)
		};
	} finally {
		sqlite.close();
	}
}

/** Reads clients' lastMutationId as the server stored it, while the server runs or after a crash. */
export interface StoreProbe {
	lastMutationId(clientId: string): Promise<number>;
	close(): Promise<void>;
}

export async function openStoreProbe(database: TestDatabase): Promise<StoreProbe> {
	const query = 'SELECT last_mutation_id FROM clients WHERE client_id = ';
	if (database.env.DATABASE_URL) {
		const client = new pg.Client({ connectionString: database.env.DATABASE_URL });
		await client.connect();
		return {
			async lastMutationId(clientId) {
				const result = await client.query(`${query}$1`, [clientId]);
				return Number(result.rows[0]?.last_mutation_id ?? 0);
			},
			close: () => client.end()
		};
	}
	// A fresh read-only handle per read: it sees the latest commit, and never holds a lock.
	return {
		async lastMutationId(clientId) {
			const sqlite = new Database(database.env.DOCKSIDE_DB, {
				readonly: true,
				fileMustExist: true
			});
			try {
				const row = sqlite.prepare(`${query}?`).get(clientId) as Row | undefined;
				return Number(row?.last_mutation_id ?? 0);
			} finally {
				sqlite.close();
			}
		},
		async close() {}
	};
}

// Opens the server database: SQLite by default (data/dockside.sqlite), PostgreSQL when
// DATABASE_URL is set. Both run the same migrations to the latest version.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { postgresPokeChannel, sqlitePokeChannel, type PokeChannel } from '../pokes';
import { startCheckpointer } from './checkpointer';
import { migrateToLatest } from './migrations';
import type { Database } from './types';

export interface OpenedDatabase {
	db: Kysely<Database>;
	engine: 'sqlite' | 'postgres';
	/** The SQLite handle (backup, direct benchmarks); absent on PostgreSQL. */
	sqlite?: SQLite.Database;
	/** Carries pokes to and from the other processes on this database; absent for :memory:. */
	pokeChannel?: PokeChannel;
	close(): Promise<void>;
}

/**
 * Kysely prepares every query anew; the push path runs the same few statements thousands of
 * times, so compiled statements are kept by their SQL text (bounded: IN-lists vary in length).
 */
function withStatementCache(sqlite: SQLite.Database) {
	const cache = new Map<string, SQLite.Statement>();
	return {
		close: () => sqlite.close(),
		prepare(sql: string) {
			let statement = cache.get(sql);
			if (!statement) {
				if (cache.size >= 500) cache.clear();
				statement = sqlite.prepare(sql);
				cache.set(sql, statement);
			}
			return statement;
		}
	};
}

export const DEFAULT_SQLITE_PATH = 'data/dockside.sqlite';

const sqliteHandles = new WeakMap<Kysely<Database>, SQLite.Database>();

/** The better-sqlite3 handle behind a Kysely that openSqlite made (the push path's statements). */
export function sqliteHandleOf(db: Kysely<Database>): SQLite.Database | undefined {
	return sqliteHandles.get(db);
}

export async function openSqlite(path = DEFAULT_SQLITE_PATH): Promise<OpenedDatabase> {
	const inMemory = path === ':memory:';
	if (!inMemory) mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	// WAL lets readers (pull, the CLI) run while a push writes; the busy timeout makes a second
	// process wait for the write lock instead of failing at once.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('busy_timeout = 5000');
	// NORMAL, the usual setting with WAL: a commit is in the log before it is acknowledged, so a
	// crashed or killed server loses nothing; the log is fsynced at each checkpoint, so an OS
	// crash or power cut can lose only the last commits before it, never corrupt the file. FULL
	// would wait for one disk flush per pushed mutation.
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	const db = new Kysely<Database>({
		dialect: new SqliteDialect({ database: withStatementCache(sqlite) })
	});
	// Kysely takes no migration lock on SQLite: two servers starting on one new file both ran
	// the first migration, and one failed ("table records already exists"). Under the write
	// lock the second waits (busy timeout), then finds the migrations done.
	sqlite.exec('BEGIN IMMEDIATE');
	try {
		await migrateToLatest(db as Kysely<unknown>);
		sqlite.exec('COMMIT');
	} catch (error) {
		if (sqlite.inTransaction) sqlite.exec('ROLLBACK');
		sqlite.close();
		throw error;
	}
	sqliteHandles.set(db, sqlite);
	// Only a file can be shared with another process, or checkpointed by another connection.
	const pokeChannel = inMemory ? undefined : sqlitePokeChannel(sqlite);
	const checkpointer = inMemory ? undefined : startCheckpointer(sqlite, path);
	return {
		db,
		engine: 'sqlite',
		sqlite,
		pokeChannel,
		async close() {
			await pokeChannel?.close();
			await checkpointer?.stop();
			await db.destroy();
		}
	};
}

const INT8_OID = 20;

/**
 * pg returns bigint (int8) columns and count(*) as strings, to be safe past 2^53. Versions,
 * mutation ids and counters stay far below that, so they come back as numbers, as on SQLite.
 */
const types: pg.CustomTypesConfig = {
	getTypeParser: (oid, format) =>
		oid === INT8_OID && format !== 'binary'
			? (value: string) => Number(value)
			: pg.types.getTypeParser(oid, format)
};

export async function openPostgres(url: string): Promise<OpenedDatabase> {
	const connection: pg.ClientConfig = { connectionString: url, types };
	const pool = new pg.Pool({
		...connection,
		max: Number(process.env.DOCKSIDE_PG_POOL ?? 10),
		// Idle connections must not keep a stopping server alive (adapter-node exits when idle).
		allowExitOnIdle: true
	});
	// An idle connection that breaks (PostgreSQL restarted) must not take the process down; the
	// pool replaces it on the next query.
	pool.on('error', (error) => console.error('PostgreSQL: idle connection failed', error));
	const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
	try {
		await migrateToLatest(db as Kysely<unknown>);
	} catch (error) {
		await db.destroy();
		throw error;
	}
	const pokeChannel = postgresPokeChannel(pool, connection);
	return {
		db,
		engine: 'postgres',
		pokeChannel,
		async close() {
			await pokeChannel.close();
			await db.destroy();
		}
	};
}

export async function openDatabase(): Promise<OpenedDatabase> {
	const url = process.env.DATABASE_URL;
	if (url) return openPostgres(url);
	return openSqlite(process.env.DOCKSIDE_DB ?? DEFAULT_SQLITE_PATH);
}

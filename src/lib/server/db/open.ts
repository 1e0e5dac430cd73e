// Opens the server database: SQLite by default (data/dockside.sqlite), PostgreSQL when
// DATABASE_URL is set (added with the scale-out work). Migrates to the latest version.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrateToLatest } from './migrations';
import type { Database } from './types';

export interface OpenedDatabase {
	db: Kysely<Database>;
	engine: 'sqlite' | 'postgres';
	/** The SQLite handle (backup, direct benchmarks); absent on PostgreSQL. */
	sqlite?: SQLite.Database;
	close(): Promise<void>;
}

export const DEFAULT_SQLITE_PATH = 'data/dockside.sqlite';

export async function openSqlite(path = DEFAULT_SQLITE_PATH): Promise<OpenedDatabase> {
	if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
	const sqlite = new SQLite(path);
	// WAL lets readers (pull, the CLI) run while a push writes; the busy timeout makes a second
	// process wait for the write lock instead of failing at once.
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('busy_timeout = 5000');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.pragma('foreign_keys = ON');
	const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
	await migrateToLatest(db as Kysely<unknown>);
	return { db, engine: 'sqlite', sqlite, close: () => db.destroy() };
}

export async function openDatabase(): Promise<OpenedDatabase> {
	if (process.env.DATABASE_URL) {
		throw new Error('PostgreSQL (DATABASE_URL) is not supported yet; unset it to use SQLite.');
	}
	return openSqlite(process.env.DOCKSIDE_DB ?? DEFAULT_SQLITE_PATH);
}

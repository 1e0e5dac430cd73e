#!/usr/bin/env node
// The `dockside` command (`npx dockside …` in the project folder): backup, restore and
// reset-tablets. Plain JavaScript, so it runs without a build. It finds the database as the
// server does: DATABASE_URL (PostgreSQL), else DOCKSIDE_DB, else data/dockside.sqlite.
//
// Restoring a backup rewinds the server's versions; tablets must then drop what they pulled
// and pull again. Every pull answer carries the database's epoch (meta `epoch`), restore and
// reset-tablets draw a new one, and a pull presenting an older epoch is told to reset
// (src/lib/server/db/epoch.ts reads the same row).
import { randomUUID } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, rmSync, statSync } from 'node:fs';
import { basename, dirname, resolve } from 'node:path';
import SQLite from 'better-sqlite3';

const USAGE = `Usage: dockside <command>

  backup <file>    copy the SQLite database to <file> while the server runs (online backup)
  restore <file>   replace the SQLite database with the backup <file>; the server must be
                   stopped. Tablets reset and pull everything on their next sync.
  reset-tablets    make every tablet drop its server data and pull everything again
                   (after restoring a PostgreSQL database with pg_restore, for example)

The database: DATABASE_URL (PostgreSQL) when set, else DOCKSIDE_DB, else data/dockside.sqlite.`;

const POKE_CHANNEL = 'dockside_poke';
const REQUIRED_TABLES = ['records', 'counters', 'meta', 'clients', 'mutations'];

/** A refusal the person can act on: printed without a stack, exit code 1. */
class Refused extends Error {}

const sqlitePath = () => resolve(process.env.DOCKSIDE_DB || 'data/dockside.sqlite');

const UPSERT_META =
	'INSERT INTO meta (key, value) VALUES ($key, $value) ON CONFLICT (key) DO UPDATE SET value = excluded.value';
const BUMP_VERSION = "UPDATE counters SET value = value + 1 WHERE name = 'version'";

/** @param {string} path */
function openExisting(path, options = {}) {
	if (!existsSync(path)) throw new Refused(`There is no database at ${path}.`);
	const db = new SQLite(path, { fileMustExist: true, ...options });
	db.pragma('busy_timeout = 5000');
	return db;
}

/** @param {SQLite.Database} db */
function versionOf(db) {
	return Number(db.prepare("SELECT value FROM counters WHERE name = 'version'").pluck().get());
}

/** A new epoch, and a version step so that servers polling the counter poke their tablets. */
function newEpochSqlite(/** @type {SQLite.Database} */ db, /** @type {string} */ reason) {
	const upsert = db.prepare(UPSERT_META);
	db.transaction(() => {
		upsert.run({ key: 'epoch', value: randomUUID() });
		upsert.run({ key: reason, value: new Date().toISOString() });
		db.prepare(BUMP_VERSION).run();
	}).immediate();
}

/** @param {string | undefined} file */
async function backup(file) {
	if (process.env.DATABASE_URL) {
		throw new Refused(
			'DATABASE_URL is set: back up PostgreSQL with pg_dump, e.g. pg_dump -Fc "$DATABASE_URL" > dockside.dump'
		);
	}
	if (!file) throw new Refused('Name the backup file: dockside backup <file>');
	const target = resolve(file);
	if (existsSync(target)) throw new Refused(`${file} exists: choose another name or remove it.`);
	const source = openExisting(sqlitePath());
	try {
		mkdirSync(dirname(target), { recursive: true });
		await source.backup(target);
	} catch (error) {
		rmSync(target, { force: true });
		throw error;
	} finally {
		source.close();
	}
	const copy = new SQLite(target, { readonly: true, fileMustExist: true });
	try {
		console.log(
			`Backed up ${sqlitePath()} to ${target} (version ${versionOf(copy)}, ${statSync(target).size} bytes).`
		);
	} finally {
		copy.close();
	}
}

/** Refuses unless nothing else has the file open: a running server keeps a shared lock on it. */
function ensureNotInUse(/** @type {string} */ path) {
	const db = new SQLite(path, { fileMustExist: true, timeout: 0 });
	try {
		db.pragma('locking_mode = EXCLUSIVE');
		db.exec('BEGIN EXCLUSIVE');
		db.exec('COMMIT');
	} catch (error) {
		if (String(/** @type {{ code?: string }} */ (error).code).startsWith('SQLITE_BUSY')) {
			throw new Refused(
				`${path} is in use: stop the Dockside server (and any other dockside command) first.`
			);
		}
		throw error;
	} finally {
		// Closing also checkpoints a crashed server's WAL into the file kept below.
		db.close();
	}
}

/** @param {string} path */
function checkBackup(path) {
	if (!existsSync(path)) throw new Refused(`There is no backup at ${path}.`);
	let db;
	try {
		db = new SQLite(path, { readonly: true, fileMustExist: true });
		const check = db.pragma('quick_check', { simple: true });
		if (check !== 'ok') throw new Refused(`${path} is damaged (${check}).`);
		const tables = new Set(
			db.prepare("SELECT name FROM sqlite_master WHERE type = 'table'").pluck().all()
		);
		const missing = REQUIRED_TABLES.filter((table) => !tables.has(table));
		if (missing.length) throw new Refused(`${path} is not a Dockside backup (no ${missing[0]}).`);
		return versionOf(db);
	} catch (error) {
		if (error instanceof Refused) throw error;
		throw new Refused(`${path} is not a readable SQLite database: ${String(error)}`);
	} finally {
		db?.close();
	}
}

/** @param {string | undefined} file */
async function restore(file) {
	if (process.env.DATABASE_URL) {
		throw new Refused(
			'DATABASE_URL is set: restore PostgreSQL with pg_restore (stop the servers, then e.g.\n' +
				'  pg_restore --clean --if-exists -d "$DATABASE_URL" dockside.dump)\n' +
				'and run `dockside reset-tablets` before starting the servers again.'
		);
	}
	if (!file) throw new Refused('Name the backup file: dockside restore <file>');
	const source = resolve(file);
	const version = checkBackup(source);
	const target = sqlitePath();
	if (existsSync(target)) ensureNotInUse(target);

	// Build the restored database beside the target, then swap it in with renames.
	const staging = `${target}.restoring`;
	for (const suffix of ['', '-wal', '-shm']) rmSync(staging + suffix, { force: true });
	const backupDb = new SQLite(source, { readonly: true, fileMustExist: true });
	try {
		await backupDb.backup(staging);
	} finally {
		backupDb.close();
	}
	const restored = new SQLite(staging, { fileMustExist: true });
	try {
		newEpochSqlite(restored, 'restoredAt');
		restored.prepare(UPSERT_META).run({ key: 'restoredFrom', value: basename(source) });
	} finally {
		restored.close();
	}

	let kept = '';
	if (existsSync(target)) {
		kept = `${target}.before-restore-${new Date().toISOString().replace(/[:.]/g, '-')}`;
		renameSync(target, kept);
	}
	for (const suffix of ['-wal', '-shm']) rmSync(target + suffix, { force: true });
	renameSync(staging, target);
	console.log(`Restored ${source} (version ${version}) into ${target}.`);
	if (kept) console.log(`The database it replaced is kept as ${kept}.`);
	console.log('Tablets will reset and pull everything again on their next sync.');
}

async function resetTablets() {
	const url = process.env.DATABASE_URL;
	if (!url) {
		const db = openExisting(sqlitePath());
		try {
			newEpochSqlite(db, 'resetAt');
		} finally {
			db.close();
		}
	} else {
		const { default: pg } = await import('pg');
		const client = new pg.Client({ connectionString: url });
		await client.connect();
		try {
			await client.query('BEGIN');
			const upsert = UPSERT_META.replace('$key', '$1').replace('$value', '$2');
			await client.query(upsert, ['epoch', randomUUID()]);
			await client.query(upsert, ['resetAt', new Date().toISOString()]);
			await client.query(BUMP_VERSION);
			await client.query('COMMIT');
			// Servers LISTEN on this channel and poke their tablets, which then pull and reset.
			await client.query('SELECT pg_notify($1, $2)', [POKE_CHANNEL, 'dockside-command']);
		} catch (error) {
			await client.query('ROLLBACK').catch(() => {});
			throw error;
		} finally {
			await client.end();
		}
	}
	console.log('Tablets will reset and pull everything again on their next sync.');
}

async function main(/** @type {string[]} */ args) {
	const [command, ...rest] = args;
	switch (command) {
		case 'backup':
			return backup(rest[0]);
		case 'restore':
			return restore(rest[0]);
		case 'reset-tablets':
			return resetTablets();
		case undefined:
		case 'help':
		case '--help':
		case '-h':
			console.log(USAGE);
			return;
		default:
			console.error(`Unknown command: ${command}\n\n${USAGE}`);
			process.exitCode = 2;
	}
}

main(process.argv.slice(2)).catch((error) => {
	if (error instanceof Refused) console.error(`dockside: ${error.message}`);
	else console.error(error);
	process.exitCode = 1;
});

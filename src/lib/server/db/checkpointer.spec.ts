import { copyFileSync, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { BACKSTOP_PAGES, startCheckpointer, type Checkpointer } from './checkpointer';

const PAGE = 4096;
const dirs: string[] = [];
const handles: { sqlite: SQLite.Database; checkpointer: Checkpointer }[] = [];

function walDatabase() {
	const dir = mkdtempSync(join(tmpdir(), 'dockside-checkpointer-'));
	dirs.push(dir);
	const path = join(dir, 'db.sqlite');
	const sqlite = new SQLite(path);
	sqlite.pragma('journal_mode = WAL');
	sqlite.pragma('synchronous = NORMAL');
	sqlite.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, value TEXT)');
	return { sqlite, path };
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

afterEach(async () => {
	for (const { sqlite, checkpointer } of handles.splice(0)) {
		await checkpointer.stop();
		sqlite.close();
	}
	for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('startCheckpointer', () => {
	it('keeps the log short between bursts of commits, with the automatic checkpoint far away', async () => {
		const { sqlite, path } = walDatabase();
		const checkpointer = startCheckpointer(sqlite, path, 50);
		handles.push({ sqlite, checkpointer });
		expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(BACKSTOP_PAGES);
		const insert = sqlite.prepare('INSERT INTO t (value) VALUES (?)');
		const bursts = 6;
		const perBurst = 150;
		for (let burst = 0; burst < bursts; burst++) {
			// Each commit appends at least one page (a log frame) to the log.
			for (let i = 0; i < perBurst; i++) insert.run('x'.repeat(100));
			await sleep(300);
		}
		const written = bursts * perBurst * PAGE;
		// Without checkpoints between bursts the log would hold every frame written (the backstop
		// is far above); with them each burst starts the log again from its beginning.
		expect(statSync(`${path}-wal`).size).toBeLessThan(written / 2);
		expect(sqlite.prepare('SELECT count(*) FROM t').pluck().get()).toBe(bursts * perBurst);
	});

	it('gives the checkpoint back to SQLite when the worker cannot open the database', async () => {
		const { sqlite, path } = walDatabase();
		const checkpointer = startCheckpointer(sqlite, `${path}.missing`, 50);
		handles.push({ sqlite, checkpointer });
		for (let i = 0; i < 100 && sqlite.pragma('wal_autocheckpoint', { simple: true }) !== 1000; i++)
			await sleep(50);
		expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
	});

	it('stops after a last checkpoint', async () => {
		const { sqlite, path } = walDatabase();
		const checkpointer = startCheckpointer(sqlite, path, 60_000);
		const insert = sqlite.prepare('INSERT INTO t (value) VALUES (?)');
		for (let i = 0; i < 50; i++) insert.run('y'.repeat(PAGE));
		await checkpointer.stop();
		// The database file alone (the log left out) already holds every row.
		const copy = `${path}.copy`;
		copyFileSync(path, copy);
		const file = new SQLite(copy, { readonly: true });
		expect(file.prepare('SELECT count(*) FROM t').pluck().get()).toBe(50);
		file.close();
		sqlite.close();
	});
});

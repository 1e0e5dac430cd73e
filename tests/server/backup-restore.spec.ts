// `dockside backup`, `dockside restore` and `dockside reset-tablets` (bin/dockside.js) against
// a running server: after a restore (or a reset) every tablet is told to reset, even one whose
// cookie the restored counter has caught up with, because pull answers carry the epoch.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, root, TestServer } from './harness';
import { SseListener } from './sse-listener';
import { pullAll, push } from './sync-client';

type Page = { cookie?: number; epoch?: string; reset?: boolean; patch?: { id: string }[] };
type Stock = { productId: string; warehouseId: string; physical: number };

// One page holds everything here, so a pull from null answers the head in one go.
const server = new TestServer({ DOCKSIDE_DEMO_ORDERS: '20', DOCKSIDE_PULL_PAGE: '100000' });
const files = mkdtempSync(join(tmpdir(), 'dockside-backups-'));

function dockside(...args: string[]) {
	const { DATABASE_URL: _inherited, ...inherited } = process.env;
	const result = spawnSync(process.execPath, [join(root, 'bin/dockside.js'), ...args], {
		cwd: files,
		env: { ...inherited, ...server.database!.env },
		encoding: 'utf8'
	});
	return { status: result.status, output: `${result.stdout}${result.stderr}` };
}

async function pull(clientId: string, cookie: number | null, epoch?: string): Promise<Page> {
	const { status, json } = await server.post('/api/sync/pull', {
		protocol: 1,
		schemaVersion: '1',
		clientId,
		cookie,
		...(epoch ? { epoch } : {})
	});
	expect(status).toBe(200);
	return json as Page;
}

let adjustments = 0;
function adjust(stock: Stock, clientId: string, from: number, count: number) {
	return push(
		server,
		clientId,
		Array.from({ length: count }, (_, index) => ({
			id: from + index,
			name: 'stock.adjust',
			args: {
				productId: stock.productId,
				warehouseId: stock.warehouseId,
				movementId: `mv-${clientId}-${from + index}-${++adjustments}`,
				qty: 1,
				category: 'adjustment',
				comment: ''
			}
		}))
	);
}

beforeAll(() => server.start());
afterAll(async () => {
	await server.stop();
	await server.cleanup();
	rmSync(files, { recursive: true, force: true });
});

describe(`reset-tablets (${engine})`, () => {
	it('pokes the tablets and makes a pull with the old epoch reset', async () => {
		const first = await pull('tablet-r', null);
		expect(first.epoch).toMatch(/^[0-9a-f-]{36}$/);
		const listener = await SseListener.open(server);
		try {
			expect(await listener.waitForPokes(1, 1500)).toBe(false);
			const run = dockside('reset-tablets');
			expect(run.output).toContain('Tablets will reset');
			expect(run.status).toBe(0);
			expect(await listener.waitForPokes(1, 5000)).toBe(true);
		} finally {
			listener.close();
		}
		expect(await pull('tablet-r', first.cookie as number, first.epoch)).toEqual({ reset: true });
		const again = await pull('tablet-r', null, first.epoch);
		expect(again.epoch).toMatch(/^[0-9a-f-]{36}$/);
		expect(again.epoch).not.toBe(first.epoch);
		// With the current epoch the same cookie pulls normally.
		const current = await pull('tablet-r', again.cookie as number, again.epoch);
		expect(current).toMatchObject({ cookie: again.cookie, patch: [] });
	});
});

describe.runIf(engine === 'postgres')('backup and restore on PostgreSQL', () => {
	it('points to pg_dump and pg_restore instead', () => {
		const backup = dockside('backup', 'x.sqlite');
		expect(backup.status).toBe(1);
		expect(backup.output).toContain('pg_dump');
		const restore = dockside('restore', 'x.sqlite');
		expect(restore.status).toBe(1);
		expect(restore.output).toContain('pg_restore');
	});
});

describe.runIf(engine === 'sqlite')('backup and restore on SQLite', () => {
	it('refuses to overwrite a file, or to restore what is not a Dockside backup', () => {
		const existing = join(files, 'existing.sqlite');
		writeFileSync(existing, 'not a database');
		expect(dockside('backup', existing).status).toBe(1);
		const restore = dockside('restore', existing);
		expect(restore.status).toBe(1);
		expect(restore.output).toContain('not a readable SQLite database');
	});

	it('restores an online backup and resets every tablet that pulled from another epoch', async () => {
		const atBackup = await pullAll(server, 'tablet-a');
		const stock = [...(atBackup.records.get('stock')?.values() ?? [])][0] as Stock;
		const key = `${stock.productId}:${stock.warehouseId}`;
		const epochAtBackup = (await pull('tablet-a', null)).epoch as string;
		const beforeBackup = atBackup.cookie as number;

		const file = join(files, 'nightly.sqlite');
		const backup = dockside('backup', file);
		expect(backup.output).toContain('Backed up');
		expect(backup.status).toBe(0);

		// Work after the backup: it is lost by the restore.
		expect((await adjust(stock, 'tablet-a', 1, 3)).status).toBe(200);
		const afterBackup = await pullAll(server, 'tablet-a', atBackup);
		expect((afterBackup.records.get('stock')?.get(key) as Stock).physical).toBe(stock.physical + 3);
		const lateCookie = afterBackup.cookie as number;

		// Not while the server has the database open.
		const refused = dockside('restore', file);
		expect(refused.status).toBe(1);
		expect(refused.output).toContain('in use');
		expect((await pull('tablet-a', beforeBackup)).patch?.length).toBeGreaterThan(0);

		// A crash leaves a WAL and its index behind; restore must still see the file is free.
		await server.kill('SIGKILL');
		const restored = dockside('restore', file);
		expect(restored.output).toContain('Restored');
		expect(restored.status).toBe(0);
		const dir = dirname(server.database!.location);
		expect(readdirSync(dir).some((name) => name.includes('.before-restore-'))).toBe(true);
		expect(existsSync(`${server.database!.location}.restoring`)).toBe(false);
		await server.start();

		// Tablets that pulled before the restore reset, whatever their cookie.
		expect(await pull('tablet-a', lateCookie, epochAtBackup)).toEqual({ reset: true });
		expect(await pull('tablet-b', beforeBackup, epochAtBackup)).toEqual({ reset: true });
		// Even once the restored counter has passed the tablet's cookie again.
		expect((await adjust(stock, 'tablet-c', 1, lateCookie - beforeBackup + 2)).status).toBe(200);
		const head = (await pull('tablet-c', null)).cookie as number;
		expect(head).toBeGreaterThan(lateCookie);
		expect(await pull('tablet-a', lateCookie, epochAtBackup)).toEqual({ reset: true });

		// tablet-a's three mutations after the backup are lost with it; its next one is not
		// refused as a gap forever: it continues from there.
		const next = await adjust(stock, 'tablet-a', 4, 1);
		expect(next.status).toBe(200);
		expect(next.json.lastMutationId).toBe(4);
		// A real gap from a client the restore did not affect is still refused.
		expect((await adjust(stock, 'tablet-c', lateCookie + 100, 1)).status).toBe(409);

		// Pulling again from null gives the backup's data and then the new work, in a new epoch.
		const fresh = await pullAll(server, 'tablet-a');
		const first = await pull('tablet-a', null);
		expect(first.epoch).not.toBe(epochAtBackup);
		const adjustedAfterRestore = lateCookie - beforeBackup + 2 + 1;
		expect((fresh.records.get('stock')?.get(key) as Stock).physical).toBe(
			stock.physical + adjustedAfterRestore
		);
		const movements = [...(fresh.records.get('movement')?.values() ?? [])].map((m) => m.id);
		const fromTabletA = movements.filter((id) => String(id).startsWith('mv-tablet-a-'));
		expect(fromTabletA.map((id) => String(id).split('-')[3])).toEqual(['4']);
	});
});

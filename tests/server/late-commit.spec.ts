// SYNC.md: on PostgreSQL versions come from a one-row counter whose row lock makes them commit
// in order, so a pull never sees version N+1 while N is still uncommitted (a plain sequence
// would let a later version commit first and a pull skip the earlier one for good).
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, TestServer } from './harness';
import { pullAll, push } from './sync-client';

type Page = { cookie: number; patch: { id: string; version: number }[] };

const server = new TestServer({ DOCKSIDE_DEMO_ORDERS: '20' });

describe.runIf(engine === 'postgres')('a transaction that commits late (PostgreSQL)', () => {
	beforeAll(() => server.start());
	afterAll(async () => {
		await server.stop();
		await server.cleanup();
	});

	it('is never skipped by a pull while later versions wait behind it', async () => {
		const start = await pullAll(server, 'observer');
		const cookie = start.cookie as number;
		const stock = [...(start.records.get('stock')?.values() ?? [])][0] as {
			productId: string;
			warehouseId: string;
		};
		const pullFrom = async (from: number) =>
			(
				await server.post('/api/sync/pull', {
					protocol: 1,
					schemaVersion: '1',
					clientId: 'observer',
					cookie: from
				})
			).json as unknown as Page;

		// A writer that takes version N and then holds its transaction open.
		const slow = new pg.Client({ connectionString: server.database!.env.DATABASE_URL });
		await slow.connect();
		try {
			await slow.query('BEGIN');
			const taken = await slow.query(
				"UPDATE counters SET value = value + 1 WHERE name = 'version' RETURNING value"
			);
			const late = Number(taken.rows[0].value);
			expect(late).toBe(cookie + 1);
			await slow.query('INSERT INTO records (entity, id, version, value) VALUES ($1, $2, $3, $4)', [
				'timeline',
				'late-event',
				late,
				JSON.stringify({ id: 'late-event', summary: 'committed late' })
			]);

			// Meanwhile a client pushes through the server: its versions come after N.
			let pushed = false;
			const pushing = push(server, 'writer', [
				{
					id: 1,
					name: 'stock.adjust',
					args: { ...stock, movementId: 'mv-late', qty: 1, category: 'adjustment', comment: '' }
				}
			]).then((answer) => {
				pushed = true;
				return answer;
			});

			// Pulls keep running: none may get past N before N commits.
			const seen: Page[] = [];
			const deadline = Date.now() + 1500;
			while (Date.now() < deadline) {
				seen.push(await pullFrom(cookie));
				await new Promise((resolve) => setTimeout(resolve, 50));
			}
			expect(pushed).toBe(false);
			expect(seen.length).toBeGreaterThan(5);
			for (const page of seen) {
				expect(page.cookie).toBe(cookie);
				expect(page.patch).toEqual([]);
			}

			await slow.query('COMMIT');
			const answer = await pushing;
			expect(answer.json.results).toEqual([{ id: 1, status: 'applied' }]);

			const after = await pullFrom(cookie);
			expect(after.patch[0]).toMatchObject({ id: 'late-event', version: late });
			expect(after.patch.slice(1).every((op) => op.version > late)).toBe(true);
			expect(after.patch.map((op) => op.id)).toContain('mv-late');
			expect(after.cookie).toBeGreaterThan(late);
		} finally {
			await slow.query('ROLLBACK').catch(() => {});
			await slow.end();
		}
	});
});

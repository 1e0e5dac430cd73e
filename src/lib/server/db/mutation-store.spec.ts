import SQLite from 'better-sqlite3';
import fc from 'fast-check';
import { Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { applyMutation } from '$lib/domain/apply';
import type { MemorySeed } from '$lib/domain/testing/memory-reader';
import { MemoryReader } from '$lib/domain/testing/memory-reader';
import { planArb, resolvePlan } from '$lib/domain/testing/actions-arb';
import { worldArb } from '$lib/domain/testing/arbitraries';
import { makeContext } from '$lib/domain/testing/factories';
import { createSyncServer } from '../sync/context';
import { handlePush } from '../sync/push';
import { migrateToLatest } from './migrations';
import { inMutationTransaction } from './mutation-store';
import { openSqlite, type OpenedDatabase } from './open';
import { changesToWrites, writeRecords } from './record-store';
import type { Database } from './types';

let database: OpenedDatabase | undefined;

afterEach(async () => {
	await database?.close();
	database = undefined;
});

describe('the SQLite push transaction', () => {
	it('holds the connection: a query started meanwhile runs after the rollback, not inside', async () => {
		database = await openSqlite(':memory:');
		const { db } = database;
		const version = () =>
			db
				.selectFrom('counters')
				.select('value')
				.where('name', '=', 'version')
				.executeTakeFirstOrThrow()
				.then((row) => Number(row.value));
		let during: Promise<number> | undefined;
		let answeredInside = false;
		const failed = inMutationTransaction(db, 'sqlite', async (store) => {
			expect(await store.takeVersions(5)).toBe(5);
			during = version();
			void during.then(() => (answeredInside = true));
			// Time enough for the query to run, were the connection free.
			await new Promise((resolve) => setTimeout(resolve, 50));
			expect(answeredInside).toBe(false);
			throw new Error('transient');
		});
		await expect(failed).rejects.toThrow('transient');
		expect(await during).toBe(0);
		expect(await version()).toBe(0);
	});

	it('gives the same answers and tables as the Kysely path, for random worlds and actions', async () => {
		const CLIENT = 'tablet-1';
		const NOW = new Date('2026-01-06T12:00:00.000Z');
		const tables = async (db: Kysely<Database>) => ({
			records: await db.selectFrom('records').selectAll().orderBy('entity').orderBy('id').execute(),
			keys: await db
				.selectFrom('order_stock_keys')
				.selectAll()
				.orderBy('stock_key')
				.orderBy('order_id')
				.execute(),
			skus: await db.selectFrom('product_skus').selectAll().orderBy('sku').execute(),
			mutations: await db.selectFrom('mutations').selectAll().orderBy('mutation_id').execute(),
			clients: await db.selectFrom('clients').selectAll().execute(),
			counters: await db.selectFrom('counters').selectAll().orderBy('name').execute()
		});
		await fc.assert(
			fc.asyncProperty(
				worldArb,
				fc.array(planArb, { minLength: 1, maxLength: 20 }),
				async (world: MemorySeed, plans) => {
					// Prepared statements (openSqlite) beside Kysely on a plain SQLite handle.
					const fast = await openSqlite(':memory:');
					const plain = new Kysely<Database>({
						dialect: new SqliteDialect({ database: new SQLite(':memory:') })
					});
					try {
						await migrateToLatest(plain as Kysely<unknown>);
						const seed = changesToWrites({ ...world, preparationsRemoved: [] });
						await writeRecords(fast.db, seed);
						await writeRecords(plain, seed);
						for (const db of [fast.db, plain]) {
							// Drawn at random per database; the same here so that the tables compare.
							await db
								.updateTable('meta')
								.set({ value: 'epoch-1' })
								.where('key', '=', 'epoch')
								.execute();
						}
						// The mutations, resolved against the world as the rules change it.
						const store = new MemoryReader(world);
						const mutations = [];
						for (const [index, plan] of plans.entries()) {
							const { name, args } = resolvePlan(store, plan);
							const mutation = {
								id: index + 1,
								name,
								args,
								actor: 'user-1',
								clientTime: '2026-01-06T09:00:00.000Z'
							};
							const context = makeContext({ clientId: CLIENT, mutationId: mutation.id });
							const result = await applyMutation(store, mutation, context);
							if (result.ok) store.write(result.changes);
							mutations.push(mutation);
						}
						const body = JSON.stringify({
							protocol: 1,
							schemaVersion: '1',
							clientId: CLIENT,
							mutations
						});
						const answers = [];
						for (const db of [fast.db, plain]) {
							answers.push(
								await handlePush(createSyncServer(db, 'sqlite', { now: () => NOW }), body)
							);
						}
						expect(answers[0].status).toBe(200);
						expect(answers[0]).toEqual(answers[1]);
						expect(await tables(fast.db)).toEqual(await tables(plain));
					} finally {
						await fast.close();
						await plain.destroy();
					}
				}
			),
			{ numRuns: 40 }
		);
	});
});

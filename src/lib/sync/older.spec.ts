// Older orders on demand: the real records handler (in-process, SQLite in memory) behind a
// fetch, and the tablet's database in fake-indexeddb.
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Order, TimelineEvent } from '$lib/domain/schemas';
import { getDb, resetDb } from '$lib/local/db';
import { fromStoredOrder } from '$lib/local/stored';
import { openSqlite, type OpenedDatabase } from '$lib/server/db/open';
import { seedDemoIfEmpty } from '$lib/server/seed';
import { answer } from '$lib/server/http';
import { createSyncServer, type SyncServer } from '$lib/server/sync/context';
import { handleRecords } from '$lib/server/sync/records';
import { loadOlderOrder } from './older';

let database: OpenedDatabase;
let server: SyncServer;
let asked: string[];

const serverFetch = (async (_url: string, init?: RequestInit) => {
	asked.push(String(init?.body));
	return answer(await handleRecords(server, String(init?.body)));
}) as typeof fetch;

async function stored<T>(entity: string): Promise<T[]> {
	const rows = await database.db
		.selectFrom('records')
		.select('value')
		.where('entity', '=', entity)
		.execute();
	return rows.map((row) => JSON.parse(row.value as string) as T);
}

beforeEach(async () => {
	await resetDb();
	database = await openSqlite(':memory:');
	await seedDemoIfEmpty(database.db, 30);
	server = createSyncServer(database.db, 'sqlite');
	asked = [];
});
afterEach(async () => {
	await database.close();
});

describe('older orders on demand', () => {
	it('stores the order and its own timeline events, as the server has them', async () => {
		const order = (await stored<Order>('order'))[3];
		const events = (await stored<TimelineEvent>('timeline')).filter(
			(event) => event.orderId === order.id
		);
		expect(events.length).toBeGreaterThan(0);

		expect(await loadOlderOrder(getDb(), order.id, { fetch: serverFetch, token: 't' })).toBe(
			'loaded'
		);

		const local = await getDb().orders.get(order.id);
		expect(local && fromStoredOrder(local)).toEqual(order);
		expect(await getDb().orders.count()).toBe(1);
		// Marked as opened on demand, so a pruning meanwhile leaves it (local/retention.ts).
		const loaded = (await getDb().meta.get('olderOrdersLoaded'))?.value as Record<string, string>;
		expect(Object.keys(loaded)).toEqual([order.id]);
		expect((await getDb().timeline.toArray()).map((e) => e.id).sort()).toEqual(
			events.map((e) => e.id).sort()
		);
	});

	it('says when the server has no such order, or cannot be reached', async () => {
		expect(await loadOlderOrder(getDb(), 'no-such-order', { fetch: serverFetch, token: 't' })).toBe(
			'not_found'
		);
		const offline = (async () => {
			throw new TypeError('Failed to fetch');
		}) as typeof fetch;
		expect(await loadOlderOrder(getDb(), 'any', { fetch: offline, token: 't' })).toBe('offline');
		expect(await getDb().orders.count()).toBe(0);
	});

	it('never overwrites the copy the tablet already has', async () => {
		const order = (await stored<Order>('order'))[0];
		const mine = { ...order, giftMessage: { message: 'changed here' } };
		await getDb().orders.put({
			...mine,
			searchWords: [],
			openStockKeys: [],
			warehouseIds: [],
			prepKeys: []
		});
		expect(await loadOlderOrder(getDb(), order.id, { fetch: serverFetch, token: 't' })).toBe(
			'loaded'
		);
		expect((await getDb().orders.get(order.id))?.giftMessage?.message).toBe('changed here');
	});

	it('refuses a malformed request', async () => {
		const bad = await handleRecords(server, JSON.stringify({ protocol: 1, schemaVersion: '1' }));
		expect(bad.status).toBe(400);
		const notJson = await handleRecords(server, '{');
		expect(notJson.status).toBe(400);
		expect(asked).toEqual([]);
	});
});

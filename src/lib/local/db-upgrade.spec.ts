// A new version of the app that changes the local schema must keep everything a tablet holds,
// above all the outbox of actions not yet synced (the service worker update reloads into the
// new code, which opens the old database). Dexie upgrades in place when a later version only
// adds indexes or tables; this proves it on the real declaration and a realistic data set.
import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { Dexie } from 'dexie';
import { makePreparation } from '$lib/domain/testing/factories';
import { allTables, DocksideDB, META_CLIENT_ID, META_NEXT_MUTATION_ID } from './db';
import { generateDemoData } from './demo-data';
import { toStoredRecords } from './seed';

/** The current declaration's version, whatever db.ts says today. */
const CURRENT = new DocksideDB('dockside-version-probe').verno;

/** Every index of a table as Dexie's schema syntax ("id, &sku, *barcodes …"). */
function tableSpec(db: Dexie, table: string): string {
	const schema = db.table(table).schema;
	return [schema.primKey.src, ...schema.indexes.map((index) => index.src)].join(', ');
}

/** The next app version: the same tables, an index added on orders, a new table. */
class NextDocksideDB extends DocksideDB {
	constructor(name: string) {
		super(name);
		this.version(CURRENT + 1).stores({
			orders: `${tableSpec(this, 'orders')}, shopRef`,
			printJobs: 'id, orderId'
		});
	}
}

let names: string[] = [];
let created = 0;
afterEach(async () => {
	await Promise.all(names.map((name) => Dexie.delete(name)));
	names = [];
});

function freshName(): string {
	const name = `dockside-upgrade-${++created}`;
	names.push(name);
	return name;
}

/** Every row of every table, keyed by table name, in primary key order. */
async function dump(db: DocksideDB): Promise<Record<string, unknown[]>> {
	const out: Record<string, unknown[]> = {};
	for (const table of allTables(db)) out[table.name] = await table.toArray();
	return out;
}

async function fillVersionOne(name: string): Promise<Record<string, unknown[]>> {
	const db = new DocksideDB(name);
	const rows = toStoredRecords(generateDemoData(120, { seed: 7 }));
	const order = rows.orders[0];
	await db.transaction('rw', allTables(db), async () => {
		await db.shops.bulkPut(rows.shops);
		await db.warehouses.bulkPut(rows.warehouses);
		await db.products.bulkPut(rows.products);
		await db.settings.bulkPut(rows.settings);
		await db.orders.bulkPut(rows.orders);
		await db.stock.bulkPut(rows.stock);
		await db.movements.bulkPut(rows.movements);
		await db.timeline.bulkPut(rows.timeline);
		await db.preparations.put(makePreparation({ orderId: order.id }));
		await db.meta.bulkPut([
			{ key: META_CLIENT_ID, value: '0193a5b2-7c1e-7000-8000-000000000001' },
			{ key: META_NEXT_MUTATION_ID, value: 4 }
		]);
		await db.outbox.bulkPut([
			{
				id: 2,
				name: 'order.hold',
				args: { orderId: order.id, reason: 'address' },
				actor: 'user-1',
				clientTime: '2026-11-26T10:02:11.120Z'
			},
			{
				id: 3,
				name: 'order.setGiftMessage',
				args: { orderId: order.id, message: 'Joyeux anniversaire, Zoë !' },
				actor: 'user-1',
				clientTime: '2026-11-26T10:03:00.000Z'
			}
		]);
		await db.rejections.put({
			id: 1,
			name: 'order.hold',
			args: { orderId: order.id },
			code: 'order_canceled',
			message: 'Order was canceled in the shop.',
			orderId: order.id
		});
		await db.base.put({ entity: 'order', id: order.id, value: order, version: 41 });
	});
	const before = await dump(db);
	expect(db.verno).toBe(CURRENT);
	db.close();
	return before;
}

describe('local database upgrade', () => {
	it('keeps every row and the outbox when the next version adds an index and a table', async () => {
		const name = freshName();
		const before = await fillVersionOne(name);
		expect(before.orders).toHaveLength(120);
		expect(before.outbox).toHaveLength(2);
		expect((before.orderCounts as unknown[]).length).toBeGreaterThan(0);

		const next = new NextDocksideDB(name);
		await next.open();
		expect(next.verno).toBe(CURRENT + 1);
		expect(await dump(next)).toEqual(before);
		expect(await next.table('printJobs').count()).toBe(0);

		// The new index covers the rows written before it existed.
		const sample = before.orders[57] as { id: string; shopRef: string };
		const found = await next.orders.where('shopRef').equals(sample.shopRef).primaryKeys();
		expect(found).toContain(sample.id);
		const all = await next.orders.orderBy('shopRef').primaryKeys();
		expect(all).toHaveLength(120);

		// The mutation counter survives too, so the next action never reuses an id.
		const counter = await next.meta.get(META_NEXT_MUTATION_ID);
		expect(counter?.value).toBe(4);
		next.close();
	});

	it('a tab still running the old version neither blocks the upgrade nor loses its writes', async () => {
		const name = freshName();
		await fillVersionOne(name);
		// Tab A (old code) has the database open when tab B reloads into the new version.
		const old = new DocksideDB(name);
		await old.open();
		const next = new NextDocksideDB(name);
		await next.open();
		expect(next.verno).toBe(CURRENT + 1);

		// Tab A acts before it reloads: the write lands in the upgraded database, new index included.
		await old.outbox.put({
			id: 4,
			name: 'order.releaseHold',
			args: { orderId: 'o-1' },
			actor: 'user-1',
			clientTime: '2026-11-26T10:04:00.000Z'
		});
		const order = (await old.orders.limit(1).first())!;
		await old.orders.put({ ...order, shopRef: 'REF-AFTER-UPGRADE' });

		expect(await next.outbox.toCollection().primaryKeys()).toEqual([2, 3, 4]);
		expect(await next.orders.where('shopRef').equals('REF-AFTER-UPGRADE').primaryKeys()).toEqual([
			order.id
		]);
		old.close();
		next.close();
	});
});

import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ORDER_STATUSES } from '$lib/domain/schemas';
import { generateDemoData } from './demo-data';
import { META_NEXT_MUTATION_ID, getDb, resetDb } from './db';
import { getClientId } from './perform';
import { countByTab, listOrderPage } from './queries';
import { DEMO_ORDERS_STORAGE_KEY, ensureDemoData, requestedDemoOrders, seedDemoData } from './seed';
import { fromStoredOrder } from './stored';

beforeEach(async () => {
	await resetDb();
});

afterEach(() => {
	vi.unstubAllGlobals();
});

describe('seedDemoData', () => {
	it('writes the generated records, reports progress, and answers the list queries', async () => {
		const expected = generateDemoData(300);
		const progress: number[] = [];
		const result = await seedDemoData(300, {
			chunkSize: 100,
			onProgress: (done, total) => {
				expect(total).toBe(300);
				progress.push(done);
			}
		});
		expect(result.orders).toBe(300);
		expect(progress[progress.length - 1]).toBe(300);
		expect(progress).toEqual([...progress].sort((a, b) => a - b));

		const db = getDb();
		expect(await db.orders.count()).toBe(300);
		expect(await db.products.count()).toBe(expected.products.length);
		expect(await db.stock.count()).toBe(expected.stock.length);
		expect(await db.movements.count()).toBe(expected.movements.length);
		expect(await db.timeline.count()).toBe(expected.timeline.length);
		expect(await db.warehouses.count()).toBe(3);
		expect(await db.shops.count()).toBe(3);
		expect((await db.settings.get('settings'))?.companyName).toBe(expected.settings?.companyName);

		const stored = (await db.orders.toArray()).map(fromStoredOrder);
		const byId = new Map(expected.orders.map((o) => [o.id, o]));
		for (const order of stored) expect(order).toEqual(byId.get(order.id));

		const counts = await countByTab({});
		for (const status of ORDER_STATUSES) {
			expect(counts[status]).toBe(expected.orders.filter((o) => o.status === status).length);
		}
		const newest = [...expected.orders]
			.filter((o) => o.status === 'processing')
			.sort((a, b) => (a.placedAt < b.placedAt ? 1 : a.placedAt > b.placedAt ? -1 : 0))
			.slice(0, 5)
			.map((o) => o.id);
		const page = await listOrderPage({ tab: 'processing', sort: 'date_desc' }, 0, 5);
		expect(page.map((o) => o.id)).toEqual(newest);
	});

	it('replaces earlier data but keeps the clientId and the mutation counter', async () => {
		const db = getDb();
		const clientId = await getClientId();
		await db.meta.put({ key: META_NEXT_MUTATION_ID, value: 8 });
		await db.outbox.add({ id: 7, name: 'order.hold', args: {}, actor: 'a', clientTime: '' });
		await seedDemoData(120);
		await seedDemoData(40);
		expect(await db.orders.count()).toBe(40);
		expect(await db.outbox.count()).toBe(0);
		expect(await getClientId()).toBe(clientId);
		expect((await db.meta.get(META_NEXT_MUTATION_ID))?.value).toBe(8);
	});
});

describe('ensureDemoData', () => {
	it('takes the count from ?demo=N, then localStorage, then 2,000', () => {
		expect(requestedDemoOrders()).toBe(2000);
		const storage = new Map([[DEMO_ORDERS_STORAGE_KEY, '150']]);
		vi.stubGlobal('localStorage', { getItem: (key: string) => storage.get(key) ?? null });
		expect(requestedDemoOrders()).toBe(150);
		vi.stubGlobal('location', { search: '?demo=25' });
		expect(requestedDemoOrders()).toBe(25);
		vi.stubGlobal('location', { search: '?demo=lots' });
		expect(requestedDemoOrders()).toBe(150);
	});

	it('seeds once, only into an empty database, and not at all for demo=0', async () => {
		vi.stubGlobal('location', { search: '?demo=0' });
		expect(await ensureDemoData()).toEqual({ seeded: false, orders: 0 });
		expect(await getDb().orders.count()).toBe(0);

		vi.stubGlobal('location', { search: '?demo=30' });
		expect(await ensureDemoData()).toEqual({ seeded: true, orders: 30 });
		expect(await ensureDemoData()).toEqual({ seeded: false, orders: 30 });
		expect(await getDb().orders.count()).toBe(30);
	});

	it('never seeds over data that came from elsewhere', async () => {
		vi.stubGlobal('location', { search: '?demo=30' });
		await getDb().warehouses.put(generateDemoData(0).warehouses[0]);
		expect(await ensureDemoData()).toEqual({ seeded: false, orders: 0 });
		expect(await getDb().orders.count()).toBe(0);
	});
});

// A pull that asks for the retained set (retainedOnly), against the real pull handler on an
// in-memory SQLite seeded with the demo data, compared with a full pull of the same database.
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEMO_ANCHOR } from '$lib/local/demo-data';
import type { Movement, Order, TimelineEvent } from '$lib/domain/schemas';
import { isOrderRetained, windowStart } from '$lib/sync/retention-window';
import type { PullResponse } from '$lib/sync/protocol';
import { openSqlite, type OpenedDatabase } from '../db/open';
import { seedDemoIfEmpty } from '../seed';
import { answerBody, createSyncServer, type SyncServer } from './context';
import { handlePull } from './pull';
import { handlePush } from './push';

type Page = Extract<PullResponse, { cookie: number }>;
type Pulled = { records: Map<string, Map<string, unknown>>; cookies: number[]; pages: number };

const DAY = 86_400_000;
// 200 demo orders span the 10 days before the anchor: a window of 90 days seen from 85 days
// after the anchor starts 5 days before it, and cuts the demo in two.
const NOW = new Date(Date.parse(DEMO_ANCHOR) + 85 * DAY);
const START = windowStart(NOW, 90);

let database: OpenedDatabase;
let server: SyncServer;

beforeEach(async () => {
	database = await openSqlite(':memory:');
	await seedDemoIfEmpty(database.db, 200);
	server = createSyncServer(database.db, 'sqlite', { pullPageSize: 97, now: () => NOW });
});
afterEach(async () => {
	await database.close();
});

async function pullAll(retainedOnly?: boolean): Promise<Pulled> {
	const pulled: Pulled = { records: new Map(), cookies: [], pages: 0 };
	let cookie: number | null = null;
	for (;;) {
		const answer = await handlePull(
			server,
			JSON.stringify({ protocol: 1, schemaVersion: '1', clientId: 'tablet', cookie, retainedOnly })
		);
		expect(answer.status).toBe(200);
		const page = answerBody(answer) as Page;
		pulled.pages++;
		for (const op of page.patch) {
			expect(op.version).toBeGreaterThan(cookie ?? 0);
			expect(op.version).toBeLessThanOrEqual(page.cookie);
			const table = pulled.records.get(op.entity) ?? new Map<string, unknown>();
			pulled.records.set(op.entity, table);
			if (op.op === 'put') table.set(op.id, op.value);
			else table.delete(op.id);
		}
		pulled.cookies.push(page.cookie);
		cookie = page.cookie;
		if (!page.more) return pulled;
	}
}

const values = <T>(pulled: Pulled, entity: string) =>
	[...(pulled.records.get(entity)?.values() ?? [])] as T[];
const ids = (pulled: Pulled, entity: string) =>
	[...(pulled.records.get(entity)?.keys() ?? [])].sort();

describe('pull with retainedOnly', () => {
	it('leaves out closed orders older than the window, their old events and old movements', async () => {
		const full = await pullAll();
		const kept = await pullAll(true);

		const orders = values<Order>(full, 'order');
		const retained = orders.filter((order) => isOrderRetained(order, START));
		// The window cuts the demo: some orders are left out, open ones never.
		expect(retained.length).toBeGreaterThan(0);
		expect(retained.length).toBeLessThan(orders.length);
		expect(ids(kept, 'order')).toEqual(retained.map((order) => order.id).sort());
		for (const order of values<Order>(kept, 'order')) {
			expect(order).toEqual(full.records.get('order')?.get(order.id));
		}

		const retainedIds = new Set(retained.map((order) => order.id));
		const events = values<TimelineEvent>(full, 'timeline');
		const keptEvents = new Set(ids(kept, 'timeline'));
		for (const event of events) {
			const aboutOrder = event.subject === undefined || event.subject === 'order';
			if (aboutOrder && retainedIds.has(event.orderId)) expect(keptEvents.has(event.id)).toBe(true);
			else if (event.at < START) expect(keptEvents.has(event.id)).toBe(false);
			// A recent event is sent whatever its order (harmless, and cheaper to decide).
			else expect(keptEvents.has(event.id)).toBe(true);
		}
		expect(keptEvents.size).toBeLessThan(events.length);

		const movements = values<Movement>(full, 'movement');
		expect(ids(kept, 'movement')).toEqual(
			movements
				.filter((movement) => movement.createdAt >= START)
				.map((movement) => movement.id)
				.sort()
		);

		for (const entity of ['product', 'stock', 'warehouse', 'settings', 'shop', 'preparation']) {
			expect(ids(kept, entity)).toEqual(ids(full, entity));
		}
		// The same versions are covered: the last cookie is the same, pages only move forward.
		expect(kept.cookies.at(-1)).toBe(full.cookies.at(-1));
		expect(kept.cookies).toEqual([...kept.cookies].sort((a, b) => a - b));
	});

	it('follows the merchant’s retentionDays setting', async () => {
		const everything = await pullAll();
		const push = await handlePush(
			server,
			JSON.stringify({
				protocol: 1,
				schemaVersion: '1',
				clientId: 'manager',
				mutations: [
					{
						id: 1,
						name: 'settings.update',
						args: { retentionDays: 365 },
						actor: 'manager',
						clientTime: '2026-11-26T10:00:00.000Z'
					}
				]
			})
		);
		expect((push.body as { results: { status: string }[] }).results[0].status).toBe('applied');
		const kept = await pullAll(true);
		expect(ids(kept, 'order')).toEqual(ids(everything, 'order'));
		expect(ids(kept, 'movement')).toEqual(ids(everything, 'movement'));
	});

	it('sends a left-out order again once it is active in the window', async () => {
		const first = await pullAll(true);
		const left = values<Order>(await pullAll(), 'order').find(
			(order) =>
				!first.records.get('order')?.has(order.id) &&
				order.status === 'complete' &&
				order.shipments.length > 0
		);
		expect(left).toBeDefined();
		const line = left!.lines.find((l) => l.qtyShipped > l.qtyRefunded)!;
		const push = await handlePush(
			server,
			JSON.stringify({
				protocol: 1,
				schemaVersion: '1',
				clientId: 'desk',
				mutations: [
					{
						id: 1,
						name: 'order.createReturn',
						args: {
							orderId: left!.id,
							returnId: 'ret-late',
							items: [{ lineId: line.id, qty: 1, reason: 'other', request: 'refund' }],
							overrideWindow: true
						},
						actor: 'desk',
						clientTime: NOW.toISOString()
					}
				]
			})
		);
		const result = (push.body as { results: { status: string; code?: string }[] }).results[0];
		expect(result.status).toBe('applied');
		const answer = await handlePull(
			server,
			JSON.stringify({
				protocol: 1,
				schemaVersion: '1',
				clientId: 'tablet',
				cookie: first.cookies.at(-1),
				retainedOnly: true
			})
		);
		const page = answerBody(answer) as Page;
		expect(page.patch.some((op) => op.entity === 'order' && op.id === left!.id)).toBe(true);
	});
});

// The push/pull contract of SYNC.md against the real server and its SQLite file.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestServer } from './harness';
import { newState, pullAll, push, type PulledState } from './sync-client';

type Line = {
	id: string;
	qtyOrdered: number;
	qtyReserved: number;
	qtyCanceled: number;
	qtyShipped: number;
	requiresShipping: boolean;
	productId: string;
	warehouseId: string;
};
type Order = { id: string; number: string; status: string; hold: unknown; lines: Line[] };

const server = new TestServer({ DOCKSIDE_DEMO_ORDERS: '60' });
let state: PulledState;
let clientCounter = 0;
const newClient = () => `client-${process.pid}-${++clientCounter}`;

function orders(): Order[] {
	return [...(state.records.get('order')?.values() ?? [])] as unknown as Order[];
}
function anOrder(predicate: (order: Order) => boolean, skip = 0): Order {
	const found = orders().filter(predicate)[skip];
	if (!found) throw new Error('the demo data has no such order');
	return found;
}
const processing = (order: Order) => order.status === 'processing';

beforeAll(async () => {
	await server.start();
	state = await pullAll(server, 'observer');
});
afterAll(async () => {
	await server.stop();
	await server.cleanup();
});

describe('envelope', () => {
	it('refuses a push without credentials with 401 and applies nothing', async () => {
		const order = anOrder(processing);
		const clientId = newClient();
		const answer = await server.post(
			'/api/sync/push',
			{
				protocol: 1,
				schemaVersion: '1',
				clientId,
				mutations: [
					{
						id: 1,
						name: 'order.hold',
						args: { orderId: order.id, reason: 'address' },
						actor: 'a',
						clientTime: '2026-11-26T10:00:00.000Z'
					}
				]
			},
			null
		);
		expect(answer.status).toBe(401);
		const after = await pullAll(server, clientId, { ...state, records: new Map(), rejections: [] });
		expect(after.lastMutationId).toBe(0);
	});

	it('answers 400 to malformed JSON, wrong types and oversize bodies', async () => {
		expect((await server.post('/api/sync/push', '{"protocol":1,')).status).toBe(400);
		const wrongTypes = await server.post('/api/sync/push', {
			protocol: 1,
			schemaVersion: '1',
			clientId: 'x',
			mutations: [{ id: '1', name: 5 }]
		});
		expect(wrongTypes.status).toBe(400);
		expect(wrongTypes.json.error).toBe('bad_request');
		const huge = JSON.stringify({
			protocol: 1,
			schemaVersion: '1',
			clientId: 'x',
			mutations: [],
			pad: 'x'.repeat(1024 * 1024 + 10)
		});
		const oversize = await server.post('/api/sync/push', huge);
		expect(oversize.status).toBe(400);
		const decreasing = await push(server, newClient(), [
			{ id: 2, name: 'order.releaseHold', args: {} },
			{ id: 1, name: 'order.releaseHold', args: {} }
		]);
		expect(decreasing.status).toBe(400);
	});

	it('answers 409 schema_version to an unknown catalog version', async () => {
		const answer = await server.post('/api/sync/push', {
			protocol: 1,
			schemaVersion: '999',
			clientId: 'x',
			mutations: []
		});
		expect(answer.status).toBe(409);
		expect(answer.json.error).toBe('schema_version');
	});
});

describe('push', () => {
	it('applies once, answers duplicate on a retried push, and refuses a gap without applying', async () => {
		const clientId = newClient();
		const order = anOrder(processing, 1);
		const mutations = [
			{
				id: 1,
				name: 'order.hold',
				args: { orderId: order.id, reason: 'address', note: 'check street' }
			},
			{ id: 2, name: 'order.releaseHold', args: { orderId: order.id } }
		];
		const first = await push(server, clientId, mutations);
		expect(first.status).toBe(200);
		expect(first.json).toEqual({
			results: [
				{ id: 1, status: 'applied' },
				{ id: 2, status: 'applied' }
			],
			lastMutationId: 2
		});
		// The answer was lost: the client pushes the same again.
		const again = await push(server, clientId, mutations);
		expect(again.json).toEqual({
			results: [
				{ id: 1, status: 'duplicate' },
				{ id: 2, status: 'duplicate' }
			],
			lastMutationId: 2
		});

		const gap = await push(server, clientId, [
			{ id: 4, name: 'order.hold', args: { orderId: order.id, reason: 'other' } }
		]);
		expect(gap.status).toBe(409);
		expect(gap.json).toEqual({ error: 'gap', expected: 3 });

		state = await pullAll(server, clientId, state);
		const pulled = state.records.get('order')?.get(order.id) as unknown as Order;
		expect(pulled.hold).toBeNull();
		const events = [...(state.records.get('timeline')?.values() ?? [])].filter((event) =>
			String(event.id).startsWith(`${clientId}:`)
		);
		expect(events.map((event) => event.type).sort()).toEqual(['order.hold', 'order.releaseHold']);
		expect(state.lastMutationId).toBe(2);
	});

	it('rejects bad mutations one by one with a code, advances, and reports them on pull', async () => {
		const clientId = newClient();
		const order = anOrder(processing, 2);
		const line = order.lines.find((l) => l.requiresShipping) as Line;
		const before = await pullAll(server, clientId);
		const cookieBefore = before.cookie ?? 0;
		const answer = await push(server, clientId, [
			{ id: 1, name: 'order.teleport', args: { orderId: order.id } },
			{ id: 2, name: 'order.cancelLine', args: { orderId: order.id, lineId: line.id, qty: -1 } },
			{ id: 3, name: 'order.cancelLine', args: { orderId: order.id, lineId: line.id, qty: 'one' } },
			{
				id: 4,
				name: 'order.setGiftMessage',
				args: { orderId: order.id, message: 'x'.repeat(100_000) }
			},
			{ id: 5, name: 'order.releaseHold', args: { orderId: order.id } }
		]);
		expect(answer.status).toBe(200);
		const results = (answer.json.results as { id: number; status: string; code?: string }[]).map(
			(r) => [r.id, r.status, r.code]
		);
		expect(results).toEqual([
			[1, 'rejected', 'unknown_mutation'],
			[2, 'rejected', 'invalid_args'],
			[3, 'rejected', 'invalid_args'],
			[4, 'rejected', 'invalid_args'],
			[5, 'rejected', expect.any(String)]
		]);
		expect(answer.json.lastMutationId).toBe(5);

		const after = await pullAll(server, clientId, { ...newState(), cookie: cookieBefore });
		expect(after.rejections.map((r) => r.id)).toEqual([1, 2, 3, 4, 5]);
		expect(after.rejections.every((r) => r.message.length > 0 && r.version > cookieBefore)).toBe(
			true
		);
		expect(after.lastMutationId).toBe(5);
		// Nothing changed for the order.
		expect(after.records.get('order')?.has(order.id) ?? false).toBe(false);
	});

	it('applies every mutation exactly once when the server is killed mid-push and restarted', async () => {
		const clientId = newClient();
		const stock = [...(state.records.get('stock')?.values() ?? [])][0] as {
			productId: string;
			warehouseId: string;
			physical: number;
		};
		const mutations = Array.from({ length: 400 }, (_, index) => ({
			id: index + 1,
			name: 'stock.adjust',
			args: {
				movementId: `m-${clientId}-${index}`,
				productId: stock.productId,
				warehouseId: stock.warehouseId,
				qty: 1,
				category: 'adjustment',
				comment: 'found on the shelf'
			}
		}));
		const inFlight = push(server, clientId, mutations).catch(() => null);
		// Kill it once some of the push has committed, while the rest is still being applied.
		for (let tries = 0; tries < 500; tries++) {
			const progress = await pullAll(server, clientId, { ...newState(), cookie: state.cookie });
			if (progress.lastMutationId > 0) break;
		}
		await server.kill('SIGKILL');
		await inFlight;
		await server.start();

		const retry = await push(server, clientId, mutations);
		expect(retry.status).toBe(200);
		const statuses = (retry.json.results as { status: string }[]).map((r) => r.status);
		expect(statuses.every((s) => s === 'applied' || s === 'duplicate')).toBe(true);
		expect(statuses).toContain('duplicate');
		expect(retry.json.lastMutationId).toBe(400);

		const fresh = await pullAll(server, newClient());
		const level = fresh.records.get('stock')?.get(`${stock.productId}:${stock.warehouseId}`) as {
			physical: number;
		};
		expect(level.physical).toBe(stock.physical + 400);
		const movements = [...(fresh.records.get('movement')?.values() ?? [])].filter((m) =>
			String(m.id).startsWith(`m-${clientId}-`)
		);
		expect(movements).toHaveLength(400);
		state = await pullAll(server, 'observer', state);
	});

	it('lets one of two concurrent clients win when one ships and the other cancels', async () => {
		const ready = anOrder(
			(order) =>
				order.status === 'processing' &&
				order.lines.every(
					(l) =>
						!l.requiresShipping || l.qtyReserved === l.qtyOrdered - l.qtyShipped - l.qtyCanceled
				) &&
				order.lines.some((l) => l.qtyReserved > 0)
		);
		const shipper = newClient();
		const canceler = newClient();
		const lines = ready.lines
			.filter((l) => l.qtyReserved > 0)
			.map((l) => ({ lineId: l.id, qty: l.qtyReserved }));
		const [ship, cancel] = await Promise.all([
			push(server, shipper, [
				{
					id: 1,
					name: 'order.createShipment',
					args: { orderId: ready.id, shipmentId: `s-${shipper}`, lines }
				}
			]),
			push(server, canceler, [{ id: 1, name: 'order.cancel', args: { orderId: ready.id } }])
		]);
		const outcomes = [ship, cancel]
			.map((answer) => (answer.json.results as { status: string }[])[0].status)
			.sort();
		expect(outcomes).toEqual(['applied', 'rejected']);
		const fresh = await pullAll(server, newClient());
		const order = fresh.records.get('order')?.get(ready.id) as unknown as Order;
		expect(['complete', 'canceled']).toContain(order.status);
	});
});

describe('pull', () => {
	it('pages with more: true, never acknowledging ahead of the page', async () => {
		const paged = new TestServer({ DOCKSIDE_DEMO_ORDERS: '40', DOCKSIDE_PULL_PAGE: '25' });
		try {
			await paged.start();
			const clientId = newClient();
			const order = (await pullAll(paged, 'peek')).records.get('order')!.values().next()
				.value as unknown as Order;
			await push(paged, clientId, [
				{ id: 1, name: 'order.hold', args: { orderId: order.id, reason: 'other' } },
				{ id: 2, name: 'order.releaseHold', args: { orderId: 'no-such-order' } }
			]);
			let cookie: number | null = null;
			let pages = 0;
			const seen = new Set<string>();
			const acknowledged: number[] = [];
			for (;;) {
				const { json } = await paged.post('/api/sync/pull', {
					protocol: 1,
					schemaVersion: '1',
					clientId,
					cookie
				});
				const page = json as {
					cookie: number;
					more: boolean;
					lastMutationId: number;
					patch: { entity: string; id: string; version: number }[];
					rejections: { version: number }[];
				};
				pages++;
				expect(page.patch.length + page.rejections.length).toBeLessThanOrEqual(25);
				for (const op of page.patch) {
					expect(op.version).toBeGreaterThan(cookie ?? 0);
					expect(op.version).toBeLessThanOrEqual(page.cookie);
					seen.add(`${op.entity}|${op.id}`);
				}
				acknowledged.push(page.lastMutationId);
				cookie = page.cookie;
				if (!page.more) break;
			}
			expect(pages).toBeGreaterThan(3);
			// Acknowledgement only grows, and reaches 2 (the hold and the rejected release).
			expect(acknowledged).toEqual([...acknowledged].sort((a, b) => a - b));
			expect(acknowledged.at(-1)).toBe(2);
			expect(seen.size).toBeGreaterThan(40);
		} finally {
			await paged.stop();
			await paged.cleanup();
		}
	});

	it('tells a client with a cookie from the future to reset', async () => {
		const { json } = await server.post('/api/sync/pull', {
			protocol: 1,
			schemaVersion: '1',
			clientId: 'x',
			cookie: 10_000_000
		});
		expect(json).toEqual({ reset: true });
	});
});

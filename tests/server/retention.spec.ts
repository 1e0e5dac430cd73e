// The retention window over HTTP against the production server: a pull that asks for the
// retained set (retainedOnly, added to SYNC.md's pull as an optional field), and older orders
// on demand (POST /api/sync/records).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Order } from '../../src/lib/domain/schemas';
import { isOrderRetained, windowStart } from '../../src/lib/sync/retention-window';
import { TestServer } from './harness';
import { newState, pullAll, push, type PulledState } from './sync-client';

const server = new TestServer({ DOCKSIDE_DEMO_ORDERS: '60' });
let everything: PulledState;

async function pullRetained(clientId: string) {
	const ids = new Set<string>();
	let cookie: number | null = null;
	for (;;) {
		const { status, json } = await server.post('/api/sync/pull', {
			protocol: 1,
			schemaVersion: '1',
			clientId,
			cookie,
			retainedOnly: true
		});
		expect(status).toBe(200);
		const page = json as { cookie: number; more: boolean; patch: { entity: string; id: string }[] };
		for (const op of page.patch) if (op.entity === 'order') ids.add(op.id);
		cookie = page.cookie;
		if (!page.more) return { ids, cookie };
	}
}

beforeAll(async () => {
	await server.start();
	everything = await pullAll(server, 'observer');
});
afterAll(async () => {
	await server.stop();
	await server.cleanup();
});

describe('retention window', () => {
	it('leaves closed orders older than retentionDays out of a retainedOnly pull, never open ones', async () => {
		const set = await push(server, 'manager', [
			{ id: 1, name: 'settings.update', args: { retentionDays: 1 } }
		]);
		expect((set.json as { results: { status: string }[] }).results[0].status).toBe('applied');
		const before = Date.now();
		const { ids, cookie } = await pullRetained('tablet-retained');
		const after = Date.now();
		const all = [...(everything.records.get('order')?.values() ?? [])] as unknown as Order[];
		// The server's clock read somewhere between before and after: bound the window both ways.
		const surelyKept = all.filter((o) => isOrderRetained(o, windowStart(new Date(after), 1)));
		const maybeKept = all.filter((o) => isOrderRetained(o, windowStart(new Date(before), 1)));
		for (const order of surelyKept) expect(ids.has(order.id)).toBe(true);
		for (const id of ids) expect(maybeKept.some((o) => o.id === id)).toBe(true);
		for (const order of all.filter((o) => !['complete', 'canceled'].includes(o.status))) {
			expect(ids.has(order.id)).toBe(true);
		}
		expect(ids.size).toBeLessThan(all.length);
		// A pull without the field still gets every order (old clients, SYNC.md's shape).
		const full = await pullAll(server, 'tablet-full', newState());
		expect(full.records.get('order')?.size).toBe(all.length);
		expect(cookie).toBe(full.cookie);
	});

	it('serves an order with its timeline on demand, and refuses what it must', async () => {
		const order = [...(everything.records.get('order')?.values() ?? [])][5] as unknown as Order;
		const { status, json } = await server.post('/api/sync/records', {
			protocol: 1,
			schemaVersion: '1',
			order: order.id
		});
		expect(status).toBe(200);
		const patch = (json as { patch: { op: string; entity: string; id: string; value: unknown }[] })
			.patch;
		expect(patch[0]).toMatchObject({ op: 'put', entity: 'order', id: order.id, value: order });
		const events = [...(everything.records.get('timeline')?.values() ?? [])].filter(
			(event) => event.orderId === order.id && (event.subject ?? 'order') === 'order'
		);
		expect(
			patch
				.filter((op) => op.entity === 'timeline')
				.map((op) => op.id)
				.sort()
		).toEqual(events.map((event) => event.id as string).sort());

		const missing = await server.post('/api/sync/records', {
			protocol: 1,
			schemaVersion: '1',
			order: 'no-such-order'
		});
		expect(missing.status).toBe(404);
		const malformed = await server.post('/api/sync/records', { protocol: 1 });
		expect(malformed.status).toBe(400);
		const anonymous = await server.post(
			'/api/sync/records',
			{ protocol: 1, schemaVersion: '1', order: order.id },
			null
		);
		expect(anonymous.status).toBe(401);
	});
});

// Two server processes on one database work as one (ARCHITECTURE.md, "Running"): what one
// commits the other serves, pokes cross processes, and concurrent pushes through both stay
// exactly-once with gapless invoice numbers. Runs on SQLite and, with DATABASE_URL, PostgreSQL.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { engine, TestDatabase, TestServer } from './harness';
import { SseListener } from './sse-listener';
import { newState, pullAll, push, type PulledState } from './sync-client';

type Line = {
	id: string;
	qtyOrdered: number;
	qtyCanceled: number;
	qtyInvoiced: number;
};
type Invoice = { id: string; number: string | null; lines: { lineId: string; qty: number }[] };
type Order = { id: string; status: string; hold: unknown; lines: Line[]; invoices: Invoice[] };

let database: TestDatabase;
let a: TestServer;
let b: TestServer;
let observed: PulledState;

const orders = (state: PulledState) =>
	[...(state.records.get('order')?.values() ?? [])] as unknown as Order[];
const recordCount = (state: PulledState) =>
	[...state.records.values()].reduce((sum, table) => sum + table.size, 0);
const sequence = (number: string | null) => Number(number?.match(/(\d+)$/)?.[1] ?? 0);

beforeAll(async () => {
	database = await TestDatabase.create();
	a = new TestServer({ DOCKSIDE_DEMO_ORDERS: '100' }, database);
	b = new TestServer({ DOCKSIDE_DEMO_ORDERS: '100' }, database);
	await Promise.all([a.start(), b.start()]);
});
afterAll(async () => {
	await Promise.all([a.stop(), b.stop()]);
	await database.cleanup();
});

describe(`two servers on one ${engine} database`, () => {
	it('seeds an empty database once when both start serving at the same moment', async () => {
		// Each process opens (and seeds) the database on its first sync request.
		const [fromA, fromB] = await Promise.all([pullAll(a, 'observer-a'), pullAll(b, 'observer-b')]);
		expect(orders(fromA)).toHaveLength(100);
		expect(orders(fromB)).toHaveLength(100);
		// One seed writes every record once with consecutive versions; a second would have
		// written them all again under new versions.
		expect(fromB.cookie).toBe(recordCount(fromB));
		expect(fromA.cookie).toBe(fromB.cookie);
		observed = fromB;
	});

	it('serves from one server what was pushed to the other', async () => {
		const order = orders(observed).find((o) => o.status === 'processing' && !o.hold) as Order;
		const clientId = `hold-${process.pid}`;
		const answer = await push(a, clientId, [
			{ id: 1, name: 'order.hold', args: { orderId: order.id, reason: 'address' } }
		]);
		expect(answer.json.results).toEqual([{ id: 1, status: 'applied' }]);

		observed = await pullAll(b, 'observer-b', observed);
		const held = observed.records.get('order')?.get(order.id) as unknown as Order;
		expect(held.hold).toMatchObject({ reason: 'address' });
		const ownView = await pullAll(b, clientId, { ...newState(), cookie: observed.cookie });
		expect(ownView.lastMutationId).toBe(1);
	});

	it('pokes an SSE client of one server after a push to the other', async () => {
		const onB = await SseListener.open(b);
		const onA = await SseListener.open(a);
		try {
			// Quiet first: no poke without a commit (the poll or LISTEN is set up meanwhile).
			expect(await onB.waitForPokes(1, 1500)).toBe(false);
			const stock = [...(observed.records.get('stock')?.values() ?? [])][1] as {
				productId: string;
				warehouseId: string;
			};
			const answer = await push(a, `poke-${process.pid}`, [
				{
					id: 1,
					name: 'stock.adjust',
					args: {
						...stock,
						movementId: `mv-poke-${process.pid}`,
						qty: 1,
						category: 'adjustment',
						comment: ''
					}
				}
			]);
			expect(answer.status).toBe(200);
			expect(await onB.waitForPokes(1, 5000)).toBe(true);
			expect(await onA.waitForPokes(1, 5000)).toBe(true);
			// One commit, one poke on each side (the local one is not echoed back).
			await new Promise((resolve) => setTimeout(resolve, 1500));
			expect([onA.pokes, onB.pokes]).toEqual([1, 1]);
		} finally {
			onA.close();
			onB.close();
		}
	});

	it('applies concurrent pushes through both servers exactly once, with gapless invoice numbers', async () => {
		const before = await pullAll(b, 'observer-b', observed);
		const invoiceable = orders(before)
			.filter((o) => o.status !== 'canceled')
			.flatMap((o) =>
				o.lines
					.filter((l) => l.qtyOrdered - l.qtyCanceled - l.qtyInvoiced > 0)
					.map((l) => ({ orderId: o.id, lineId: l.id }))
			)
			.slice(0, 5);
		expect(invoiceable.length).toBeGreaterThanOrEqual(3);
		const stock = [...(before.records.get('stock')?.values() ?? [])][0] as {
			productId: string;
			warehouseId: string;
			physical: number;
		};
		const lastNumber = Math.max(
			0,
			...orders(before).flatMap((o) => o.invoices.map((i) => sequence(i.number)))
		);

		const clients = Array.from({ length: 6 }, (_, index) => `busy-${process.pid}-${index}`);
		const perClient = 24;
		const mutationsOf = (clientId: string) =>
			Array.from({ length: perClient }, (_, index) => {
				const id = index + 1;
				if (id % 2 === 1) {
					// Every client invoices the same few lines: they run out, and the late ones
					// must be rejected, never invoiced twice.
					const target = invoiceable[(id >> 1) % invoiceable.length];
					return {
						id,
						name: 'order.createInvoice',
						args: {
							orderId: target.orderId,
							invoiceId: `inv-${clientId}-${id}`,
							lines: [{ lineId: target.lineId, qty: 1 }]
						}
					};
				}
				return {
					id,
					name: 'stock.adjust',
					args: {
						movementId: `mv-${clientId}-${id}`,
						productId: stock.productId,
						warehouseId: stock.warehouseId,
						qty: 1,
						category: 'adjustment',
						comment: 'counted'
					}
				};
			});

		// Each client pushes in batches of 6 to "its" server, retrying a batch after a 503
		// (a busy database) exactly as a tablet would.
		let retries = 0;
		await Promise.all(
			clients.map(async (clientId, index) => {
				const server = index % 2 === 0 ? a : b;
				const all = mutationsOf(clientId);
				for (let start = 0; start < all.length; start += 6) {
					for (let attempt = 0; ; attempt++) {
						const answer = await push(server, clientId, all.slice(start, start + 6));
						if (answer.status === 200) break;
						expect(answer.status).toBe(503);
						expect(attempt).toBeLessThan(50);
						retries++;
						await new Promise((resolve) => setTimeout(resolve, 20 + Math.random() * 80));
					}
				}
			})
		);
		if (retries > 0) console.log(`concurrent pushes: ${retries} retried after 503`);

		const after = await pullAll(a, 'observer-a-2');
		const invoices = orders(after).flatMap((o) => o.invoices);
		const rejected = new Map<string, Set<number>>();
		for (const clientId of clients) {
			const view = await pullAll(b, clientId, { ...newState(), cookie: before.cookie });
			expect(view.lastMutationId).toBe(perClient);
			rejected.set(clientId, new Set(view.rejections.map((r) => r.id)));
		}

		// Every invoice mutation is either one invoice or one rejection; every adjustment applied.
		let applied = 0;
		for (const clientId of clients) {
			for (const mutation of mutationsOf(clientId)) {
				const found = invoices.filter((i) => i.id === `inv-${clientId}-${mutation.id}`);
				if (mutation.name === 'order.createInvoice') {
					const wasRejected = rejected.get(clientId)!.has(mutation.id);
					expect([found.length, wasRejected]).toEqual(wasRejected ? [0, true] : [1, false]);
					if (!wasRejected) applied++;
				} else {
					expect(rejected.get(clientId)!.has(mutation.id)).toBe(false);
				}
			}
		}
		const fresh = invoices.filter((i) => i.id.startsWith('inv-busy-'));
		expect(fresh).toHaveLength(applied);
		// Capacity was smaller than demand, so some were refused; but not all.
		expect(applied).toBeGreaterThan(0);
		expect(applied).toBeLessThan(clients.length * (perClient / 2));

		// Gapless and unique: exactly the next `applied` numbers.
		const numbers = fresh.map((i) => sequence(i.number)).sort((x, y) => x - y);
		expect(numbers).toEqual(Array.from({ length: applied }, (_, i) => lastNumber + 1 + i));

		// No lost update: each line's invoiced quantity grew by what its new invoices hold.
		for (const { orderId, lineId } of invoiceable) {
			const was = orders(before)
				.find((o) => o.id === orderId)!
				.lines.find((l) => l.id === lineId)!;
			const now = orders(after)
				.find((o) => o.id === orderId)!
				.lines.find((l) => l.id === lineId)!;
			const added = orders(after)
				.find((o) => o.id === orderId)!
				.invoices.filter((i) => i.id.startsWith('inv-busy-'))
				.flatMap((i) => i.lines)
				.filter((l) => l.lineId === lineId)
				.reduce((sum, l) => sum + l.qty, 0);
			expect(now.qtyInvoiced).toBe(was.qtyInvoiced + added);
			expect(now.qtyInvoiced).toBeLessThanOrEqual(now.qtyOrdered - now.qtyCanceled);
		}

		const level = after.records.get('stock')?.get(`${stock.productId}:${stock.warehouseId}`) as {
			physical: number;
		};
		expect(level.physical).toBe(stock.physical + clients.length * (perClient / 2));
		const movements = [...(after.records.get('movement')?.values() ?? [])].filter((m) =>
			String(m.id).startsWith('mv-busy-')
		);
		expect(movements).toHaveLength(clients.length * (perClient / 2));
	});
});

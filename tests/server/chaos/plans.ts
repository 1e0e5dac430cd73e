// The chaos test's steps as fast-check arbitraries, and the mutations a client makes from the
// records it last pulled: valid-looking arguments with real ids, quantities near what the
// pulled data allows, so many apply and some are rejected because another client (or this
// one, earlier) changed the order since.
import fc from 'fast-check';
import type { Order, StockLevel } from '../../../src/lib/domain/schemas';
import type { SimClient } from './sim-client';

export const CLIENTS = 3;

export const MUTATION_NAMES = [
	'order.hold',
	'order.releaseHold',
	'order.setGiftMessage',
	'order.cancelLine',
	'order.cancel',
	'stock.adjust',
	'order.createInvoice',
	'order.createShipment'
] as const;

export type Step =
	| { kind: 'mutate'; client: number; name: (typeof MUTATION_NAMES)[number]; picks: number[] }
	| { kind: 'push'; client: number; count: number; lose: boolean }
	| { kind: 'pull'; client: number }
	/**
	 * Kill the server with SIGKILL and restart it. 'idle': between requests; 'timed': delayMs into
	 * a push of the client's whole outbox; 'commit': as soon as the first mutation of that push
	 * has committed, so the crash most likely cuts through the push.
	 */
	| { kind: 'kill'; when: 'idle' | 'timed' | 'commit'; client: number; delayMs: number }
	/** The request never leaves the tablet (no network): nothing happens on the server. */
	| { kind: 'netfail'; client: number; count: number };

const client = fc.nat(CLIENTS - 1);
const count = fc.integer({ min: 1, max: 8 });

export const stepArb: fc.Arbitrary<Step> = fc.oneof(
	{
		weight: 12,
		arbitrary: fc.record({
			kind: fc.constant('mutate' as const),
			client,
			name: fc.constantFrom(...MUTATION_NAMES),
			picks: fc.array(fc.nat(1000), { minLength: 6, maxLength: 6 })
		})
	},
	{
		weight: 6,
		arbitrary: fc.record({
			kind: fc.constant('push' as const),
			client,
			count,
			// One answer in four is lost.
			lose: fc.nat(3).map((n) => n === 0)
		})
	},
	{ weight: 3, arbitrary: fc.record({ kind: fc.constant('pull' as const), client }) },
	{
		weight: 1,
		arbitrary: fc.record({
			kind: fc.constant('kill' as const),
			// Mostly while a push is on its way: the interesting crash.
			when: fc.constantFrom(
				'idle' as const,
				'timed' as const,
				'commit' as const,
				'commit' as const
			),
			client,
			delayMs: fc.nat(20)
		})
	},
	{ weight: 1, arbitrary: fc.record({ kind: fc.constant('netfail' as const), client, count }) }
);

/** A run: a bounded list of steps (the end phase drains every outbox). */
export const stepsArb = fc.array(stepArb, { minLength: 40, maxLength: 70 });

const pick = <T>(list: readonly T[], n: number): T => list[n % list.length];

function pulled<T>(client: SimClient, entity: string): T[] {
	const table = client.state.records.get(entity);
	const records = [...(table?.values() ?? [])] as { id: string }[];
	// Id order, not arrival order: the same picks choose the same records on every run.
	return records.sort((a, b) => (a.id < b.id ? -1 : 1)) as unknown as T[];
}

const isOpen = (order: Order) => order.status !== 'complete' && order.status !== 'canceled';

/**
 * The mutation a 'mutate' step stands for, from what the client last pulled; undefined when it
 * has pulled nothing yet (a tablet without data has nothing to act on).
 */
export function resolveMutation(
	client: SimClient,
	step: Extract<Step, { kind: 'mutate' }>
): { name: string; args: Record<string, unknown> } | undefined {
	const orders = pulled<Order>(client, 'order');
	if (orders.length === 0) return undefined;
	const [p0, p1, p2, p3, p4, p5] = step.picks;
	// Mostly open orders, so actions are often allowed; sometimes any order (closed ones reject).
	const open = orders.filter(isOpen);
	const order = pick(p0 % 5 !== 0 && open.length > 0 ? open : orders, p1);
	const line = pick(order.lines, p2);
	const orderId = order.id;
	switch (step.name) {
		case 'order.hold':
			return {
				name: step.name,
				args: { orderId, reason: pick(['address', 'payment', 'customer_request'], p3) }
			};
		case 'order.releaseHold': {
			const held = orders.filter((o) => o.hold !== null);
			return { name: step.name, args: { orderId: pick(held.length ? held : orders, p1).id } };
		}
		case 'order.setGiftMessage':
			return {
				name: step.name,
				args: { orderId, message: p3 % 4 === 0 ? '' : `Chaos ${client.clientId} #${p4}` }
			};
		case 'order.cancelLine': {
			const left = line.qtyOrdered - line.qtyShipped - line.qtyCanceled;
			return {
				name: step.name,
				args: { orderId, lineId: line.id, qty: Math.max(1, p3 % 3 === 0 ? left + 1 : left) }
			};
		}
		case 'order.cancel':
			return { name: step.name, args: { orderId, reason: 'Chaos' } };
		case 'stock.adjust': {
			const stock = pulled<StockLevel>(client, 'stock');
			const level = pick(stock, p3 + p1);
			// Mostly small corrections; sometimes nearly everything breaks, so reservations move.
			const qty = p4 % 5 === 0 ? -Math.max(1, level.physical) : (p4 % 7) - 3 || 2;
			return {
				name: step.name,
				args: {
					movementId: client.recordId('movement'),
					productId: level.productId,
					warehouseId: level.warehouseId,
					qty,
					category: qty > 0 ? 'adjustment' : pick(['adjustment', 'defective'], p5),
					comment: 'chaos'
				}
			};
		}
		case 'order.createInvoice': {
			const lines = order.lines
				.map((l) => ({ lineId: l.id, qty: l.qtyOrdered - l.qtyCanceled - l.qtyInvoiced }))
				.filter((l) => l.qty > 0);
			// One time in four a unit more than the pulled data allows.
			const chosen = lines.length ? lines : [{ lineId: line.id, qty: 1 }];
			return {
				name: step.name,
				args: {
					orderId,
					invoiceId: client.recordId('invoice'),
					lines: chosen.map((l, k) => ({ ...l, qty: l.qty + (k === 0 && p5 % 4 === 0 ? 1 : 0) }))
				}
			};
		}
		case 'order.createShipment': {
			const reserved = order.lines
				.filter((l) => l.qtyReserved > 0)
				.map((l) => ({ lineId: l.id, qty: l.qtyReserved }));
			const chosen = reserved.length ? reserved : [{ lineId: line.id, qty: 1 }];
			return {
				name: step.name,
				args: {
					orderId,
					shipmentId: client.recordId('shipment'),
					lines: chosen.map((l, k) => ({ ...l, qty: l.qty + (k === 0 && p5 % 4 === 0 ? 1 : 0) })),
					...(p4 % 2 === 0 ? { tracking: `TRK${p4}`, carrier: 'UPS' } : {})
				}
			};
		}
	}
}

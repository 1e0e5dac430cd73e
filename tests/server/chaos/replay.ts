// The oracle of the chaos test: the shared domain rules replayed on an in-memory copy of the
// seeded data, in the order the server committed the mutations, with the context the server
// gave each one. Whatever the crashes and retries did, the server must end where this ends.
import { applyMutation } from '../../../src/lib/domain/apply';
import { formatInvoiceNumber, invoiceSequence } from '../../../src/lib/domain/invoice-number';
import { MemoryReader } from '../../../src/lib/domain/testing/memory-reader';
import type {
	Movement,
	Order,
	PreparationEntry,
	Product,
	Settings,
	StockLevel,
	TimelineEvent,
	Warehouse
} from '../../../src/lib/domain/schemas';
import type { PulledState } from '../sync-client';
import type { LoggedMutation } from './server-log';
import type { SentMutation } from './sim-client';

type Plain = Record<string, unknown>;

function values<T>(state: PulledState, entity: string): T[] {
	return [...(state.records.get(entity)?.values() ?? [])] as unknown as T[];
}

/** Stock as the rules keep it: `available` is derived by the server for pull only. */
export function withoutAvailable(level: Plain): Plain {
	const { available: _available, ...rest } = level;
	return rest;
}

/** A MemoryReader holding what a pull from null returned before any mutation: the seed. */
export function readerFromPull(state: PulledState): MemoryReader {
	return new MemoryReader({
		orders: values<Order>(state, 'order'),
		products: values<Product>(state, 'product'),
		warehouses: values<Warehouse>(state, 'warehouse'),
		stock: values<Plain>(state, 'stock').map(withoutAvailable) as unknown as StockLevel[],
		preparations: values<PreparationEntry>(state, 'preparation'),
		movements: values<Movement>(state, 'movement'),
		timeline: values<TimelineEvent>(state, 'timeline'),
		...(state.records.get('settings')?.get('settings')
			? { settings: state.records.get('settings')?.get('settings') as unknown as Settings }
			: {})
	});
}

/** The last invoice number the seed used: the server's counter starts there (seed.ts). */
export function lastInvoiceNumber(reader: MemoryReader): number {
	let last = 0;
	for (const order of reader.orders.values())
		for (const invoice of order.invoices) last = Math.max(last, invoiceSequence(invoice.number));
	return last;
}

export interface ReplayOutcome {
	clientId: string;
	mutationId: number;
	name: string;
	status: 'applied' | 'rejected';
	code: string | null;
}

/** The rule's clock on the server: the client's time, never later than the receive time. */
function clamped(entry: LoggedMutation): string {
	const client = Date.parse(entry.clientTime);
	const received = Date.parse(entry.receivedAt);
	return new Date(Math.min(client, received)).toISOString();
}

/**
 * Replays the log on `reader` (changed in place); `sent` gives each mutation's arguments, which
 * the server does not store. Returns each mutation's outcome and the invoice counter after.
 */
export async function replay(
	reader: MemoryReader,
	log: LoggedMutation[],
	sent: (clientId: string, mutationId: number) => SentMutation | undefined,
	invoiceCounter: number
): Promise<{ outcomes: ReplayOutcome[]; invoiceCounter: number }> {
	const outcomes: ReplayOutcome[] = [];
	let counter = invoiceCounter;
	for (const entry of log) {
		const mutation = sent(entry.clientId, entry.mutationId);
		if (!mutation)
			throw new Error(`the server logged ${entry.clientId}:${entry.mutationId}, never sent`);
		const result = await applyMutation(reader, mutation, {
			now: clamped(entry),
			actor: mutation.actor,
			actorKind: 'user',
			clientId: entry.clientId,
			mutationId: entry.mutationId,
			assignInvoiceNumber: () => formatInvoiceNumber(++counter)
		});
		if (result.ok) reader.write(result.changes);
		outcomes.push({
			clientId: entry.clientId,
			mutationId: entry.mutationId,
			name: mutation.name,
			status: result.ok ? 'applied' : 'rejected',
			code: result.ok ? null : result.code
		});
	}
	return { outcomes, invoiceCounter: counter };
}

/** The replay's records by entity and id, shaped as a pull delivers them (JSON, no `available`). */
export function replayRecords(reader: MemoryReader): Map<string, Map<string, Plain>> {
	const json = (value: unknown) => JSON.parse(JSON.stringify(value)) as Plain;
	const byId = (list: { id: string }[]) => new Map(list.map((r) => [r.id, json(r)]));
	return new Map([
		['order', byId([...reader.orders.values()])],
		['stock', byId([...reader.stockMap.values()])],
		['movement', byId(reader.movements)],
		['timeline', byId(reader.timeline)],
		['preparation', new Map([...reader.preparations.values()].map((p) => [p.orderId, json(p)]))]
	]);
}

/** The same entities from a final pull (stock without `available`). */
export function pulledRecords(state: PulledState): Map<string, Map<string, Plain>> {
	const table = (entity: string) => state.records.get(entity) ?? new Map<string, Plain>();
	return new Map([
		['order', table('order')],
		[
			'stock',
			new Map([...table('stock')].map(([id, level]) => [id, withoutAvailable(level)] as const))
		],
		['movement', table('movement')],
		['timeline', table('timeline')],
		['preparation', table('preparation')]
	]);
}

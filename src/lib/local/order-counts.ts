// Order counts per shop, warehouse and status, kept up to date by a Dexie middleware on every
// write to the orders table, whoever writes (actions, seeding, sync). IndexedDB's count() walks
// the index, so the tab counts of 100,000 orders cost a pass over 100,000 entries on every
// refresh; these rows answer the same question with a read of a few dozen rows.
import type {
	DBCore,
	DBCoreMutateRequest,
	DBCoreMutateResponse,
	DBCoreTable,
	DBCoreTransaction,
	Middleware
} from 'dexie';
import type { OrderStatus } from '$lib/domain/schemas';

export const ORDER_COUNTS_TABLE = 'orderCounts';
const ORDERS_TABLE = 'orders';
/** DBCoreRangeType.Any (a const enum, which isolated modules cannot import). */
const RANGE_ANY = 3;

/** The warehouseId of the rows that count every order of a shop, whatever its warehouses. */
export const ANY_WAREHOUSE = '';

export interface OrderCountRow {
	/** `${shopId}\u0000${warehouseId}\u0000${status}` */
	key: string;
	shopId: string;
	/** ANY_WAREHOUSE, or a warehouse the orders have a line in (an order counts in each). */
	warehouseId: string;
	status: OrderStatus;
	count: number;
}

/** The stored order fields the counts depend on. */
interface Counted {
	shopId: string;
	status: OrderStatus;
	warehouseIds: string[];
}

export function orderCountKey(shopId: string, warehouseId: string, status: string): string {
	return `${shopId}\u0000${warehouseId}\u0000${status}`;
}

type Delta = Omit<OrderCountRow, 'key' | 'count'> & { delta: number };

class Deltas {
	readonly rows = new Map<string, Delta>();

	add(order: Counted | undefined, delta: number): void {
		if (!order) return;
		for (const warehouseId of [ANY_WAREHOUSE, ...new Set(order.warehouseIds)]) {
			const key = orderCountKey(order.shopId, warehouseId, order.status);
			const row = this.rows.get(key) ?? {
				shopId: order.shopId,
				warehouseId,
				status: order.status,
				delta: 0
			};
			row.delta += delta;
			this.rows.set(key, row);
		}
	}
}

async function writeDeltas(
	counts: DBCoreTable,
	trans: DBCoreTransaction,
	deltas: Deltas
): Promise<void> {
	const changed = [...deltas.rows].filter(([, row]) => row.delta !== 0);
	if (changed.length === 0) return;
	const keys = changed.map(([key]) => key);
	const current: (OrderCountRow | undefined)[] = await counts.getMany({ trans, keys });
	const values: OrderCountRow[] = changed.map(([key, { delta, ...row }], i) => ({
		key,
		...row,
		count: (current[i]?.count ?? 0) + delta
	}));
	await counts.mutate({ trans, type: 'put', values });
}

/** Runs one mutation of the orders table and the count changes it causes. */
async function mutateCounting(
	orders: DBCoreTable,
	counts: DBCoreTable,
	req: DBCoreMutateRequest
): Promise<DBCoreMutateResponse> {
	const { trans } = req;
	const deltas = new Deltas();
	if (req.type === 'deleteRange') {
		if (req.range.type === RANGE_ANY) {
			const res = await orders.mutate(req);
			await counts.mutate({ trans, type: 'deleteRange', range: req.range });
			return res;
		}
		const { result } = await orders.query({
			trans,
			values: true,
			query: { index: orders.schema.primaryKey, range: req.range }
		});
		for (const order of result) deltas.add(order, -1);
		const res = await orders.mutate(req);
		await writeDeltas(counts, trans, deltas);
		return res;
	}
	const extractKey = orders.schema.primaryKey.extractKey!;
	const keys = req.type === 'delete' ? req.keys : (req.keys ?? req.values.map(extractKey));
	const before: (Counted | undefined)[] = await orders.getMany({ trans, keys });
	const res = await orders.mutate(req);
	// A key may appear twice in one request: each write replaces the one before it.
	const latest = new Map<unknown, Counted | undefined>();
	keys.forEach((key, i) => {
		if (res.failures[i]) return;
		const previous = latest.has(key) ? latest.get(key) : before[i];
		const next = req.type === 'delete' ? undefined : (req.values[i] as Counted);
		deltas.add(previous, -1);
		deltas.add(next, +1);
		latest.set(key, next);
	});
	await writeDeltas(counts, trans, deltas);
	return res;
}

export function orderCountsMiddleware(): Middleware<DBCore> {
	return {
		stack: 'dbcore',
		name: 'DocksideOrderCounts',
		create(down) {
			// Writes of one transaction run one after the other: each reads the rows the previous
			// one wrote (two bulkPuts started together must not both add to the same old count).
			const queues = new WeakMap<DBCoreTransaction, Promise<unknown>>();
			return {
				transaction(stores, mode, options) {
					const scope =
						mode === 'readwrite' &&
						stores.includes(ORDERS_TABLE) &&
						!stores.includes(ORDER_COUNTS_TABLE)
							? [...stores, ORDER_COUNTS_TABLE]
							: stores;
					return down.transaction(scope, mode, options);
				},
				table(name) {
					const table = down.table(name);
					if (name !== ORDERS_TABLE) return table;
					const counts = down.table(ORDER_COUNTS_TABLE);
					return {
						...table,
						mutate(req) {
							const previous = queues.get(req.trans) ?? Promise.resolve();
							const next = previous
								.catch(() => undefined)
								.then(() => mutateCounting(table, counts, req));
							queues.set(req.trans, next);
							return next;
						}
					};
				}
			};
		}
	};
}

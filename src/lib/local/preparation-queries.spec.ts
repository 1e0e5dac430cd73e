import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { preparationTab, type PreparationTab } from '$lib/domain/preparation';
import {
	PreparationStatus,
	type Order,
	type PreparationEntry,
	type PreparationStatus as Status
} from '$lib/domain/schemas';
import { makePreparation } from '$lib/domain/testing/factories';
import { getDb, resetDb, type BaseRow } from './db';
import { DEMO_WAREHOUSE_IDS } from './demo-data';
import { performAction } from './perform';
import {
	batchCandidates,
	inProgressRows,
	matchesPreparationFilters,
	PREPARATION_TABS,
	preparationCounts,
	takeConfirmed,
	waitingOrders,
	WAITING_TABS,
	type PreparationFilters
} from './preparation-queries';
import { seedDemoData } from './seed';
import { fromStoredOrder } from './stored';

const WAREHOUSES = Object.values(DEMO_WAREHOUSE_IDS);
const SEED = 7;
const N = 300;

/** The demo orders as the database holds them after seeding (read back once). */
let orders: Order[] = [];

beforeAll(async () => {
	await resetDb();
	await seedDemoData(N, { seed: SEED });
	orders = (await getDb().orders.toArray()).map(fromStoredOrder);
});

// ---------------------------------------------------------------- brute force, written plainly

function bruteTab(
	order: Order,
	warehouseId: string,
	entries: PreparationEntry[]
): PreparationTab | null {
	return preparationTab(
		order,
		warehouseId,
		entries.find((e) => e.orderId === order.id)
	);
}

function bruteCounts(warehouseId: string, entries: PreparationEntry[], f: PreparationFilters) {
	const counts: Record<string, number> = Object.fromEntries(PREPARATION_TABS.map((t) => [t, 0]));
	for (const order of orders) {
		const tab = bruteTab(order, warehouseId, entries);
		if (tab && matchesPreparationFilters(order, f)) counts[tab] += 1;
	}
	return counts;
}

// ---------------------------------------------------------------- random entries

const ENTRY_STATUSES = PreparationStatus.options;

/** Entries for a random subset of the demo orders, in random warehouses and statuses. */
const entriesArb = fc
	.array(
		fc.record({
			index: fc.nat(),
			warehouseId: fc.constantFrom(...WAREHOUSES),
			status: fc.constantFrom<Status>(...ENTRY_STATUSES),
			operator: fc.constantFrom('ana', 'ben')
		}),
		{ maxLength: 40 }
	)
	.map((specs) => {
		const byOrder = new Map<string, PreparationEntry>();
		for (const spec of specs) {
			const order = orders[spec.index % orders.length];
			byOrder.set(
				order.id,
				makePreparation({
					orderId: order.id,
					warehouseId: spec.warehouseId,
					status: spec.status,
					operator: spec.operator,
					lines: []
				})
			);
		}
		return [...byOrder.values()];
	});

const option = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });

/** Filters drawn from values the demo orders really have (plus one that matches nothing). */
const filtersArb = fc.constant(null).chain(() => {
	const shops = [...new Set(orders.map((o) => o.shopId))];
	const methods = [...new Set(orders.map((o) => o.shippingMethod.code))];
	const countries = [...new Set(orders.map((o) => o.shippingAddress.country))];
	const days = [...new Set(orders.map((o) => o.placedAt.slice(0, 10)))].sort();
	return fc.record<PreparationFilters>({
		shopId: option(fc.constantFrom(...shops, 'no-shop')),
		shippingMethod: option(fc.constantFrom(...methods)),
		country: option(fc.constantFrom(...countries)),
		from: option(fc.constantFrom(...days)),
		to: option(fc.constantFrom(...days))
	});
});

async function storeEntries(entries: PreparationEntry[]) {
	const db = getDb();
	await db.preparations.clear();
	await db.preparations.bulkPut(entries);
}

describe('preparation tabs read through the prepKeys index agree with preparationTab', () => {
	it('the demo data fills every waiting tab of the main warehouse', async () => {
		await storeEntries([]);
		const counts = await preparationCounts(DEMO_WAREHOUSE_IDS.main);
		for (const tab of WAITING_TABS) expect(counts[tab], tab).toBeGreaterThan(0);
	});

	it('waitingOrders lists exactly the orders of the tab, oldest first, taken orders left out', async () => {
		await fc.assert(
			fc.asyncProperty(entriesArb, fc.constantFrom(...WAREHOUSES), async (entries, warehouseId) => {
				await storeEntries(entries);
				for (const tab of WAITING_TABS) {
					const expected = orders
						.filter((order) => bruteTab(order, warehouseId, entries) === tab)
						.sort((a, b) => Date.parse(a.placedAt) - Date.parse(b.placedAt))
						.map((order) => order.id);
					const listed = (await waitingOrders(warehouseId, tab)).map((order) => order.id);
					expect([...listed].sort()).toEqual([...expected].sort());
					const placed = (await waitingOrders(warehouseId, tab)).map((o) => o.placedAt);
					expect(placed).toEqual([...placed].sort());
				}
			}),
			{ numRuns: 25 }
		);
	});

	it('preparationCounts equal the tabs counted order by order, with and without filters', async () => {
		await fc.assert(
			fc.asyncProperty(
				entriesArb,
				fc.constantFrom(...WAREHOUSES),
				fc.oneof(fc.constant<PreparationFilters>({}), filtersArb),
				async (entries, warehouseId, filters) => {
					await storeEntries(entries);
					expect(await preparationCounts(warehouseId, filters)).toEqual(
						bruteCounts(warehouseId, entries, filters)
					);
				}
			),
			{ numRuns: 40 }
		);
	});

	it('inProgressRows lists every entry of the warehouse, whatever its status and operator', async () => {
		await fc.assert(
			fc.asyncProperty(entriesArb, fc.constantFrom(...WAREHOUSES), async (entries, warehouseId) => {
				await storeEntries(entries);
				const rows = await inProgressRows(warehouseId);
				const expected = entries.filter((e) => e.warehouseId === warehouseId);
				expect(rows.map((r) => r.entry.orderId).sort()).toEqual(
					expected.map((e) => e.orderId).sort()
				);
				for (const row of rows) {
					expect(row.order?.id).toBe(row.entry.orderId);
					expect(row.confirmed).toBe(true); // no pending work: every row is the server's
				}
			}),
			{ numRuns: 15 }
		);
	});

	it('batchCandidates hold every In stock and Partial order; entries decide through selectBatch', async () => {
		await fc.assert(
			fc.asyncProperty(entriesArb, fc.constantFrom(...WAREHOUSES), async (entries, warehouseId) => {
				await storeEntries(entries);
				const { orders: candidates, preparations } = await batchCandidates(warehouseId);
				expect(preparations).toHaveLength(entries.length);
				const ids = new Set(candidates.map((o) => o.id));
				for (const order of orders) {
					const untaken = preparationTab(order, warehouseId);
					expect(ids.has(order.id), order.id).toBe(untaken === 'in_stock' || untaken === 'partial');
				}
			}),
			{ numRuns: 10 }
		);
	});
});

describe('filters', () => {
	const order = () => orders[0];

	it('each filter narrows on its own field; days are inclusive UTC days', () => {
		const o = order();
		const day = o.placedAt.slice(0, 10);
		expect(matchesPreparationFilters(o, {})).toBe(true);
		expect(matchesPreparationFilters(o, { shopId: o.shopId, from: day, to: day })).toBe(true);
		expect(matchesPreparationFilters(o, { shopId: `${o.shopId}-other` })).toBe(false);
		expect(matchesPreparationFilters(o, { shippingMethod: o.shippingMethod.code })).toBe(true);
		expect(matchesPreparationFilters(o, { shippingMethod: 'nope' })).toBe(false);
		expect(matchesPreparationFilters(o, { country: o.shippingAddress.country })).toBe(true);
		expect(matchesPreparationFilters(o, { country: 'ZZ' })).toBe(false);
		const next = new Date(Date.parse(`${day}T00:00:00.000Z`) + 86_400_000)
			.toISOString()
			.slice(0, 10);
		expect(matchesPreparationFilters(o, { from: next })).toBe(false);
		expect(matchesPreparationFilters(o, { to: next })).toBe(true);
	});
});

describe('takeConfirmed', () => {
	const entry = makePreparation({ orderId: 'o-1', warehouseId: 'wh-main', operator: 'ana' });
	const base = (value: PreparationEntry | null): BaseRow => ({
		entity: 'preparation',
		id: 'o-1',
		value,
		version: 0
	});

	it('is confirmed without a base copy (the row is the server’s)', () => {
		expect(takeConfirmed(entry, undefined)).toBe(true);
	});
	it('is not confirmed while the server has no entry, a shipped one, or another operator’s', () => {
		expect(takeConfirmed(entry, base(null))).toBe(false);
		expect(takeConfirmed(entry, base({ ...entry, status: 'shipped' }))).toBe(false);
		expect(takeConfirmed(entry, base({ ...entry, operator: 'ben' }))).toBe(false);
		expect(takeConfirmed(entry, base({ ...entry, warehouseId: 'wh-lyon' }))).toBe(false);
	});
	it('stays confirmed while a later step (picked, shipped) is pending', () => {
		expect(takeConfirmed({ ...entry, status: 'picked' }, base(entry))).toBe(true);
		expect(
			takeConfirmed({ ...entry, status: 'shipped' }, base({ ...entry, status: 'packed' }))
		).toBe(true);
	});
});

describe('through performAction', () => {
	beforeEach(() => storeEntries([]));

	it('a take moves the order to In progress, unconfirmed until the server’s copy arrives', async () => {
		const warehouseId = DEMO_WAREHOUSE_IDS.main;
		const before = await preparationCounts(warehouseId);
		const [first] = await waitingOrders(warehouseId, 'in_stock');
		const result = await performAction(
			'preparation.add',
			{ warehouseId, orderIds: [first.id] },
			{ actor: 'ana' }
		);
		expect(result.ok).toBe(true);

		const after = await preparationCounts(warehouseId);
		expect(after.in_stock).toBe(before.in_stock - 1);
		expect(after.in_progress).toBe(before.in_progress + 1);
		expect((await waitingOrders(warehouseId, 'in_stock')).map((o) => o.id)).not.toContain(first.id);
		const [row] = await inProgressRows(warehouseId);
		expect(row.entry).toMatchObject({ orderId: first.id, operator: 'ana', status: 'new' });
		expect(row.confirmed).toBe(false);

		// What a pull that acknowledges the add leaves: the server's copy, no base copy.
		const db = getDb();
		await db.base.clear();
		await db.outbox.clear();
		expect((await inProgressRows(warehouseId))[0].confirmed).toBe(true);

		// Taken out again: back in its tab.
		expect((await performAction('preparation.remove', { orderId: first.id })).ok).toBe(true);
		expect(await preparationCounts(warehouseId)).toEqual(before);
		expect((await waitingOrders(warehouseId, 'in_stock')).map((o) => o.id)).toContain(first.id);
	});

	it('an order taken in another warehouse leaves this warehouse’s tabs', async () => {
		const split = orders.find(
			(o) =>
				preparationTab(o, DEMO_WAREHOUSE_IDS.main) !== null &&
				preparationTab(o, DEMO_WAREHOUSE_IDS.lyon) === 'in_stock'
		);
		if (!split) return expect.fail('the demo has no order split between main and Lyon');
		const tabMain = preparationTab(split, DEMO_WAREHOUSE_IDS.main)!;
		expect(
			(
				await performAction('preparation.add', {
					warehouseId: DEMO_WAREHOUSE_IDS.lyon,
					orderIds: [split.id]
				})
			).ok
		).toBe(true);
		if (tabMain !== 'in_progress') {
			const listed = await waitingOrders(DEMO_WAREHOUSE_IDS.main, tabMain);
			expect(listed.map((o) => o.id)).not.toContain(split.id);
		}
		expect(
			(await inProgressRows(DEMO_WAREHOUSE_IDS.main)).map((r) => r.entry.orderId)
		).not.toContain(split.id);
	});
});

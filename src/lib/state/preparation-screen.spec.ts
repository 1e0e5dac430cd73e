import fc from 'fast-check';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { selectBatch, takeRefusal, type PreparationTab } from '$lib/domain/preparation';
import type { Order, PreparationEntry, Warehouse } from '$lib/domain/schemas';
import {
	makeLine,
	makeMainWarehouse,
	makeOrder,
	makePreparation
} from '$lib/domain/testing/factories';
import type { InProgressRow, WaitingTab } from '$lib/local/preparation-queries';
import { currentActor, DEFAULT_ACTOR, OPERATOR_STORAGE_KEY } from '$lib/local/perform';
import type { PerformResult } from './action-form.svelte';
import { BatchRulesForm } from './preparation-batch.svelte';
import { checkOperatorName, saveOperatorName } from './preparation-operator';
import { PreparationScreen, type PreparationDeps } from './preparation-screen.svelte';
import { canRemove, orderEntries } from './preparation-rows';
import {
	parsePreparationQuery,
	preparationSearch,
	resolveWarehouseId,
	type PreparationQuery
} from './preparation-url';
import { fakeLive, settle } from './testing/fake-live';

const MAIN = makeMainWarehouse();
const LYON: Warehouse = { ...MAIN, id: 'wh-lyon', name: 'Lyon', isDefault: false, priority: 1 };

function ready(id: string, extra: Partial<Order> = {}): Order {
	return makeOrder({
		id,
		number: id.replace(/\D/g, '') || '1',
		lines: [makeLine({ id: `${id}-l`, qtyOrdered: 2, qtyReserved: 2 })],
		...extra
	});
}

function backordered(id: string): Order {
	return makeOrder({
		id,
		number: id.replace(/\D/g, ''),
		lines: [makeLine({ id: `${id}-l`, qtyOrdered: 2, qtyReserved: 0 })]
	});
}

interface World {
	waiting: Record<string, Order[]>;
	preparations: PreparationEntry[];
	entries: InProgressRow[];
	counts: Record<PreparationTab, number>;
	results: PerformResult[];
}

function setup(actor = 'ana') {
	const live = fakeLive();
	const world: World = {
		waiting: {},
		preparations: [],
		entries: [],
		counts: { in_stock: 0, partial: 0, backorder: 0, on_hold: 0, in_progress: 0 },
		results: []
	};
	const calls = {
		perform: [] as { name: string; args: unknown }[],
		waiting: [] as string[],
		entries: 0,
		counts: [] as unknown[]
	};
	const deps: PreparationDeps = {
		live: live.source,
		actor,
		listWarehouses: async () => [MAIN, LYON],
		listShops: async () => [{ id: 'shop-1', name: 'Shop one', platform: 'shopify' } as never],
		ordersInTab: async (warehouseId: string, tab: WaitingTab) => {
			calls.waiting.push(`${warehouseId}|${tab}`);
			return world.waiting[`${warehouseId}|${tab}`] ?? [];
		},
		listPreparations: async () => world.preparations,
		inProgressRows: async () => {
			calls.entries += 1;
			return world.entries;
		},
		preparationCounts: async (warehouseId, filters) => {
			calls.counts.push({ warehouseId, filters });
			return world.counts;
		},
		perform: async (name, args) => {
			calls.perform.push({ name, args });
			return world.results.shift() ?? { ok: true, mutationId: calls.perform.length };
		}
	};
	const screen = new PreparationScreen(deps);
	screen.start();
	return { screen, world, calls, live };
}

const query = (tab: PreparationTab, filters = {}, warehouseId = MAIN.id) => ({
	warehouseId,
	tab,
	filters
});

describe('PreparationScreen: waiting tabs', () => {
	it('shows the tab’s orders with the rule’s refusal, filtered in memory, and live counts', async () => {
		const { screen, world, calls, live } = setup();
		const a = ready('o-1');
		const b = ready('o-2', {
			shippingMethod: { code: 'dhl', label: 'DHL' },
			shippingAddress: { ...a.shippingAddress, country: 'DE' }
		});
		const back = backordered('o-3');
		world.waiting['wh-main|in_stock'] = [a, b];
		world.waiting['wh-main|backorder'] = [back];
		world.counts = { in_stock: 2, partial: 0, backorder: 1, on_hold: 0, in_progress: 0 };
		screen.setQuery(query('in_stock'));
		await settle();
		expect(screen.rows.map((r) => r.order.id)).toEqual(['o-1', 'o-2']);
		expect(screen.rows.every((r) => r.refusal === null)).toBe(true);
		expect(screen.counts?.backorder).toBe(1);
		expect(screen.methodOptions).toEqual([
			{ value: 'colissimo', label: 'Colissimo' },
			{ value: 'dhl', label: 'DHL' }
		]);
		expect(screen.countryOptions.map((o) => o.value)).toEqual(['DE', 'FR']);

		// A filter narrows the rows without reading the tab again; the counts are re-read.
		screen.setQuery(query('in_stock', { country: 'DE' }));
		await settle();
		expect(screen.rows.map((r) => r.order.id)).toEqual(['o-2']);
		expect(calls.waiting).toEqual(['wh-main|in_stock']);
		expect(calls.counts).toHaveLength(2);

		// Backorder rows carry the rule's own reason.
		screen.setQuery(query('backorder'));
		await settle();
		expect(screen.rows).toHaveLength(1);
		expect(screen.rows[0].refusal).toEqual(takeRefusal(back, MAIN, undefined, 'ana', [MAIN]));
		expect(screen.rows[0].refusal?.code).toBe('nothing_to_ship');
		expect(screen.canTake).toBe(false);
		expect(screen.selectableIds).toEqual([]);

		// Live: a change in the database shows without another setQuery.
		world.waiting['wh-main|backorder'] = [];
		world.counts = { ...world.counts, backorder: 0 };
		await live.refresh();
		expect(screen.rows).toEqual([]);
		expect(screen.counts?.backorder).toBe(0);
	});

	it('an order taken here, or live elsewhere, leaves the rows (joined from the entries)', async () => {
		const { screen, world, live } = setup();
		world.waiting['wh-main|in_stock'] = [ready('o-1'), ready('o-2'), ready('o-3'), ready('o-4')];
		screen.setQuery(query('in_stock'));
		await settle();
		expect(screen.rows).toHaveLength(4);
		world.preparations = [
			makePreparation({ orderId: 'o-1', warehouseId: 'wh-main', operator: 'ben' }),
			makePreparation({ orderId: 'o-2', warehouseId: 'wh-lyon', status: 'picked' }),
			// Shipped in another warehouse: it no longer holds the order.
			makePreparation({ orderId: 'o-3', warehouseId: 'wh-lyon', status: 'shipped' })
		];
		await live.refresh();
		expect(screen.rows.map((r) => r.order.id)).toEqual(['o-3', 'o-4']);
	});

	it('selects what can be taken and adds one preparation.add per order, keeping each refusal', async () => {
		const { screen, world, calls } = setup();
		const orders = [ready('o-1'), ready('o-2'), ready('o-3')];
		world.waiting['wh-main|in_stock'] = orders;
		screen.setQuery(query('in_stock'));
		await settle();
		screen.selectAll(true);
		expect(screen.allSelected).toBe(true);
		screen.toggle('o-2');
		expect(screen.selectedIds).toEqual(['o-1', 'o-3']);
		world.results = [
			{ ok: true, mutationId: 1 },
			{
				ok: false,
				code: 'taken_by_other',
				message: 'Order #3 is already being prepared by ben.'
			}
		];
		const outcome = await screen.addSelected();
		expect(calls.perform).toEqual([
			{ name: 'preparation.add', args: { warehouseId: 'wh-main', orderIds: ['o-1'] } },
			{ name: 'preparation.add', args: { warehouseId: 'wh-main', orderIds: ['o-3'] } }
		]);
		expect(outcome).toEqual({
			added: 1,
			refused: [
				{ orderId: 'o-3', label: 'Order #3', message: 'Order #3 is already being prepared by ben.' }
			]
		});
		expect(screen.outcome).toEqual(outcome);
		expect(screen.selectedIds).toEqual([]);
		screen.dismissOutcome();
		expect(screen.outcome).toBeNull();
	});

	it('greys out every row of a warehouse that does not ship, with the reason', async () => {
		const noShip: Warehouse = { ...LYON, fulfillment: 'none' };
		const screen = new PreparationScreen({
			live: fakeLive().source,
			actor: 'ana',
			listWarehouses: async () => [MAIN, noShip],
			listShops: async () => [],
			ordersInTab: async () => [ready('o-9')],
			listPreparations: async () => [],
			inProgressRows: async () => [],
			preparationCounts: async () => ({
				in_stock: 1,
				partial: 0,
				backorder: 0,
				on_hold: 0,
				in_progress: 0
			}),
			perform: async () => ({ ok: true, mutationId: 1 })
		});
		screen.start();
		screen.setQuery(query('in_stock', {}, 'wh-lyon'));
		await settle();
		expect(screen.rows[0].refusal?.code).toBe('warehouse_cannot_ship');
		expect(screen.rows[0].refusal?.message).toContain('Lyon');
		expect(screen.selectableIds).toEqual([]);
	});

	it('a new tab or warehouse clears the selection and the last outcome', async () => {
		const { screen, world } = setup();
		world.waiting['wh-main|in_stock'] = [ready('o-1')];
		screen.setQuery(query('in_stock'));
		await settle();
		screen.toggle('o-1');
		expect(screen.isSelected('o-1')).toBe(true);
		screen.setQuery(query('partial'));
		await settle();
		expect(screen.isSelected('o-1')).toBe(false);
	});
});

describe('PreparationScreen: In progress', () => {
	const row = (entry: Partial<PreparationEntry>, confirmed = true): InProgressRow => {
		const order = ready(entry.orderId!);
		return { entry: makePreparation({ warehouseId: 'wh-main', ...entry }), order, confirmed };
	};

	it('lists mine first, then others by operator, with Remove only before packing', async () => {
		const { screen, world, calls, live } = setup('ana');
		world.entries = [
			row({ orderId: 'o-1', operator: 'zoe' }),
			row({ orderId: 'o-2', operator: 'ana', status: 'packed' }),
			row({ orderId: 'o-3', operator: 'ben', status: 'shipped' }),
			row({ orderId: 'o-4', operator: 'ana' }, false)
		];
		screen.setQuery(query('in_progress'));
		await settle();
		expect(screen.entries.map((r) => [r.entry.orderId, r.mine, r.confirmed])).toEqual([
			['o-2', true, true],
			['o-4', true, false],
			['o-3', false, true],
			['o-1', false, true]
		]);
		expect(screen.shippedCount).toBe(1);
		expect(calls.entries).toBe(1);
		expect(calls.waiting).toEqual([]);

		// Filters apply to In progress too; an entry whose order is missing matches none.
		const original = world.entries;
		world.entries = [
			...world.entries,
			{
				entry: makePreparation({ orderId: 'o-gone', operator: 'ana' }),
				order: undefined,
				confirmed: true
			}
		];
		await live.refresh();
		expect(screen.entries.map((r) => r.entry.orderId)).toContain('o-gone');
		world.entries[0] = {
			...world.entries[0],
			order: ready('o-1', {
				shippingAddress: { ...ready('o-x').shippingAddress, country: 'DE' }
			})
		};
		await live.refresh();
		screen.setQuery(query('in_progress', { country: 'DE' }));
		expect(screen.entries.map((r) => r.entry.orderId)).toEqual(['o-1']);
		screen.setQuery(query('in_progress'));
		world.entries = original;
		await live.refresh();
		expect(screen.entries.map((r) => canRemove(r.entry))).toEqual([false, true, false, true]);

		await screen.remove('o-4');
		await screen.flush();
		expect(calls.perform).toEqual([
			{ name: 'preparation.remove', args: { orderId: 'o-4' } },
			{ name: 'preparation.flush', args: { warehouseId: 'wh-main' } }
		]);
	});

	it('orderEntries keeps the taking order within each operator', () => {
		fc.assert(
			fc.property(fc.array(fc.constantFrom('ana', 'ben', 'cy'), { maxLength: 12 }), (operators) => {
				const rows = operators.map((operator, i) =>
					row({ orderId: `o-${i}`, operator, takenAt: `2026-01-0${1 + (i % 9)}T00:00:00Z` })
				);
				const sorted = orderEntries(rows, 'ben');
				expect(sorted).toHaveLength(rows.length);
				const mine = sorted.filter((r) => r.mine);
				expect(sorted.slice(0, mine.length).every((r) => r.mine)).toBe(true);
				const others = sorted.slice(mine.length).map((r) => r.entry.operator);
				expect(others).toEqual([...others].sort());
				for (const op of ['ana', 'ben', 'cy']) {
					const ids = sorted.filter((r) => r.entry.operator === op).map((r) => r.entry.orderId);
					const original = rows.filter((r) => r.entry.operator === op).map((r) => r.entry.orderId);
					expect(ids).toEqual(original);
				}
			})
		);
	});
});

describe('preparation URL', () => {
	const filtersArb = fc.record(
		{
			shopId: fc.constantFrom('shop-1', 'shop 2'),
			shippingMethod: fc.constantFrom('dhl', 'colissimo'),
			country: fc.constantFrom('FR', 'DE'),
			from: fc.constantFrom('2026-01-01', '2026-02-28'),
			to: fc.constantFrom('2026-03-01')
		},
		{ requiredKeys: [] }
	);

	it('reads back what it writes', () => {
		fc.assert(
			fc.property(
				fc.constantFrom<PreparationTab>(
					'in_stock',
					'partial',
					'backorder',
					'on_hold',
					'in_progress'
				),
				fc.option(fc.constantFrom('wh-main', 'wh lyon'), { nil: undefined }),
				filtersArb,
				(tab, warehouseId, filters) => {
					const q: PreparationQuery = { tab, filters, ...(warehouseId ? { warehouseId } : {}) };
					const search = preparationSearch(q);
					expect(parsePreparationQuery(new URLSearchParams(search))).toEqual(q);
				}
			)
		);
	});

	it('falls back on unknown tabs and malformed days', () => {
		expect(
			parsePreparationQuery(new URLSearchParams('tab=nope&from=yesterday&country=fr'))
		).toEqual({ tab: 'in_stock', filters: { country: 'FR' } });
	});

	it('resolves the warehouse: URL, else remembered, else default, else first', () => {
		const ws = [LYON, MAIN];
		expect(resolveWarehouseId('wh-lyon', 'wh-main', ws)).toBe('wh-lyon');
		expect(resolveWarehouseId('gone', 'wh-lyon', ws)).toBe('wh-lyon');
		expect(resolveWarehouseId(undefined, 'gone', ws)).toBe('wh-main');
		expect(resolveWarehouseId(undefined, null, [LYON])).toBe('wh-lyon');
		expect(resolveWarehouseId(undefined, null, [])).toBeUndefined();
	});
});

describe('BatchRulesForm', () => {
	const orders = [
		ready('o-1', { placedAt: '2026-01-03T00:00:00Z', shopId: 'shop-1' }),
		ready('o-2', { placedAt: '2026-01-01T00:00:00Z', shopId: 'shop-2' }),
		makeOrder({
			id: 'o-3',
			number: '3',
			placedAt: '2026-01-02T00:00:00Z',
			lines: [makeLine({ id: 'o-3-l', qtyOrdered: 5, qtyReserved: 3 })]
		}),
		backordered('o-4')
	];
	const taken = [makePreparation({ orderId: 'o-1', operator: 'ben' })];

	function form() {
		const added: string[][] = [];
		const f = new BatchRulesForm({
			warehouseId: 'wh-main',
			loadCandidates: async () => ({ orders, preparations: taken }),
			addOrders: async (ids) => added.push(ids)
		});
		return { f, added };
	}

	it('matches what selectBatch takes, and adds exactly those', async () => {
		const { f, added } = form();
		await f.load();
		expect(f.matches.map((o) => o.id)).toEqual(['o-2', 'o-3']);
		f.countMode = 'exact';
		f.exact = '3';
		expect(f.rules?.productCount).toBe(3);
		expect(f.matches.map((o) => o.id)).toEqual(
			selectBatch(orders, f.rules!, taken).map((o) => o.id)
		);
		expect(f.matches.map((o) => o.id)).toEqual(['o-3']);
		f.countMode = 'range';
		f.min = '1';
		f.max = '2';
		expect(f.matches.map((o) => o.id)).toEqual(['o-2']);
		f.countMode = 'any';
		f.shopId = 'shop-2';
		expect(f.matches.map((o) => o.id)).toEqual(['o-2']);
		f.shopId = '';
		f.maxOrders = '1';
		expect(f.matches.map((o) => o.id)).toEqual(['o-2']);
		await f.add();
		expect(added).toEqual([['o-2']]);
	});

	it('says what is wrong instead of matching', async () => {
		const { f } = form();
		await f.load();
		f.maxOrders = '0';
		expect(f.rules).toBeNull();
		expect(f.error).toMatch(/Max orders/);
		expect(f.matches).toEqual([]);
		f.maxOrders = '10';
		f.countMode = 'range';
		f.min = '4';
		f.max = '2';
		expect(f.error).toMatch(/minimum is above/);
		f.countMode = 'exact';
		f.exact = 'two';
		expect(f.error).toMatch(/whole number/);
	});
});

describe('currentActor', () => {
	afterEach(() => vi.unstubAllGlobals());

	it('is the tablet’s operator name when set, else the default actor', () => {
		const store = new Map<string, string>();
		vi.stubGlobal('localStorage', {
			getItem: (key: string) => store.get(key) ?? null,
			setItem: (key: string, value: string) => store.set(key, value)
		});
		expect(currentActor()).toBe(DEFAULT_ACTOR);
		store.set(OPERATOR_STORAGE_KEY, '  Ana  ');
		expect(currentActor()).toBe('Ana');
		store.set(OPERATOR_STORAGE_KEY, '   ');
		expect(currentActor()).toBe(DEFAULT_ACTOR);
	});

	it('the operator dialog stores a checked name, and blank goes back to the default', () => {
		const store = new Map<string, string>();
		vi.stubGlobal('localStorage', {
			getItem: (key: string) => store.get(key) ?? null,
			setItem: (key: string, value: string) => store.set(key, value),
			removeItem: (key: string) => store.delete(key)
		});
		expect(checkOperatorName('x'.repeat(101))).toHaveProperty('error');
		const checked = checkOperatorName('  Ben ');
		expect(checked).toEqual({ name: 'Ben' });
		expect(saveOperatorName('Ben')).toBe(true);
		expect(currentActor()).toBe('Ben');
		expect(saveOperatorName('')).toBe(true);
		expect(currentActor()).toBe(DEFAULT_ACTOR);
	});
});

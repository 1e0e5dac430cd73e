import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { makeOrder } from '$lib/domain/testing/factories';
import { ORDER_STATUSES, type Order, type OrderStatus } from '$lib/domain/schemas';
import type { OrderListQuery, OrderTab } from '$lib/local/queries';
import { FIRST_PAGE, JUMP_SETTLE_MS, OrderList, type OrderListDeps } from './order-list.svelte';
import { fakeLive, settle } from './testing/fake-live';

/**
 * Fake reads over an array. Paging follows the real rule's shape: a search or a warehouse needs
 * the id list, a search also slow counts. A held call waits until released.
 */
function setup(orders: Order[]) {
	const live = fakeLive();
	const calls: string[] = [];
	const held = new Map<string, () => void>();
	const holding = new Set<string>();
	const signals: AbortSignal[] = [];
	let byId = new Map(orders.map((order) => [order.id, order]));
	const all = () => [...byId.values()];
	const matching = (q: OrderListQuery) =>
		all().filter(
			(order) =>
				(q.tab === 'all' || order.status === q.tab) &&
				(!q.search || order.number.startsWith(q.search))
		);
	const gate = async (call: string) => {
		calls.push(call);
		if (holding.has(call)) await new Promise<void>((resolve) => held.set(call, resolve));
	};
	const deps: OrderListDeps = {
		live: live.source,
		paging: (q) => ({
			byIndex: !q.search && !q.warehouseId,
			counted: !q.search
		}),
		async listOrderPage(q, offset, limit) {
			await gate(`page:${q.tab}:${offset}:${limit}`);
			return matching(q).slice(offset, offset + limit);
		},
		async listOrderPageFrom(q, anchor, direction, limit, skip = 0) {
			await gate(`from:${q.tab}:${direction}:${anchor.id}:${limit}${skip ? `+${skip}` : ''}`);
			const list = matching(q);
			const at = list.findIndex((order) => order.id === anchor.id);
			if (at < 0) return [];
			if (direction === 'before') {
				const end = Math.max(0, at - skip);
				return list.slice(Math.max(0, end - limit), end);
			}
			const first = (direction === 'after' ? at + 1 : at) + skip;
			return list.slice(first, first + limit);
		},
		async listOrderPageFromEnd(q, fromEnd, limit) {
			await gate(`end:${q.tab}:${fromEnd}:${limit}`);
			const list = matching(q);
			const end = Math.max(0, list.length - fromEnd);
			return list.slice(Math.max(0, end - limit), end);
		},
		async listOrderKeys(q, signal) {
			if (signal) signals.push(signal);
			await gate(`keys:${q.tab}`);
			signal?.throwIfAborted();
			return matching(q).map((order) => order.id);
		},
		async getOrders(ids) {
			await gate(`get:${ids.length}`);
			return ids.map((id) => byId.get(id));
		},
		async countByTab(q) {
			await gate('counts');
			const list = matching({ ...q, tab: 'all' });
			const counts: Partial<Record<OrderTab, number>> = { all: list.length };
			for (const status of ORDER_STATUSES) {
				counts[status] = list.filter((order) => order.status === status).length;
			}
			return counts;
		},
		listShops: async () => [{ id: 'shop-1', name: 'Demo shop', platform: 'shopify' }],
		listWarehouses: async () => []
	};
	return {
		live,
		calls,
		deps,
		signals,
		hold: (call: string) => holding.add(call),
		release(call: string) {
			holding.delete(call);
			held.get(call)?.();
			held.delete(call);
		},
		/** Replaces the stored orders, as a sync pull would, and lets live reads re-run. */
		async write(next: Order[]) {
			byId = new Map(next.map((order) => [order.id, order]));
			await live.refresh();
			await settle();
		}
	};
}

const STATUS_CYCLE: OrderStatus[] = ['processing', 'pending', 'complete'];

const many = (n: number) =>
	Array.from({ length: n }, (_, i) =>
		makeOrder({ id: `o${i}`, number: `${10_000 + i}`, status: STATUS_CYCLE[i % 3] })
	);

const reads = (calls: string[], prefix: string) => calls.filter((call) => call.startsWith(prefix));

describe('OrderList paged by index', () => {
	it('paints the first page, then takes its size from the counts and reads no ids', async () => {
		const t = setup(many(300));
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		expect(t.calls).toEqual(['page:all:0:50']);
		await settle();
		expect(list.pagedByIndex).toBe(true);
		expect(list.rowAt(0)?.number).toBe('10000');
		expect(list.total).toBe(300);
		expect(list.keysLoaded).toBe(false);
		expect(t.calls).toEqual(['page:all:0:50', 'counts']);
	});

	it('keeps the last tab on screen until the next one’s rows are in, then swaps rows and size at once', async () => {
		const t = setup(many(300));
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		t.hold('page:complete:0:50');
		let shown = 0;
		list.setQuery({ tab: 'complete', sort: 'date_desc' }, () => shown++);
		await settle();
		// The new tab is selected; its first page is still being read: the old list stays.
		expect(list.query?.tab).toBe('complete');
		expect(list.shownQuery?.tab).toBe('all');
		expect(list.total).toBe(300);
		expect(list.rowAt(0)?.id).toBe('o0');
		expect(shown).toBe(0);
		t.release('page:complete:0:50');
		await settle();
		expect(list.shownQuery?.tab).toBe('complete');
		expect(list.total).toBe(100);
		expect(list.rowAt(0)?.id).toBe('o2');
		expect(list.rowAt(1)?.id).toBe('o5');
		expect(shown).toBe(1);
		// Its size came from the counts on hand: not read again, and no ids read.
		expect(reads(t.calls, 'counts')).toHaveLength(1);
		expect(reads(t.calls, 'keys')).toEqual([]);
		// A live refresh of the same list does not call onShown again.
		await t.live.refresh();
		expect(shown).toBe(1);
	});

	it('does not take counts of other filters for the size', async () => {
		const t = setup(many(300));
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		t.hold('counts');
		list.setQuery({ tab: 'all', sort: 'date_desc', shopId: 'shop-2' });
		await settle();
		// New filters: the old counts do not apply, the list is as long as what it has read.
		expect(list.total).toBe(FIRST_PAGE);
		t.release('counts');
		await settle();
		expect(list.total).toBe(300);
	});

	it('reads only the window on screen, one read per new block', async () => {
		const t = setup(many(1000));
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		// Rows inside the first page read nothing more.
		list.setRange({ start: 3, end: 20 });
		await settle();
		expect(t.calls).toEqual(['page:all:0:50', 'counts']);
		list.setRange({ start: 510, end: 530 });
		await settle();
		expect(list.rowAt(515)?.id).toBe('o515');
		expect(list.rowAt(700)).toBeUndefined();
		expect(list.rowAt(10)?.id).toBe('o10');
		// Scrolling inside the same block reads nothing more; across a block edge, both blocks.
		list.setRange({ start: 512, end: 532 });
		await settle();
		list.setRange({ start: 540, end: 560 });
		await settle();
		expect(list.rowAt(555)?.id).toBe('o555');
		expect(t.calls.slice(2)).toEqual([
			// Rows 500–549: 450 rows past the first page's last row (as close as the end).
			'from:all:after:o49:50+450',
			// Rows 500–599: from the first row on screen.
			'from:all:from:o500:100'
		]);
	});

	it('scrolls on from the rows it has (keyset), and jumps from the nearest end', async () => {
		const t = setup(many(1000));
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		list.setRange({ start: 45, end: 60 });
		await settle();
		list.setRange({ start: 95, end: 110 });
		await settle();
		expect(list.rowAt(105)?.id).toBe('o105');
		// A jump near the end: counted from the end, not walked from the top.
		list.setRange({ start: 700, end: 715 });
		await settle();
		expect(list.rowAt(710)?.id).toBe('o710');
		// Up from there, into the block above that holds the rows on screen.
		list.setRange({ start: 690, end: 705 });
		await settle();
		expect(list.rowAt(660)?.id).toBe('o660');
		expect(list.rowAt(690)?.id).toBe('o690');
		expect(list.rowAt(749)?.id).toBe('o749');
		expect(t.calls.slice(2)).toEqual([
			// Rows 0–99: the first row is on screen already.
			'from:all:from:o0:100',
			// Rows 50–149: after the first page's last row.
			'from:all:after:o49:100',
			// Rows 700–749: 250 rows from the end.
			'end:all:250:50',
			// Rows 650–749: before and from the first row on screen.
			'from:all:before:o700:50',
			'from:all:from:o700:50'
		]);
	});

	it('reads a far jump only once the scrolling stops there', async () => {
		const t = setup(many(6000));
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		// Dragging the scroll bar: each position is farther than LONG_WALK from any row read.
		for (const start of [2600, 2900, 3300]) {
			list.setRange({ start, end: start + 12 });
			await settle();
		}
		expect(t.calls).toEqual(['page:all:0:50', 'counts']);
		expect(list.rowAt(3305)).toBeUndefined();
		await new Promise((resolve) => setTimeout(resolve, JUMP_SETTLE_MS + 30));
		await settle();
		expect(t.calls.slice(2)).toEqual(['end:all:2650:50']);
		expect(list.rowAt(3305)?.id).toBe('o3305');
		// A short scroll on from there is read at once.
		list.setRange({ start: 3345, end: 3357 });
		await settle();
		expect(list.rowAt(3355)?.id).toBe('o3355');
		expect(t.calls.slice(3)).toEqual(['from:all:from:o3300:100']);
	});

	it('drops a far jump still waiting when the tab changes', async () => {
		const t = setup(many(6000));
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		list.setRange({ start: 2600, end: 2612 });
		await settle();
		list.setQuery({ tab: 'pending', sort: 'date_desc' });
		await new Promise((resolve) => setTimeout(resolve, JUMP_SETTLE_MS + 30));
		expect(t.calls).toEqual(['page:all:0:50', 'counts', 'page:pending:0:50']);
		expect(list.rowAt(0)?.status).toBe('pending');
	});

	it('refreshes the rows on screen after a change, in the first page and in a window', async () => {
		const orders = many(300);
		const t = setup(orders);
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		list.setRange({ start: 200, end: 210 });
		await settle();
		const changed = orders.map((order) =>
			order.id === 'o1' || order.id === 'o205' ? { ...order, status: 'on_hold' as const } : order
		);
		await t.write(changed);
		expect(list.rowAt(1)?.status).toBe('on_hold');
		expect(list.rowAt(205)?.status).toBe('on_hold');
		expect(list.counts?.on_hold).toBe(2);
	});

	it('never shows a late answer of the tab it left', async () => {
		const t = setup(many(300));
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		list.setRange({ start: 100, end: 110 });
		t.hold('page:all:100:50');
		await settle();
		list.setQuery({ tab: 'pending', sort: 'date_desc' });
		await settle();
		expect(list.rowAt(0)?.status).toBe('pending');
		t.release('page:all:100:50');
		await settle();
		// The window of "all" answered after the tab changed: not shown at position 100.
		expect(list.rowAt(100)).toBeUndefined();
		expect(list.rowAt(0)?.status).toBe('pending');
	});

	it('rows on screen always equal the list, for any size, tab and scroll path', async () => {
		await fc.assert(
			fc.asyncProperty(
				fc.integer({ min: 0, max: 400 }),
				fc.constantFrom<OrderTab>('all', ...STATUS_CYCLE, 'canceled'),
				// Scroll moves: by a little (up or down), or a jump.
				fc.array(
					fc.oneof(
						fc.record({ by: fc.integer({ min: -70, max: 70 }) }),
						fc.record({ to: fc.nat(400) })
					),
					{ minLength: 1, maxLength: 8 }
				),
				fc.integer({ min: 1, max: 30 }),
				fc.option(fc.constantFrom('100', '1001', '9'), { nil: undefined }),
				async (size, tab, path, rows, search) => {
					const orders = many(size);
					const t = setup(orders);
					const list = new OrderList(t.deps);
					list.setQuery({ tab, sort: 'date_desc', search });
					await settle();
					await settle();
					const expected = orders.filter(
						(o) => (tab === 'all' || o.status === tab) && (!search || o.number.startsWith(search))
					);
					expect(list.total).toBe(expected.length);
					// Keyset reads, split reads and offsets alike.
					let at = 0;
					for (const move of path) {
						at = Math.max(0, 'to' in move ? move.to : at + move.by);
						const start = Math.min(at, expected.length);
						const end = Math.min(start + rows, expected.length);
						list.setRange({ start, end });
						await settle();
						for (let i = start; i < end; i++) expect(list.rowAt(i)?.id).toBe(expected[i].id);
					}
					list.stop();
					expect(t.live.open).toBe(0);
				}
			),
			{ numRuns: 120 }
		);
	});
});

describe('OrderList with an id list (search, warehouse)', () => {
	it('reads the ids after the first page, then the window, and slow counts last', async () => {
		const t = setup(many(300));
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc', search: '1010' });
		await settle();
		expect(list.pagedByIndex).toBe(false);
		expect(t.calls).toEqual(['page:all:0:50', 'keys:all', 'get:10', 'counts']);
		expect(list.total).toBe(10);
		expect(list.idAt(3)).toBe('o103');
	});

	it('paints the first page before the ids, sized by cheap counts meanwhile', async () => {
		const t = setup(many(120));
		t.hold('keys:all');
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc', warehouseId: 'wh-1' });
		await settle();
		expect(list.keysLoaded).toBe(false);
		expect(list.rowAt(0)?.number).toBe('10000');
		expect(list.total).toBe(120);
		expect(list.rowAt(FIRST_PAGE)).toBeUndefined();
		expect(t.calls).toEqual(['page:all:0:50', 'counts', 'keys:all']);
		t.release('keys:all');
		await settle();
		expect(list.keysLoaded).toBe(true);
		list.setRange({ start: 60, end: 70 });
		await settle();
		expect(list.rowAt(65)?.id).toBe('o65');
	});

	it('aborts the id read of the list it leaves, and paints the next one without it', async () => {
		const t = setup(many(300));
		t.hold('keys:all');
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc', search: '10' });
		await settle();
		expect(t.signals).toHaveLength(1);
		expect(t.signals[0].aborted).toBe(false);
		list.setQuery({ tab: 'complete', sort: 'date_desc' });
		expect(t.signals[0].aborted).toBe(true);
		await settle();
		expect(list.rowAt(0)?.status).toBe('complete');
		t.release('keys:all');
		await settle();
		expect(list.keysLoaded).toBe(false);
		expect(list.error).toBeNull();
		expect(list.total).toBe(100);
	});
});

describe('OrderList life cycle', () => {
	it('does not ask again for the same query', async () => {
		const t = setup(many(5));
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		list.setQuery({ tab: 'canceled', sort: 'date_desc' });
		await settle();
		expect(reads(t.calls, 'counts')).toHaveLength(1);
		expect(reads(t.calls, 'page:')).toEqual(['page:all:0:50', 'page:canceled:0:50']);
		expect(list.empty).toBe(true);
		list.setQuery({ tab: 'canceled', sort: 'date_desc', search: 'ann' });
		await settle();
		expect(reads(t.calls, 'counts')).toHaveLength(2);
	});

	it('names shops and stops every live read', async () => {
		const t = setup(many(2));
		const list = new OrderList(t.deps);
		list.start();
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		expect(list.shopName('shop-1')).toBe('Demo shop');
		expect(list.shopName('unknown')).toBe('unknown');
		expect(t.live.open).toBeGreaterThan(0);
		list.stop();
		expect(t.live.open).toBe(0);
	});

	it('pauses its big reads behind the order view and catches up on resume', async () => {
		const orders = many(300);
		const t = setup(orders);
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		list.setRange({ start: 100, end: 110 });
		await settle();
		const openBefore = t.live.open;
		list.pause();
		// Only the first page stays live; the size and the rows on screen stay (scroll position).
		expect(t.live.open).toBe(1);
		expect(list.total).toBe(300);
		expect(list.rowAt(105)?.id).toBe('o105');
		t.calls.length = 0;
		await t.live.refresh();
		expect(t.calls).toEqual(['page:all:0:50']);
		// Scrolling behind the dialog (a resize) reads no rows either.
		list.setRange({ start: 120, end: 140 });
		await settle();
		expect(t.calls).toEqual(['page:all:0:50']);
		// A tab chosen while paused paints its first page, nothing more.
		list.setQuery({ tab: 'processing', sort: 'date_desc' });
		await settle();
		expect(t.calls).toEqual(['page:all:0:50', 'page:processing:0:50']);
		expect(list.rowAt(0)?.status).toBe('processing');
		list.setRange({ start: 60, end: 70 });
		list.resume();
		await settle();
		// Counts too: actions taken in the order view may have moved orders between tabs.
		expect(t.calls.slice(2)).toEqual(['counts', 'from:processing:after:o147:50']);
		expect(t.live.open).toBe(openBefore);
		expect(list.total).toBe(100);
		expect(list.rowAt(65)?.status).toBe('processing');
	});
});

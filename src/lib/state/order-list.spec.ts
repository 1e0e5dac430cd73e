import { describe, expect, it } from 'vitest';
import { makeOrder } from '$lib/domain/testing/factories';
import type { Order } from '$lib/domain/schemas';
import type { OrderListQuery } from '$lib/local/queries';
import { FIRST_PAGE, OrderList, type OrderListDeps } from './order-list.svelte';
import { fakeLive, settle } from './testing/fake-live';

function setup(orders: Order[]) {
	const live = fakeLive();
	const calls: string[] = [];
	let releaseKeys: () => void = () => {};
	const keysGate = { hold: false };
	const byId = new Map(orders.map((order) => [order.id, order]));
	const matching = (q: OrderListQuery) =>
		orders.filter((order) => q.tab === 'all' || order.status === q.tab);
	const deps: OrderListDeps = {
		live: live.source,
		async listOrderPage(q, offset, limit) {
			calls.push(`page:${q.tab}:${offset}:${limit}`);
			return matching(q).slice(offset, offset + limit);
		},
		async listOrderKeys(q) {
			calls.push(`keys:${q.tab}`);
			if (keysGate.hold) await new Promise<void>((resolve) => (releaseKeys = resolve));
			return matching(q).map((order) => order.id);
		},
		async getOrders(ids) {
			calls.push(`get:${ids.length}`);
			return ids.map((id) => byId.get(id));
		},
		async countByTab() {
			calls.push('counts');
			return { all: orders.length };
		},
		listShops: async () => [{ id: 'shop-1', name: 'Demo shop', platform: 'shopify' }],
		listWarehouses: async () => []
	};
	return { live, calls, deps, keysGate, releaseKeys: () => releaseKeys(), byId };
}

const many = (n: number) =>
	Array.from({ length: n }, (_, i) => makeOrder({ id: `o${i}`, number: `${10_000 + i}` }));

describe('OrderList', () => {
	it('paints the first page before the id list arrives', async () => {
		const t = setup(many(120));
		t.keysGate.hold = true;
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		expect(list.keysLoaded).toBe(false);
		expect(list.total).toBe(FIRST_PAGE);
		expect(list.rowAt(0)?.number).toBe('10000');
		expect(list.rowAt(FIRST_PAGE)).toBeUndefined();
		t.releaseKeys();
		await settle();
		expect(list.keysLoaded).toBe(true);
		expect(list.total).toBe(120);
	});

	it('reads only the block of rows on screen', async () => {
		const t = setup(many(1000));
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		list.setRange({ start: 510, end: 530 });
		await settle();
		expect(list.rowAt(515)?.id).toBe('o515');
		expect(list.rowAt(700)).toBeUndefined();
		expect(list.idAt(700)).toBe('o700');
		// One block of 50 for the first screen, one for rows 500–549.
		expect(t.calls.filter((call) => call.startsWith('get:'))).toEqual(['get:50', 'get:50']);
		// Scrolling inside the same block reads nothing more.
		list.setRange({ start: 512, end: 532 });
		await settle();
		expect(t.calls.filter((call) => call.startsWith('get:'))).toHaveLength(2);
	});

	it('refreshes what is on screen after a change', async () => {
		const orders = many(3);
		const t = setup(orders);
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		t.byId.set('o1', { ...orders[1], status: 'on_hold' });
		await t.live.refresh();
		expect(list.rowAt(1)?.status).toBe('on_hold');
	});

	it('does not ask again for the same query, and keeps counts across tabs', async () => {
		const t = setup(many(5));
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		list.setQuery({ tab: 'pending', sort: 'date_desc' });
		await settle();
		expect(t.calls.filter((call) => call === 'counts')).toHaveLength(1);
		expect(t.calls.filter((call) => call.startsWith('page:'))).toEqual([
			'page:all:0:50',
			'page:pending:0:50'
		]);
		expect(list.empty).toBe(true);
		list.setQuery({ tab: 'pending', sort: 'date_desc', search: 'ann' });
		await settle();
		expect(t.calls.filter((call) => call === 'counts')).toHaveLength(2);
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

	it('asks for the ids after the first page answered, and the counts last', async () => {
		const t = setup(many(10));
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		expect(t.calls).toEqual(['page:all:0:50']);
		await settle();
		expect(t.calls).toEqual(['page:all:0:50', 'keys:all', 'get:10', 'counts']);
	});

	it('pauses its big reads behind the order view and catches up on resume', async () => {
		const orders = many(200);
		const t = setup(orders);
		const list = new OrderList(t.deps);
		list.setQuery({ tab: 'all', sort: 'date_desc' });
		await settle();
		const openBefore = t.live.open;
		list.pause();
		// Only the first page stays live.
		expect(t.live.open).toBe(1);
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
		list.resume();
		await settle();
		// Counts too: actions taken in the order view may have moved orders between tabs.
		expect(t.calls.slice(2)).toEqual(['keys:processing', 'get:50', 'counts']);
		expect(t.live.open).toBe(openBefore);
		expect(list.total).toBe(200);
	});
});

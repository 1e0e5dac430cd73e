import { describe, expect, it } from 'vitest';
import { pickingListPdf } from '$lib/documents/picking-list';
import { diskAssets } from '$lib/documents/testing/assets';
import { inspectPdf } from '$lib/documents/testing/inspect';
import { stockId, type Order, type PreparationEntry } from '$lib/domain/schemas';
import {
	makeLine,
	makeMainWarehouse,
	makeOrder,
	makePreparation,
	makeProduct,
	makeSettings,
	makeStock
} from '$lib/domain/testing/factories';
import type { PerformResult } from './action-form.svelte';
import { PickList, pickRowKey, type PickListDeps } from './pick-list.svelte';
import { fakeLive, settle } from './testing/fake-live';

const products = [
	makeProduct({ id: 'p-a10', sku: 'CAP', name: 'Cap', barcodes: ['4000000000010'] }),
	makeProduct({ id: 'p-a2', sku: 'MUG', name: 'Mug', barcodes: ['4000000000027'] }),
	makeProduct({ id: 'p-b1', sku: 'TEE', name: 'Tee' }),
	makeProduct({ id: 'p-none', sku: 'BAG', name: 'Bag' })
];
const location: Record<string, string> = { 'p-a10': 'A10', 'p-a2': 'a2', 'p-b1': 'B1' };
const stockLevels = products.map((p) =>
	makeStock({ productId: p.id, physical: 10, location: location[p.id] ?? '' })
);

function order(id: string, number: string, lines: [string, number][]): Order {
	return makeOrder({
		id,
		number,
		lines: lines.map(([productId, qty], i) =>
			makeLine({
				id: `${id}-l${i}`,
				productId,
				sku: products.find((p) => p.id === productId)!.sku,
				qtyOrdered: qty,
				qtyReserved: qty
			})
		)
	});
}

const ORDERS = [
	order('o1', '1001', [
		['p-none', 1],
		['p-a10', 2],
		['p-b1', 1]
	]),
	order('o2', '1002', [
		['p-a10', 1],
		['p-a2', 3]
	])
];
const entry = (o: Order, takenAt: string): PreparationEntry =>
	makePreparation({
		orderId: o.id,
		operator: 'me',
		takenAt,
		lines: o.lines.map((l) => ({ lineId: l.id, qty: l.qtyOrdered }))
	});
const BATCH = [
	{ entry: entry(ORDERS[0], '2026-01-05T10:00:00.000Z'), order: ORDERS[0] },
	{ entry: entry(ORDERS[1], '2026-01-05T10:01:00.000Z'), order: ORDERS[1] }
];

function setup(answers: PerformResult[] = []) {
	const live = fakeLive();
	const performed: [string, unknown][] = [];
	const saved: { bytes: Uint8Array; filename: string }[] = [];
	const deps: PickListDeps = {
		live: live.source,
		pickData: async () => ({ batch: BATCH, products, stockLevels }),
		listWarehouses: async () => [makeMainWarehouse({ name: 'Main' })],
		getSettings: async () => makeSettings(),
		perform: async (name, args) => {
			performed.push([name, args]);
			return answers.shift() ?? { ok: true, mutationId: 1 };
		},
		buildPdf: (batch, settings) => pickingListPdf(batch, diskAssets(), settings),
		save: (bytes, filename) => saved.push({ bytes, filename }),
		now: () => new Date('2026-01-06T08:00:00.000Z')
	};
	return { deps, performed, saved };
}

async function started(t: ReturnType<typeof setup>) {
	const view = new PickList('wh-main', 'me', t.deps);
	view.start();
	await settle();
	return view;
}

describe('PickList', () => {
	it('aggregates products over the batch in natural shelf order, no location last', async () => {
		const view = await started(setup());
		expect(view.list.rows.map((r) => [r.location, r.sku, r.qty, r.orderNumbers])).toEqual([
			['a2', 'MUG', 3, ['1002']],
			['A10', 'CAP', 3, ['1001', '1002']],
			['B1', 'TEE', 1, ['1001']],
			['', 'BAG', 1, ['1001']]
		]);
		expect(view.list.pages.map((p) => [p.number, p.lines.map((l) => l.sku)])).toEqual([
			['1001', ['CAP', 'TEE', 'BAG']],
			['1002', ['MUG', 'CAP']]
		]);
		expect(view.list.units).toBe(8);
		expect(view.warehouseName).toBe('Main');
	});

	it('checks a row off by a tap, and by a scan of its barcode or SKU', async () => {
		const view = await started(setup());
		const [mug, cap, tee] = view.list.rows;
		view.toggle(tee);
		expect(view.isChecked(tee)).toBe(true);
		view.scan('4000000000010');
		expect(view.isChecked(cap)).toBe(true);
		expect(view.feedback).toMatchObject({ sound: 'ok', message: 'CAP: 3 picked from A10.' });
		view.scan('mug');
		expect(view.isChecked(mug)).toBe(true);
		view.scan('MUG');
		expect(view.feedback?.sound).toBe('over_scan');
		view.scan('999');
		expect(view.feedback?.sound).toBe('wrong');
		expect(view.checkedCount).toBe(3);
		expect(view.allChecked).toBe(false);
		view.toggle(view.list.rows[3]);
		expect(view.allChecked).toBe(true);
		view.toggle(tee);
		expect(view.isChecked(tee)).toBe(false);
		expect(pickRowKey(tee)).toBe(stockId('p-b1', 'wh-main'));
	});

	it('marks the batch’s orders picked in one action', async () => {
		const t = setup();
		const view = await started(t);
		expect(await view.markPicked()).toBe(true);
		expect(t.performed).toEqual([['preparation.markPicked', { orderIds: ['o1', 'o2'] }]]);
	});

	it('builds a PDF that pdf-lib reads back, with every order number', async () => {
		const t = setup();
		const view = await started(t);
		expect(await view.downloadPdf()).toBe(true);
		expect(t.saved.map((s) => s.filename)).toEqual(['picking-list-2026-01-06.pdf']);
		const facts = await inspectPdf(t.saved[0].bytes);
		// The summary page, then a page per order.
		expect(facts.pageCount).toBe(3);
		expect(facts.keywords).toEqual(expect.arrayContaining(['1001', '1002', 'CAP', 'MUG']));
		expect(facts.title).toContain('Main');
	});
});

import 'fake-indexeddb/auto';
import fc from 'fast-check';
import { beforeEach, describe, expect, it } from 'vitest';
import type { Order, PreparationEntry } from '$lib/domain/schemas';
import {
	makeLine,
	makeOrder,
	makePreparation,
	makeProduct,
	makeSettings
} from '$lib/domain/testing/factories';
import { resetDb } from '$lib/local/db';
import { readPackScans, savePackScans } from '$lib/local/pack-scans';
import type { ScanSound } from '$lib/scan/sounds';
import type { PerformResult } from './action-form.svelte';
import {
	PackOrder,
	type PackConfirmArgs,
	type PackOrderDeps,
	type ScanCounts,
	type SubstituteArgs
} from './pack-order.svelte';
import { fakeLive, settle } from './testing/fake-live';

const SHIRT = makeProduct({ id: 'p-shirt', sku: 'SHIRT', barcodes: ['3700000000011'] });
const MUG = makeProduct({ id: 'p-mug', sku: 'MUG', barcodes: ['3700000000028'] });
const HAT = makeProduct({ id: 'p-hat', sku: 'HAT', barcodes: ['3700000000035'] });

const ORDER: Order = makeOrder({
	id: 'o1',
	number: '1043',
	lines: [
		makeLine({ id: 'l-shirt', productId: 'p-shirt', sku: 'SHIRT', qtyOrdered: 2, qtyReserved: 2 }),
		makeLine({ id: 'l-mug', productId: 'p-mug', sku: 'MUG', qtyOrdered: 1, qtyReserved: 1 })
	]
});
const ENTRY: PreparationEntry = makePreparation({
	orderId: 'o1',
	lines: [
		{ lineId: 'l-shirt', qty: 2 },
		{ lineId: 'l-mug', qty: 1 }
	]
});

interface Setup {
	saved?: Map<string, ScanCounts>;
	settings?: Partial<ReturnType<typeof makeSettings>>;
	packAnswer?: PerformResult;
	persist?: 'memory' | 'dexie';
}

function setup(opts: Setup = {}) {
	const live = fakeLive();
	const saved = opts.saved ?? new Map<string, ScanCounts>();
	const sounds: ScanSound[] = [];
	const packed: PackConfirmArgs[] = [];
	const substituted: SubstituteArgs[] = [];
	const opened: string[] = [];
	let ids = 0;
	const deps: PackOrderDeps = {
		live: live.source,
		packData: async () => ({
			order: ORDER,
			entry: ENTRY,
			products: [SHIRT, MUG],
			stockLevels: []
		}),
		getSettings: async () => makeSettings(opts.settings),
		readScans:
			opts.persist === 'dexie' ? readPackScans : async (id) => ({ ...(saved.get(id) ?? {}) }),
		saveScans:
			opts.persist === 'dexie'
				? (id, counts) => savePackScans(id, counts)
				: async (id, counts) => void saved.set(id, { ...counts }),
		productsByCode: async (code) =>
			[SHIRT, MUG, HAT].filter(
				(p) => p.barcodes.includes(code) || p.sku.toLowerCase() === code.toLowerCase()
			),
		orderIdsByNumber: async (code) => (code === '2001' ? ['o2'] : []),
		pack: async (args) => {
			packed.push(args);
			return opts.packAnswer ?? { ok: true, mutationId: 1 };
		},
		substitute: async (args) => {
			substituted.push(args);
			return { ok: true, mutationId: 2 };
		},
		listProducts: async () => [HAT],
		newId: () => `id-${++ids}`,
		play: (sound) => sounds.push(sound),
		openOrder: (id) => opened.push(id)
	};
	return { deps, saved, sounds, packed, substituted, opened, live };
}

async function started(t: ReturnType<typeof setup>): Promise<PackOrder> {
	const view = new PackOrder('o1', t.deps);
	await view.start();
	await settle();
	return view;
}

describe('PackOrder scanning', () => {
	it('counts a barcode or a SKU in any case, and shows each line’s state in words', async () => {
		const t = setup();
		const view = await started(t);
		expect(view.progress?.lines.map((l) => l.label)).toEqual(['Not packed', 'Not packed']);
		await view.scan('3700000000011');
		expect(view.progress?.lines[0]).toMatchObject({
			packed: 1,
			state: 'missing',
			label: '1 missing'
		});
		await view.scan('shirt');
		await view.scan('MUG');
		expect(view.progress?.lines.map((l) => l.label)).toEqual(['Packed', 'Packed']);
		expect(view.progress?.complete).toBe(true);
		expect(t.sounds).toEqual(['ok', 'ok', 'ok']);
		expect(t.saved.get('o1')).toEqual({ 'l-shirt': 2, 'l-mug': 1 });
	});

	it('refuses a wrong code, a product not in the parcel and an over-scan, each with its sound', async () => {
		const t = setup();
		const view = await started(t);
		await view.scan('NOPE-123');
		expect(view.feedback).toMatchObject({
			sound: 'wrong',
			message: 'No product has the code “NOPE-123”.'
		});
		await view.scan('3700000000035');
		expect(view.feedback).toMatchObject({ sound: 'wrong' });
		expect(view.feedback?.message).toContain('HAT is not in the parcel of Order #1043');
		await view.scan('MUG');
		await view.scan('MUG');
		expect(view.feedback).toMatchObject({ sound: 'over_scan' });
		expect(view.feedback?.message).toContain('already packed');
		expect(view.counts).toEqual({ 'l-mug': 1 });
		expect(t.sounds).toEqual(['wrong', 'wrong', 'ok', 'over_scan']);
	});

	it('never counts more than taken, whatever is scanned (property)', async () => {
		const codes = fc.constantFrom(
			'SHIRT',
			'shirt',
			'3700000000011',
			'MUG',
			'3700000000028',
			'HAT',
			'x'
		);
		await fc.assert(
			fc.asyncProperty(fc.array(codes, { maxLength: 12 }), async (scans) => {
				const t = setup();
				const view = await started(t);
				for (const code of scans) await view.scan(code);
				const shirts = scans.filter((c) => ['SHIRT', 'shirt', '3700000000011'].includes(c)).length;
				const mugs = scans.filter((c) => ['MUG', '3700000000028'].includes(c)).length;
				expect(view.counts['l-shirt'] ?? 0).toBe(Math.min(shirts, 2));
				expect(view.counts['l-mug'] ?? 0).toBe(Math.min(mugs, 1));
				expect(t.sounds.filter((s) => s === 'ok')).toHaveLength(
					Math.min(shirts, 2) + Math.min(mugs, 1)
				);
				expect(t.saved.get('o1') ?? {}).toEqual(view.counts);
			}),
			{ numRuns: 60 }
		);
	});

	it('previews a scan’s state change without applying it', async () => {
		const t = setup();
		const view = await started(t);
		await view.scan('SHIRT');
		expect(view.previewScan('shirt')).toMatchObject({
			result: { ok: true, lineId: 'l-shirt' },
			counts: { 'l-shirt': 2 }
		});
		expect(view.previewScan('HAT')).toMatchObject({ result: { ok: false }, counts: null });
		expect(view.counts).toEqual({ 'l-shirt': 1 });
		expect(t.sounds).toEqual(['ok']);
	});

	it('opens another order when its label is scanned here', async () => {
		const t = setup();
		const view = await started(t);
		await view.scan('2001');
		expect(t.opened).toEqual(['o2']);
	});
});

describe('PackOrder persistence', () => {
	beforeEach(() => resetDb());

	it('writes every scan to packScans, and a reload starts from the saved counts', async () => {
		const first = await started(setup({ persist: 'dexie' }));
		await first.scan('SHIRT');
		await first.scan('MUG');
		expect(await readPackScans('o1')).toEqual({ 'l-shirt': 1, 'l-mug': 1 });
		first.stop();

		const reloaded = await started(setup({ persist: 'dexie' }));
		expect(reloaded.counts).toEqual({ 'l-shirt': 1, 'l-mug': 1 });
		expect(reloaded.progress?.lines.map((l) => l.label)).toEqual(['1 missing', 'Packed']);
		await reloaded.scan('SHIRT');
		expect(await readPackScans('o1')).toEqual({ 'l-shirt': 2, 'l-mug': 1 });
	});
});

describe('PackOrder confirm', () => {
	it('refuses a partial pack when the settings do not allow it, saying what is missing', async () => {
		const t = setup();
		const view = await started(t);
		await view.scan('SHIRT');
		expect(await view.confirm()).toBe(false);
		expect(view.confirmError).toContain('missing: 1 × SHIRT, 1 × MUG');
		expect(view.confirmError).toContain('Partial packing is off');
		expect(t.packed).toEqual([]);
	});

	it('refuses when nothing is scanned, even with partial packing on', async () => {
		const t = setup({ settings: { allowPartialPacking: true } });
		const view = await started(t);
		expect(await view.confirm()).toBe(false);
		expect(view.confirmError).toContain('Nothing is scanned yet');
	});

	it('sends the counts, a new shipment id, an invoice id when invoicing on pack, weight and parcels', async () => {
		const t = setup();
		const view = await started(t);
		for (const code of ['SHIRT', 'SHIRT', 'MUG']) await view.scan(code);
		view.weight = '1,25';
		view.parcels = '2';
		expect(await view.confirm()).toBe(true);
		expect(t.packed).toEqual([
			{
				orderId: 'o1',
				shipmentId: 'id-1',
				invoiceId: 'id-2',
				lines: [
					{ lineId: 'l-shirt', qty: 2 },
					{ lineId: 'l-mug', qty: 1 }
				],
				weight: 1.25,
				parcels: 2
			}
		]);
		expect(view.packed).toBe(true);
	});

	it('packs partially without an invoice when the settings say so', async () => {
		const t = setup({ settings: { allowPartialPacking: true, invoiceOnPack: false } });
		const view = await started(t);
		await view.scan('MUG');
		view.parcels = '';
		expect(await view.confirm()).toBe(true);
		expect(t.packed).toEqual([
			{ orderId: 'o1', shipmentId: 'id-1', lines: [{ lineId: 'l-mug', qty: 1 }] }
		]);
	});

	it('refuses a weight or parcel count out of range, and shows the rule’s refusal', async () => {
		const t = setup({
			packAnswer: { ok: false, code: 'packed', message: 'Order #1043 is already packed.' }
		});
		const view = await started(t);
		for (const code of ['SHIRT', 'SHIRT', 'MUG']) await view.scan(code);
		view.weight = '-1';
		expect(await view.confirm()).toBe(false);
		expect(view.confirmError).toContain('Weight');
		view.weight = '';
		view.parcels = '1.5';
		expect(await view.confirm()).toBe(false);
		expect(view.confirmError).toContain('whole number');
		view.parcels = '1';
		expect(await view.confirm()).toBe(false);
		expect(view.confirmError).toBe('Order #1043 is already packed.');
	});
});

describe('PackOrder substitute', () => {
	it('replaces the line through the preparation and drops its scans', async () => {
		const t = setup();
		const view = await started(t);
		await view.scan('SHIRT');
		await view.scan('MUG');
		view.openSubstitute('l-shirt');
		expect(await view.findProducts('hat')).toEqual([HAT]);
		expect(await view.substitute('l-shirt', 'HAT')).toBe(true);
		expect(t.substituted).toEqual([
			{ orderId: 'o1', warehouseId: 'wh-main', lineId: 'l-shirt', sku: 'HAT', newLineId: 'id-1' }
		]);
		expect(view.counts).toEqual({ 'l-mug': 1 });
		expect(t.saved.get('o1')).toEqual({ 'l-mug': 1 });
		expect(view.substituting).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, type PreparationEntry, type Settings } from '$lib/domain/schemas';
import { makeLine, makeOrder, T0 } from '$lib/domain/testing/factories';
import { fakePerform } from './products-fakes.svelte';
import { ShipBatch, type BatchEntry } from './ship-batch.svelte';
import { fakeLive, settle } from './testing/fake-live';

function entry(
	orderId: string,
	status: PreparationEntry['status'],
	extra: Partial<PreparationEntry> = {}
): PreparationEntry {
	return {
		orderId,
		warehouseId: 'wh-main',
		operator: 'me',
		status,
		lines: [{ lineId: `${orderId}-l`, qty: 1 }],
		packed: {},
		takenAt: T0,
		...(status === 'packed' || status === 'shipped' ? { shipmentId: `s-${orderId}` } : {}),
		...extra
	};
}

function batchEntry(
	number: string,
	status: PreparationEntry['status'],
	code = 'colissimo_home'
): BatchEntry {
	const orderId = `o${number}`;
	const line = makeLine({ id: `${orderId}-l` });
	const shipped = status === 'packed' || status === 'shipped';
	return {
		entry: entry(orderId, status),
		order: makeOrder({
			id: orderId,
			number,
			lines: [line],
			shippingMethod: { code, label: code },
			shipments: shipped
				? [
						{
							id: `s-${orderId}`,
							createdAt: T0,
							lines: [{ lineId: line.id, qty: 1 }],
							...(status === 'shipped' ? { tracking: `T-${number}` } : {})
						}
					]
				: []
		})
	};
}

function setup(
	entries: BatchEntry[],
	settings: Settings = DEFAULT_SETTINGS,
	...results: Parameters<typeof fakePerform>
) {
	const live = fakeLive();
	const perform = fakePerform(...results);
	const notes: string[] = [];
	const asked: [string, string][] = [];
	const batch = new ShipBatch('wh-main', 'me', {
		live: live.source,
		listBatch: async (warehouseId, operator) => {
			asked.push([warehouseId, operator]);
			return entries;
		},
		getSettings: async () => settings,
		perform: perform.perform,
		notify: (message) => notes.push(message)
	});
	batch.start();
	return { batch, live, perform, notes, asked };
}

describe('ShipBatch', () => {
	it('lists the operator’s packed parcels to ship first, then the shipped ones, by number', async () => {
		const { batch, asked } = setup([
			batchEntry('1010', 'packed'),
			batchEntry('1002', 'shipped'),
			batchEntry('1009', 'packed'),
			batchEntry('1001', 'picked'),
			{ entry: entry('gone', 'packed'), order: undefined }
		]);
		expect(batch.loaded).toBe(false);
		await settle();
		expect(asked).toEqual([['wh-main', 'me']]);
		expect(batch.loaded).toBe(true);
		expect(batch.rows.map((row) => [row.order.number, row.shipped])).toEqual([
			['1009', false],
			['1010', false],
			['1002', true]
		]);
		expect(batch.toShip).toHaveLength(2);
		expect(batch.shippedCount).toBe(1);
		expect(batch.notPackedCount).toBe(1);
		expect(batch.rows[0].shipment?.id).toBe('s-o1009');
		expect(batch.parcels.map((p) => p.order.number)).toEqual(['1009', '1010', '1002']);
		expect(batch.importCandidates).toEqual([
			{ orderId: 'o1010', orderNumber: '1010', status: 'packed', shipmentId: 's-o1010' },
			{
				orderId: 'o1002',
				orderNumber: '1002',
				status: 'shipped',
				shipmentId: 's-o1002',
				tracking: 'T-1002'
			},
			{ orderId: 'o1009', orderNumber: '1009', status: 'packed', shipmentId: 's-o1009' },
			{ orderId: 'o1001', orderNumber: '1001', status: 'picked' }
		]);
	});

	it('ships with the typed tracking and the template’s carrier, and clears the draft', async () => {
		const { batch, perform, notes } = setup([
			batchEntry('1', 'packed', 'colissimo_home'),
			batchEntry('2', 'packed', 'dhl_express')
		]);
		await settle();
		batch.setDraft('o1', '  6A123  ');
		expect(await batch.ship('o1')).toBe(true);
		batch.setDraft('o2', 'JD0001');
		expect(await batch.ship('o2')).toBe(true);
		expect(perform.calls).toEqual([
			{
				name: 'preparation.ship',
				args: { orderId: 'o1', tracking: '6A123', carrier: 'Colissimo' }
			},
			{ name: 'preparation.ship', args: { orderId: 'o2', tracking: 'JD0001' } }
		]);
		expect(batch.draft('o1')).toBe('');
		expect(notes).toEqual(['Order #1 shipped: 6A123', 'Order #2 shipped: JD0001']);
	});

	it('keeps what was typed into the field while the ship was being saved', async () => {
		const { batch, perform } = setup([batchEntry('1', 'packed')]);
		await settle();
		batch.setDraft('o1', 'T1');
		const shipping = batch.ship('o1');
		expect(batch.isBusy('o1')).toBe(true);
		expect(await batch.ship('o1')).toBe(false);
		batch.setDraft('o1', 'T1-more');
		expect(await shipping).toBe(true);
		expect(batch.draft('o1')).toBe('T1-more');
		expect(perform.calls).toHaveLength(1);
	});

	it('asks for a tracking number before sending anything, and shows a refusal on its row', async () => {
		const { batch, perform } = setup([batchEntry('1', 'packed')], DEFAULT_SETTINGS, {
			ok: false,
			code: 'not_allowed_status',
			message: 'Order #1 is on hold: release it before shipping it.'
		});
		await settle();
		batch.setDraft('o1', '   ');
		expect(await batch.ship('o1')).toBe(false);
		expect(batch.rowError('o1')).toBe('Enter or scan the tracking number.');
		expect(perform.calls).toEqual([]);
		batch.setDraft('o1', 'X1');
		expect(batch.rowError('o1')).toBeUndefined();
		expect(await batch.ship('o1')).toBe(false);
		expect(batch.rowError('o1')).toBe('Order #1 is on hold: release it before shipping it.');
		expect(batch.draft('o1')).toBe('X1');
	});

	it('uses the settings’ own templates for the carrier', async () => {
		const settings: Settings = {
			...DEFAULT_SETTINGS,
			carrierTemplates: [
				{
					id: 'dhl',
					name: 'DHL',
					pattern: 'dhl*',
					carrier: 'DHL',
					delimiter: ',',
					rowPer: 'parcel',
					header: true,
					columns: [{ header: 'ref', value: '{order.number}' }]
				}
			]
		};
		const { batch } = setup(
			[batchEntry('1', 'packed', 'dhl_x'), batchEntry('2', 'packed')],
			settings
		);
		await settle();
		expect(batch.carrierFor('o1')).toBe('DHL');
		expect(batch.carrierFor('o2')).toBeUndefined();
		expect(batch.templates.map((t) => t.id)).toEqual(['dhl']);
	});

	it('groups the parcels still to ship by carrier template for export', async () => {
		const { batch } = setup([
			batchEntry('1', 'packed', 'colissimo_home'),
			batchEntry('2', 'shipped', 'colissimo_home'),
			batchEntry('3', 'packed', 'dhl_express'),
			batchEntry('4', 'packed', 'colissimo_relay')
		]);
		await settle();
		const { groups, unmatched } = batch.exportGroups;
		expect(groups.map((g) => [g.template.id, g.parcels.map((p) => p.order.number)])).toEqual([
			['colissimo', ['1', '4']],
			['any-carrier', ['3']]
		]);
		expect(unmatched).toEqual([]);
	});

	it('knows a scanned order number from a tracking number', async () => {
		const { batch } = setup([
			batchEntry('#1043', 'packed'),
			batchEntry('1044', 'shipped'),
			batchEntry('AB-7', 'packed')
		]);
		await settle();
		expect(batch.orderScanned('1043')).toBe('o#1043');
		expect(batch.orderScanned(' #1043 ')).toBe('o#1043');
		expect(batch.orderScanned('ab-7')).toBe('oAB-7');
		// Shipped parcels and tracking numbers are not orders to go to.
		expect(batch.orderScanned('1044')).toBeUndefined();
		expect(batch.orderScanned('6A00000001')).toBeUndefined();
		expect(batch.orderScanned('  ')).toBeUndefined();
	});

	it('names the next parcel to ship after this one, wrapping round', async () => {
		const { batch } = setup([
			batchEntry('1', 'packed'),
			batchEntry('2', 'shipped'),
			batchEntry('3', 'packed'),
			batchEntry('4', 'packed')
		]);
		await settle();
		expect(batch.nextToShip('o1')).toBe('o3');
		expect(batch.nextToShip('o4')).toBe('o1');
		expect(batch.nextToShip('o2')).toBe('o1');
	});

	it('follows the database: a shipped parcel moves down when the query runs again', async () => {
		const entries = [batchEntry('1', 'packed'), batchEntry('2', 'packed')];
		const { batch, live } = setup(entries);
		await settle();
		expect(batch.toShip.map((row) => row.orderId)).toEqual(['o1', 'o2']);
		entries[0] = batchEntry('1', 'shipped');
		await live.refresh();
		expect(batch.toShip.map((row) => row.orderId)).toEqual(['o2']);
		expect(batch.rows.map((row) => row.orderId)).toEqual(['o2', 'o1']);
		batch.stop();
		expect(live.open).toBe(0);
	});
});

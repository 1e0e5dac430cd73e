import { describe, expect, it } from 'vitest';
import type { ImportCandidate } from '$lib/domain/carrier-import';
import { readCarrierFile } from '$lib/documents/carrier-csv';
import { fakePerform } from './products-fakes.svelte';
import { CarrierImport } from './ship-import.svelte';

const encode = (text: string) => new TextEncoder().encode(text);

function setup(candidates: ImportCandidate[], ...results: Parameters<typeof fakePerform>) {
	const perform = fakePerform(...results);
	const importer = new CarrierImport({
		readFile: readCarrierFile,
		candidates: () => candidates,
		carrierFor: (orderId) => (orderId === 'o1' ? 'Colissimo' : undefined),
		perform: perform.perform
	});
	return { importer, perform };
}

const batch: ImportCandidate[] = [
	{ orderId: 'o1', orderNumber: '1001', shipmentId: 's1', status: 'packed' },
	{ orderId: 'o2', orderNumber: '1002', shipmentId: 's2', status: 'packed' },
	{ orderId: 'o3', orderNumber: '1003', shipmentId: 's3', status: 'shipped', tracking: 'OLD' }
];

describe('CarrierImport', () => {
	it('recognises the header, previews, and ships each matched parcel once', async () => {
		const { importer, perform } = setup(batch);
		expect(
			importer.load(
				'colissimo.csv',
				encode(
					'Reference;Tracking number;Weight\r\n1001;6A1;1\r\n1002;6A2;2\r\n1003;6A3;1\r\n9999;6A9;1\r\n'
				)
			)
		).toBe(true);
		expect(importer.recognised).toBe(true);
		expect(importer.hasHeader).toBe(true);
		expect(importer.step).toBe('preview');
		const preview = importer.preview!;
		expect(preview.matched.map((row) => row.orderId)).toEqual(['o1', 'o2']);
		expect(preview.alreadyShipped.map((row) => row.orderId)).toEqual(['o3']);
		expect(preview.unmatched.map((row) => row.line)).toEqual([5]);
		await importer.confirm();
		expect(perform.calls).toEqual([
			{ name: 'preparation.ship', args: { orderId: 'o1', tracking: '6A1', carrier: 'Colissimo' } },
			{ name: 'preparation.ship', args: { orderId: 'o2', tracking: '6A2' } }
		]);
		expect(importer.step).toBe('done');
		expect(importer.shipped).toBe(2);
		expect(importer.progress).toEqual({ done: 2, total: 2 });
		expect(importer.refused).toEqual([]);
	});

	it('lets the person choose the columns when the header is not recognised', async () => {
		const { importer, perform } = setup(batch);
		importer.load('export.csv', encode('6B1,1001,DHL\n6B2,1002,DHL\n'));
		expect(importer.recognised).toBe(false);
		expect(importer.hasHeader).toBe(false);
		expect(importer.preview).toBeNull();
		expect(importer.mappingProblem).toMatch(/tracking/);
		expect(importer.columns.map((c) => c.label)).toEqual([
			'Column 1 (e.g. 6B1)',
			'Column 2 (e.g. 1001)',
			'Column 3 (e.g. DHL)'
		]);
		importer.setColumn('tracking', 0);
		importer.setColumn('orderNumber', 1);
		importer.setColumn('carrier', 2);
		expect(importer.mappingProblem).toBeNull();
		expect(importer.preview?.matched.map((row) => [row.line, row.orderId, row.carrier])).toEqual([
			[1, 'o1', 'DHL'],
			[2, 'o2', 'DHL']
		]);
		// Saying the first row is a header leaves it out.
		importer.setHasHeader(true);
		expect(importer.preview?.matched.map((row) => row.orderId)).toEqual(['o2']);
		expect(importer.columns[0].label).toBe('6B1 (e.g. 6B2)');
		importer.setHasHeader(false);
		await importer.confirm();
		expect(perform.calls.map((call) => call.args)).toEqual([
			{ orderId: 'o1', tracking: '6B1', carrier: 'DHL' },
			{ orderId: 'o2', tracking: '6B2', carrier: 'DHL' }
		]);
	});

	it('keeps the columns a partly known header names, and asks for the rest', () => {
		const { importer } = setup(batch);
		importer.load('dhl.csv', encode('Sendungsnummer,Kunde,Gewicht\n00340434,1002,1.5\n'));
		expect(importer.recognised).toBe(false);
		expect(importer.hasHeader).toBe(true);
		expect(importer.mapping).toEqual({
			tracking: 0,
			orderNumber: null,
			shipmentId: null,
			carrier: null
		});
		expect(importer.mappingProblem).toMatch(/order number or the shipment id/);
		importer.setColumn('orderNumber', 1);
		expect(importer.preview?.matched.map((row) => [row.line, row.orderId, row.tracking])).toEqual([
			[2, 'o2', '00340434']
		]);
	});

	it('refuses a bad file with its reason and sends nothing', async () => {
		const { importer, perform } = setup(batch);
		expect(importer.load('broken.csv', encode('ref,tracking\n1001,"6A1\n'))).toBe(false);
		expect(importer.error).toMatch(/quoted field is not closed/);
		expect(importer.step).toBe('choose');
		expect(importer.preview).toBeNull();
		await importer.confirm();
		expect(perform.calls).toEqual([]);
		expect(importer.load('good.csv', encode('ref,tracking\n1001,6A1\n'))).toBe(true);
		expect(importer.error).toBeNull();
	});

	it('goes on after a refusal and lists it', async () => {
		const { importer } = setup(batch, {
			ok: false,
			code: 'not_allowed_status',
			message: 'Order #1001 is on hold.'
		});
		importer.load('c.csv', encode('order_number,tracking\n1001,T1\n1002,T2\n'));
		await importer.confirm();
		expect(importer.shipped).toBe(1);
		expect(importer.refused.map((r) => [r.row.orderId, r.message])).toEqual([
			['o1', 'Order #1001 is on hold.']
		]);
		importer.reset();
		expect(importer.step).toBe('choose');
		expect(importer.rows).toEqual([]);
	});
});

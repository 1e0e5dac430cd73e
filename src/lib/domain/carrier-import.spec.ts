import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	guessColumns,
	mappingProblem,
	NO_COLUMNS,
	previewImport,
	type ColumnMapping,
	type ImportCandidate
} from './carrier-import';

const batch: ImportCandidate[] = [
	{ orderId: 'o1', orderNumber: '#1001', shipmentId: 's1', status: 'packed' },
	{ orderId: 'o2', orderNumber: '1002', shipmentId: 's2', status: 'packed' },
	{ orderId: 'o3', orderNumber: '1003', shipmentId: 's3', status: 'shipped', tracking: 'OLD3' },
	{ orderId: 'o4', orderNumber: '1004', status: 'picked' },
	{ orderId: 'o5', orderNumber: 'A-7', shipmentId: 's5', status: 'packed' },
	{ orderId: 'o6', orderNumber: 'A-7', shipmentId: 's6', status: 'packed' }
];

const byNumber: ColumnMapping = { ...NO_COLUMNS, orderNumber: 0, tracking: 1 };

describe('guessColumns', () => {
	it('recognises usual header names in any case, with accents and punctuation', () => {
		expect(guessColumns(['Référence expéditeur', 'N° de suivi', 'Poids'])).toEqual({
			mapping: { ...NO_COLUMNS, orderNumber: 0, tracking: 1 },
			recognised: true
		});
		expect(guessColumns(['order_number', 'shipment_id', 'Tracking Number', 'Carrier'])).toEqual({
			mapping: { tracking: 2, orderNumber: 0, shipmentId: 1, carrier: 3 },
			recognised: true
		});
		expect(guessColumns(['AWB', 'Shipment'])).toMatchObject({ recognised: true });
	});

	it('says when the header is not recognised (or there is none)', () => {
		expect(guessColumns(['1043', '6A123'])).toEqual({ mapping: NO_COLUMNS, recognised: false });
		expect(guessColumns(['Reference', 'Weight']).recognised).toBe(false);
	});
});

describe('mappingProblem', () => {
	it('needs a tracking column and a reference, each column used once', () => {
		expect(mappingProblem(NO_COLUMNS)).toMatch(/tracking/);
		expect(mappingProblem({ ...NO_COLUMNS, tracking: 0 })).toMatch(
			/order number or the shipment id/
		);
		expect(mappingProblem({ ...NO_COLUMNS, tracking: 0, orderNumber: 0 })).toMatch(/one thing/);
		expect(mappingProblem({ ...NO_COLUMNS, tracking: 1, shipmentId: 0 })).toBeNull();
	});
});

describe('previewImport', () => {
	it('sorts each row into matched, already shipped, duplicate or unmatched, with reasons', () => {
		const rows = [
			['Reference', 'Tracking'],
			['1001', 'T1'],
			['#1002', 'T2'],
			['1003', 'T3'],
			['1001', 'T1-again'],
			['1004', 'T4'],
			['9999', 'T9'],
			['A-7', 'T7'],
			['', 'T0'],
			['1002', ''],
			[' ', '  '],
			['1002', 'x'.repeat(101)]
		];
		const preview = previewImport(rows, byNumber, batch, true);
		expect(preview.rows.map((row) => [row.line, row.kind])).toEqual([
			[2, 'matched'],
			[3, 'matched'],
			[4, 'already_shipped'],
			[5, 'duplicate'],
			[6, 'unmatched'],
			[7, 'unmatched'],
			[8, 'unmatched'],
			[9, 'unmatched'],
			[10, 'unmatched'],
			[12, 'unmatched']
		]);
		expect(preview.matched).toEqual([
			{ kind: 'matched', line: 2, tracking: 'T1', orderId: 'o1', orderNumber: '#1001' },
			{ kind: 'matched', line: 3, tracking: 'T2', orderId: 'o2', orderNumber: '1002' }
		]);
		expect(preview.alreadyShipped).toEqual([
			{
				kind: 'already_shipped',
				line: 4,
				tracking: 'T3',
				orderId: 'o3',
				orderNumber: '1003',
				shippedTracking: 'OLD3'
			}
		]);
		expect(preview.duplicates).toEqual([
			{
				kind: 'duplicate',
				line: 5,
				tracking: 'T1-again',
				orderId: 'o1',
				orderNumber: '#1001',
				firstLine: 2
			}
		]);
		expect(preview.unmatched.map((row) => row.reason)).toEqual([
			'Order #1004 is not packed yet.',
			'No parcel of this batch is 9999.',
			'2 orders of the batch have the number A-7.',
			'No order number or shipment id on this row.',
			'No tracking number on this row.',
			'The tracking number is longer than 100 characters.'
		]);
	});

	it('matches by shipment id first, then by order number, and takes the carrier column', () => {
		const mapping: ColumnMapping = { tracking: 2, shipmentId: 1, orderNumber: 0, carrier: 3 };
		const preview = previewImport(
			[
				['A-7', 's6', 'T6', 'DHL'],
				['1002', 'unknown', 'T2', ''],
				['', 's5', 'T5', 'UPS']
			],
			mapping,
			batch,
			false
		);
		expect(preview.matched.map((row) => [row.line, row.orderId, row.carrier])).toEqual([
			[1, 'o6', 'DHL'],
			[2, 'o2', undefined],
			[3, 'o5', 'UPS']
		]);
	});

	it('gives every non-blank data row exactly one outcome, and ships each parcel at most once', () => {
		const reference = fc.constantFrom(
			'1001',
			'#1001',
			'1002',
			'1003',
			'1004',
			'A-7',
			'zzz',
			'',
			' '
		);
		const tracking = fc.constantFrom('T1', 'T2', '', 'x'.repeat(101));
		fc.assert(
			fc.property(
				fc.array(fc.tuple(reference, tracking), { maxLength: 20 }),
				fc.boolean(),
				(rows, hasHeader) => {
					const table = rows.map(([ref, track]) => [ref, track]);
					const preview = previewImport(table, byNumber, batch, hasHeader);
					const dataRows = table.filter(
						(row, i) => !(hasHeader && i === 0) && row.join('').trim() !== ''
					);
					expect(preview.rows).toHaveLength(dataRows.length);
					const parts =
						preview.matched.length +
						preview.alreadyShipped.length +
						preview.duplicates.length +
						preview.unmatched.length;
					expect(parts).toBe(preview.rows.length);
					const shipped = preview.matched.map((row) => row.orderId);
					expect(new Set(shipped).size).toBe(shipped.length);
					for (const row of preview.matched) {
						expect(batch.find((c) => c.orderId === row.orderId)?.status).toBe('packed');
						expect(row.tracking.length).toBeGreaterThan(0);
					}
				}
			)
		);
	});
});

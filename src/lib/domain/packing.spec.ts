import { describe, expect, it } from 'vitest';
import { countScan, packedLines, packProgress, scanResult } from './packing';
import { makeLine, makeOrder, makePreparation, makeProduct } from './testing/factories';

const products = [
	makeProduct({ id: 'p1', sku: 'TEE-M', barcodes: ['3700000000011'] }),
	makeProduct({ id: 'p2', sku: 'MUG', barcodes: ['3700000000028'] }),
	makeProduct({ id: 'p3', sku: 'CAP', barcodes: ['3700000000035'] })
];
const order = makeOrder({
	id: 'o1',
	number: '1043',
	lines: [
		makeLine({ id: 'a', productId: 'p1', sku: 'TEE-M', qtyOrdered: 2 }),
		makeLine({ id: 'b', productId: 'p2', sku: 'MUG', qtyOrdered: 2 }),
		makeLine({ id: 'c', productId: 'p1', sku: 'TEE-M' }),
		makeLine({ id: 'd', productId: 'p3', sku: 'CAP' })
	]
});
/** Line d (the cap) was not reserved, so it was not taken. */
const entry = makePreparation({
	orderId: 'o1',
	lines: [
		{ lineId: 'a', qty: 2 },
		{ lineId: 'b', qty: 2 },
		{ lineId: 'c', qty: 1 }
	]
});

describe('packProgress', () => {
	it('says per line "Not packed", "N missing" or "Packed"', () => {
		const progress = packProgress(entry, order, { a: 1, b: 2 });
		expect(progress.lines.map((l) => [l.lineId, l.state, l.label, l.missing])).toEqual([
			['a', 'missing', '1 missing', 1],
			['b', 'packed', 'Packed', 0],
			['c', 'not_packed', 'Not packed', 1]
		]);
		expect(progress).toMatchObject({ takenUnits: 5, packedUnits: 3, complete: false });
		expect(packProgress(entry, order, { a: 2, b: 2, c: 1 }).complete).toBe(true);
		expect(packProgress({ ...entry, packed: { a: 9 } }, order).lines[0]).toMatchObject({
			packed: 2,
			state: 'packed'
		});
	});

	it('gives the lines argument of preparation.pack', () => {
		expect(packedLines(entry, { a: 1, c: 5 })).toEqual([
			{ lineId: 'a', qty: 1 },
			{ lineId: 'c', qty: 1 }
		]);
	});
});

describe('scanResult', () => {
	it('matches a barcode or a SKU, filling the first line of the product not yet full', () => {
		expect(scanResult(entry, order, products, '3700000000011')).toEqual({
			ok: true,
			lineId: 'a',
			productId: 'p1'
		});
		expect(scanResult(entry, order, products, ' tee-m ', { a: 2 })).toEqual({
			ok: true,
			lineId: 'c',
			productId: 'p1'
		});
		expect(scanResult(entry, order, products, 'MUG', { b: 1 })).toMatchObject({ lineId: 'b' });
	});

	it('refuses unknown codes, products not in the parcel, over-scans and packed entries', () => {
		expect(scanResult(entry, order, products, '999')).toEqual({
			ok: false,
			error: 'unknown_barcode',
			message: 'No product has the code “999”.'
		});
		expect(scanResult(entry, order, products, '')).toMatchObject({ error: 'unknown_barcode' });
		expect(scanResult(entry, order, products, '3700000000035')).toEqual({
			ok: false,
			error: 'not_in_order',
			message: 'CAP is not in the parcel of Order #1043.'
		});
		expect(scanResult(entry, order, products, '3700000000011', { a: 2, c: 1 })).toEqual({
			ok: false,
			error: 'over_scan',
			message: 'Order #1043: all 3 × TEE-M are already packed.'
		});
		expect(scanResult(entry, order, products, 'MUG', { b: 2 })).toMatchObject({
			error: 'over_scan',
			message: 'Order #1043: all 2 × MUG are already packed.'
		});
		expect(scanResult({ ...entry, status: 'packed' }, order, products, 'MUG')).toMatchObject({
			error: 'already_packed'
		});
	});

	it('matches a line by its own SKU when the device does not know the product', () => {
		expect(scanResult(entry, order, [], 'mug')).toMatchObject({ ok: true, lineId: 'b' });
	});

	it('counts scans without mutating the counts', () => {
		const counts = Object.freeze({ a: 1 });
		expect(countScan(counts, 'a')).toEqual({ a: 2 });
		expect(countScan(counts, 'b')).toEqual({ a: 1, b: 1 });
		expect(counts).toEqual({ a: 1 });
	});
});

import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { compareLocations, naturalCompare, pickingList } from './picking-list';
import {
	makeLine,
	makeOrder,
	makePreparation,
	makeProduct,
	makeStock,
	MAIN_WAREHOUSE_ID
} from './testing/factories';

describe('naturalCompare', () => {
	it('orders shelf locations as people read them', () => {
		const bins = [
			'A10',
			'b1',
			'A2',
			'A02-3',
			'A2-10',
			'A2-9',
			'a3',
			'A1000000000000000000001',
			'A9'
		];
		expect([...bins].sort(naturalCompare)).toEqual([
			'A2',
			'A02-3',
			'A2-9',
			'A2-10',
			'a3',
			'A9',
			'A10',
			'A1000000000000000000001',
			'b1'
		]);
		expect(naturalCompare('A02', 'A2')).not.toBe(0);
		expect(naturalCompare('A2', 'A2')).toBe(0);
	});
});

describe('compareLocations', () => {
	it('puts items without a location last', () => {
		expect(['', 'Z9', '  ', 'A10', 'A1'].sort(compareLocations)).toEqual([
			'A1',
			'A10',
			'Z9',
			'',
			'  '
		]);
	});

	it('is a total order: antisymmetric, zero only for the same location', () => {
		const location = fc.stringMatching(/^[A-Ca-c0-9 -]{0,6}$/);
		fc.assert(
			fc.property(location, location, (a, b) => {
				expect(Math.sign(compareLocations(a, b)) + Math.sign(compareLocations(b, a))).toBe(0);
				if (compareLocations(a, b) === 0) expect(a.trim()).toBe(b.trim());
			})
		);
	});
});

describe('pickingList', () => {
	const products = [
		makeProduct({ id: 'p1', sku: 'TEE', name: 'T-shirt', barcodes: ['3700000000011'] }),
		makeProduct({ id: 'p2', sku: 'MUG', name: 'Mug', barcodes: [] }),
		makeProduct({ id: 'p3', sku: 'CAP', name: 'Cap', barcodes: ['CAP-1', 'CAP-2'] })
	];
	const stock = [
		makeStock({ productId: 'p1', location: 'A10' }),
		makeStock({ productId: 'p2', location: 'A2' }),
		makeStock({ productId: 'p3', location: '  ' })
	];
	const o1 = makeOrder({
		id: 'o1',
		number: '1043',
		lines: [
			makeLine({ id: 'a', productId: 'p1', sku: 'TEE', qtyOrdered: 2 }),
			makeLine({ id: 'b', productId: 'p2', sku: 'MUG' }),
			makeLine({ id: 'c', productId: 'p9', sku: 'OLD', name: 'Placeholder' })
		]
	});
	const o2 = makeOrder({
		id: 'o2',
		number: '1044',
		lines: [
			makeLine({ id: 'd', productId: 'p1', sku: 'TEE', qtyOrdered: 3 }),
			makeLine({ id: 'e', productId: 'p3', sku: 'CAP' })
		]
	});
	const entries = [
		makePreparation({
			orderId: 'o2',
			lines: [
				{ lineId: 'd', qty: 3 },
				{ lineId: 'e', qty: 1 }
			]
		}),
		makePreparation({
			orderId: 'o1',
			status: 'picked',
			lines: [
				{ lineId: 'a', qty: 1 },
				{ lineId: 'b', qty: 1 },
				{ lineId: 'c', qty: 1 }
			]
		}),
		makePreparation({ orderId: 'o3', status: 'packed', lines: [{ lineId: 'z', qty: 1 }] })
	];

	it('aggregates products by shelf location in natural order, with barcodes and orders', () => {
		const list = pickingList(entries, [o1, o2], products, stock);
		expect(list.rows.map((r) => [r.location, r.sku, r.qty, r.orders.map((o) => o.number)])).toEqual(
			[
				['A2', 'MUG', 1, ['1043']],
				['A10', 'TEE', 4, ['1044', '1043']],
				['  ', 'CAP', 1, ['1044']],
				['', 'OLD', 1, ['1043']]
			]
		);
		expect(list.rows[1]).toEqual({
			productId: 'p1',
			warehouseId: MAIN_WAREHOUSE_ID,
			sku: 'TEE',
			name: 'T-shirt',
			barcodes: ['3700000000011'],
			location: 'A10',
			qty: 4,
			orders: [
				{ orderId: 'o2', number: '1044', qty: 3 },
				{ orderId: 'o1', number: '1043', qty: 1 }
			],
			orderNumbers: ['1044', '1043']
		});
		expect(list.rows[3]).toMatchObject({ name: 'Placeholder', barcodes: [] });
		expect(list.units).toBe(7);
	});

	it('has one page per order still to pick, in the entries’ order, lines by location', () => {
		const list = pickingList(entries, [o1, o2], products, stock);
		expect(list.pages.map((p) => [p.number, p.units, p.lines.map((l) => l.lineId)])).toEqual([
			['1044', 4, ['d', 'e']],
			['1043', 3, ['b', 'a', 'c']]
		]);
		expect(list.pages[0]).toMatchObject({
			orderId: 'o2',
			customerName: 'Ann Lee',
			shippingMethod: 'Colissimo'
		});
	});
});

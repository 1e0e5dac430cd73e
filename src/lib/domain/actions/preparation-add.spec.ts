import { describe, expect, it } from 'vitest';
import { makeLine, makeOrder, makePreparation, makeStock, T0 } from '../testing/factories';
import { applyAndWrite, applyOk } from '../testing/run';
import { ANNEX_ID, makeWorld } from '../testing/world';

/** Order 1043: 3 × SKU-1 (2 in stock) and 1 × SKU-2 in Main, 1 × SKU-1 from the Annex. */
const order = () =>
	makeOrder({
		id: 'o1',
		number: '1043',
		lines: [
			makeLine({ id: 'l1', qtyOrdered: 3 }),
			makeLine({ id: 'l2', productId: 'product-2', sku: 'SKU-2' }),
			makeLine({ id: 'l3', warehouseId: ANNEX_ID }),
			makeLine({ id: 'l4', productId: 'product-3', sku: 'GIFT', requiresShipping: false })
		]
	});

const stock = () => [
	makeStock({ physical: 2 }),
	makeStock({ productId: 'product-2', physical: 5 }),
	makeStock({ warehouseId: ANNEX_ID, physical: 1 })
];

const add = (reader: ReturnType<typeof makeWorld>, orderIds: string[], actor = 'user-1') =>
	applyAndWrite(reader, 'preparation.add', { warehouseId: 'wh-main', orderIds }, { actor });

describe('preparation.add', () => {
	it('takes the reserved units of this warehouse only, for the actor', async () => {
		const reader = makeWorld({ orders: [order()], stock: stock() });
		const result = await add(reader, ['o1'], 'u2');
		expect(result.ok).toBe(true);
		expect(reader.preparations.get('o1')).toEqual({
			orderId: 'o1',
			warehouseId: 'wh-main',
			operator: 'u2',
			status: 'new',
			lines: [
				{ lineId: 'l1', qty: 2 },
				{ lineId: 'l2', qty: 1 }
			],
			packed: {},
			takenAt: '2026-01-06T09:00:00.000Z'
		});
		// Nothing about the order's reservation changes by taking it.
		expect(reader.orders.get('o1')!.lines.map((l) => l.qtyReserved)).toEqual([2, 1, 1, 0]);
		if (!result.ok) return;
		expect(result.changes.timeline.map((e) => [e.orderId, e.type, e.summary])).toEqual([
			[
				'o1',
				'preparation.add',
				'Taken into preparation in Main: 2 × SKU-1, 1 × SKU-2. Not reserved, stays behind: 1 × SKU-1.'
			]
		]);
	});

	it('lets lines in preparation keep their units when older orders want them', async () => {
		const reader = makeWorld({ orders: [order()], stock: stock() });
		await applyOk(reader, 'preparation.add', { warehouseId: 'wh-main', orderIds: ['o1'] });
		const older = makeOrder({
			id: 'o0',
			number: '1000',
			placedAt: '2025-12-01T00:00:00.000Z',
			lines: [makeLine({ id: 'x', qtyOrdered: 2 })]
		});
		reader.orders.set('o0', older);
		await applyOk(reader, 'stock.adjust', {
			movementId: 'm1',
			productId: 'product-1',
			warehouseId: 'wh-main',
			qty: 1,
			category: 'purchase_order',
			comment: ''
		});
		expect(reader.orders.get('o1')!.lines[0].qtyReserved).toBe(2);
		expect(reader.orders.get('o0')!.lines[0].qtyReserved).toBe(1);
	});

	it('refuses an order with nothing reserved here, naming the warehouse', async () => {
		const reader = makeWorld({ orders: [order()], stock: [] });
		expect(await add(reader, ['o1'])).toEqual({
			ok: false,
			code: 'nothing_to_ship',
			message: 'Order #1043: nothing to ship from this warehouse (Main); nothing is reserved there.'
		});
		expect(reader.preparations.size).toBe(0);
	});

	it('refuses an order taken by another operator, naming them; the same operator is told it is theirs', async () => {
		const reader = makeWorld({ orders: [order()], stock: stock() });
		await applyOk(reader, 'preparation.add', { warehouseId: 'wh-main', orderIds: ['o1'] });
		expect(await add(reader, ['o1'], 'ann')).toEqual({
			ok: false,
			code: 'taken_by_other',
			message: 'Order #1043 is already being prepared by user-1.'
		});
		expect(await add(reader, ['o1'], 'user-1')).toMatchObject({
			code: 'already_taken',
			message: 'Order #1043 is already in your preparation.'
		});
		const fromAnnex = await applyAndWrite(
			reader,
			'preparation.add',
			{ warehouseId: ANNEX_ID, orderIds: ['o1'] },
			{ actor: 'ann' }
		);
		expect(fromAnnex).toMatchObject({
			code: 'taken_by_other',
			message: 'Order #1043 is already being prepared by user-1 in Main.'
		});
	});

	it('refuses pending, held, complete and canceled orders, and warehouses that do not ship', async () => {
		const unpaid = makeOrder({ id: 'p', number: 'P1', valid: false });
		const held = makeOrder({ id: 'h', number: 'H1', hold: { reason: 'address', by: 'u' } });
		const shipped = makeOrder({
			id: 'c',
			number: 'C1',
			lines: [makeLine({ qtyShipped: 1 })]
		});
		const canceled = makeOrder({ id: 'x', number: 'X1', lines: [makeLine({ qtyCanceled: 1 })] });
		const reader = makeWorld({
			orders: [order(), unpaid, held, shipped, canceled],
			stock: [makeStock({ physical: 10 })]
		});
		expect(await add(reader, ['p'])).toEqual({
			ok: false,
			code: 'not_allowed_status',
			message: 'Order #P1 is pending: it can be prepared once paid.'
		});
		expect(await add(reader, ['h'])).toMatchObject({
			code: 'not_allowed_status',
			message: 'Order #H1 is on hold: release it before preparing it.'
		});
		expect(await add(reader, ['c'])).toMatchObject({
			message: 'Order #C1 is complete: nothing to prepare.'
		});
		expect(await add(reader, ['x'])).toMatchObject({
			message: 'Order #X1 is canceled: nothing to prepare.'
		});
		await applyOk(reader, 'warehouse.update', { warehouseId: 'wh-main', fulfillment: 'none' });
		expect(await add(reader, ['o1'])).toMatchObject({
			code: 'warehouse_cannot_ship',
			message: 'Warehouse Main does not ship orders.'
		});
		expect(
			await applyAndWrite(reader, 'preparation.add', { warehouseId: 'nope', orderIds: ['o1'] })
		).toMatchObject({ code: 'warehouse_not_found' });
	});

	it('is all or nothing: one refused order rejects the mutation, naming it', async () => {
		const second = makeOrder({ id: 'o2', number: '1044', lines: [makeLine({ id: 'm1' })] });
		const third = makeOrder({
			id: 'o3',
			number: '1045',
			lines: [makeLine({ id: 'n1', qtyReserved: 1 })]
		});
		const reader = makeWorld({
			orders: [order(), second, third],
			// o3 keeps its unit, o1 reserves 3, o2 the last one.
			stock: [makeStock({ physical: 5 })],
			preparations: [
				makePreparation({ orderId: 'o3', operator: 'bob', lines: [{ lineId: 'n1', qty: 1 }] })
			]
		});
		const before = reader.snapshot();
		expect(await add(reader, ['o1', 'o3', 'o2'])).toEqual({
			ok: false,
			code: 'taken_by_other',
			message: 'Order #1045 is already being prepared by bob.'
		});
		expect(reader.snapshot()).toEqual(before);
		expect(await add(reader, ['o1', 'missing'])).toMatchObject({ code: 'order_not_found' });
		expect(await add(reader, ['o1', 'o1'])).toMatchObject({
			code: 'invalid_args',
			issues: [{ path: 'orderIds', message: 'Each order appears once.' }]
		});
		expect(await add(reader, [])).toMatchObject({ code: 'invalid_args' });
		const both = await add(reader, ['o1', 'o2']);
		expect(both.ok && both.changes.timeline.map((e) => e.orderId)).toEqual(['o1', 'o2']);
		expect([...reader.preparations.keys()].sort()).toEqual(['o1', 'o2', 'o3']);
	});

	it('takes an order again once its earlier preparation shipped (the entry waiting for flush is replaced)', async () => {
		const reader = makeWorld({
			orders: [order()],
			stock: stock(),
			preparations: [
				makePreparation({
					orderId: 'o1',
					warehouseId: ANNEX_ID,
					operator: 'bob',
					status: 'shipped',
					takenAt: T0
				})
			]
		});
		await applyOk(reader, 'preparation.add', { warehouseId: 'wh-main', orderIds: ['o1'] });
		expect(reader.preparations.get('o1')).toMatchObject({
			warehouseId: 'wh-main',
			operator: 'user-1',
			status: 'new'
		});
	});
});

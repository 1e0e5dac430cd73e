import { describe, expect, it } from 'vitest';
import { makeLine, makeOrder, makePreparation, makeStock } from '../testing/factories';
import { applyAndWrite, applyOk } from '../testing/run';
import { makeWorld } from '../testing/world';

const order = () =>
	makeOrder({
		id: 'o1',
		number: '1043',
		lines: [
			makeLine({ id: 'l1', qtyOrdered: 2 }),
			makeLine({ id: 'l2', productId: 'product-2', sku: 'SKU-2', qtyOrdered: 3 })
		]
	});

describe('order.createShipment', () => {
	it('moves reserved units out of the warehouse, ships them and completes the order', async () => {
		const reader = makeWorld({
			orders: [order()],
			stock: [makeStock({ physical: 5 }), makeStock({ productId: 'product-2', physical: 3 })]
		});
		const changes = await applyOk(
			reader,
			'order.createShipment',
			{
				orderId: 'o1',
				shipmentId: 's1',
				lines: [
					{ lineId: 'l1', qty: 2 },
					{ lineId: 'l2', qty: 3 }
				],
				tracking: 'TRK1',
				carrier: 'UPS'
			},
			{ now: '2026-01-07T10:00:00.000Z', actor: 'u2' }
		);
		const saved = reader.orders.get('o1')!;
		expect(saved.status).toBe('complete');
		expect(saved.lines.map((l) => [l.qtyShipped, l.qtyReserved])).toEqual([
			[2, 0],
			[3, 0]
		]);
		expect(saved.shipments).toEqual([
			{
				id: 's1',
				createdAt: '2026-01-07T10:00:00.000Z',
				lines: [
					{ lineId: 'l1', qty: 2 },
					{ lineId: 'l2', qty: 3 }
				],
				tracking: 'TRK1',
				carrier: 'UPS'
			}
		]);
		expect(changes.movements).toEqual([
			{
				id: 's1:1',
				productId: 'product-1',
				fromWarehouseId: 'wh-main',
				toWarehouseId: null,
				qty: 2,
				category: 'shipment',
				comment: 'Order #1043',
				createdAt: '2026-01-07T10:00:00.000Z',
				actor: 'u2',
				orderId: 'o1'
			},
			expect.objectContaining({ id: 's1:2', productId: 'product-2', qty: 3 })
		]);
		expect(reader.stockMap.get('product-1:wh-main')).toMatchObject({
			physical: 3,
			reserved: 0,
			toShip: 0
		});
		expect(reader.stockMap.get('product-2:wh-main')).toMatchObject({
			physical: 0,
			reserved: 0,
			toShip: 0
		});
		expect(changes.timeline[0].summary).toBe(
			'Shipped 2 × SKU-1, 3 × SKU-2 (tracking TRK1 via UPS).'
		);
	});

	it('ships part of an order, which stays processing', async () => {
		const reader = makeWorld({ orders: [order()], stock: [makeStock({ physical: 1 })] });
		await applyOk(reader, 'order.createShipment', {
			orderId: 'o1',
			shipmentId: 's1',
			lines: [{ lineId: 'l1', qty: 1 }]
		});
		expect(reader.orders.get('o1')!.status).toBe('processing');
		expect(reader.stockMap.get('product-1:wh-main')).toMatchObject({ physical: 0, toShip: 1 });
	});

	it('refuses more than reserved, repeated lines, and unpaid, held or prepared orders', async () => {
		const unpaid = makeOrder({ id: 'p', number: '2', valid: false });
		const taken = makeOrder({
			id: 't',
			number: '3',
			lines: [makeLine({ id: 't1', productId: 'product-2', qtyReserved: 1 })]
		});
		const reader = makeWorld({
			orders: [order(), unpaid, taken],
			stock: [makeStock({ physical: 1 }), makeStock({ productId: 'product-2', physical: 1 })],
			preparations: [makePreparation({ orderId: 't', lines: [{ lineId: 't1', qty: 1 }] })]
		});
		const ship = (orderId: string, lines: { lineId: string; qty: number }[]) =>
			applyAndWrite(reader, 'order.createShipment', { orderId, shipmentId: 's', lines });
		expect(await ship('o1', [{ lineId: 'l1', qty: 2 }])).toEqual({
			ok: false,
			code: 'not_enough_reserved',
			message: 'Order #1043: only 1 × SKU-1 reserved.'
		});
		expect(await ship('o1', [{ lineId: 'l1', qty: 3 }])).toMatchObject({
			code: 'qty_exceeds_to_ship'
		});
		expect(
			await ship('o1', [
				{ lineId: 'l1', qty: 1 },
				{ lineId: 'l1', qty: 1 }
			])
		).toMatchObject({
			code: 'invalid_args',
			issues: [{ path: 'lines', message: 'Each line appears once.' }]
		});
		expect(await ship('p', [{ lineId: 'x', qty: 1 }])).toMatchObject({
			code: 'not_allowed_status',
			message: 'Order #2 is pending: it ships once it is paid.'
		});
		expect(await ship('t', [{ lineId: 't1', qty: 1 }])).toMatchObject({ code: 'in_preparation' });
		await applyOk(reader, 'order.hold', { orderId: 'o1', reason: 'address' });
		expect(await ship('o1', [{ lineId: 'l1', qty: 1 }])).toMatchObject({
			message: 'Order #1043 is on hold: release it before shipping.'
		});
	});
});

import { describe, expect, it } from 'vitest';
import {
	makeLine,
	makeOrder,
	makeStock,
	makeWarehouse,
	makeMainWarehouse
} from '../testing/factories';
import { applyAndWrite, applyOk } from '../testing/run';
import { ANNEX_ID, defaultWarehouses, makeWorld } from '../testing/world';

const order = (id: string, placedAt: string, qty: number) =>
	makeOrder({ id, number: id, placedAt, lines: [makeLine({ id: `${id}-l`, qtyOrdered: qty })] });

describe('order.changeLineWarehouse', () => {
	it('moves the line and re-runs reservation in both warehouses', async () => {
		const reader = makeWorld({
			orders: [
				order('a', '2026-01-01T00:00:00.000Z', 2),
				order('b', '2026-01-02T00:00:00.000Z', 2)
			],
			stock: [makeStock({ physical: 2 }), makeStock({ warehouseId: ANNEX_ID, physical: 5 })]
		});
		expect(reader.orders.get('b')!.lines[0].qtyReserved).toBe(0);
		const changes = await applyOk(reader, 'order.changeLineWarehouse', {
			orderId: 'a',
			lineId: 'a-l',
			warehouseId: ANNEX_ID
		});
		expect(reader.orders.get('a')!.lines[0]).toMatchObject({
			warehouseId: ANNEX_ID,
			qtyReserved: 2
		});
		expect(reader.orders.get('b')!.lines[0].qtyReserved).toBe(2);
		expect(reader.stockMap.get(`product-1:${ANNEX_ID}`)).toMatchObject({ reserved: 2, toShip: 2 });
		expect(reader.stockMap.get('product-1:wh-main')).toMatchObject({ reserved: 2, toShip: 2 });
		expect(changes.timeline[0].summary).toBe('Moved SKU-1 from Main to Annex.');
	});

	it('refuses missing, disabled and non-shipping warehouses, and the same one', async () => {
		const warehouses = [
			...defaultWarehouses(),
			makeWarehouse({ id: 'off', name: 'Old', enabled: false }),
			makeWarehouse({ id: 'none', name: 'Showroom', fulfillment: 'none' })
		];
		const reader = makeWorld({ orders: [order('a', '2026-01-01T00:00:00.000Z', 1)], warehouses });
		const move = (warehouseId: string) =>
			applyAndWrite(reader, 'order.changeLineWarehouse', {
				orderId: 'a',
				lineId: 'a-l',
				warehouseId
			});
		expect(await move('nope')).toMatchObject({ code: 'warehouse_not_found' });
		expect(await move('off')).toEqual({
			ok: false,
			code: 'warehouse_cannot_ship',
			message: 'Warehouse Old is disabled.'
		});
		expect(await move('none')).toMatchObject({ code: 'warehouse_cannot_ship' });
		expect(await move('wh-main')).toMatchObject({ code: 'same_warehouse' });
	});

	it('says so when no other warehouse can ship', async () => {
		const reader = makeWorld({
			orders: [order('a', '2026-01-01T00:00:00.000Z', 1)],
			warehouses: [makeMainWarehouse()]
		});
		const result = await applyAndWrite(reader, 'order.changeLineWarehouse', {
			orderId: 'a',
			lineId: 'a-l',
			warehouseId: ANNEX_ID
		});
		expect(result).toMatchObject({ code: 'no_other_warehouse' });
	});
});

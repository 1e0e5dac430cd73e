// preparation.remove, markPicked, ship and flush, and what the rest of the rules do to orders in
// preparation (stock falling, packed orders).
import { describe, expect, it } from 'vitest';
import { applyMutation } from '../apply';
import type { DomainReader } from '../mutation';
import {
	makeContext,
	makeLine,
	makeMutation,
	makeOrder,
	makePreparation,
	makeStock
} from '../testing/factories';
import { MemoryReader } from '../testing/memory-reader';
import { applyAndWrite, applyOk } from '../testing/run';
import { ANNEX_ID, makeWorld } from '../testing/world';

const order = (id: string, number: string, qtyOrdered = 2) =>
	makeOrder({
		id,
		number,
		lines: [
			makeLine({ id: `${id}-a`, qtyOrdered }),
			makeLine({ id: `${id}-b`, productId: 'product-2', sku: 'SKU-2' })
		]
	});

function floor(): MemoryReader {
	return makeWorld({
		orders: [order('o1', '1043'), order('o2', '1044')],
		stock: [makeStock({ physical: 10 }), makeStock({ productId: 'product-2', physical: 10 })]
	});
}

const take = (reader: MemoryReader, orderIds: string[], actor = 'user-1') =>
	applyOk(reader, 'preparation.add', { warehouseId: 'wh-main', orderIds }, { actor });

const packAll = (reader: MemoryReader, orderId: string) =>
	applyOk(reader, 'preparation.pack', {
		orderId,
		shipmentId: `s-${orderId}`,
		lines: reader.preparations.get(orderId)!.lines
	});

describe('preparation.remove', () => {
	it('takes the order out before packing; its lines reserve by the ordinary rule again', async () => {
		const taken = order('o1', '1043');
		const reader = makeWorld({
			orders: [
				{ ...taken, lines: taken.lines.map((l, i) => ({ ...l, qtyReserved: 2 - i })) },
				{ ...order('o0', '1000'), placedAt: '2025-01-01T00:00:00.000Z' }
			],
			stock: [makeStock({ physical: 2 }), makeStock({ productId: 'product-2', physical: 2 })],
			preparations: [
				makePreparation({
					orderId: 'o1',
					lines: [
						{ lineId: 'o1-a', qty: 2 },
						{ lineId: 'o1-b', qty: 1 }
					]
				})
			]
		});
		// In preparation, o1 keeps its units although o0 is older.
		expect(reader.orders.get('o1')!.lines.map((l) => l.qtyReserved)).toEqual([2, 1]);
		expect(reader.orders.get('o0')!.lines.map((l) => l.qtyReserved)).toEqual([0, 1]);
		const result = await applyAndWrite(
			reader,
			'preparation.remove',
			{ orderId: 'o1' },
			{ actor: 'boss' }
		);
		expect(result.ok && result.changes.timeline.map((e) => [e.actor, e.summary])).toEqual([
			['boss', 'Taken out of preparation in Main.']
		]);
		expect(reader.preparations.has('o1')).toBe(false);
		expect(reader.orders.get('o0')!.lines.map((l) => l.qtyReserved)).toEqual([2, 1]);
		expect(reader.orders.get('o1')!.lines.map((l) => l.qtyReserved)).toEqual([0, 1]);
		expect(await applyAndWrite(reader, 'preparation.remove', { orderId: 'o1' })).toEqual({
			ok: false,
			code: 'not_in_preparation',
			message: 'Order #1043 is not in preparation.'
		});
	});
});

describe('preparation.markPicked', () => {
	it('marks new entries picked, leaves picked ones, refuses packed or missing ones', async () => {
		const reader = floor();
		await take(reader, ['o1', 'o2']);
		const first = await applyOk(reader, 'preparation.markPicked', { orderIds: ['o1'] });
		expect(first.timeline.map((e) => [e.orderId, e.summary])).toEqual([['o1', 'Picked.']]);
		const both = await applyOk(reader, 'preparation.markPicked', { orderIds: ['o1', 'o2'] });
		expect(both.preparations.map((p) => [p.orderId, p.status])).toEqual([['o2', 'picked']]);
		expect(reader.preparations.get('o1')!.status).toBe('picked');
		expect(await applyAndWrite(reader, 'preparation.markPicked', { orderIds: ['o2'] })).toEqual({
			ok: false,
			code: 'already_picked',
			message: 'Order #1044 is already picked.'
		});
		await packAll(reader, 'o1');
		expect(
			await applyAndWrite(reader, 'preparation.markPicked', { orderIds: ['o1'] })
		).toMatchObject({ code: 'packed', message: 'Order #1043 is packed: it was picked already.' });
		expect(
			await applyAndWrite(reader, 'preparation.markPicked', { orderIds: ['nope'] })
		).toMatchObject({ code: 'order_not_found' });
	});
});

describe('preparation.ship and preparation.flush', () => {
	it('adds tracking to the shipment made at packing, then flush clears every shipped entry of the warehouse', async () => {
		const reader = floor();
		await take(reader, ['o1']);
		await take(reader, ['o2'], 'ann');
		expect(
			await applyAndWrite(reader, 'preparation.ship', { orderId: 'o1', tracking: 'T1' })
		).toEqual({
			ok: false,
			code: 'not_packed',
			message: 'Order #1043 is not packed yet: pack it before shipping.'
		});
		await packAll(reader, 'o1');
		await packAll(reader, 'o2');
		const shipped = await applyOk(reader, 'preparation.ship', {
			orderId: 'o1',
			tracking: ' 1Z999 ',
			carrier: 'UPS'
		});
		expect(reader.orders.get('o1')!.shipments).toEqual([
			expect.objectContaining({ id: 's-o1', tracking: '1Z999', carrier: 'UPS' })
		]);
		expect(reader.preparations.get('o1')!.status).toBe('shipped');
		expect(shipped.timeline.map((e) => e.summary)).toEqual([
			'Handed to the carrier: tracking 1Z999 via UPS.'
		]);
		// Nothing else moves: stock left at packing.
		expect(shipped.movements).toEqual([]);
		expect(
			await applyAndWrite(reader, 'preparation.ship', { orderId: 'o1', tracking: 'T2' })
		).toMatchObject({ code: 'already_shipped', message: 'Order #1043 has already shipped.' });
		expect(
			await applyAndWrite(reader, 'preparation.ship', { orderId: 'o2', tracking: '' })
		).toMatchObject({ code: 'invalid_args' });
		await applyOk(reader, 'preparation.ship', { orderId: 'o2', tracking: 'T2' }, { actor: 'ann' });

		const flushed = await applyOk(reader, 'preparation.flush', { warehouseId: 'wh-main' });
		expect(flushed.preparationsRemoved).toEqual(['o1', 'o2']);
		expect(flushed.timeline).toEqual([
			expect.objectContaining({
				orderId: 'wh-main',
				subject: 'warehouse',
				summary: 'Cleared 2 shipped orders from In progress in Main: #1043, #1044.'
			})
		]);
		expect(await applyAndWrite(reader, 'preparation.flush', { warehouseId: 'wh-main' })).toEqual({
			ok: false,
			code: 'nothing_to_flush',
			message: 'No shipped orders to clear in Main.'
		});
	});

	it('flushes only shipped entries, only of that warehouse', async () => {
		const reader = makeWorld({
			orders: [order('o1', '1'), order('o2', '2'), order('o3', '3')],
			preparations: [
				makePreparation({ orderId: 'o1', status: 'shipped' }),
				makePreparation({ orderId: 'o2', status: 'packed' }),
				makePreparation({ orderId: 'o3', status: 'shipped', warehouseId: ANNEX_ID })
			]
		});
		const changes = await applyOk(reader, 'preparation.flush', { warehouseId: 'wh-main' });
		expect(changes.preparationsRemoved).toEqual(['o1']);
		expect([...reader.preparations.keys()].sort()).toEqual(['o2', 'o3']);
	});

	it('refuses to ship a held order, and flush on a reader that cannot list entries', async () => {
		// Partly in stock, so the order stays open after packing and a shop conflict can hold it.
		const reader = makeWorld({
			orders: [order('o1', '1043', 3)],
			stock: [makeStock({ physical: 2 }), makeStock({ productId: 'product-2', physical: 1 })]
		});
		await take(reader, ['o1']);
		await packAll(reader, 'o1');
		await applyOk(reader, 'order.hold', { orderId: 'o1', reason: 'shop_conflict' });
		expect(
			await applyAndWrite(reader, 'preparation.ship', { orderId: 'o1', tracking: 'T' })
		).toEqual({
			ok: false,
			code: 'not_allowed_status',
			message: 'Order #1043 is on hold (Shop conflict): release it before shipping it.'
		});
		// A reader written before preparationsInWarehouse existed.
		const oldReader: DomainReader = new Proxy(reader, {
			get(target, key) {
				if (key === 'preparationsInWarehouse') return undefined;
				const value: unknown = Reflect.get(target, key);
				return typeof value === 'function' ? value.bind(target) : value;
			}
		});
		const result = await applyMutation(
			oldReader,
			makeMutation('preparation.flush', { warehouseId: 'wh-main' }),
			makeContext()
		);
		expect(result).toMatchObject({ ok: false, code: 'not_supported' });
	});
});

describe('preparation and the other rules', () => {
	it('cuts an entry to what stays reserved when stock falls, and removes it when nothing is left', async () => {
		const reader = makeWorld({
			orders: [order('o1', '1043', 3)],
			stock: [makeStock({ physical: 3 }), makeStock({ productId: 'product-2', physical: 1 })]
		});
		await take(reader, ['o1']);
		const adjust = (productId: string, qty: number) =>
			applyOk(reader, 'stock.adjust', {
				movementId: `m-${productId}-${qty}`,
				productId,
				warehouseId: 'wh-main',
				qty,
				category: 'defective',
				comment: 'Broken'
			});
		const cut = await adjust('product-1', -2);
		expect(reader.orders.get('o1')!.lines[0].qtyReserved).toBe(1);
		expect(reader.preparations.get('o1')!.lines).toEqual([
			{ lineId: 'o1-a', qty: 1 },
			{ lineId: 'o1-b', qty: 1 }
		]);
		expect(cut.timeline.map((e) => [e.orderId, e.summary])).toEqual([
			['product-1:wh-main', '−2 × SKU-1 in Main (defective: Broken).'],
			['o1', 'Stock fell short: preparation cut (SKU-1 3 → 1).']
		]);
		await adjust('product-1', -1);
		await adjust('product-2', -1);
		expect(reader.preparations.has('o1')).toBe(false);
		expect(reader.timeline.at(-1)!.summary).toBe(
			'Stock fell short: preparation cut (SKU-2 1 → 0). Nothing left to prepare; taken out.'
		);
	});

	it('keeps a packed order: no person’s hold, no move, no cancel of packed lines, and cancels elsewhere leave the entry', async () => {
		const reader = makeWorld({
			orders: [
				makeOrder({
					id: 'o1',
					number: '1043',
					lines: [
						makeLine({ id: 'a', qtyOrdered: 2 }),
						makeLine({ id: 'b', productId: 'product-2', sku: 'SKU-2' })
					]
				})
			],
			stock: [makeStock({ physical: 1 })],
			settings: { allowPartialPacking: true }
		});
		await take(reader, ['o1']);
		await applyOk(reader, 'preparation.pack', {
			orderId: 'o1',
			shipmentId: 's1',
			lines: [{ lineId: 'a', qty: 1 }]
		});
		const refused = async (name: string, args: object) =>
			(await applyAndWrite(reader, name, { orderId: 'o1', ...args })).ok;
		expect(await refused('order.hold', { reason: 'address' })).toBe(false);
		expect(await refused('order.changeLineWarehouse', { lineId: 'a', warehouseId: ANNEX_ID })).toBe(
			false
		);
		expect(await refused('order.cancelLine', { lineId: 'a', qty: 1 })).toBe(false);
		expect(await refused('order.cancel', {})).toBe(false);
		// Line b was never in the parcel: it can be moved or canceled; the packed entry stays whole.
		await applyOk(reader, 'order.cancelLine', { orderId: 'o1', lineId: 'b', qty: 1 });
		expect(reader.preparations.get('o1')).toMatchObject({
			status: 'packed',
			lines: [{ lineId: 'a', qty: 1 }]
		});
	});
});

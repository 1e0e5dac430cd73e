import { describe, expect, it } from 'vitest';
import type { Settings } from '../schemas';
import { makeLine, makeOrder, makeStock } from '../testing/factories';
import type { MemoryReader } from '../testing/memory-reader';
import { applyAndWrite, applyOk } from '../testing/run';
import { makeWorld } from '../testing/world';

/** Order 1043: 2 × SKU-1 and 1 × SKU-2, all in stock, taken into preparation. */
async function taken(settings: Partial<Settings> = {}, invoiced = 0): Promise<MemoryReader> {
	const reader = makeWorld({
		orders: [
			makeOrder({
				id: 'o1',
				number: '1043',
				shippingAmount: 0,
				lines: [
					makeLine({ id: 'l1', qtyOrdered: 2, qtyInvoiced: invoiced }),
					makeLine({ id: 'l2', productId: 'product-2', sku: 'SKU-2', price: 5 })
				]
			})
		],
		stock: [makeStock({ physical: 5 }), makeStock({ productId: 'product-2', physical: 1 })],
		settings
	});
	await applyOk(reader, 'preparation.add', { warehouseId: 'wh-main', orderIds: ['o1'] });
	return reader;
}

const pack = (reader: MemoryReader, lines: { lineId: string; qty: number }[], extra = {}) =>
	applyAndWrite(reader, 'preparation.pack', {
		orderId: 'o1',
		shipmentId: 's1',
		invoiceId: 'i1',
		lines,
		...extra
	});

const ALL = [
	{ lineId: 'l1', qty: 2 },
	{ lineId: 'l2', qty: 1 }
];

describe('preparation.pack', () => {
	it('creates the shipment and the invoice, and closes the entry as packed', async () => {
		const reader = await taken();
		const result = await pack(reader, ALL, { weight: 1.5, parcels: 2 });
		expect(result.ok).toBe(true);
		const order = reader.orders.get('o1')!;
		expect(order.status).toBe('complete');
		expect(order.lines.map((l) => [l.qtyShipped, l.qtyReserved, l.qtyInvoiced])).toEqual([
			[2, 0, 2],
			[1, 0, 1]
		]);
		expect(order.shipments).toEqual([
			{ id: 's1', createdAt: '2026-01-06T09:00:00.000Z', lines: ALL, weight: 1.5, parcels: 2 }
		]);
		expect(order.invoices).toEqual([
			{ id: 'i1', number: null, createdAt: '2026-01-06T09:00:00.000Z', lines: ALL, total: 30 }
		]);
		expect(reader.preparations.get('o1')).toMatchObject({
			status: 'packed',
			shipmentId: 's1',
			lines: ALL,
			packed: { l1: 2, l2: 1 }
		});
		expect(reader.stockMap.get('product-1:wh-main')).toMatchObject({ physical: 3, reserved: 0 });
		expect(reader.movements.map((m) => [m.id, m.qty, m.category])).toEqual([
			['s1:1', 2, 'shipment'],
			['s1:2', 1, 'shipment']
		]);
		if (!result.ok) return;
		expect(result.changes.timeline.map((e) => e.summary)).toEqual([
			'Packed 2 × SKU-1, 1 × SKU-2 (2 parcels; 1.5 kg).',
			'Shipped 2 × SKU-1, 1 × SKU-2.',
			'Invoice (number pending): 2 × SKU-1, 1 × SKU-2, total 30.00 EUR.'
		]);
	});

	it('takes the invoice number from the server when it applies the pack', async () => {
		const reader = await taken();
		await applyOk(
			reader,
			'preparation.pack',
			{ orderId: 'o1', shipmentId: 's1', invoiceId: 'i1', lines: ALL },
			{ assignInvoiceNumber: () => 'INV-7' }
		);
		expect(reader.orders.get('o1')!.invoices[0].number).toBe('INV-7');
	});

	it('makes no invoice when the setting is off, no invoice id is given, or all is invoiced', async () => {
		const off = await taken({ invoiceOnPack: false });
		await pack(off, ALL);
		expect(off.orders.get('o1')!.invoices).toEqual([]);
		const noId = await taken();
		await applyOk(noId, 'preparation.pack', { orderId: 'o1', shipmentId: 's1', lines: ALL });
		expect(noId.orders.get('o1')!.invoices).toEqual([]);
		// Imported as invoiced: only the line not invoiced yet is.
		const invoiced = await taken({}, 2);
		await pack(invoiced, ALL);
		expect(invoiced.orders.get('o1')!.invoices[0].lines).toEqual([{ lineId: 'l2', qty: 1 }]);
	});

	it('refuses more than taken, lines not taken, and a partial pack unless the setting allows it', async () => {
		const reader = await taken();
		expect(await pack(reader, [{ lineId: 'l1', qty: 3 }])).toEqual({
			ok: false,
			code: 'qty_exceeds_taken',
			message: 'Order #1043: only 2 × SKU-1 taken.'
		});
		expect(await pack(reader, [{ lineId: 'zz', qty: 1 }])).toMatchObject({
			code: 'line_not_found'
		});
		expect(await pack(reader, [{ lineId: 'l1', qty: 1 }])).toEqual({
			ok: false,
			code: 'partial_pack_not_allowed',
			message:
				'Order #1043: 1 × SKU-1, 1 × SKU-2 not packed; partial packing is off in the settings.'
		});
		expect(reader.preparations.get('o1')!.status).toBe('new');
		expect(reader.orders.get('o1')!.shipments).toEqual([]);

		const partial = await taken({ allowPartialPacking: true });
		await applyOk(partial, 'preparation.pack', {
			orderId: 'o1',
			shipmentId: 's1',
			lines: [{ lineId: 'l1', qty: 1 }]
		});
		// What is in the parcel is what the entry holds now; the rest reserves as usual.
		expect(partial.preparations.get('o1')).toMatchObject({
			status: 'packed',
			lines: [{ lineId: 'l1', qty: 1 }],
			packed: { l1: 1 }
		});
		const order = partial.orders.get('o1')!;
		expect(order.status).toBe('processing');
		expect(order.lines.map((l) => [l.qtyShipped, l.qtyReserved])).toEqual([
			[1, 1],
			[0, 1]
		]);
	});

	it('refuses a line not taken into preparation', async () => {
		const reader = makeWorld({
			orders: [
				makeOrder({
					id: 'o1',
					number: '1043',
					lines: [
						makeLine({ id: 'l1' }),
						makeLine({ id: 'l9', productId: 'product-2', sku: 'SKU-2' })
					]
				})
			],
			stock: [makeStock({ physical: 1 })],
			settings: { allowPartialPacking: true }
		});
		await applyOk(reader, 'preparation.add', { warehouseId: 'wh-main', orderIds: ['o1'] });
		expect(await pack(reader, [{ lineId: 'l9', qty: 1 }])).toEqual({
			ok: false,
			code: 'not_taken',
			message: 'Order #1043: SKU-2 was not taken into preparation.'
		});
	});

	it('refuses an order not in preparation, already packed, or held for a shop conflict', async () => {
		const reader = await taken();
		await applyOk(reader, 'order.hold', {
			orderId: 'o1',
			reason: 'shop_conflict',
			note: 'Canceled in the shop'
		});
		expect(await pack(reader, ALL)).toEqual({
			ok: false,
			code: 'not_allowed_status',
			message: 'Order #1043 is on hold (Canceled in the shop): release it before packing it.'
		});
		await applyOk(reader, 'order.releaseHold', { orderId: 'o1' });
		await applyOk(reader, 'preparation.pack', {
			orderId: 'o1',
			shipmentId: 's1',
			lines: ALL
		});
		expect(await pack(reader, ALL)).toMatchObject({
			code: 'packed',
			message: 'Order #1043 is already packed.'
		});
		expect(await applyAndWrite(reader, 'preparation.remove', { orderId: 'o1' })).toEqual({
			ok: false,
			code: 'packed',
			message: 'Order #1043 is packed: it can no longer leave preparation.'
		});
		const other = makeWorld({ orders: [makeOrder({ id: 'o1', number: '1043' })] });
		expect(await pack(other, ALL)).toEqual({
			ok: false,
			code: 'not_in_preparation',
			message: 'Order #1043 is not in preparation.'
		});
	});

	it('refuses a shipment or invoice id the order already has, before anything is written', async () => {
		const reader = await taken({ allowPartialPacking: true });
		let assigned = 0;
		await applyOk(reader, 'order.createInvoice', {
			orderId: 'o1',
			invoiceId: 'i1',
			lines: [{ lineId: 'l2', qty: 1 }]
		});
		const before = reader.snapshot();
		const result = await applyAndWrite(
			reader,
			'preparation.pack',
			{ orderId: 'o1', shipmentId: 's1', invoiceId: 'i1', lines: ALL },
			{ assignInvoiceNumber: () => `N${++assigned}` }
		);
		expect(result).toMatchObject({ code: 'duplicate_id' });
		expect(assigned).toBe(0);
		expect(reader.snapshot()).toEqual(before);
	});
});

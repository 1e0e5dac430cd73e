import { describe, expect, it } from 'vitest';
import { makeLine, makeOrder, makeStock } from '../testing/factories';
import { applyAndWrite, applyOk } from '../testing/run';
import { makeWorld } from '../testing/world';

const order = (valid = true) =>
	makeOrder({
		id: 'o1',
		number: '1043',
		valid,
		shippingAmount: 4.9,
		lines: [makeLine({ id: 'l1', qtyOrdered: 3, price: 10, taxRate: 0.2 })]
	});

describe('order.createInvoice', () => {
	it('invoices units with the number the server gives, shipping on the first invoice', async () => {
		const reader = makeWorld({ orders: [order()] });
		const numbers = ['INV-1', 'INV-2'];
		await applyOk(
			reader,
			'order.createInvoice',
			{ orderId: 'o1', invoiceId: 'i1', lines: [{ lineId: 'l1', qty: 2 }] },
			{ assignInvoiceNumber: () => numbers.shift()!, now: '2026-01-08T00:00:00.000Z' }
		);
		await applyOk(reader, 'order.createInvoice', {
			orderId: 'o1',
			invoiceId: 'i2',
			lines: [{ lineId: 'l1', qty: 1 }]
		});
		const saved = reader.orders.get('o1')!;
		expect(saved.invoices).toEqual([
			{
				id: 'i1',
				number: 'INV-1',
				createdAt: '2026-01-08T00:00:00.000Z',
				lines: [{ lineId: 'l1', qty: 2 }],
				total: 28.9
			},
			expect.objectContaining({ id: 'i2', number: null, total: 12 })
		]);
		expect(saved.lines[0].qtyInvoiced).toBe(3);
	});

	it('records the payment of a pending order, which then reserves stock', async () => {
		const reader = makeWorld({
			orders: [order(false)],
			stock: [makeStock({ physical: 5 })],
			settings: { reserveUnpaidOrders: false }
		});
		expect(reader.orders.get('o1')!.lines[0].qtyReserved).toBe(0);
		const changes = await applyOk(reader, 'order.createInvoice', {
			orderId: 'o1',
			invoiceId: 'i1',
			lines: [{ lineId: 'l1', qty: 3 }]
		});
		expect(reader.orders.get('o1')).toMatchObject({ valid: true, status: 'processing' });
		expect(reader.orders.get('o1')!.lines[0].qtyReserved).toBe(3);
		expect(changes.timeline[0].summary).toBe(
			'Invoice (number pending): 3 × SKU-1, total 40.90 EUR; payment recorded.'
		);
	});

	it('refuses more than is left to invoice, without using up an invoice number', async () => {
		const reader = makeWorld({ orders: [order()] });
		let taken = 0;
		const result = await applyAndWrite(
			reader,
			'order.createInvoice',
			{ orderId: 'o1', invoiceId: 'i1', lines: [{ lineId: 'l1', qty: 4 }] },
			{ assignInvoiceNumber: () => `N${++taken}` }
		);
		expect(result).toEqual({
			ok: false,
			code: 'qty_exceeds_invoiceable',
			message: 'Order #1043: only 3 × SKU-1 left to invoice.'
		});
		expect(taken).toBe(0);
	});

	it('refuses canceled and fully invoiced orders', async () => {
		const canceled = makeOrder({ id: 'c', number: '5', lines: [makeLine({ qtyCanceled: 1 })] });
		const invoiced = makeOrder({ id: 'f', number: '6', lines: [makeLine({ qtyInvoiced: 1 })] });
		const reader = makeWorld({ orders: [canceled, invoiced] });
		const invoice = (orderId: string) =>
			applyAndWrite(reader, 'order.createInvoice', {
				orderId,
				invoiceId: 'i',
				lines: [{ lineId: 'x', qty: 1 }]
			});
		expect(await invoice('c')).toMatchObject({
			code: 'not_allowed_status',
			message: 'Order #5 is canceled: nothing to invoice.'
		});
		expect(await invoice('f')).toMatchObject({ code: 'nothing_to_invoice' });
	});
});

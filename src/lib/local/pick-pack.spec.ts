import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	makeLine,
	makeMainWarehouse,
	makeOrder,
	makePreparation,
	makeProduct,
	makeStock
} from '$lib/domain/testing/factories';
import { getDb, resetDb } from './db';
import { performAction, DEFAULT_ACTOR } from './perform';
import {
	operatorBatch,
	ordersByNumber,
	packData,
	pickData,
	productsByCode,
	substituteInPreparation
} from './pick-pack';
import { toStoredOrder, toStoredProduct } from './stored';

const ORDER = makeOrder({
	id: 'order-a',
	number: '1001',
	lines: [makeLine({ id: 'line-a', productId: 'product-1', sku: 'SKU-1', qtyOrdered: 2 })]
});

beforeEach(async () => {
	await resetDb();
	const db = getDb();
	await db.warehouses.put(makeMainWarehouse());
	await db.products.bulkPut([
		toStoredProduct(makeProduct({ id: 'product-1', sku: 'SKU-1', barcodes: ['111'] })),
		toStoredProduct(makeProduct({ id: 'product-2', sku: 'Sku-2', barcodes: ['222'] }))
	]);
	await db.stock.bulkPut([
		makeStock({ productId: 'product-1', location: 'A2' }),
		makeStock({ productId: 'product-2', location: 'B7' })
	]);
	await db.orders.put(toStoredOrder(ORDER));
	for (const productId of ['product-1', 'product-2']) {
		await performAction('stock.adjust', {
			movementId: `mv-${productId}`,
			productId,
			warehouseId: 'wh-main',
			qty: 5,
			category: 'adjustment',
			comment: 'count'
		});
	}
	expect(
		await performAction('preparation.add', { warehouseId: 'wh-main', orderIds: ['order-a'] })
	).toMatchObject({ ok: true });
});

describe('pick and pack reads', () => {
	it('list only the operator’s entries with the asked statuses, with their orders', async () => {
		await getDb().preparations.put(
			makePreparation({ orderId: 'order-x', operator: 'someone-else' })
		);
		const mine = await operatorBatch('wh-main', DEFAULT_ACTOR, ['new']);
		expect(mine.map((b) => [b.entry.orderId, b.order?.number])).toEqual([['order-a', '1001']]);
		expect(await operatorBatch('wh-main', DEFAULT_ACTOR, ['picked'])).toEqual([]);
		const pick = await pickData('wh-main', DEFAULT_ACTOR);
		expect(pick.products.map((p) => p.sku)).toEqual(['SKU-1']);
		expect(pick.stockLevels.map((s) => s.location)).toEqual(['A2']);
	});

	it('find products by barcode or SKU in any case, and orders by number', async () => {
		expect((await productsByCode('222')).map((p) => p.id)).toEqual(['product-2']);
		expect((await productsByCode('sku-2')).map((p) => p.id)).toEqual(['product-2']);
		expect(await productsByCode('nothing')).toEqual([]);
		expect((await ordersByNumber('#1001')).map((o) => o.id)).toEqual(['order-a']);
		expect((await packData('order-a')).entry?.lines).toEqual([{ lineId: 'line-a', qty: 2 }]);
	});
});

describe('substituteInPreparation', () => {
	it('replaces a taken line and takes the order again with the new line', async () => {
		const result = await substituteInPreparation({
			orderId: 'order-a',
			warehouseId: 'wh-main',
			lineId: 'line-a',
			sku: 'Sku-2',
			newLineId: 'line-new'
		});
		expect(result).toMatchObject({ ok: true });
		const { order, entry } = await packData('order-a');
		expect(order?.lines.find((l) => l.id === 'line-a')?.qtyCanceled).toBe(2);
		expect(entry).toMatchObject({ status: 'new', lines: [{ lineId: 'line-new', qty: 2 }] });
		const names = (await getDb().outbox.toArray()).map((m) => m.name);
		expect(names.slice(-3)).toEqual(['preparation.remove', 'order.replaceLine', 'preparation.add']);
	});

	it('changes nothing when the replacement is refused', async () => {
		const before = await getDb().outbox.count();
		const result = await substituteInPreparation({
			orderId: 'order-a',
			warehouseId: 'wh-main',
			lineId: 'line-a',
			sku: 'NO-SUCH-SKU',
			newLineId: 'line-new'
		});
		expect(result).toMatchObject({ ok: false, code: 'product_not_found' });
		expect(await getDb().outbox.count()).toBe(before);
		expect((await packData('order-a')).entry?.lines).toEqual([{ lineId: 'line-a', qty: 2 }]);
	});
});

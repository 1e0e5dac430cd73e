import { describe, expect, it } from 'vitest';
import { applyMutation } from './apply';
import { makeContext, makeLine, makeMutation, makeOrder, makeStock } from './testing/factories';
import { makeWorld } from './testing/world';

const order = () =>
	makeOrder({ id: 'o1', number: '1043', lines: [makeLine({ id: 'l1', qtyOrdered: 2 })] });

describe('applyMutation', () => {
	it('rejects an unknown name, including inherited property names', async () => {
		const reader = makeWorld();
		for (const name of ['order.explode', 'toString', '__proto__']) {
			const result = await applyMutation(reader, makeMutation(name, {}), makeContext());
			expect(result).toMatchObject({ ok: false, code: 'unknown_mutation' });
		}
	});

	it('rejects arguments that fail the schema, listing every field problem', async () => {
		const reader = makeWorld({ orders: [order()] });
		const result = await applyMutation(
			reader,
			makeMutation('order.editShippingAddress', {
				orderId: 'o1',
				address: { name: '', street1: '1 Main St', city: 'Berlin', postcode: 'ABC', country: 'DE' }
			}),
			makeContext()
		);
		expect(result).toEqual({
			ok: false,
			code: 'invalid_args',
			message:
				'Check these fields: address.name: Name is required.; address.postcode: A postcode in Germany looks like 10115.',
			issues: [
				{ path: 'address.name', message: 'Name is required.' },
				{ path: 'address.postcode', message: 'A postcode in Germany looks like 10115.' }
			]
		});
	});

	it('rejects a missing order and a missing line with the order named', async () => {
		const reader = makeWorld({ orders: [order()] });
		const missingOrder = await applyMutation(
			reader,
			makeMutation('order.hold', { orderId: 'nope', reason: 'address' }),
			makeContext()
		);
		expect(missingOrder).toMatchObject({ ok: false, code: 'order_not_found' });
		const missingLine = await applyMutation(
			reader,
			makeMutation('order.cancelLine', { orderId: 'o1', lineId: 'l9', qty: 1 }),
			makeContext()
		);
		expect(missingLine).toEqual({
			ok: false,
			code: 'line_not_found',
			message: 'Order #1043 has no line l9.'
		});
	});

	it('returns complete changed records, events with mutation-scoped ids, and no no-op writes', async () => {
		const reader = makeWorld({
			orders: [order()],
			stock: [makeStock({ physical: 5 }), makeStock({ productId: 'product-2', physical: 1 })]
		});
		const result = await applyMutation(
			reader,
			makeMutation('order.hold', { orderId: 'o1', reason: 'payment', note: 'Card declined' }),
			makeContext({ clientId: 'c9', mutationId: 42, actor: 'u7', now: '2026-03-01T08:00:00.000Z' })
		);
		expect(result.ok).toBe(true);
		if (!result.ok) return;
		expect(result.changes.orders).toHaveLength(1);
		expect(result.changes.orders[0]).toMatchObject({
			id: 'o1',
			status: 'on_hold',
			hold: { reason: 'payment', note: 'Card declined', by: 'u7' },
			customer: { name: 'Ann Lee' }
		});
		// Holding keeps the reservation (default settings): the stock row does not change.
		expect(result.changes.stock).toEqual([]);
		expect(result.changes.timeline).toEqual([
			{
				id: 'c9:42:1',
				orderId: 'o1',
				at: '2026-03-01T08:00:00.000Z',
				actor: 'u7',
				actorKind: 'user',
				type: 'order.hold',
				summary: 'Held: Payment (Card declined).'
			}
		]);
	});

	it('gives the same result for the same records, whatever order the reader lists them in', async () => {
		const seed = {
			orders: [
				makeOrder({ id: 'a', lines: [makeLine({ id: 'a1', qtyOrdered: 2 })] }),
				makeOrder({ id: 'b', lines: [makeLine({ id: 'b1', qtyOrdered: 2 })] })
			],
			stock: [makeStock({ physical: 1 })]
		};
		const mutation = makeMutation('stock.adjust', {
			movementId: 'm1',
			productId: 'product-1',
			warehouseId: 'wh-main',
			qty: 2,
			category: 'adjustment',
			comment: 'found'
		});
		const one = await applyMutation(makeWorld(seed), mutation, makeContext());
		const two = await applyMutation(
			makeWorld(seed, { reverseLists: true }),
			mutation,
			makeContext()
		);
		expect(one.ok).toBe(true);
		expect(two).toEqual(one);
	});
});

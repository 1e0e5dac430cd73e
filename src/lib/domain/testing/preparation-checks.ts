// What the preparation rules promise, checked on a MemoryReader after any sequence of actions
// (properties.spec.ts, preparation.properties.spec.ts).
import { expect } from 'vitest';
import { toShip } from '../line-rules';
import { applyMutation } from '../apply';
import type { ApplyResult } from '../mutation';
import { PreparationEntry, type Order } from '../schemas';
import { makeContext, makeMutation } from './factories';
import type { MemoryReader, MemorySeed } from './memory-reader';

/**
 * Entries not packed yet hold reserved units only (taken ≤ reserved ≤ toShip) of lines of their
 * own warehouse; a packed or shipped entry is exactly its parcel: the shipment made at packing.
 */
export function checkPreparationInvariants(store: MemoryReader): void {
	for (const entry of store.preparations.values()) {
		expect(PreparationEntry.safeParse(entry).error).toBeUndefined();
		const order = store.orders.get(entry.orderId);
		expect(order, `entry ${entry.orderId} has an order`).toBeDefined();
		if (!order) continue;
		expect(new Set(entry.lines.map((l) => l.lineId)).size).toBe(entry.lines.length);
		for (const taken of entry.lines) {
			const line = order.lines.find((l) => l.id === taken.lineId);
			expect(line, `line ${taken.lineId} of ${order.id}`).toBeDefined();
			if (!line) continue;
			expect(taken.qty).toBeGreaterThan(0);
			expect(line.warehouseId).toBe(entry.warehouseId);
			if (entry.status === 'new' || entry.status === 'picked') {
				expect(taken.qty).toBeLessThanOrEqual(line.qtyReserved);
				expect(line.qtyReserved).toBeLessThanOrEqual(toShip(line));
			}
		}
		if (entry.status === 'packed' || entry.status === 'shipped') {
			const shipment = order.shipments.find((s) => s.id === entry.shipmentId);
			expect(shipment?.lines).toEqual(entry.lines);
			expect(entry.packed).toEqual(Object.fromEntries(entry.lines.map((l) => [l.lineId, l.qty])));
			if (entry.status === 'shipped') expect(shipment?.tracking).toBeTruthy();
		}
	}
}

const entryOf = (seed: MemorySeed, orderId: string) =>
	seed.preparations.find((p) => p.orderId === orderId);
const orderOf = (seed: MemorySeed, orderId: string): Order | undefined =>
	seed.orders.find((o) => o.id === orderId);

/**
 * One applied or rejected step: taking takes exactly the reserved units of the warehouse (never
 * unreserved ones); packing never ships more than was taken; a packed order is never held by a
 * person nor has a packed line moved.
 */
export function checkPreparationStep(
	before: MemorySeed,
	step: { name: string; args: Record<string, unknown> },
	result: ApplyResult,
	after: MemoryReader
): void {
	const orderId = step.args.orderId as string;
	const entryBefore = entryOf(before, orderId);
	const packedBefore = entryBefore?.status === 'packed' || entryBefore?.status === 'shipped';
	if (step.name === 'order.hold' && step.args.reason !== 'shop_conflict' && packedBefore) {
		expect(result).toMatchObject({ ok: false });
	}
	if (
		step.name === 'order.changeLineWarehouse' &&
		entryBefore?.lines.some((l) => l.lineId === step.args.lineId)
	) {
		expect(result).toMatchObject({ ok: false });
	}
	if (!result.ok) return;
	if (step.name === 'preparation.add') {
		for (const id of step.args.orderIds as string[]) {
			const order = orderOf(before, id)!;
			const entry = after.preparations.get(id)!;
			const expected = order.lines
				.filter((l) => l.warehouseId === step.args.warehouseId && l.qtyReserved > 0)
				.map((l) => ({ lineId: l.id, qty: l.qtyReserved }));
			expect(entry.lines).toEqual(expected);
			expect(entry.lines.length).toBeGreaterThan(0);
		}
	}
	if (step.name === 'preparation.pack') {
		const shipment = after.orders.get(orderId)!.shipments.at(-1)!;
		for (const { lineId, qty } of shipment.lines) {
			const taken = entryBefore!.lines.find((l) => l.lineId === lineId)?.qty ?? 0;
			expect(qty).toBeLessThanOrEqual(taken);
		}
	}
}

/**
 * Every packed (or shipped, not flushed) order refuses a person's hold and a move of any line of
 * its parcel, whatever the sequence before. Nothing is written.
 */
export async function checkPackedOrdersStayPut(store: MemoryReader): Promise<void> {
	const ctx = makeContext({ mutationId: 999 });
	for (const entry of store.preparations.values()) {
		if (entry.status !== 'packed' && entry.status !== 'shipped') continue;
		const hold = await applyMutation(
			store,
			makeMutation('order.hold', { orderId: entry.orderId, reason: 'customer_request' }),
			ctx
		);
		expect(hold.ok).toBe(false);
		for (const { lineId } of entry.lines) {
			for (const warehouseId of ['wh-main', 'wh-b']) {
				const move = await applyMutation(
					store,
					makeMutation('order.changeLineWarehouse', {
						orderId: entry.orderId,
						lineId,
						warehouseId
					}),
					ctx
				);
				expect(move.ok).toBe(false);
			}
		}
	}
}

// fast-check arbitraries of mutations over a MemoryReader's current state: each step is a plan
// (an action name and a few random picks) resolved against the store when it runs, so ids mostly
// exist and quantities are near the real figures, with some unknown ids, zero or excessive
// quantities, bad postcodes and unknown names mixed in.
import fc from 'fast-check';
import { invoiceableQty } from '../line-rules';
import { returnableQty } from '../returns';
import { HoldReason, MovementCategory, ReturnReason, type OrderLine } from '../schemas';
import { WORLD_SHIPPING_WAREHOUSES } from './arbitraries';
import { makeAddress } from './factories';
import type { MemoryReader } from './memory-reader';

export const PLAN_NAMES = [
	'order.cancelLine',
	'order.replaceLine',
	'order.changeLineWarehouse',
	'order.editShippingAddress',
	'order.setGiftMessage',
	'order.createReturn',
	'order.cancel',
	'order.hold',
	'order.releaseHold',
	'order.changeShippingMethod',
	'order.createShipment',
	'order.createInvoice',
	'stock.adjust',
	'stock.setLocation',
	'warehouse.update',
	'settings.update',
	'preparation.add',
	'preparation.remove',
	'preparation.markPicked',
	'preparation.pack',
	'preparation.ship',
	'preparation.flush',
	'order.teleport'
] as const;

export interface MutationPlan {
	name: (typeof PLAN_NAMES)[number];
	/** Random picks, reduced modulo whatever list they choose from. */
	picks: number[];
	flag: boolean;
}

const picksArb = fc.array(fc.nat(1000), { minLength: 8, maxLength: 8 });

export const planArb: fc.Arbitrary<MutationPlan> = fc.record({
	name: fc.constantFrom(...PLAN_NAMES),
	picks: picksArb,
	flag: fc.boolean()
});

export const PREPARATION_PLAN_NAMES = PLAN_NAMES.filter((n) => n.startsWith('preparation.'));

/** Half preparation actions, half any action: flows of take, pick, pack, ship, flush happen. */
export const preparationPlanArb: fc.Arbitrary<MutationPlan> = fc.record({
	name: fc.oneof(fc.constantFrom(...PREPARATION_PLAN_NAMES), fc.constantFrom(...PLAN_NAMES)),
	picks: picksArb,
	flag: fc.boolean()
});

const pickFrom = <T>(list: readonly T[], n: number): T => list[n % list.length];

const findLineOf = (store: MemoryReader, orderId: string, lineId: string) =>
	store.orders.get(orderId)?.lines.find((l) => l.id === lineId);

/** Builds the mutation a plan stands for, against the store as it is now. */
export function resolvePlan(
	store: MemoryReader,
	plan: MutationPlan
): { name: string; args: Record<string, unknown> } {
	const [p0, p1, p2, p3, p4, p5, p6, p7] = plan.picks;
	const orders = [...store.orders.values()].sort((a, b) => (a.id < b.id ? -1 : 1));
	// Actions that need a particular kind of order mostly get one, so they are applied often.
	const wanted = orders.filter((o) => {
		const entry = store.preparations.get(o.id);
		switch (plan.name) {
			case 'preparation.add':
				return (
					o.status === 'processing' &&
					(!entry || entry.status === 'shipped') &&
					o.lines.some(
						(l) => l.qtyReserved > 0 && WORLD_SHIPPING_WAREHOUSES.includes(l.warehouseId)
					)
				);
			case 'preparation.remove':
				return entry?.status === 'new' || entry?.status === 'picked';
			case 'preparation.markPicked':
				return entry?.status === 'new';
			case 'preparation.pack':
				return (entry?.status === 'new' || entry?.status === 'picked') && o.status === 'processing';
			case 'preparation.ship':
				return entry?.status === 'packed' && o.status !== 'on_hold';
			case 'order.createShipment':
				return (
					o.status === 'processing' &&
					!store.preparations.has(o.id) &&
					o.lines.some((l) => l.qtyReserved > 0)
				);
			case 'order.createReturn':
				return (
					(o.status === 'processing' || o.status === 'complete') &&
					o.lines.some((l) => l.qtyShipped > 0)
				);
			case 'order.createInvoice':
				return o.status !== 'canceled' && o.lines.some((l) => invoiceableQty(l) > 0);
			default:
				return false;
		}
	});
	const pool = wanted.length > 0 && p0 % 10 < 7 ? wanted : orders;
	// One pick in ten aims at something that does not exist.
	const order = p0 % 10 === 9 || pool.length === 0 ? undefined : pickFrom(pool, p0);
	const orderId = order?.id ?? 'missing';
	const lines = order?.lines ?? [];
	const line = p1 % 10 === 9 || lines.length === 0 ? undefined : pickFrom(lines, p1);
	const lineId = line?.id ?? 'nope';
	// Mostly 1 or near the line's figures; sometimes 0 (invalid) or too many.
	const qty = p2 % 8 === 0 ? 0 : p2 % 8 === 1 ? 9 : 1 + (p2 % 3);
	/** One or two distinct lines; the first quantity is exactly `fit(line)` two times in three. */
	const lineQtys = (fit: (l: OrderLine) => number) => {
		if (lines.length === 0) return [{ lineId, qty }];
		const chosen = [...new Set([pickFrom(lines, p1), pickFrom(lines, p1 + 1 + (p3 % 2))])];
		return chosen.slice(0, 1 + (p3 % 2)).map((l, k) => ({
			lineId: l.id,
			qty: k === 0 && p7 % 3 !== 0 && fit(l) > 0 ? fit(l) : k === 0 ? qty : 1
		}));
	};
	const warehouseId = pickFrom(['wh-main', 'wh-b', 'wh-c', 'nope'], p4);
	const productId = pickFrom(['p1', 'p2', 'p3', 'p4', 'nope'], p5);
	const entry = order ? store.preparations.get(order.id) : undefined;
	const token = `${p6 % 4}`;
	switch (plan.name) {
		case 'order.cancelLine':
			return { name: plan.name, args: { orderId, lineId, qty } };
		case 'order.replaceLine':
			return {
				name: plan.name,
				args: {
					orderId,
					lineId,
					sku: pickFrom(['P1', 'P2', 'P3', 'P4', 'P5', 'NOPE'], p5),
					newLineId: `n${token}`
				}
			};
		case 'order.changeLineWarehouse':
			return { name: plan.name, args: { orderId, lineId, warehouseId } };
		case 'order.editShippingAddress':
			return {
				name: plan.name,
				args: {
					orderId,
					address: plan.flag
						? makeAddress({ country: 'DE', postcode: '10115' })
						: makeAddress({ postcode: p7 % 2 ? '123' : '75011' })
				}
			};
		case 'order.setGiftMessage':
			return { name: plan.name, args: { orderId, message: plan.flag ? '' : 'Happy birthday' } };
		case 'order.createReturn':
			return {
				name: plan.name,
				args: {
					orderId,
					returnId: `r${token}`,
					items: lineQtys((l) => (order ? returnableQty(order, l) : 0)).map((l) => ({
						...l,
						reason: pickFrom(ReturnReason.options, p7),
						request: plan.flag ? 'refund' : 'exchange'
					})),
					overrideWindow: p7 % 2 === 0
				}
			};
		case 'order.cancel':
			return {
				name: plan.name,
				args: plan.flag ? { orderId, reason: 'Customer asked' } : { orderId }
			};
		case 'order.hold':
			return { name: plan.name, args: { orderId, reason: pickFrom(HoldReason.options, p7) } };
		case 'order.releaseHold':
			return { name: plan.name, args: { orderId } };
		case 'order.changeShippingMethod':
			return { name: plan.name, args: { orderId, code: 'ups', label: 'UPS' } };
		case 'order.createShipment': {
			// Mostly exactly what is reserved, so shipments happen.
			const reserved = lines.filter((l) => l.qtyReserved > 0);
			const shipLines =
				p7 % 4 !== 0 && reserved.length > 0
					? reserved.map((l) => ({ lineId: l.id, qty: l.qtyReserved }))
					: lineQtys((l) => l.qtyReserved);
			return {
				name: plan.name,
				args: {
					orderId,
					shipmentId: `s${token}`,
					lines: shipLines,
					...(plan.flag ? { tracking: 'T1' } : {})
				}
			};
		}
		case 'order.createInvoice':
			return {
				name: plan.name,
				args: { orderId, invoiceId: `i${token}`, lines: lineQtys(invoiceableQty) }
			};
		case 'stock.adjust': {
			// One time in three, stock breaks on the shelf under an order in preparation.
			const held = [...store.preparations.values()]
				.filter((e) => e.status === 'new' || e.status === 'picked')
				.flatMap((e) => e.lines.map((l) => ({ entry: e, lineId: l.lineId })));
			const target = held.length > 0 && p7 % 3 === 0 ? pickFrom(held, p3) : undefined;
			const line = target && findLineOf(store, target.entry.orderId, target.lineId);
			const level = line && store.stockMap.get(`${line.productId}:${line.warehouseId}`);
			if (line && level && level.physical > 0) {
				return {
					name: plan.name,
					args: {
						movementId: `m${p6}`,
						productId: line.productId,
						warehouseId: line.warehouseId,
						qty: -Math.max(1, level.physical - (p2 % 2)),
						category: 'defective',
						comment: 'Broken'
					}
				};
			}
			return {
				name: plan.name,
				args: {
					movementId: `m${p6}`,
					productId,
					warehouseId,
					qty: (p7 % 10) - 4,
					category: pickFrom(MovementCategory.options, p3),
					comment: ''
				}
			};
		}
		case 'stock.setLocation':
			return { name: plan.name, args: { productId, warehouseId, location: plan.flag ? 'A1' : '' } };
		case 'warehouse.update':
			return {
				name: plan.name,
				args: {
					warehouseId,
					...(plan.flag
						? { enabled: p7 % 2 === 0 }
						: { fulfillment: pickFrom(['shipping', 'none'], p7) })
				}
			};
		case 'settings.update':
			return {
				name: plan.name,
				args: plan.flag
					? { reserveUnpaidOrders: p7 % 2 === 0 }
					: { holdingReleasesStock: p7 % 2 === 0 }
			};
		case 'preparation.add': {
			// Mostly the warehouse of one of its reserved lines, so something is taken.
			const reservedHere = lines.filter(
				(l) => l.qtyReserved > 0 && WORLD_SHIPPING_WAREHOUSES.includes(l.warehouseId)
			);
			const here =
				p7 % 4 !== 0 && reservedHere.length > 0
					? pickFrom(reservedHere, p3).warehouseId
					: warehouseId;
			const other = pool.length > 0 ? pickFrom(pool, p6).id : undefined;
			const orderIds = plan.flag && other && other !== orderId ? [orderId, other] : [orderId];
			return { name: plan.name, args: { warehouseId: here, orderIds } };
		}
		case 'preparation.remove':
			return { name: plan.name, args: { orderId } };
		case 'preparation.markPicked':
			return { name: plan.name, args: { orderIds: [orderId] } };
		case 'preparation.pack': {
			// Mostly everything taken; sometimes one unit short (partial) or one too many.
			const taken = entry?.lines ?? [{ lineId, qty: 1 }];
			const delta = p7 % 5 === 0 ? -1 : p7 % 5 === 1 ? 1 : 0;
			const packLines = taken
				.map((l, k) => ({ lineId: l.lineId, qty: k === 0 ? l.qty + delta : l.qty }))
				.filter((l) => l.qty > 0);
			return {
				name: plan.name,
				args: {
					orderId,
					shipmentId: `s${token}`,
					...(plan.flag ? { invoiceId: `i${token}` } : {}),
					lines: packLines.length > 0 ? packLines : [{ lineId, qty: 1 }],
					...(p3 % 2 === 0 ? { weight: 1.5, parcels: 1 } : {})
				}
			};
		}
		case 'preparation.ship':
			return {
				name: plan.name,
				args: { orderId, tracking: `TRK${token}`, ...(plan.flag ? { carrier: 'UPS' } : {}) }
			};
		case 'preparation.flush': {
			// Mostly a warehouse with shipped entries.
			const shipped = [...store.preparations.values()].filter((p) => p.status === 'shipped');
			const target =
				p7 % 4 !== 0 && shipped.length > 0 ? pickFrom(shipped, p3).warehouseId : warehouseId;
			return { name: plan.name, args: { warehouseId: target } };
		}
		default:
			return { name: plan.name, args: {} };
	}
}

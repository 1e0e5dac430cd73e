// fast-check arbitraries of a small, consistent warehouse world: a few warehouses and products,
// orders in every status with lines in every state, stock, preparation entries, settings.
// The world is made consistent with reserveAll, as the demo data generator does, and its
// preparation entries with what the preparation rules leave (settleWorld).
import fc from 'fast-check';
import { fitToReservation } from '../preparation';
import { reserveAll } from '../reservation';
import {
	DEFAULT_SETTINGS,
	HoldReason,
	type Order,
	type OrderLine,
	type PreparationEntry,
	type Product,
	type Settings,
	type StockLevel,
	type Warehouse
} from '../schemas';
import { withDerivedStatus } from '../status';
import { makeAddress, makeMainWarehouse, makeWarehouse, MAIN_WAREHOUSE_ID, T0 } from './factories';
import type { MemorySeed } from './memory-reader';

export const WORLD_WAREHOUSES: Warehouse[] = [
	makeMainWarehouse(),
	makeWarehouse({ id: 'wh-b', name: 'Annex', priority: 1 }),
	makeWarehouse({ id: 'wh-c', name: 'Dropship', priority: 2, fulfillment: 'none' })
];
export const WORLD_SHIPPING_WAREHOUSES = [MAIN_WAREHOUSE_ID, 'wh-b'];

const product = (id: string, type: Product['type']): Product => ({
	id,
	sku: id.toUpperCase(),
	name: `Product ${id}`,
	barcodes: [],
	type,
	shopRefs: [],
	createdFromOrder: false
});
export const WORLD_PRODUCTS: Product[] = [
	product('p1', 'simple'),
	product('p2', 'simple'),
	product('p3', 'simple'),
	product('p4', 'gift_card'),
	product('p5', 'bundle')
];
export const WORLD_SIMPLE_PRODUCTS = ['p1', 'p2', 'p3'];

/** Few distinct instants, so ties on placed-at (broken by order id) happen often. */
const PLACED_AT = [T0, '2026-01-05T10:00:00.001Z', '2026-01-04T08:30:00.000Z'];

const qtyFigures = (requiresShipping: boolean) =>
	fc
		.integer({ min: 1, max: 4 })
		.chain((ordered) =>
			fc.record({
				qtyOrdered: fc.constant(ordered),
				// Mostly open lines: nothing shipped or canceled yet.
				shipped: requiresShipping
					? fc.oneof({ weight: 3, arbitrary: fc.constant(0) }, fc.integer({ min: 0, max: ordered }))
					: fc.constant(0),
				canceledShare: fc.oneof(
					{ weight: 3, arbitrary: fc.constant(0) },
					fc.integer({ min: 0, max: 4 })
				),
				invoiced: fc.integer({ min: 0, max: ordered }),
				refundedShare: fc.integer({ min: 0, max: 4 }),
				reservedShare: fc.integer({ min: 0, max: 4 })
			})
		)
		.map((f) => {
			const canceled = Math.min(f.canceledShare, f.qtyOrdered - f.shipped);
			const open = f.qtyOrdered - f.shipped - canceled;
			return {
				qtyOrdered: f.qtyOrdered,
				qtyShipped: f.shipped,
				qtyCanceled: canceled,
				qtyInvoiced: f.invoiced,
				qtyRefunded: Math.min(f.refundedShare, Math.max(0, f.invoiced + canceled - f.qtyOrdered)),
				// A random prior reservation: what on-hold and in-preparation lines keep.
				qtyReserved: requiresShipping ? Math.min(f.reservedShare, open) : 0
			};
		});

function line(
	orderId: string,
	j: number,
	productId: string,
	warehouseId: string
): fc.Arbitrary<OrderLine> {
	const p = WORLD_PRODUCTS.find((x) => x.id === productId)!;
	const ships = p.type === 'simple';
	return qtyFigures(ships).map((q) => ({
		id: `${orderId}-l${j}`,
		sku: p.sku,
		productId,
		name: p.name,
		...q,
		warehouseId,
		requiresShipping: ships,
		price: 10 + j,
		taxRate: 0.2
	}));
}

const plainLine = (orderId: string, j: number) =>
	fc
		.record({
			productId: fc.constantFrom(...WORLD_SIMPLE_PRODUCTS, 'p4'),
			warehouseId: fc.constantFrom(...WORLD_SHIPPING_WAREHOUSES, 'wh-c')
		})
		.chain(({ productId, warehouseId }) => line(orderId, j, productId, warehouseId));

/** A bundle (container line, does not ship) with two items that ship. */
const bundleLines = (orderId: string, j: number) =>
	fc
		.tuple(
			line(orderId, j, 'p5', MAIN_WAREHOUSE_ID),
			plainLine(orderId, j + 1),
			plainLine(orderId, j + 2)
		)
		.map(([parent, a, b]) => [
			{ ...parent, qtyCanceled: 0, qtyShipped: 0, qtyReserved: 0 },
			{ ...a, parentLineId: parent.id, productId: 'p1', sku: 'P1', requiresShipping: true },
			{ ...b, parentLineId: parent.id, productId: 'p2', sku: 'P2', requiresShipping: true }
		]);

/** busy: a floor with work to prepare (mostly paid, rarely held, stock on the shelves). */
function orderArb(i: number, busy = false): fc.Arbitrary<Order> {
	const id = `o${i}`;
	return fc
		.record({
			placedAt: fc.constantFrom(...PLACED_AT),
			valid: busy
				? fc.oneof({ weight: 4, arbitrary: fc.constant(true) }, fc.constant(false))
				: fc.boolean(),
			holdReason: fc.constantFrom(...HoldReason.options),
			held: fc.integer({ min: 0, max: busy ? 9 : 4 }),
			plain: fc.array(fc.nat(), { minLength: 0, maxLength: 3 }),
			withBundle: fc.integer({ min: 0, max: 5 })
		})
		.chain((o) => {
			const count = Math.max(o.plain.length, o.withBundle === 0 ? 0 : 1);
			const lines: fc.Arbitrary<OrderLine[]> = fc
				.tuple(
					...Array.from({ length: count }, (_, j) => plainLine(id, j)),
					o.withBundle === 0 ? bundleLines(id, 10) : fc.constant([] as OrderLine[])
				)
				.map((parts) => parts.flat());
			return lines.map((ls) =>
				withDerivedStatus({
					id,
					number: `${1040 + i}`,
					shopId: 'shop-1',
					shopRef: `ref-${i}`,
					placedAt: o.placedAt,
					currency: 'EUR',
					customer: { name: 'Ann Lee', email: 'ann@example.com' },
					billingAddress: makeAddress(),
					shippingAddress: makeAddress(),
					shippingMethod: { code: 'std', label: 'Standard' },
					giftMessage: null,
					valid: o.valid,
					hold: o.held === 0 ? { reason: o.holdReason, by: 'user-1' } : null,
					lines: ls,
					shipments: [],
					invoices: [],
					returns: [],
					shippingAmount: 5,
					grandTotal: 50,
					status: 'pending'
				} satisfies Order)
			);
		})
		.filter((order) => order.lines.length > 0);
}

const stockArb = (busy = false): fc.Arbitrary<StockLevel[]> =>
	fc
		.array(fc.option(fc.integer({ min: busy ? 2 : 0, max: 8 }), { freq: 5 }), {
			minLength: WORLD_SIMPLE_PRODUCTS.length * WORLD_WAREHOUSES.length,
			maxLength: WORLD_SIMPLE_PRODUCTS.length * WORLD_WAREHOUSES.length
		})
		.map((physicals) =>
			WORLD_SIMPLE_PRODUCTS.flatMap((productId, pi) =>
				WORLD_WAREHOUSES.flatMap((w, wi) => {
					const physical = physicals[pi * WORLD_WAREHOUSES.length + wi];
					if (physical === null) return [];
					return [
						{
							id: `${productId}:${w.id}`,
							productId,
							warehouseId: w.id,
							physical,
							reserved: 0,
							toShip: 0,
							location: `A${pi + 1}-${wi + 1}`
						}
					];
				})
			)
		);

/** Preparation entries for some orders: the lines of one warehouse holding a reservation. */
function preparationsFor(orders: Order[], picks: number[]): PreparationEntry[] {
	return orders.flatMap((order, i) => {
		const pick = picks[i] ?? 0;
		// One order in three is in preparation.
		if (pick < 8 || order.status === 'complete' || order.status === 'canceled') return [];
		// A warehouse where the order holds something, so the entry takes at least one line.
		const holding = WORLD_SHIPPING_WAREHOUSES.filter((w) =>
			order.lines.some((l) => l.warehouseId === w && l.qtyReserved > 0)
		);
		if (holding.length === 0) return [];
		const warehouseId = holding[pick % holding.length];
		const lines = order.lines
			.filter((l) => l.warehouseId === warehouseId && l.qtyReserved > 0)
			.map((l) => ({ lineId: l.id, qty: l.qtyReserved }));
		if (lines.length === 0) return [];
		let status = (['new', 'picked', 'packed', 'shipped'] as const)[pick - 8];
		// Only a paid order nobody holds gets packed (preparation.pack).
		if (order.status !== 'processing' && (status === 'packed' || status === 'shipped')) {
			status = 'picked';
		}
		return [
			{
				orderId: order.id,
				warehouseId,
				operator: 'user-1',
				status,
				lines,
				packed: {},
				takenAt: T0
			}
		];
	});
}

/**
 * Reserves, then leaves the entries as the rules would: taken ≤ reserved (the reservation may
 * have released units in preparation), and a packed or shipped entry's units shipped in its own
 * shipment `ws-<orderId>` (packing ships, preparation.pack); then reserves again.
 */
function settleWorld(
	orders: Order[],
	stock: StockLevel[],
	preparations: PreparationEntry[],
	settings: Settings
): { orders: Order[]; stock: StockLevel[]; preparations: PreparationEntry[] } {
	const first = reserveAll(orders, stock, preparations, settings);
	const byId = new Map(first.orders.map((o) => [o.id, o]));
	const entries: PreparationEntry[] = [];
	for (const entry of preparations) {
		const order = byId.get(entry.orderId)!;
		const fitted = fitToReservation({ ...entry, status: 'new' }, order);
		const lines = fitted ? fitted.entry?.lines : entry.lines;
		if (!lines) continue;
		if (entry.status === 'new' || entry.status === 'picked') {
			entries.push({ ...entry, lines });
			continue;
		}
		const shipmentId = `ws-${order.id}`;
		const shipped = new Map(lines.map((l) => [l.lineId, l.qty]));
		byId.set(
			order.id,
			withDerivedStatus({
				...order,
				lines: order.lines.map((l) => {
					const qty = shipped.get(l.id) ?? 0;
					return { ...l, qtyShipped: l.qtyShipped + qty, qtyReserved: l.qtyReserved - qty };
				}),
				shipments: [
					...order.shipments,
					{
						id: shipmentId,
						createdAt: T0,
						lines,
						...(entry.status === 'shipped' ? { tracking: 'W1' } : {})
					}
				]
			})
		);
		entries.push({
			...entry,
			lines,
			packed: Object.fromEntries(lines.map((l) => [l.lineId, l.qty])),
			shipmentId
		});
	}
	const second = reserveAll(
		orders.map((o) => byId.get(o.id)!),
		first.stock,
		entries,
		settings
	);
	return { ...second, preparations: entries };
}

/** A consistent world: reservations and stock rows as reserveAll makes them. */
const worldArbOf = (busy: boolean): fc.Arbitrary<MemorySeed> =>
	fc
		.record({
			orderCount: fc.integer({ min: busy ? 3 : 1, max: 6 }),
			stock: stockArb(busy),
			picks: fc.array(fc.integer({ min: 0, max: 11 }), { minLength: 6, maxLength: 6 }),
			reserveUnpaidOrders: fc.boolean(),
			holdingReleasesStock: fc.boolean(),
			returnWindowDays: fc.constantFrom(0, 30)
		})
		.chain((w) =>
			fc
				.tuple(...Array.from({ length: w.orderCount }, (_, i) => orderArb(i, busy)))
				.map((orders) => {
					const settings = {
						...DEFAULT_SETTINGS,
						reserveUnpaidOrders: w.reserveUnpaidOrders,
						holdingReleasesStock: w.holdingReleasesStock,
						returnWindowDays: w.returnWindowDays
					};
					const world = settleWorld(orders, w.stock, preparationsFor(orders, w.picks), settings);
					return {
						orders: world.orders,
						products: WORLD_PRODUCTS,
						warehouses: WORLD_WAREHOUSES,
						stock: world.stock,
						preparations: world.preparations,
						movements: [],
						timeline: [],
						settings
					};
				})
		);

export const worldArb = worldArbOf(false);
/** A busier floor (more paid orders, more stock), so preparation flows get going. */
export const busyWorldArb = worldArbOf(true);

// Test data with sensible defaults; pass overrides for what a test is about. Ids come from a
// per-process counter, so give explicit ids where a test compares them.
import type { ApplyContext, Mutation } from '../mutation';
import {
	DEFAULT_SETTINGS,
	stockId,
	type Address,
	type Order,
	type OrderLine,
	type PreparationEntry,
	type Product,
	type Settings,
	type StockLevel,
	type Warehouse
} from '../schemas';
import { withDerivedStatus } from '../status';

export const MAIN_WAREHOUSE_ID = 'wh-main';
export const T0 = '2026-01-05T10:00:00.000Z';

let counter = 0;
const next = () => ++counter;

export function makeAddress(overrides: Partial<Address> = {}): Address {
	return {
		name: 'Ann Lee',
		street1: '3 rue des Lilas',
		city: 'Paris',
		postcode: '75011',
		country: 'FR',
		...overrides
	};
}

export function makeLine(overrides: Partial<OrderLine> = {}): OrderLine {
	const n = next();
	return {
		id: `line-${n}`,
		sku: 'SKU-1',
		productId: 'product-1',
		name: 'T-shirt',
		qtyOrdered: 1,
		qtyShipped: 0,
		qtyCanceled: 0,
		qtyInvoiced: 0,
		qtyRefunded: 0,
		qtyReserved: 0,
		warehouseId: MAIN_WAREHOUSE_ID,
		requiresShipping: true,
		price: 10,
		taxRate: 0.2,
		...overrides
	};
}

/** An order with one line by default; its status is derived unless given. */
export function makeOrder(overrides: Partial<Order> = {}): Order {
	const n = next();
	const order: Order = {
		id: `order-${n}`,
		number: `${1000 + n}`,
		shopId: 'shop-1',
		shopRef: `ref-${n}`,
		placedAt: T0,
		currency: 'EUR',
		customer: { name: 'Ann Lee', email: 'ann@example.com' },
		billingAddress: makeAddress(),
		shippingAddress: makeAddress(),
		shippingMethod: { code: 'colissimo', label: 'Colissimo' },
		giftMessage: null,
		valid: true,
		hold: null,
		lines: overrides.lines ?? [makeLine()],
		shipments: [],
		invoices: [],
		returns: [],
		shippingAmount: 5,
		grandTotal: 17,
		status: 'processing',
		...overrides
	};
	return overrides.status ? order : withDerivedStatus(order);
}

export function makeProduct(overrides: Partial<Product> = {}): Product {
	const n = next();
	return {
		id: `product-${n}`,
		sku: `SKU-${n}`,
		name: `Product ${n}`,
		barcodes: [],
		type: 'simple',
		shopRefs: [],
		createdFromOrder: false,
		...overrides
	};
}

export function makeWarehouse(overrides: Partial<Warehouse> = {}): Warehouse {
	const n = next();
	return {
		id: `warehouse-${n}`,
		name: `Warehouse ${n}`,
		fulfillment: 'shipping',
		useForSales: true,
		useForSupplyNeeds: true,
		warningLevel: 0,
		idealLevel: 0,
		isDefault: false,
		enabled: true,
		priority: n,
		...overrides
	};
}

/** The default warehouse every line of makeLine ships from. */
export function makeMainWarehouse(overrides: Partial<Warehouse> = {}): Warehouse {
	return makeWarehouse({
		id: MAIN_WAREHOUSE_ID,
		name: 'Main',
		isDefault: true,
		priority: 0,
		...overrides
	});
}

export function makeStock(overrides: Partial<StockLevel> = {}): StockLevel {
	const productId = overrides.productId ?? 'product-1';
	const warehouseId = overrides.warehouseId ?? MAIN_WAREHOUSE_ID;
	return {
		id: stockId(productId, warehouseId),
		productId,
		warehouseId,
		physical: 0,
		reserved: 0,
		toShip: 0,
		location: '',
		...overrides
	};
}

export function makePreparation(overrides: Partial<PreparationEntry> = {}): PreparationEntry {
	return {
		orderId: 'order-1',
		warehouseId: MAIN_WAREHOUSE_ID,
		operator: 'user-1',
		status: 'new',
		lines: [],
		packed: {},
		takenAt: T0,
		...overrides
	};
}

export function makeSettings(overrides: Partial<Settings> = {}): Settings {
	return { ...DEFAULT_SETTINGS, ...overrides };
}

export function makeContext(overrides: Partial<ApplyContext> = {}): ApplyContext {
	return {
		now: '2026-01-06T09:00:00.000Z',
		actor: 'user-1',
		actorKind: 'user',
		clientId: 'client-1',
		mutationId: 1,
		...overrides
	};
}

export function makeMutation(
	name: string,
	args: unknown,
	overrides: Partial<Mutation> = {}
): Mutation {
	return {
		id: 1,
		name,
		args,
		actor: 'user-1',
		clientTime: '2026-01-06T09:00:00.000Z',
		...overrides
	};
}

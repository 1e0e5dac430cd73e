// Record shapes shared by the browser (Dexie) and the server (patches, database).
// One zod schema per record; the TypeScript types are inferred from them.
import { z } from 'zod';
import { CarrierTemplates } from './carrier-templates';

export const Id = z.string().min(1).max(100);
/** ISO 8601 instant in UTC with milliseconds, e.g. 2026-11-26T10:02:11.120Z (sorts as text). */
export const IsoTime = z.iso.datetime({ offset: false, precision: 3 });
export const Quantity = z.number().int().min(0).max(1_000_000);
export const PositiveQuantity = z.number().int().min(1).max(1_000_000);
export const Money = z.number().finite().min(-1e12).max(1e12);
export const Sku = z.string().trim().min(1).max(120);

// ---------------------------------------------------------------- addresses, customers

/** ISO 3166-1 alpha-2, upper case. */
export const CountryCode = z
	.string()
	.regex(/^[A-Z]{2}$/, 'Use a two-letter country code (ISO 3166), e.g. FR or DE.');

export const Address = z.object({
	name: z.string().trim().min(1, 'Name is required.').max(200),
	company: z.string().trim().max(200).optional(),
	street1: z.string().trim().min(1, 'Street is required.').max(200),
	street2: z.string().trim().max(200).optional(),
	city: z.string().trim().min(1, 'City is required.').max(120),
	postcode: z.string().trim().max(20),
	region: z.string().trim().max(120).optional(),
	country: CountryCode,
	phone: z.string().trim().max(40).optional()
});
export type Address = z.infer<typeof Address>;

export const Customer = z.object({
	name: z.string().max(200),
	email: z.string().max(254),
	phone: z.string().max(40).optional()
});
export type Customer = z.infer<typeof Customer>;

export const ShippingMethod = z.object({
	code: z.string().trim().min(1).max(80),
	label: z.string().trim().min(1).max(200)
});
export type ShippingMethod = z.infer<typeof ShippingMethod>;

export const GiftMessage = z.object({
	message: z.string().max(500),
	from: z.string().max(200).optional(),
	to: z.string().max(200).optional()
});
export type GiftMessage = z.infer<typeof GiftMessage>;

// ---------------------------------------------------------------- orders

export const HoldReason = z.enum([
	'address',
	'payment',
	'fraud_check',
	'customer_request',
	'stock',
	'shop_conflict',
	'other'
]);
export type HoldReason = z.infer<typeof HoldReason>;

export const Hold = z.object({
	reason: HoldReason,
	note: z.string().max(1000).optional(),
	/** Who held it: a user id, 'system' or 'shop'. */
	by: z.string().max(100)
});
export type Hold = z.infer<typeof Hold>;

export const OrderStatus = z.enum(['pending', 'processing', 'complete', 'canceled', 'on_hold']);
export type OrderStatus = z.infer<typeof OrderStatus>;
export const ORDER_STATUSES = OrderStatus.options;

export const OrderLine = z.object({
	id: Id,
	sku: z.string().max(120),
	productId: Id,
	name: z.string().max(300),
	qtyOrdered: PositiveQuantity,
	qtyShipped: Quantity,
	qtyCanceled: Quantity,
	qtyInvoiced: Quantity,
	qtyRefunded: Quantity,
	qtyReserved: Quantity,
	warehouseId: Id,
	/** False for virtual, downloadable and gift-card items, and for container lines. */
	requiresShipping: z.boolean(),
	/** Unit price, tax excluded. */
	price: Money,
	/** Tax rate as a fraction (0.2 = 20 %). */
	taxRate: z.number().min(0).max(1),
	/** Child of a bundle/configurable container line; the container itself does not ship. */
	parentLineId: Id.optional(),
	replacesLineId: Id.optional(),
	replacedByLineId: Id.optional()
});
export type OrderLine = z.infer<typeof OrderLine>;

export const LineQty = z.object({ lineId: Id, qty: PositiveQuantity });
export type LineQty = z.infer<typeof LineQty>;

export const Shipment = z.object({
	id: Id,
	createdAt: IsoTime,
	lines: z.array(LineQty).min(1),
	tracking: z.string().max(100).optional(),
	carrier: z.string().max(100).optional(),
	weight: z.number().min(0).max(100_000).optional(),
	parcels: z.number().int().min(1).max(1000).optional()
});
export type Shipment = z.infer<typeof Shipment>;

export const Invoice = z.object({
	id: Id,
	/** Given by the server when it applies the invoice; null until then ("number pending"). */
	number: z.string().max(40).nullable(),
	createdAt: IsoTime,
	lines: z.array(LineQty).min(1),
	total: Money
});
export type Invoice = z.infer<typeof Invoice>;

export const ReturnReason = z.enum([
	'defective',
	'wrong_size',
	'wrong_colour',
	'wrong_address',
	'cancelation',
	'other'
]);
export const ReturnRequestKind = z.enum(['refund', 'exchange']);
export const ReturnStatus = z.enum([
	'draft',
	'requested',
	'accepted',
	'processing',
	'complete',
	'expired',
	'canceled'
]);

export const ReturnItem = z.object({
	lineId: Id,
	qty: PositiveQuantity,
	reason: ReturnReason,
	request: ReturnRequestKind
});
export type ReturnItem = z.infer<typeof ReturnItem>;

export const ReturnRequest = z.object({
	id: Id,
	/** YYYYMMDD-<order number>, with -2, -3 … for further returns of the order that day. */
	reference: z.string().max(80),
	status: ReturnStatus,
	createdAt: IsoTime,
	items: z.array(ReturnItem).min(1)
});
export type ReturnRequest = z.infer<typeof ReturnRequest>;

export const Order = z.object({
	id: Id,
	/** The order number the merchant and the customer know (from the shop). */
	number: z.string().min(1).max(40),
	shopId: Id,
	/** The shop's own id for the order. */
	shopRef: z.string().max(100),
	placedAt: IsoTime,
	currency: z.string().length(3),
	customer: Customer,
	billingAddress: Address,
	shippingAddress: Address,
	shippingMethod: ShippingMethod,
	giftMessage: GiftMessage.nullable(),
	/** Paid, or marked valid by an import rule (cash on delivery …). */
	valid: z.boolean(),
	hold: Hold.nullable(),
	lines: z.array(OrderLine).min(1),
	shipments: z.array(Shipment),
	invoices: z.array(Invoice),
	returns: z.array(ReturnRequest),
	shippingAmount: Money,
	/** Grand total as imported (tax included). */
	grandTotal: Money,
	/** Derived by deriveStatus on every change; stored so lists can index it. */
	status: OrderStatus
});
export type Order = z.infer<typeof Order>;

// ---------------------------------------------------------------- products, stock

export const ProductType = z.enum([
	'simple',
	'virtual',
	'downloadable',
	'gift_card',
	'bundle',
	'configurable'
]);
export type ProductType = z.infer<typeof ProductType>;

export const Product = z.object({
	id: Id,
	sku: Sku,
	name: z.string().max(300),
	barcodes: z.array(z.string().max(64)),
	image: z.string().max(2000).optional(),
	/** Kilograms. */
	weight: z.number().min(0).optional(),
	type: ProductType,
	shopRefs: z.array(z.object({ shopId: Id, ref: z.string().max(100) })),
	/** A placeholder made when an order line named an unknown SKU. */
	createdFromOrder: z.boolean(),
	discontinued: z.boolean().optional()
});
export type Product = z.infer<typeof Product>;

export const Fulfillment = z.enum(['shipping', 'pickup', 'dropship', 'none']);
export type Fulfillment = z.infer<typeof Fulfillment>;

export const Warehouse = z.object({
	id: Id,
	name: z.string().trim().min(1, 'Name is required.').max(120),
	address: Address.optional(),
	fulfillment: Fulfillment,
	useForSales: z.boolean(),
	useForSupplyNeeds: z.boolean(),
	warningLevel: Quantity,
	idealLevel: Quantity,
	/** The default warehouse exists from the start and can be neither deleted nor disabled. */
	isDefault: z.boolean(),
	enabled: z.boolean(),
	/** Lower first, for routing. */
	priority: z.number().int()
});
export type Warehouse = z.infer<typeof Warehouse>;

export const StockLevel = z.object({
	/** `${productId}:${warehouseId}` */
	id: z.string(),
	productId: Id,
	warehouseId: Id,
	physical: z.number().int(),
	reserved: Quantity,
	toShip: Quantity,
	location: z.string().max(40),
	warningLevel: Quantity.optional(),
	idealLevel: Quantity.optional()
});
export type StockLevel = z.infer<typeof StockLevel>;

export function stockId(productId: string, warehouseId: string): string {
	return `${productId}:${warehouseId}`;
}

export const MovementCategory = z.enum([
	'shipment',
	'purchase_order',
	'return',
	'adjustment',
	'defective',
	'transfer',
	'stock_take',
	'system'
]);
export type MovementCategory = z.infer<typeof MovementCategory>;

export const Movement = z.object({
	id: Id,
	productId: Id,
	/** null: the stock came from outside (a supplier, a found item). */
	fromWarehouseId: Id.nullable(),
	/** null: the stock left (shipped, written off). */
	toWarehouseId: Id.nullable(),
	qty: PositiveQuantity,
	category: MovementCategory,
	comment: z.string().max(500),
	createdAt: IsoTime,
	actor: z.string().max(100),
	orderId: Id.optional()
});
export type Movement = z.infer<typeof Movement>;

// ---------------------------------------------------------------- timeline, settings

export const ActorKind = z.enum(['user', 'shop', 'system']);
export const TimelineEvent = z.object({
	/** `<clientId>:<mutationId>:<n>` */
	id: z.string(),
	orderId: Id,
	at: IsoTime,
	actor: z.string().max(100),
	actorKind: ActorKind,
	/** The mutation name (order.hold …) or an import event (import.created …). */
	type: z.string().max(60),
	summary: z.string().max(2000),
	/**
	 * What the event is about when it is not an order (stock.adjust, warehouse.*, settings.update):
	 * orderId then holds that record's id (stock id, warehouse id, 'settings'). Absent: an order.
	 */
	subject: z.enum(['order', 'stock', 'warehouse', 'settings']).optional()
});
export type TimelineEvent = z.infer<typeof TimelineEvent>;

export const Settings = z.object({
	companyName: z.string().max(200),
	companyAddress: z.string().max(1000),
	vatNumber: z.string().max(40),
	logo: z.string().max(200_000).optional(),
	footerLines: z.array(z.string().max(200)).max(3),
	timeZone: z.string().max(60),
	currencyDisplay: z.string().max(10),
	returnAddress: z.string().max(1000),
	returnInstructions: z.string().max(2000),
	returnWindowDays: z.number().int().min(0).max(3650),
	allowPartialPacking: z.boolean(),
	invoiceOnPack: z.boolean(),
	reserveUnpaidOrders: z.boolean(),
	holdingReleasesStock: z.boolean(),
	retentionDays: z.number().int().min(1).max(3650),
	/** Carrier export templates; absent: the defaults (carrierTemplatesOf), empty: none. */
	carrierTemplates: CarrierTemplates.optional()
});
export type Settings = z.infer<typeof Settings>;

export const DEFAULT_SETTINGS: Settings = {
	companyName: 'My shop',
	companyAddress: '',
	vatNumber: '',
	footerLines: [],
	timeZone: 'UTC',
	currencyDisplay: 'EUR',
	returnAddress: '',
	returnInstructions: '',
	returnWindowDays: 30,
	allowPartialPacking: false,
	invoiceOnPack: true,
	reserveUnpaidOrders: true,
	holdingReleasesStock: false,
	retentionDays: 90
};

export const Shop = z.object({
	id: Id,
	name: z.string().max(120),
	platform: z.enum(['shopify', 'magento2', 'prestashop', 'woocommerce', 'marketplace'])
});
export type Shop = z.infer<typeof Shop>;

// ---------------------------------------------------------------- preparation

export const PreparationStatus = z.enum(['new', 'picked', 'packed', 'shipped']);
export type PreparationStatus = z.infer<typeof PreparationStatus>;

/** An order taken into preparation (In progress) by one operator in one warehouse. */
export const PreparationEntry = z.object({
	/** The order id: an order is in at most one preparation at a time. */
	orderId: Id,
	warehouseId: Id,
	operator: z.string().max(100),
	status: PreparationStatus,
	/** Quantities taken (reserved at the time of taking), per line. */
	lines: z.array(LineQty),
	/** Scanned counts while packing, per line id. */
	packed: z.record(z.string(), Quantity),
	shipmentId: Id.optional(),
	takenAt: IsoTime,
	/** A system hold (shop_conflict) flags the entry instead of removing it. */
	flagged: z.string().max(200).optional()
});
export type PreparationEntry = z.infer<typeof PreparationEntry>;

// Deterministic demo data: the same seed and count give the same records on every machine, so
// benchmarks, screenshots and browser tests can rely on them. Time comes from a fixed anchor,
// never from the clock. Reservation and statuses go through the domain rules, so the data is
// what the rules would have produced.
//
// Orders are generated in placing order and handed out in batches: closed orders (nothing left
// to ship) as soon as their chunk is made, open ones at the end, once the stock they reserve is
// known. Only the open orders (a few percent) stay in memory.
import { v7 as uuidv7 } from 'uuid';
import { requiresShippingFor, toShip } from '$lib/domain/line-rules';
import { reserveAll } from '$lib/domain/reservation';
import {
	DEFAULT_SETTINGS,
	stockId,
	type Address,
	type GiftMessage,
	type Hold,
	type HoldReason,
	type Invoice,
	type Movement,
	type Order,
	type OrderLine,
	type Product,
	type ProductType,
	type ReturnRequest,
	type Settings,
	type Shipment,
	type ShippingMethod,
	type Shop,
	type StockLevel,
	type TimelineEvent,
	type Warehouse
} from '$lib/domain/schemas';
import { deriveStatus } from '$lib/domain/status';
import {
	GIFT_MESSAGES,
	HOLD_NOTES,
	NAME_GROUPS,
	NON_SHIPPING_PRODUCTS,
	PRODUCT_FAMILIES,
	type NameGroup
} from './demo-names';

/** "Now" for the demo data: orders are placed in the ~120 days before it. */
export const DEMO_ANCHOR = '2026-11-26T12:00:00.000Z';
export const DEMO_SEED = 20261126;
export const DEMO_PRODUCT_COUNT = 500;
const SPAN_DAYS = 120;

/** Small demos cover fewer days, so they still hold open work (most of it is recent). */
function spanDays(orders: number): number {
	return Math.min(SPAN_DAYS, Math.max(10, Math.round(orders / 20)));
}
const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
/** Prefix of the timeline ids of imported events (`<clientId>:<mutationId>:<n>` shape). */
const DEMO_EVENT_PREFIX = 'demo-import';

// ---------------------------------------------------------------- randomness

/** A small, fast 32-bit PRNG (public domain); deterministic for a seed. */
export function mulberry32(seed: number): () => number {
	let a = seed >>> 0;
	return () => {
		a = (a + 0x6d2b79f5) >>> 0;
		let t = a;
		t = Math.imul(t ^ (t >>> 15), t | 1);
		t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
		return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
	};
}

/** Mixes two integers into a seed, so each order has its own stream (independent of n). */
function mix(a: number, b: number): number {
	let h = Math.imul(a ^ 0x9e3779b9, 0x85ebca6b) ^ Math.imul(b + 0x632be5ab, 0xc2b2ae35);
	h = Math.imul(h ^ (h >>> 16), 0x7feb352d);
	h = Math.imul(h ^ (h >>> 15), 0x846ca68b);
	return (h ^ (h >>> 16)) >>> 0;
}

interface WeightTable<K extends string> {
	keys: K[];
	cumulative: number[];
	total: number;
}

/** Precomputed once per table: picking runs per order and per line. */
function weights<K extends string>(record: Partial<Record<K, number>>): WeightTable<K> {
	const keys = Object.keys(record) as K[];
	const cumulative: number[] = [];
	let total = 0;
	for (const key of keys) cumulative.push((total += record[key] ?? 0));
	return { keys, cumulative, total };
}

class Rng {
	readonly next: () => number;
	readonly #bytes = new Uint8Array(16);

	constructor(seed: number) {
		this.next = mulberry32(seed);
	}

	/** Integer in [min, max]. */
	int(min: number, max: number): number {
		return min + Math.floor(this.next() * (max - min + 1));
	}

	chance(p: number): boolean {
		return this.next() < p;
	}

	pick<T>(items: readonly T[]): T {
		return items[Math.floor(this.next() * items.length)];
	}

	/** A key of the table, with probability proportional to its weight. */
	weighted<K extends string>(table: WeightTable<K>): K {
		const x = this.next() * table.total;
		for (let i = 0; i < table.keys.length; i++) if (x < table.cumulative[i]) return table.keys[i];
		return table.keys[table.keys.length - 1];
	}

	digits(count: number): string {
		let s = '';
		for (let i = 0; i < count; i++) s += Math.floor(this.next() * 10);
		return s;
	}

	/** A UUIDv7 for a record made at `ms`, its random part from this stream. */
	uuid(ms: number): string {
		for (let i = 0; i < 16; i += 4) {
			const x = Math.floor(this.next() * 4294967296);
			this.#bytes[i] = x & 0xff;
			this.#bytes[i + 1] = (x >>> 8) & 0xff;
			this.#bytes[i + 2] = (x >>> 16) & 0xff;
			this.#bytes[i + 3] = x >>> 24;
		}
		return uuidv7({ msecs: ms, random: this.#bytes });
	}
}

/** EAN-13 from 12 digits: appends the check digit (weights 1 and 3 from the left). */
export function ean13(first12: string): string {
	if (!/^\d{12}$/.test(first12)) throw new Error(`EAN-13 needs 12 digits, got "${first12}"`);
	let sum = 0;
	for (let i = 0; i < 12; i++) sum += Number(first12[i]) * (i % 2 === 0 ? 1 : 3);
	return first12 + ((10 - (sum % 10)) % 10);
}

const round2 = (x: number) => Math.round(x * 100) / 100;
const iso = (ms: number) => new Date(ms).toISOString();

// ---------------------------------------------------------------- reference data

export const DEMO_SHOPS: Shop[] = [
	{ id: 'shop-shopify', name: 'Maison Ørsted (Shopify)', platform: 'shopify' },
	{ id: 'shop-magento', name: 'Zoë & Co. (Magento 2)', platform: 'magento2' },
	{ id: 'shop-woo', name: 'La Brûlerie (WooCommerce)', platform: 'woocommerce' }
];

export const DEMO_WAREHOUSE_IDS = { main: 'wh-main', paris: 'wh-paris', lyon: 'wh-lyon' } as const;

export const DEMO_WAREHOUSES: Warehouse[] = [
	{
		id: DEMO_WAREHOUSE_IDS.main,
		name: 'Main warehouse',
		address: {
			name: 'Dockside Demo — Main warehouse',
			street1: '12 rue des Entrepôts',
			city: 'Saint-Ouen-sur-Seine',
			postcode: '93400',
			country: 'FR'
		},
		fulfillment: 'shipping',
		useForSales: true,
		useForSupplyNeeds: true,
		warningLevel: 5,
		idealLevel: 20,
		isDefault: true,
		enabled: true,
		priority: 0
	},
	{
		id: DEMO_WAREHOUSE_IDS.paris,
		name: 'Paris store',
		address: {
			name: 'Dockside Demo — Paris store',
			street1: '48 rue du Faubourg Saint-Antoine',
			city: 'Paris',
			postcode: '75012',
			country: 'FR'
		},
		fulfillment: 'pickup',
		useForSales: true,
		useForSupplyNeeds: false,
		warningLevel: 2,
		idealLevel: 6,
		isDefault: false,
		enabled: true,
		priority: 1
	},
	{
		id: DEMO_WAREHOUSE_IDS.lyon,
		name: 'Lyon',
		address: {
			name: 'Dockside Demo — Lyon',
			street1: '7 quai Perrache',
			city: 'Lyon',
			postcode: '69002',
			country: 'FR'
		},
		fulfillment: 'shipping',
		useForSales: true,
		useForSupplyNeeds: true,
		warningLevel: 3,
		idealLevel: 12,
		isDefault: false,
		enabled: true,
		priority: 2
	}
];

export const DEMO_SETTINGS: Settings = {
	...DEFAULT_SETTINGS,
	companyName: 'Maison Ørsted SAS',
	companyAddress: '12 rue des Entrepôts\n93400 Saint-Ouen-sur-Seine\nFrance',
	vatNumber: 'FR40123456789',
	footerLines: [
		'Maison Ørsted SAS — capital 10 000 € — RCS Bobigny 123 456 789',
		'Questions? bonjour@maison-orsted.example'
	],
	timeZone: 'Europe/Paris',
	currencyDisplay: 'EUR',
	returnAddress: 'Maison Ørsted — Retours\n12 rue des Entrepôts\n93400 Saint-Ouen-sur-Seine',
	returnInstructions: 'Glissez le bon de retour dans le colis. Put the return slip in the parcel.'
};

interface DemoProduct extends Product {
	price: number;
	taxRate: number;
}

/** ~500 products: families × variants, plus items that do not ship. Independent of n. */
function makeProducts(seed: number, anchorMs: number): DemoProduct[] {
	const rng = new Rng(mix(seed, 0x70d));
	const products: DemoProduct[] = [];
	const shippingCount = DEMO_PRODUCT_COUNT - NON_SHIPPING_PRODUCTS.length;
	const createdMs = anchorMs - 400 * DAY_MS;
	for (let k = 0; k < shippingCount; k++) {
		const family = PRODUCT_FAMILIES[k % PRODUCT_FAMILIES.length];
		const variant = rng.pick(family.variants);
		const [low, high] = family.price;
		const barcodes = [ean13(`20${String(k).padStart(5, '0')}${rng.digits(5)}`)];
		if (rng.chance(0.1)) barcodes.push(ean13(`37${rng.digits(10)}`));
		products.push({
			id: rng.uuid(createdMs + k * 1000),
			sku: `${family.prefix}-${String(k + 1).padStart(4, '0')}-${variant}`,
			name: `${rng.pick(family.names)} ${variant}`,
			barcodes,
			weight: round2(family.weight[0] + rng.next() * (family.weight[1] - family.weight[0])),
			type: 'simple',
			shopRefs: DEMO_SHOPS.filter(() => rng.chance(0.85)).map((shop) => ({
				shopId: shop.id,
				ref: String(rng.int(10_000, 99_999_999))
			})),
			createdFromOrder: false,
			price: Math.floor(low + rng.next() * (high - low)) + 0.9,
			taxRate: family.taxRate
		});
	}
	NON_SHIPPING_PRODUCTS.forEach(([type, sku, name, price], k) => {
		products.push({
			id: rng.uuid(createdMs + (shippingCount + k) * 1000),
			sku,
			name,
			barcodes: [],
			type: type as ProductType,
			shopRefs: DEMO_SHOPS.map((shop) => ({ shopId: shop.id, ref: `${shop.id}-${sku}` })),
			createdFromOrder: false,
			price,
			taxRate: type === 'gift_card' ? 0 : 0.2
		});
	});
	return products;
}

function plainProduct(product: DemoProduct): Product {
	const { price: _price, taxRate: _taxRate, ...rest } = product;
	return rest;
}

// ---------------------------------------------------------------- orders

type Scenario = 'processing' | 'pending' | 'on_hold' | 'partial' | 'complete' | 'canceled';

const RECENT_SCENARIOS = weights<Scenario>({
	processing: 60,
	pending: 14,
	on_hold: 6,
	partial: 6,
	complete: 10,
	canceled: 4
});
const LAST_WEEKS_SCENARIOS = weights<Scenario>({
	processing: 14,
	pending: 5,
	on_hold: 4,
	partial: 6,
	complete: 65,
	canceled: 6
});
const OLD_SCENARIOS = weights<Scenario>({
	complete: 93,
	canceled: 5.5,
	pending: 0.6,
	on_hold: 0.5,
	partial: 0.4
});
const LINE_COUNTS = weights({ 1: 40, 2: 25, 3: 15, 4: 10, 5: 6, 6: 4 });
const QUANTITIES = weights({ 1: 75, 2: 15, 3: 5, 4: 3, 5: 2 });
const SHOP_INDEX = weights({ 0: 50, 1: 30, 2: 20 });
const FR_METHODS = weights({ colissimo: 50, relay: 30, chrono: 20 });
const OTHER_METHODS = weights({ dhl: 40, ups: 60 });
const STOCK_KINDS = weights({ plenty: 72, short: 20, out: 8 });

/** Older orders are mostly done; the last days hold the open work. */
function scenarioFor(rng: Rng, ageDays: number): Scenario {
	if (ageDays < 3) {
		return rng.weighted(RECENT_SCENARIOS);
	}
	if (ageDays < 14) {
		return rng.weighted(LAST_WEEKS_SCENARIOS);
	}
	return rng.weighted(OLD_SCENARIOS);
}

const METHODS: Record<string, ShippingMethod & { carrier: string; amount: number }> = {
	colissimo: {
		code: 'colissimo_home',
		label: 'Colissimo — home delivery',
		carrier: 'Colissimo',
		amount: 5.9
	},
	relay: {
		code: 'mondial_relay',
		label: 'Mondial Relay — pickup point',
		carrier: 'Mondial Relay',
		amount: 3.9
	},
	chrono: { code: 'chronopost_13', label: 'Chronopost 13h', carrier: 'Chronopost', amount: 12.5 },
	dhl: { code: 'dhl_express', label: 'DHL Express', carrier: 'DHL', amount: 14.9 },
	ups: { code: 'ups_standard', label: 'UPS Standard', carrier: 'UPS', amount: 9.9 },
	pickup: {
		code: 'store_pickup_paris',
		label: 'Click & collect — Paris store',
		carrier: 'Paris store',
		amount: 0
	}
};

function trackingFor(rng: Rng, carrier: string): string {
	switch (carrier) {
		case 'Colissimo':
			return `6A${rng.digits(11)}`;
		case 'Chronopost':
			return `XY${rng.digits(9)}FR`;
		case 'DHL':
			return rng.digits(10);
		case 'UPS':
			return `1Z${rng.digits(4)}AA${rng.digits(10)}`;
		case 'Mondial Relay':
			return rng.digits(8);
		default:
			return `PICKUP-${rng.digits(6)}`;
	}
}

const GROUP_WEIGHTS = weights({
	FR: 34,
	DE: 16,
	SE: 6,
	PL: 7,
	GR: 7,
	BG: 6,
	ES: 9,
	GB: 8,
	IT: 7
});

function makeAddress(rng: Rng, group: NameGroup, name: string): Address {
	const [city, postcode] = rng.pick(group.cities);
	const street = rng.pick(group.streets);
	const number = rng.int(1, 180);
	const address: Address = {
		name,
		street1: group.numberFirst ? `${number} ${street}` : `${street} ${number}`,
		city,
		postcode,
		country: group.country
	};
	if (rng.chance(0.12)) address.street2 = `Bât. ${rng.pick(['A', 'B', 'C'])}, ${rng.int(1, 6)}e`;
	if (rng.chance(0.06)) address.company = rng.pick(['Atelier Nœud', 'Kühn GmbH', 'Öko-Laden']);
	if (rng.chance(0.7)) address.phone = `+${rng.int(30, 49)} ${rng.digits(9)}`;
	return address;
}

function personName(rng: Rng, group: NameGroup): { name: string; emailName: string } {
	const [first, firstAscii] = rng.pick(group.first);
	const [last, lastAscii] = rng.pick(group.last);
	return { name: `${first} ${last}`, emailName: `${firstAscii}.${lastAscii}` };
}

interface Context {
	seed: number;
	n: number;
	startMs: number;
	anchorMs: number;
	shippable: DemoProduct[];
	nonShipping: DemoProduct[];
	shopCounters: Map<string, number>;
	invoiceCounter: { next: number };
	/** Units shipped out of each stock row, for the opening stock count. */
	shippedOut: Map<string, number>;
}

interface MadeOrder {
	order: Order;
	movements: Movement[];
	timeline: TimelineEvent[];
}

function nextNumber(ctx: Context, shop: Shop): string {
	const k = (ctx.shopCounters.get(shop.id) ?? 0) + 1;
	ctx.shopCounters.set(shop.id, k);
	if (shop.platform === 'shopify') return `#${1000 + k}`;
	if (shop.platform === 'magento2') return String(100_000_000 + k);
	return String(4000 + k);
}

function makeLines(
	rng: Rng,
	ctx: Context,
	placedMs: number,
	warehouseId: string,
	pickup: boolean
): OrderLine[] {
	const count = Number(rng.weighted(LINE_COUNTS));
	const chosen = new Set<DemoProduct>();
	// Popular products first (skewed pick), so a few products run short and backorder.
	while (chosen.size < count) {
		chosen.add(ctx.shippable[Math.floor(ctx.shippable.length * rng.next() ** 1.8)]);
	}
	const products = [...chosen];
	if (rng.chance(0.04)) products.push(rng.pick(ctx.nonShipping));
	// A few orders are only a gift card or a download: nothing to ship.
	if (rng.chance(0.01)) products.splice(0, products.length, rng.pick(ctx.nonShipping));
	return products.map((product) => {
		const requiresShipping = requiresShippingFor(product.type);
		const lineWarehouse =
			requiresShipping && !pickup && warehouseId === DEMO_WAREHOUSE_IDS.main && rng.chance(0.04)
				? DEMO_WAREHOUSE_IDS.lyon
				: warehouseId;
		return {
			id: rng.uuid(placedMs),
			sku: product.sku,
			productId: product.id,
			name: product.name,
			qtyOrdered: Number(rng.weighted(QUANTITIES)),
			qtyShipped: 0,
			qtyCanceled: 0,
			qtyInvoiced: 0,
			qtyRefunded: 0,
			qtyReserved: 0,
			warehouseId: lineWarehouse,
			requiresShipping,
			price: product.price,
			taxRate: product.taxRate
		};
	});
}

function linesTotal(lines: OrderLine[], qty: (line: OrderLine) => number): number {
	return lines.reduce((sum, line) => sum + line.price * qty(line) * (1 + line.taxRate), 0);
}

function makeOrder(i: number, ctx: Context): MadeOrder {
	const rng = new Rng(mix(ctx.seed, i + 1));
	const span = ctx.anchorMs - ctx.startMs;
	// Increasing in i (orders come in placing order); denser towards the anchor (a growing shop).
	const placedMs = ctx.startMs + Math.floor(((i + rng.next()) / ctx.n) ** 0.85 * span);
	const ageMs = ctx.anchorMs - placedMs;
	/** A moment after placing, before the anchor: `fraction` of the age at most. */
	const after = (ms: number, fraction: number) =>
		placedMs + Math.min(ms, Math.floor(ageMs * fraction));

	const shop = DEMO_SHOPS[Number(rng.weighted(SHOP_INDEX))];
	const country = rng.weighted(GROUP_WEIGHTS);
	const group = NAME_GROUPS.find((g) => g.country === country)!;
	const customer = personName(rng, group);
	const email = `${customer.emailName}${rng.chance(0.3) ? rng.int(1, 99) : ''}@${rng.pick(group.emailDomains)}`;
	const shippingAddress = makeAddress(rng, group, customer.name);
	let billingAddress = shippingAddress;
	let giftMessage: GiftMessage | null = null;
	if (rng.chance(0.04)) {
		// A gift: shipped to someone else, often with a message.
		billingAddress = makeAddress(rng, group, customer.name);
		shippingAddress.name = personName(rng, group).name;
		const [message, from, to] = rng.pick(GIFT_MESSAGES);
		giftMessage = { message, ...(from ? { from } : {}), ...(to ? { to } : {}) };
	}

	const pickup = group.country === 'FR' && rng.chance(0.08);
	const methodKey = pickup
		? 'pickup'
		: group.country === 'FR'
			? rng.weighted(FR_METHODS)
			: rng.weighted(OTHER_METHODS);
	const method = METHODS[methodKey];
	const warehouseId = pickup
		? DEMO_WAREHOUSE_IDS.paris
		: rng.chance(0.12)
			? DEMO_WAREHOUSE_IDS.lyon
			: DEMO_WAREHOUSE_IDS.main;

	const lines = makeLines(rng, ctx, placedMs, warehouseId, pickup);
	const shippable = lines.filter((line) => line.requiresShipping);
	let scenario = scenarioFor(rng, ageMs / DAY_MS);
	if (scenario === 'partial' && shippable.length < 2 && (shippable[0]?.qtyOrdered ?? 1) < 2) {
		scenario = 'processing';
	}

	const number = nextNumber(ctx, shop);
	const id = rng.uuid(placedMs);
	const events: Omit<TimelineEvent, 'id'>[] = [
		{
			orderId: id,
			at: iso(placedMs),
			actor: shop.id,
			actorKind: 'shop',
			type: 'import.created',
			summary: `Imported from ${shop.name}.`
		}
	];
	const systemEvent = (ms: number, type: string, summary: string) =>
		events.push({ orderId: id, at: iso(ms), actor: 'system', actorKind: 'system', type, summary });

	let valid = true;
	let hold: Hold | null = null;
	const shipments: Shipment[] = [];
	const invoices: Invoice[] = [];
	const returns: ReturnRequest[] = [];
	const movements: Movement[] = [];

	const ship = (shipMs: number, parts: { line: OrderLine; qty: number }[]) => {
		const shipmentLines = parts.filter((p) => p.qty > 0);
		if (shipmentLines.length === 0) return;
		const tracking = trackingFor(rng, method.carrier);
		const shipmentId = rng.uuid(shipMs);
		const shippedAt = iso(shipMs);
		shipments.push({
			id: shipmentId,
			createdAt: shippedAt,
			lines: shipmentLines.map(({ line, qty }) => ({ lineId: line.id, qty })),
			tracking,
			carrier: method.carrier,
			weight: round2(0.2 + shipmentLines.length * 0.4),
			parcels: 1
		});
		for (const { line, qty } of shipmentLines) {
			line.qtyShipped += qty;
			const key = stockId(line.productId, line.warehouseId);
			ctx.shippedOut.set(key, (ctx.shippedOut.get(key) ?? 0) + qty);
			movements.push({
				id: rng.uuid(shipMs),
				productId: line.productId,
				fromWarehouseId: line.warehouseId,
				toWarehouseId: null,
				qty,
				category: 'shipment',
				comment: `Order #${number.replace(/^#/, '')}`,
				createdAt: shippedAt,
				actor: 'system',
				orderId: id
			});
		}
		const units = shipmentLines.reduce((sum, p) => sum + p.qty, 0);
		systemEvent(
			shipMs,
			'order.createShipment',
			`Shipped ${units} item${units > 1 ? 's' : ''} with ${method.carrier}, tracking ${tracking}.`
		);
	};

	const invoice = (invoiceMs: number) => {
		const invoiced = lines.filter((line) => line.qtyOrdered - line.qtyCanceled > 0);
		if (invoiced.length === 0) return;
		for (const line of invoiced) line.qtyInvoiced = line.qtyOrdered - line.qtyCanceled;
		// Imported invoices carry the shop's number; the import event already tells the story.
		invoices.push({
			id: rng.uuid(invoiceMs),
			number: `INV-${String(ctx.invoiceCounter.next++).padStart(6, '0')}`,
			createdAt: iso(invoiceMs),
			lines: invoiced.map((line) => ({ lineId: line.id, qty: line.qtyInvoiced })),
			total: round2(linesTotal(invoiced, (l) => l.qtyInvoiced) + method.amount * 1.2)
		});
	};

	switch (scenario) {
		case 'pending':
			valid = false;
			break;
		case 'processing':
			if (rng.chance(0.5)) invoice(after(5 * 60_000, 0.2));
			break;
		case 'on_hold': {
			valid = rng.chance(0.75);
			const reason: HoldReason = valid
				? rng.pick(['address', 'fraud_check', 'customer_request', 'stock', 'other'] as const)
				: 'payment';
			hold = {
				reason,
				note: HOLD_NOTES[reason],
				by: reason === 'payment' ? 'system' : 'local-user'
			};
			events.push({
				orderId: id,
				at: iso(after(30 * 60_000, 0.3)),
				actor: hold.by,
				actorKind: hold.by === 'system' ? 'system' : 'user',
				type: 'order.hold',
				summary: `Held: ${reason.replace('_', ' ')}. ${hold.note}`
			});
			break;
		}
		case 'partial': {
			invoice(after(5 * 60_000, 0.2));
			// The first lines leave now; the last one waits (partly, when it is the only one).
			const parts = shippable.map((line, k) => ({
				line,
				qty:
					k < shippable.length - 1
						? line.qtyOrdered
						: shippable.length === 1
							? line.qtyOrdered - 1
							: 0
			}));
			ship(after(rng.int(6, 48) * HOUR_MS, 0.5), parts);
			break;
		}
		case 'complete': {
			for (const line of lines) {
				if (line.qtyOrdered > 1 && rng.chance(0.03)) line.qtyCanceled = 1;
			}
			invoice(after(5 * 60_000, 0.1));
			const remaining = (line: OrderLine) => line.qtyOrdered - line.qtyCanceled;
			if (shippable.length >= 2 && rng.chance(0.15)) {
				const half = Math.ceil(shippable.length / 2);
				ship(
					after(rng.int(6, 30) * HOUR_MS, 0.3),
					shippable.slice(0, half).map((line) => ({ line, qty: remaining(line) }))
				);
				ship(
					after(rng.int(40, 120) * HOUR_MS, 0.6),
					shippable.slice(half).map((line) => ({ line, qty: remaining(line) }))
				);
			} else {
				ship(
					after(rng.int(4, 72) * HOUR_MS, 0.5),
					shippable.map((line) => ({ line, qty: remaining(line) }))
				);
			}
			const lastShipMs = shipments.length
				? Date.parse(shipments[shipments.length - 1].createdAt)
				: placedMs;
			if (shipments.length && ageMs > 5 * DAY_MS && rng.chance(0.01)) {
				const returnMs = lastShipMs + Math.floor((ctx.anchorMs - lastShipMs) * rng.next() * 0.5);
				const line = shippable[0];
				returns.push({
					id: rng.uuid(returnMs),
					reference: `${iso(returnMs).slice(0, 10).replaceAll('-', '')}-${number.replace(/^#/, '')}`,
					status: rng.pick(['requested', 'accepted'] as const),
					createdAt: iso(returnMs),
					items: [
						{
							lineId: line.id,
							qty: 1,
							reason: rng.pick(['defective', 'wrong_size', 'wrong_colour', 'other'] as const),
							request: rng.pick(['refund', 'exchange'] as const)
						}
					]
				});
				events.push({
					orderId: id,
					at: iso(returnMs),
					actor: 'local-user',
					actorKind: 'user',
					type: 'order.createReturn',
					summary: `Return ${returns[0].reference} requested.`
				});
			}
			break;
		}
		case 'canceled': {
			valid = rng.chance(0.3);
			if (valid) invoice(after(5 * 60_000, 0.1));
			for (const line of lines) {
				line.qtyCanceled = line.qtyOrdered;
				line.qtyRefunded = line.qtyInvoiced;
			}
			systemEvent(
				after(rng.int(1, 48) * HOUR_MS, 0.5),
				'order.cancel',
				valid ? 'Order canceled in the shop; payment refunded.' : 'Order canceled in the shop.'
			);
			break;
		}
	}

	const shippingAmount = method.amount;
	const order: Order = {
		id,
		number,
		shopId: shop.id,
		shopRef: String(rng.int(1_000_000, 9_999_999_999)),
		placedAt: iso(placedMs),
		currency: 'EUR',
		customer: {
			name: customer.name,
			email,
			...(shippingAddress.phone ? { phone: shippingAddress.phone } : {})
		},
		billingAddress,
		shippingAddress,
		shippingMethod: { code: method.code, label: method.label },
		giftMessage,
		valid,
		hold,
		lines,
		shipments,
		invoices,
		returns,
		shippingAmount,
		grandTotal: round2(linesTotal(lines, (l) => l.qtyOrdered) + shippingAmount * 1.2),
		status: 'pending'
	};
	order.status = deriveStatus(order);
	const timeline = events
		.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0))
		.map((event, k) => ({ ...event, id: `${DEMO_EVENT_PREFIX}:${i + 1}:${k + 1}` }));
	return { order, movements, timeline };
}

// ---------------------------------------------------------------- stock

/** Per stock row: plenty of stock, short of demand (partial / backordered lines), or none. */
function physicalFor(rng: Rng, demand: number): number {
	const kind = rng.weighted(STOCK_KINDS);
	if (kind === 'plenty') return demand + rng.int(3, 60);
	if (kind === 'short') return Math.floor(demand * (0.2 + rng.next() * 0.6));
	return 0;
}

function makeLocation(rng: Rng, warehouseId: string): string {
	const aisles = warehouseId === DEMO_WAREHOUSE_IDS.main ? 'ABCDEFGH' : 'AB';
	const aisle = aisles[rng.int(0, aisles.length - 1)];
	return `${aisle}${rng.int(1, 12)}-${String(rng.int(1, 20)).padStart(2, '0')}`;
}

// ---------------------------------------------------------------- output

export interface DemoBatch {
	shops: Shop[];
	warehouses: Warehouse[];
	products: Product[];
	settings?: Settings;
	orders: Order[];
	stock: StockLevel[];
	movements: Movement[];
	timeline: TimelineEvent[];
}

export interface DemoOptions {
	seed?: number;
	/** Orders generated per batch (closed ones are handed out at once). */
	chunkSize?: number;
	anchor?: string;
}

function emptyBatch(): DemoBatch {
	return {
		shops: [],
		warehouses: [],
		products: [],
		orders: [],
		stock: [],
		movements: [],
		timeline: []
	};
}

/**
 * The demo data for `n` orders, in batches: first shops, warehouses, products and settings;
 * then the closed orders of each chunk with their movements and timeline; last the open orders
 * (reserved through the domain's reserveAll), the stock rows and the opening stock counts.
 */
export function* demoBatches(n: number, opts: DemoOptions = {}): Generator<DemoBatch> {
	if (!Number.isInteger(n) || n < 0)
		throw new Error(`Order count must be a whole number ≥ 0: ${n}`);
	const seed = opts.seed ?? DEMO_SEED;
	const chunkSize = opts.chunkSize ?? 5000;
	const anchorMs = Date.parse(opts.anchor ?? DEMO_ANCHOR);
	const startMs = anchorMs - spanDays(n) * DAY_MS;
	const products = makeProducts(seed, anchorMs);
	const ctx: Context = {
		seed,
		n,
		startMs,
		anchorMs,
		shippable: products.filter((p) => requiresShippingFor(p.type)),
		nonShipping: products.filter((p) => !requiresShippingFor(p.type)),
		shopCounters: new Map(),
		invoiceCounter: { next: 1 },
		shippedOut: new Map()
	};

	yield {
		...emptyBatch(),
		shops: structuredClone(DEMO_SHOPS),
		warehouses: structuredClone(DEMO_WAREHOUSES),
		products: products.map(plainProduct),
		settings: structuredClone(DEMO_SETTINGS)
	};

	const open: Order[] = [];
	for (let start = 0; start < n; start += chunkSize) {
		const batch = emptyBatch();
		for (let i = start; i < Math.min(n, start + chunkSize); i++) {
			const made = makeOrder(i, ctx);
			if (made.order.lines.some((line) => toShip(line) > 0)) open.push(made.order);
			else batch.orders.push(made.order);
			batch.movements.push(...made.movements);
			batch.timeline.push(...made.timeline);
		}
		yield batch;
	}

	// Stock rows: every shippable product in the main warehouse, many in Lyon and Paris, and
	// wherever an order line was routed.
	const demand = new Map<string, number>();
	for (const order of open) {
		for (const line of order.lines) {
			const key = stockId(line.productId, line.warehouseId);
			demand.set(key, (demand.get(key) ?? 0) + toShip(line));
		}
	}
	const rows = new Map<string, { productId: string; warehouseId: string }>();
	const stockRng = new Rng(mix(seed, 0x570c));
	for (const product of ctx.shippable) {
		rows.set(stockId(product.id, DEMO_WAREHOUSE_IDS.main), {
			productId: product.id,
			warehouseId: DEMO_WAREHOUSE_IDS.main
		});
		for (const [warehouseId, p] of [
			[DEMO_WAREHOUSE_IDS.lyon, 0.5],
			[DEMO_WAREHOUSE_IDS.paris, 0.35]
		] as const) {
			if (stockRng.chance(p))
				rows.set(stockId(product.id, warehouseId), { productId: product.id, warehouseId });
		}
	}
	for (const order of open) {
		for (const line of order.lines) {
			if (!line.requiresShipping) continue;
			const key = stockId(line.productId, line.warehouseId);
			if (!rows.has(key))
				rows.set(key, { productId: line.productId, warehouseId: line.warehouseId });
		}
	}
	for (const key of ctx.shippedOut.keys()) {
		if (!rows.has(key)) {
			const [productId, warehouseId] = key.split(':');
			rows.set(key, { productId, warehouseId });
		}
	}

	const openingMs = startMs - DAY_MS;
	const stock: StockLevel[] = [];
	const openingMovements: Movement[] = [];
	for (const [key, row] of [...rows].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
		const rng = new Rng(mix(seed, stock.length + 0x10000));
		const physical = physicalFor(rng, demand.get(key) ?? 0);
		stock.push({
			id: key,
			productId: row.productId,
			warehouseId: row.warehouseId,
			physical,
			reserved: 0,
			toShip: 0,
			location: makeLocation(rng, row.warehouseId)
		});
		const received = physical + (ctx.shippedOut.get(key) ?? 0);
		if (received > 0) {
			openingMovements.push({
				id: rng.uuid(openingMs),
				productId: row.productId,
				fromWarehouseId: null,
				toWarehouseId: row.warehouseId,
				qty: received,
				category: 'stock_take',
				comment: 'Opening stock count',
				createdAt: iso(openingMs),
				actor: 'system'
			});
		}
	}

	// Held orders held their stock before they were held: reserve as if not held, then run the
	// rules again with the holds, which keep what those lines hold.
	const settings = DEMO_SETTINGS;
	const unheld = open.map((order) => (order.hold ? { ...order, hold: null } : order));
	const first = reserveAll(unheld, stock, [], settings);
	const reheld = first.orders.map((order, k) =>
		open[k].hold ? { ...order, hold: open[k].hold } : order
	);
	const final = reserveAll(reheld, first.stock, [], settings);
	const orders = final.orders.map((order) => ({ ...order, status: deriveStatus(order) }));

	yield { ...emptyBatch(), orders, stock: final.stock, movements: openingMovements };
}

/** Every demo record at once (tests and the seeding benchmark's baseline). */
export function generateDemoData(n: number, opts: DemoOptions = {}): DemoBatch {
	const all = emptyBatch();
	for (const batch of demoBatches(n, opts)) {
		all.shops.push(...batch.shops);
		all.warehouses.push(...batch.warehouses);
		all.products.push(...batch.products);
		if (batch.settings) all.settings = batch.settings;
		for (const order of batch.orders) all.orders.push(order);
		for (const level of batch.stock) all.stock.push(level);
		for (const movement of batch.movements) all.movements.push(movement);
		for (const event of batch.timeline) all.timeline.push(event);
	}
	return all;
}

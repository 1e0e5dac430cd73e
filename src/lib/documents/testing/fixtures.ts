// Test data for the documents: customers whose names need Greek, Cyrillic and Polish glyphs.
import {
	DEFAULT_SETTINGS,
	type Address,
	type Invoice,
	type Order,
	type OrderLine,
	type Settings
} from '$lib/domain/schemas';

export const GREEK_NAME = 'Ελένη Παπαδοπούλου';
export const CYRILLIC_NAME = 'Дмитрий Иванов';
export const POLISH_NAME = 'Łukasz Żółć';

export const T0 = '2026-01-05T10:00:00.000Z';

// A 2×2 red PNG, enough to exercise logo embedding.
export const PNG_LOGO =
	'data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==';

export function makeSettings(overrides: Partial<Settings> = {}): Settings {
	return {
		...DEFAULT_SETTINGS,
		companyName: 'Dockside Demo GmbH',
		companyAddress: 'Hafenstraße 12\n20457 Hamburg\nGermany',
		vatNumber: 'DE123456789',
		footerLines: [
			'Dockside Demo GmbH · Amtsgericht Hamburg HRB 12345',
			'IBAN DE02 1203 0000 0000 2020 51'
		],
		returnAddress: 'Dockside Returns\nLagerweg 5\n21079 Hamburg\nGermany',
		timeZone: 'Europe/Berlin',
		...overrides
	};
}

export function makeAddress(overrides: Partial<Address> = {}): Address {
	return {
		name: GREEK_NAME,
		street1: 'Οδός Ερμού 25',
		city: 'Αθήνα',
		postcode: '105 63',
		country: 'GR',
		...overrides
	};
}

export function makeLine(n: number, overrides: Partial<OrderLine> = {}): OrderLine {
	return {
		id: `line-${n}`,
		sku: `SKU-${100 + n}`,
		productId: `product-${n}`,
		name: `Product ${n}`,
		qtyOrdered: 1,
		qtyShipped: 0,
		qtyCanceled: 0,
		qtyInvoiced: 0,
		qtyRefunded: 0,
		qtyReserved: 1,
		warehouseId: 'wh-main',
		requiresShipping: true,
		price: 10,
		taxRate: 0.2,
		...overrides
	};
}

export function makeOrder(overrides: Partial<Order> = {}): Order {
	return {
		id: 'order-1',
		number: '1043',
		shopId: 'shop-1',
		shopRef: 'ref-1043',
		placedAt: T0,
		currency: 'EUR',
		customer: { name: GREEK_NAME, email: 'eleni@example.gr' },
		billingAddress: makeAddress(),
		shippingAddress: makeAddress(),
		shippingMethod: { code: 'dhl', label: 'DHL Express' },
		giftMessage: null,
		valid: true,
		hold: null,
		lines: [
			makeLine(1, { name: 'Κούπα καφέ (coffee mug)', price: 12.5, qtyOrdered: 2, qtyReserved: 2 }),
			makeLine(2, { name: 'Футболка «Док» (T-shirt)', price: 19.99 }),
			makeLine(3, { name: 'Żółta czapka (yellow cap)', price: 8, taxRate: 0.07 })
		],
		shipments: [],
		invoices: [],
		returns: [],
		shippingAmount: 4.9,
		grandTotal: 0,
		status: 'processing',
		...overrides
	};
}

/** An invoice of every line of `order`, with the total the domain's invoiceTotal gives. */
export function makeInvoice(order: Order, overrides: Partial<Invoice> = {}): Invoice {
	const round2 = (value: number) => Math.round(value * 100) / 100;
	const total = order.lines.reduce(
		(sum, line) => sum + round2(line.qtyOrdered * line.price * (1 + line.taxRate)),
		order.shippingAmount
	);
	return {
		id: 'invoice-1',
		number: 'INV-2026-0042',
		createdAt: '2026-01-06T09:30:00.000Z',
		lines: order.lines.map((line) => ({ lineId: line.id, qty: line.qtyOrdered })),
		total: round2(total),
		...overrides
	};
}

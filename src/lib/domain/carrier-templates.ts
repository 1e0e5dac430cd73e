// Carrier export (DOMAIN.md "Carrier export"): a template per shipping method, matched by a
// pattern on the method's code, turns a batch's parcels into the table a carrier's software
// imports. Pure: the CSV text itself is written by documents/carrier-csv.ts.
import { z } from 'zod';
import type { Order, OrderLine, Shipment } from './schemas';

/** One parcel of the batch: the order and the shipment made when it was packed. */
export interface CarrierParcel {
	order: Order;
	shipment: Shipment;
}

const round2 = (value: number) => Math.round(value * 100) / 100;
const text = (value: string | undefined) => value?.trim() ?? '';
const amount = (value: number | undefined) => (value === undefined ? '' : String(value));

interface Row {
	order: Order;
	shipment: Shipment;
	/** Only in templates with a row per line. */
	line?: { line: OrderLine; qty: number };
}

function shippedLines(order: Order, shipment: Shipment): { line: OrderLine; qty: number }[] {
	return shipment.lines.flatMap(({ lineId, qty }) => {
		const line = order.lines.find((l) => l.id === lineId);
		return line ? [{ line, qty }] : [];
	});
}

const grossValue = (lines: { line: OrderLine; qty: number }[]) =>
	round2(lines.reduce((sum, { line, qty }) => sum + qty * line.price * (1 + line.taxRate), 0));

const PARCEL_FIELDS = {
	'order.number': ({ order }) => order.number,
	'order.id': ({ order }) => order.id,
	'order.date': ({ order }) => order.placedAt.slice(0, 10),
	'order.currency': ({ order }) => order.currency,
	'shipping.code': ({ order }) => order.shippingMethod.code,
	'shipping.label': ({ order }) => order.shippingMethod.label,
	'shipment.id': ({ shipment }) => shipment.id,
	'shipment.weight': ({ shipment }) => amount(shipment.weight),
	'shipment.parcels': ({ shipment }) => String(shipment.parcels ?? 1),
	'shipment.items': ({ shipment }) => String(shipment.lines.reduce((sum, l) => sum + l.qty, 0)),
	'shipment.value': ({ order, shipment }) => grossValue(shippedLines(order, shipment)).toFixed(2),
	'shipment.lines': ({ order, shipment }) =>
		shippedLines(order, shipment)
			.map(({ line, qty }) => `${line.sku || line.name}×${qty}`)
			.join('; '),
	'shipment.contents': ({ order, shipment }) =>
		shippedLines(order, shipment)
			.map(({ line, qty }) => `${qty} ${line.name}`)
			.join(', '),
	'customer.name': ({ order }) => text(order.customer.name),
	'customer.email': ({ order }) => text(order.customer.email),
	'customer.phone': ({ order }) => text(order.customer.phone),
	'address.name': ({ order }) => text(order.shippingAddress.name),
	'address.company': ({ order }) => text(order.shippingAddress.company),
	'address.street1': ({ order }) => text(order.shippingAddress.street1),
	'address.street2': ({ order }) => text(order.shippingAddress.street2),
	'address.postcode': ({ order }) => text(order.shippingAddress.postcode),
	'address.city': ({ order }) => text(order.shippingAddress.city),
	'address.region': ({ order }) => text(order.shippingAddress.region),
	'address.country': ({ order }) => order.shippingAddress.country,
	// The carrier calls the recipient: the address's phone, else the customer's.
	'address.phone': ({ order }) => text(order.shippingAddress.phone ?? order.customer.phone)
} satisfies Record<string, (row: Row) => string>;

const LINE_FIELDS = {
	'line.sku': ({ line }) => line!.line.sku,
	'line.name': ({ line }) => line!.line.name,
	'line.qty': ({ line }) => String(line!.qty),
	'line.price': ({ line }) => line!.line.price.toFixed(2),
	'line.value': ({ line }) => grossValue([line!]).toFixed(2)
} satisfies Record<string, (row: Row) => string>;

const FIELDS: Record<string, (row: Row) => string> = { ...PARCEL_FIELDS, ...LINE_FIELDS };

export const PARCEL_FIELD_NAMES = Object.keys(PARCEL_FIELDS);
/** Usable only in templates with a row per line. */
export const LINE_FIELD_NAMES = Object.keys(LINE_FIELDS);

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** The `{field}` names a column's value refers to. */
export function placeholders(value: string): string[] {
	return [...value.matchAll(PLACEHOLDER)].map((match) => match[1].trim());
}

export const CarrierColumn = z.object({
	header: z.string().max(100),
	/** Text with `{field}` placeholders, e.g. `{address.postcode} {address.city}`. */
	value: z.string().max(500)
});
export type CarrierColumn = z.infer<typeof CarrierColumn>;

export const CarrierDelimiter = z.enum([',', ';', '\t']);

export const CarrierTemplate = z
	.object({
		id: z.string().trim().min(1).max(60),
		name: z.string().trim().min(1, 'Name the template.').max(120),
		/**
		 * Shipping method codes it serves: globs (`*` any text, `?` one character), any case,
		 * several separated by commas, e.g. `dhl_*, ups_*`. The first template that matches wins.
		 */
		pattern: z.string().trim().min(1, 'Give a shipping method pattern, e.g. colissimo*.').max(500),
		/** Recorded with the tracking number when its parcels ship. */
		carrier: z.string().trim().min(1).max(100).optional(),
		delimiter: CarrierDelimiter,
		/** `parcel`: one row per order's parcel; `line`: one per product in it. */
		rowPer: z.enum(['parcel', 'line']),
		/** Whether the file starts with the column headers. */
		header: z.boolean(),
		columns: z.array(CarrierColumn).min(1, 'Add at least one column.').max(100)
	})
	.superRefine((template, ctx) => {
		template.columns.forEach((column, index) => {
			for (const name of placeholders(column.value)) {
				const known = name in PARCEL_FIELDS || (template.rowPer === 'line' && name in LINE_FIELDS);
				if (known) continue;
				ctx.addIssue({
					code: 'custom',
					path: ['columns', index, 'value'],
					message:
						name in LINE_FIELDS ? `{${name}} needs one row per line.` : `Unknown field {${name}}.`
				});
			}
		});
	});
export type CarrierTemplate = z.infer<typeof CarrierTemplate>;

export const CarrierTemplates = z
	.array(CarrierTemplate)
	.max(50)
	.refine(
		(templates) => new Set(templates.map((t) => t.id)).size === templates.length,
		'Each template needs its own id.'
	);

/** Used while the settings hold no `carrierTemplates` (an empty list means none). */
export const DEFAULT_CARRIER_TEMPLATES: CarrierTemplate[] = [
	{
		id: 'colissimo',
		name: 'Colissimo',
		pattern: 'colissimo*',
		carrier: 'Colissimo',
		delimiter: ';',
		rowPer: 'parcel',
		header: true,
		columns: [
			{ header: 'Reference', value: '{order.number}' },
			{ header: 'Name', value: '{address.name}' },
			{ header: 'Company', value: '{address.company}' },
			{ header: 'Address 1', value: '{address.street1}' },
			{ header: 'Address 2', value: '{address.street2}' },
			{ header: 'Postcode', value: '{address.postcode}' },
			{ header: 'City', value: '{address.city}' },
			{ header: 'Country', value: '{address.country}' },
			{ header: 'Phone', value: '{address.phone}' },
			{ header: 'Email', value: '{customer.email}' },
			{ header: 'Weight (kg)', value: '{shipment.weight}' },
			{ header: 'Parcels', value: '{shipment.parcels}' }
		]
	},
	{
		id: 'any-carrier',
		name: 'Any carrier',
		pattern: '*',
		delimiter: ',',
		rowPer: 'parcel',
		header: true,
		columns: [
			{ header: 'order_number', value: '{order.number}' },
			{ header: 'shipment_id', value: '{shipment.id}' },
			{ header: 'shipping_method', value: '{shipping.code}' },
			{ header: 'name', value: '{address.name}' },
			{ header: 'company', value: '{address.company}' },
			{ header: 'street1', value: '{address.street1}' },
			{ header: 'street2', value: '{address.street2}' },
			{ header: 'postcode', value: '{address.postcode}' },
			{ header: 'city', value: '{address.city}' },
			{ header: 'region', value: '{address.region}' },
			{ header: 'country', value: '{address.country}' },
			{ header: 'phone', value: '{address.phone}' },
			{ header: 'email', value: '{customer.email}' },
			{ header: 'weight_kg', value: '{shipment.weight}' },
			{ header: 'parcels', value: '{shipment.parcels}' },
			{ header: 'items', value: '{shipment.items}' },
			{ header: 'lines', value: '{shipment.lines}' },
			{ header: 'value', value: '{shipment.value}' },
			{ header: 'currency', value: '{order.currency}' }
		]
	}
];

/** The templates in force: the settings' own list, or the defaults while there is none. */
export function carrierTemplatesOf(settings: {
	carrierTemplates?: CarrierTemplate[] | undefined;
}): CarrierTemplate[] {
	return settings.carrierTemplates ?? DEFAULT_CARRIER_TEMPLATES;
}

function globToRegExp(glob: string): RegExp {
	const body = [...glob]
		.map((char) =>
			char === '*' ? '.*' : char === '?' ? '.' : char.replace(/[.+^${}()|[\]\\]/g, '\\$&')
		)
		.join('');
	return new RegExp(`^${body}$`, 'i');
}

/** Whether a shipping method code matches a template's pattern (comma-separated globs). */
export function patternMatches(pattern: string, code: string): boolean {
	return pattern
		.split(',')
		.map((glob) => glob.trim())
		.some((glob) => glob !== '' && globToRegExp(glob).test(code.trim()));
}

/** The first template, in the list's order, whose pattern matches the code. */
export function templateFor(
	code: string,
	templates: readonly CarrierTemplate[]
): CarrierTemplate | undefined {
	return templates.find((template) => patternMatches(template.pattern, code));
}

export interface CarrierGroup {
	template: CarrierTemplate;
	parcels: CarrierParcel[];
}

/** The batch split by template (in the templates' order); parcels no template matches apart. */
export function groupByTemplate(
	parcels: readonly CarrierParcel[],
	templates: readonly CarrierTemplate[]
): { groups: CarrierGroup[]; unmatched: CarrierParcel[] } {
	const byId = new Map<string, CarrierParcel[]>();
	const unmatched: CarrierParcel[] = [];
	for (const parcel of parcels) {
		const template = templateFor(parcel.order.shippingMethod.code, templates);
		if (!template) unmatched.push(parcel);
		else byId.set(template.id, [...(byId.get(template.id) ?? []), parcel]);
	}
	const groups = templates.flatMap((template) => {
		const found = byId.get(template.id);
		return found ? [{ template, parcels: found }] : [];
	});
	return { groups, unmatched };
}

function fill(value: string, row: Row): string {
	return value.replace(PLACEHOLDER, (_, name: string) => FIELDS[name.trim()]?.(row) ?? '');
}

/**
 * The table a template makes of the parcels: the header row first when the template has one,
 * then a row per parcel (or per shipped line). Cells are plain text; quoting is the writer's.
 */
export function carrierTable(
	template: CarrierTemplate,
	parcels: readonly CarrierParcel[]
): string[][] {
	const rows: Row[] = parcels.flatMap(({ order, shipment }) =>
		template.rowPer === 'line'
			? shippedLines(order, shipment).map((line) => ({ order, shipment, line }))
			: [{ order, shipment }]
	);
	const table = rows.map((row) => template.columns.map((column) => fill(column.value, row)));
	return template.header ? [template.columns.map((column) => column.header), ...table] : table;
}

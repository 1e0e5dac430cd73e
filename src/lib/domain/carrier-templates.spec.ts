import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
	CarrierTemplate,
	CarrierTemplates,
	DEFAULT_CARRIER_TEMPLATES,
	carrierTable,
	carrierTemplatesOf,
	groupByTemplate,
	patternMatches,
	templateFor,
	type CarrierParcel
} from './carrier-templates';
import { DEFAULT_SETTINGS, Settings, type Shipment } from './schemas';
import { updateSettings } from './actions/settings-update';
import { makeAddress, makeLine, makeOrder, T0 } from './testing/factories';

function template(overrides: Partial<CarrierTemplate> = {}): CarrierTemplate {
	return {
		id: 't',
		name: 'T',
		pattern: '*',
		delimiter: ',',
		rowPer: 'parcel',
		header: true,
		columns: [{ header: 'ref', value: '{order.number}' }],
		...overrides
	};
}

function parcel(
	code: string,
	number: string,
	shipment: Partial<Shipment> = {}
): CarrierParcel & { shipment: Shipment } {
	const lines = [
		makeLine({ id: `${number}-a`, sku: 'TEE', name: 'T-shirt', qtyOrdered: 2, price: 10 }),
		makeLine({ id: `${number}-b`, sku: 'MUG', name: 'Mug', price: 5, taxRate: 0.1 })
	];
	const order = makeOrder({
		id: `o-${number}`,
		number,
		lines,
		shippingMethod: { code, label: code.toUpperCase() },
		shippingAddress: makeAddress({ name: 'Zoë Brown', phone: '+33 6 12 34 56 78' })
	});
	return {
		order,
		shipment: {
			id: `s-${number}`,
			createdAt: T0,
			lines: [
				{ lineId: `${number}-a`, qty: 2 },
				{ lineId: `${number}-b`, qty: 1 }
			],
			weight: 1.25,
			parcels: 2,
			...shipment
		}
	};
}

describe('patternMatches', () => {
	it('reads globs in any case, several separated by commas', () => {
		expect(patternMatches('colissimo*', 'colissimo_home')).toBe(true);
		expect(patternMatches('colissimo*', 'COLISSIMO')).toBe(true);
		expect(patternMatches('colissimo*', 'chrono_colissimo')).toBe(false);
		expect(patternMatches('dhl_*, ups_*', 'ups_standard')).toBe(true);
		expect(patternMatches('dhl_*, ups_*', 'upsstandard')).toBe(false);
		expect(patternMatches('chronopost_1?', 'chronopost_13')).toBe(true);
		expect(patternMatches('chronopost_1?', 'chronopost_130')).toBe(false);
		expect(patternMatches('*', '')).toBe(true);
		expect(patternMatches(' , ', 'x')).toBe(false);
	});

	it('takes regular expression characters literally', () => {
		expect(patternMatches('flat.rate', 'flat.rate')).toBe(true);
		expect(patternMatches('flat.rate', 'flatXrate')).toBe(false);
		expect(patternMatches('a+b', 'aab')).toBe(false);
		expect(patternMatches('(x)|[y]', '(x)|[y]')).toBe(true);
	});

	it('matches a code against itself as a pattern, and against a * around any part of it', () => {
		const code = fc.string({ maxLength: 20 }).filter((s) => !/[*?,]/.test(s) && s.trim() === s);
		fc.assert(
			fc.property(code, fc.nat(), fc.nat(), (c, i, j) => {
				const [from, to] = [Math.min(i, j) % (c.length + 1), Math.max(i, j) % (c.length + 1)];
				const glob = `${c.slice(0, Math.min(from, to))}*${c.slice(Math.max(from, to))}`;
				expect(patternMatches(c || '*', c)).toBe(true);
				expect(patternMatches(glob, c)).toBe(true);
				expect(patternMatches(glob.toUpperCase(), c.toLowerCase())).toBe(
					patternMatches(glob.toLowerCase(), c.toLowerCase())
				);
			})
		);
	});
});

describe('templateFor and groupByTemplate', () => {
	it('picks the first template that matches, in the list order', () => {
		const [colissimo, any] = DEFAULT_CARRIER_TEMPLATES;
		expect(templateFor('colissimo_home', DEFAULT_CARRIER_TEMPLATES)?.id).toBe(colissimo.id);
		expect(templateFor('dhl_express', DEFAULT_CARRIER_TEMPLATES)?.id).toBe(any.id);
		expect(templateFor('colissimo_home', [any, colissimo])?.id).toBe(any.id);
		expect(templateFor('dhl', [colissimo])).toBeUndefined();
	});

	it('splits a batch by template and keeps what no template takes apart', () => {
		const templates = [
			template({ id: 'dhl', pattern: 'dhl*' }),
			template({ id: 'ups', pattern: 'ups*' })
		];
		const batch = [
			parcel('ups_1', '1'),
			parcel('dhl_1', '2'),
			parcel('gls', '3'),
			parcel('dhl_2', '4')
		];
		const { groups, unmatched } = groupByTemplate(batch, templates);
		expect(groups.map((g) => [g.template.id, g.parcels.map((p) => p.order.number)])).toEqual([
			['dhl', ['2', '4']],
			['ups', ['1']]
		]);
		expect(unmatched.map((p) => p.order.number)).toEqual(['3']);
	});
});

describe('carrierTable', () => {
	it('fills placeholders from the order, its address and the shipment', () => {
		const p = parcel('x', '1043');
		const table = carrierTable(
			template({
				columns: [
					{ header: 'Ref', value: 'Order {order.number}' },
					{ header: 'Town', value: '{address.postcode} {address.city}' },
					{ header: 'Phone', value: '{address.phone}' },
					{ header: 'Kg', value: '{shipment.weight}' },
					{ header: 'Parcels', value: '{shipment.parcels}' },
					{ header: 'Items', value: '{shipment.items}' },
					{ header: 'Lines', value: '{shipment.lines}' },
					{ header: 'Value', value: '{ shipment.value }' },
					{ header: 'Literal', value: 'fixed' }
				]
			}),
			[p]
		);
		// 2 × 10 × 1.2 + 1 × 5 × 1.1 = 29.50
		expect(table).toEqual([
			['Ref', 'Town', 'Phone', 'Kg', 'Parcels', 'Items', 'Lines', 'Value', 'Literal'],
			[
				'Order 1043',
				'75011 Paris',
				'+33 6 12 34 56 78',
				'1.25',
				'2',
				'3',
				'TEE×2; MUG×1',
				'29.50',
				'fixed'
			]
		]);
	});

	it('writes one row per shipped line when the template says so, without header if asked', () => {
		const p = parcel('x', '7', { lines: [{ lineId: '7-b', qty: 1 }] });
		const table = carrierTable(
			template({
				rowPer: 'line',
				header: false,
				columns: [
					{ header: 'ref', value: '{order.number}' },
					{ header: 'sku', value: '{line.sku}' },
					{ header: 'qty', value: '{line.qty}' },
					{ header: 'value', value: '{line.value}' }
				]
			}),
			[parcel('x', '6'), p]
		);
		expect(table).toEqual([
			['6', 'TEE', '2', '24.00'],
			['6', 'MUG', '1', '5.50'],
			['7', 'MUG', '1', '5.50']
		]);
	});

	it('leaves absent values empty and counts one parcel when none was entered', () => {
		const p = parcel('x', '9', { weight: undefined, parcels: undefined });
		const [, row] = carrierTable(
			template({
				columns: [
					{ header: 'kg', value: '{shipment.weight}' },
					{ header: 'n', value: '{shipment.parcels}' },
					{ header: 'company', value: '{address.company}' }
				]
			}),
			[p]
		);
		expect(row).toEqual(['', '1', '']);
	});

	it('gives every row as many cells as the template has columns', () => {
		fc.assert(
			fc.property(fc.integer({ min: 0, max: 6 }), fc.boolean(), (n, perLine) => {
				const batch = Array.from({ length: n }, (_, i) => parcel('x', String(i + 1)));
				const t = DEFAULT_CARRIER_TEMPLATES[1];
				const table = carrierTable(
					perLine
						? {
								...t,
								rowPer: 'line',
								columns: [...t.columns, { header: 's', value: '{line.sku}' }]
							}
						: t,
					batch
				);
				const rows = perLine ? 2 * n : n;
				const width = t.columns.length + (perLine ? 1 : 0);
				expect(table).toHaveLength(rows + 1);
				for (const row of table) expect(row).toHaveLength(width);
			})
		);
	});
});

describe('the template schema and the settings', () => {
	it('accepts the default templates and refuses unknown or misplaced fields', () => {
		expect(CarrierTemplates.safeParse(DEFAULT_CARRIER_TEMPLATES).success).toBe(true);
		const unknown = CarrierTemplate.safeParse(
			template({ columns: [{ header: 'x', value: '{order.nmber}' }] })
		);
		expect(unknown.success).toBe(false);
		expect(unknown.error?.issues[0]).toMatchObject({
			path: ['columns', 0, 'value'],
			message: 'Unknown field {order.nmber}.'
		});
		const lineField = CarrierTemplate.safeParse(
			template({ columns: [{ header: 'x', value: '{line.sku}' }] })
		);
		expect(lineField.error?.issues[0].message).toBe('{line.sku} needs one row per line.');
		expect(CarrierTemplates.safeParse([template({ id: 'a' }), template({ id: 'a' })]).success).toBe(
			false
		);
	});

	it('uses the defaults while the settings have no list, and an empty list as none', () => {
		expect(carrierTemplatesOf(DEFAULT_SETTINGS)).toBe(DEFAULT_CARRIER_TEMPLATES);
		expect(carrierTemplatesOf({ ...DEFAULT_SETTINGS, carrierTemplates: [] })).toEqual([]);
		expect(Settings.safeParse(DEFAULT_SETTINGS).success).toBe(true);
		expect(
			Settings.safeParse({ ...DEFAULT_SETTINGS, carrierTemplates: DEFAULT_CARRIER_TEMPLATES })
				.success
		).toBe(true);
	});

	it('lets settings.update change the templates, and refuses a bad one', () => {
		const mine = [template({ id: 'mine', pattern: 'dhl*' })];
		expect(updateSettings.args.safeParse({ carrierTemplates: mine }).success).toBe(true);
		expect(
			updateSettings.args.safeParse({
				carrierTemplates: [template({ columns: [] })]
			}).success
		).toBe(false);
	});
});

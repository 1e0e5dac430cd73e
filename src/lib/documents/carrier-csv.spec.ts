import fc from 'fast-check';
import Papa from 'papaparse';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CARRIER_TEMPLATES, type CarrierParcel } from '$lib/domain/carrier-templates';
import { makeAddress, makeLine, makeOrder, T0 } from '$lib/domain/testing/factories';
import {
	carrierExportFiles,
	decodeCarrierFile,
	readCarrierCsv,
	readCarrierFile,
	writeCarrierCsv
} from './carrier-csv';

const encode = (text: string) => new TextEncoder().encode(text);

/** Text with what CSV must protect: delimiters, quotes, line breaks, edge spaces, any script. */
const tricky = fc.oneof(
	fc.string({ unit: 'grapheme', maxLength: 12 }),
	fc
		.array(
			fc.constantFrom(
				',',
				';',
				'\t',
				'|',
				'"',
				'""',
				'\n',
				'\r\n',
				'\r',
				' ',
				'Ω',
				'Ж',
				'ł',
				'😀',
				'a',
				'1',
				'='
			),
			{ maxLength: 8 }
		)
		.map((parts) => parts.join(''))
);

const table = (columns: fc.Arbitrary<number>) =>
	columns.chain((width) =>
		fc.array(fc.array(tricky, { minLength: width, maxLength: width }), { maxLength: 8 })
	);

/** Rows whose every cell is blank are skipped on reading (a spreadsheet's trailing blank lines). */
const withoutBlankRows = (rows: string[][]) => rows.filter((row) => row.join('').trim() !== '');

describe('writeCarrierCsv', () => {
	it('round-trips any table through papaparse, with each delimiter', () => {
		fc.assert(
			fc.property(
				table(fc.integer({ min: 1, max: 5 })),
				fc.constantFrom(',', ';', '\t'),
				(rows, delimiter) => {
					const csv = writeCarrierCsv(rows, delimiter);
					const parsed = Papa.parse<string[]>(csv, { delimiter, skipEmptyLines: 'greedy' });
					expect(parsed.errors).toEqual([]);
					expect(parsed.data).toEqual(withoutBlankRows(rows));
				}
			)
		);
	});

	it('is read back by readCarrierCsv, which guesses the delimiter', () => {
		const plain = fc.string({ unit: 'grapheme', maxLength: 10 }).filter((s) => !/[,;\t|]/.test(s));
		fc.assert(
			fc.property(
				fc.integer({ min: 2, max: 5 }).chain((width) =>
					fc.array(fc.array(plain, { minLength: width, maxLength: width }), {
						minLength: 1,
						maxLength: 6
					})
				),
				fc.constantFrom(',', ';', '\t'),
				(rows, delimiter) => {
					const expected = withoutBlankRows(rows);
					const result = readCarrierCsv(writeCarrierCsv(rows, delimiter));
					if (expected.length === 0) expect(result.ok).toBe(false);
					else expect(result).toEqual({ ok: true, rows: expected });
				}
			)
		);
	});

	it('quotes only what needs it, with Windows line ends', () => {
		expect(
			writeCarrierCsv(
				[
					['ref', 'name'],
					['1043', 'Ann "Nan" Lee, Jr.'],
					['1044', 'Line\nbreak']
				],
				','
			)
		).toBe('ref,name\r\n1043,"Ann ""Nan"" Lee, Jr."\r\n1044,"Line\nbreak"\r\n');
		expect(writeCarrierCsv([['a;b', 'c,d', '+33 6']], ';')).toBe('"a;b";c,d;+33 6\r\n');
		expect(writeCarrierCsv([], ',')).toBe('');
	});
});

describe('carrierExportFiles', () => {
	function parcel(number: string, code: string, name: string): CarrierParcel {
		const line = makeLine({ id: `l-${number}`, sku: 'TEE' });
		return {
			order: makeOrder({
				id: `o-${number}`,
				number,
				lines: [line],
				shippingMethod: { code, label: code },
				shippingAddress: makeAddress({ name })
			}),
			shipment: {
				id: `s-${number}`,
				createdAt: T0,
				lines: [{ lineId: line.id, qty: 1 }],
				weight: 2
			}
		};
	}

	it('writes one file per template, named after it, whose rows are the parcels', () => {
		const batch = [
			parcel('1001', 'colissimo_home', 'Ελένη; "Π"'),
			parcel('1002', 'dhl_express', 'Дмитрий, Иванов'),
			parcel('1003', 'colissimo_relay', 'Łukasz')
		];
		const { files, unmatched } = carrierExportFiles(
			batch,
			DEFAULT_CARRIER_TEMPLATES,
			'20260105-1000'
		);
		expect(unmatched).toEqual([]);
		expect(files.map((f) => [f.filename, f.orderNumbers])).toEqual([
			['colissimo-20260105-1000.csv', ['1001', '1003']],
			['any-carrier-20260105-1000.csv', ['1002']]
		]);
		const colissimo = Papa.parse<string[]>(files[0].csv, {
			delimiter: ';',
			skipEmptyLines: true
		}).data;
		expect(colissimo[0].slice(0, 2)).toEqual(['Reference', 'Name']);
		expect(colissimo.slice(1).map((row) => row.slice(0, 2))).toEqual([
			['1001', 'Ελένη; "Π"'],
			['1003', 'Łukasz']
		]);
		const any = Papa.parse<string[]>(files[1].csv, { delimiter: ',', skipEmptyLines: true }).data;
		expect(any[1].slice(0, 4)).toEqual(['1002', 's-1002', 'dhl_express', 'Дмитрий, Иванов']);
	});

	it('leaves out, and reports, parcels no template takes', () => {
		const only = DEFAULT_CARRIER_TEMPLATES.slice(0, 1);
		const { files, unmatched } = carrierExportFiles([parcel('1', 'ups', 'A')], only, 'x');
		expect(files).toEqual([]);
		expect(unmatched.map((p) => p.order.number)).toEqual(['1']);
	});
});

describe('reading a carrier file', () => {
	it('reads semicolons, tabs, a byte order mark and Windows-1252 text', () => {
		expect(readCarrierFile(encode('\ufeffRef;Tracking\r\n1043;6A123\r\n\r\n'))).toEqual({
			ok: true,
			rows: [
				['Ref', 'Tracking'],
				['1043', '6A123']
			]
		});
		expect(readCarrierFile(encode('a\tb\n1\t2\n'))).toEqual({
			ok: true,
			rows: [
				['a', 'b'],
				['1', '2']
			]
		});
		// "Müller,X1" in Windows-1252: ü is the single byte 0xFC, invalid as UTF-8.
		const latin1 = new Uint8Array([0x4d, 0xfc, 0x6c, 0x6c, 0x65, 0x72, 0x2c, 0x58, 0x31]);
		expect(readCarrierFile(latin1)).toEqual({ ok: true, rows: [['Müller', 'X1']] });
	});

	it('refuses empty, binary, oversized and badly quoted files with a reason', () => {
		expect(readCarrierFile(new Uint8Array())).toEqual({ ok: false, message: 'The file is empty.' });
		expect(readCarrierFile(encode('\r\n  \r\n'))).toEqual({
			ok: false,
			message: 'The file has no rows.'
		});
		const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]);
		expect(readCarrierFile(png)).toMatchObject({
			ok: false,
			message: expect.stringContaining('not a text file')
		});
		expect(decodeCarrierFile(new Uint8Array(5 * 1024 * 1024 + 1).fill(65))).toMatchObject({
			ok: false,
			message: expect.stringContaining('larger than 5 MB')
		});
		expect(readCarrierFile(encode('ref,tracking\n1043,"6A12\n1044,6A13\n'))).toMatchObject({
			ok: false,
			message: expect.stringContaining('a quoted field is not closed')
		});
	});
});

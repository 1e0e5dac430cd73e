// Carrier files as text: the export written for carrier software, and the file a carrier sends
// back read into rows. papaparse does the quoting both ways (RFC 4180 and the dialects carrier
// tools write: semicolons, tabs, a byte order mark, Windows line ends).
import Papa from 'papaparse';
import {
	carrierTable,
	groupByTemplate,
	type CarrierParcel,
	type CarrierTemplate
} from '$lib/domain/carrier-templates';

/**
 * Fields with the delimiter, a quote, a line break or edge spaces are quoted. No byte order
 * mark and no formula guard: the file is for carrier software, and a guard's leading
 * apostrophe would break phone numbers such as +33….
 */
export function writeCarrierCsv(table: readonly (readonly string[])[], delimiter: string): string {
	if (table.length === 0) return '';
	return Papa.unparse(table as string[][], { delimiter, newline: '\r\n', quotes: false }) + '\r\n';
}

export interface CarrierExportFile {
	template: CarrierTemplate;
	filename: string;
	csv: string;
	/** Order numbers in the file, in its order. */
	orderNumbers: string[];
}

function slug(text: string): string {
	return (
		text
			.normalize('NFD')
			.replace(/\p{M}/gu, '')
			.toLowerCase()
			.replace(/[^a-z0-9]+/g, '-')
			.replace(/^-|-$/g, '') || 'carrier'
	);
}

/** One file per template the batch's parcels fall under; `stamp` ends each file name. */
export function carrierExportFiles(
	parcels: readonly CarrierParcel[],
	templates: readonly CarrierTemplate[],
	stamp: string
): { files: CarrierExportFile[]; unmatched: CarrierParcel[] } {
	const { groups, unmatched } = groupByTemplate(parcels, templates);
	const files = groups.map(({ template, parcels: group }) => ({
		template,
		filename: `${slug(template.name)}-${stamp}.${template.delimiter === '\t' ? 'tsv' : 'csv'}`,
		csv: writeCarrierCsv(carrierTable(template, group), template.delimiter),
		orderNumbers: group.map((parcel) => parcel.order.number)
	}));
	return { files, unmatched };
}

export type ReadCsvResult = { ok: true; rows: string[][] } | { ok: false; message: string };

/** Larger than any carrier's day of parcels; a bigger file is surely not the right one. */
export const MAX_CARRIER_FILE_BYTES = 5 * 1024 * 1024;

/** Text of a file as carrier tools write it: UTF-8 (with or without BOM), else Windows-1252. */
export function decodeCarrierFile(
	bytes: Uint8Array
): { ok: true; text: string } | { ok: false; message: string } {
	if (bytes.length === 0) return { ok: false, message: 'The file is empty.' };
	if (bytes.length > MAX_CARRIER_FILE_BYTES) {
		return { ok: false, message: 'The file is larger than 5 MB: is it the carrier’s CSV file?' };
	}
	if (bytes.includes(0)) {
		return { ok: false, message: 'This is not a text file: choose the carrier’s CSV file.' };
	}
	let text: string;
	try {
		text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
	} catch {
		text = new TextDecoder('windows-1252').decode(bytes);
	}
	return { ok: true, text: text.replace(/^\ufeff/, '') };
}

/** Rows of a CSV text, the delimiter guessed; blank lines dropped; a broken quote refused. */
export function readCarrierCsv(text: string): ReadCsvResult {
	const parsed = Papa.parse<string[]>(text.replace(/^\ufeff/, ''), {
		skipEmptyLines: 'greedy',
		delimitersToGuess: [',', ';', '\t', '|']
	});
	const broken = parsed.errors.find((error) => error.type === 'Quotes');
	if (broken) {
		const where = broken.row === undefined ? '' : ` on row ${broken.row + 1}`;
		return {
			ok: false,
			message: `The file is not valid CSV: a quoted field is not closed${where}.`
		};
	}
	if (parsed.data.length === 0) return { ok: false, message: 'The file has no rows.' };
	return { ok: true, rows: parsed.data };
}

/** A file chosen by the person, as rows, or why it cannot be read. */
export function readCarrierFile(bytes: Uint8Array): ReadCsvResult {
	const decoded = decodeCarrierFile(bytes);
	return decoded.ok ? readCarrierCsv(decoded.text) : decoded;
}

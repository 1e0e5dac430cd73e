// A carrier's file back: which tracking number goes with which parcel of the batch. Rows name
// the parcel by shipment id or by order number (whatever the carrier echoed of our export);
// the preview says, per row, what shipping would do before anything is sent.
import type { PreparationStatus } from './schemas';

export interface ColumnMapping {
	tracking: number | null;
	orderNumber: number | null;
	shipmentId: number | null;
	carrier: number | null;
}
export type MappedColumn = keyof ColumnMapping;

export const NO_COLUMNS: ColumnMapping = {
	tracking: null,
	orderNumber: null,
	shipmentId: null,
	carrier: null
};

/** Header names, folded (lower case, no accents, letters and digits only), per column. */
const HEADER_NAMES: Record<MappedColumn, string[]> = {
	tracking: [
		'tracking',
		'trackingnumber',
		'trackingno',
		'trackingnr',
		'trackingcode',
		'trackingid',
		'tracknumber',
		'trackandtrace',
		'parcelnumber',
		'parcelno',
		'consignmentnumber',
		'consignmentno',
		'awb',
		'awbnumber',
		'waybill',
		'waybillnumber',
		'numerodesuivi',
		'numerosuivi',
		'ndesuivi',
		'nsuivi',
		'suivi',
		'numerocolis',
		'sendungsnummer',
		'paketnummer',
		'trackingnummer'
	],
	orderNumber: [
		'order',
		'ordernumber',
		'orderno',
		'ordernr',
		'orderid',
		'orderref',
		'orderreference',
		'reference',
		'ref',
		'customerreference',
		'shipperreference',
		'yourreference',
		'referenceexpediteur',
		'refexpediteur',
		'commande',
		'numerocommande',
		'numerodecommande',
		'bestellnummer',
		'referenz'
	],
	shipmentId: ['shipmentid', 'shipment', 'shipmentref', 'shipmentreference'],
	carrier: ['carrier', 'carriername', 'courier', 'transporteur', 'spediteur']
};

export function foldHeader(name: string): string {
	return name
		.normalize('NFD')
		.replace(/\p{M}/gu, '')
		.toLowerCase()
		.replace(/[^a-z0-9]/g, '');
}

/** Columns found by their header names; `recognised` when there is a tracking and a reference. */
export function guessColumns(header: readonly string[]): {
	mapping: ColumnMapping;
	recognised: boolean;
} {
	const folded = header.map(foldHeader);
	const mapping = { ...NO_COLUMNS };
	for (const column of Object.keys(HEADER_NAMES) as MappedColumn[]) {
		const index = folded.findIndex((name) => HEADER_NAMES[column].includes(name));
		mapping[column] = index >= 0 ? index : null;
	}
	return { mapping, recognised: mappingProblem(mapping) === null };
}

/** Why a mapping cannot be used, or null. */
export function mappingProblem(mapping: ColumnMapping): string | null {
	if (mapping.tracking === null) return 'Choose the column that holds the tracking numbers.';
	if (mapping.orderNumber === null && mapping.shipmentId === null) {
		return 'Choose the column that holds the order number or the shipment id.';
	}
	const used = Object.values(mapping).filter((index) => index !== null);
	if (new Set(used).size !== used.length) return 'Each column can hold one thing only.';
	return null;
}

/** A parcel of the batch the file may name. */
export interface ImportCandidate {
	orderId: string;
	orderNumber: string;
	shipmentId?: string;
	status: PreparationStatus;
	/** The tracking number it already has (shipped). */
	tracking?: string;
}

interface RowBase {
	/** Line in the file, from 1 (the header is line 1 when there is one). */
	line: number;
	tracking: string;
}
export interface MatchedRow extends RowBase {
	kind: 'matched';
	orderId: string;
	orderNumber: string;
	carrier?: string;
}
export interface ShippedRow extends RowBase {
	kind: 'already_shipped';
	orderId: string;
	orderNumber: string;
	shippedTracking?: string;
}
export interface DuplicateRow extends RowBase {
	kind: 'duplicate';
	orderId: string;
	orderNumber: string;
	/** The line that already gave this parcel its tracking number. */
	firstLine: number;
}
export interface UnmatchedRow extends RowBase {
	kind: 'unmatched';
	reference: string;
	reason: string;
}
export type ImportRow = MatchedRow | ShippedRow | DuplicateRow | UnmatchedRow;

export interface ImportPreview {
	rows: ImportRow[];
	matched: MatchedRow[];
	alreadyShipped: ShippedRow[];
	duplicates: DuplicateRow[];
	unmatched: UnmatchedRow[];
}

/** The longest tracking number preparation.ship takes. */
export const MAX_TRACKING = 100;

const foldNumber = (value: string) => value.trim().replace(/^#/, '').toLowerCase();
const cell = (row: readonly string[], index: number | null) =>
	index === null ? '' : (row[index] ?? '').trim();

/**
 * What importing would do, row by row. Blank rows are skipped; `hasHeader` leaves the first
 * row out. A parcel named twice is shipped by its first row; later rows are duplicates.
 */
export function previewImport(
	rows: readonly (readonly string[])[],
	mapping: ColumnMapping,
	candidates: readonly ImportCandidate[],
	hasHeader: boolean
): ImportPreview {
	const byShipment = new Map<string, ImportCandidate>();
	const byNumber = new Map<string, ImportCandidate[]>();
	for (const candidate of candidates) {
		if (candidate.shipmentId) byShipment.set(candidate.shipmentId, candidate);
		for (const key of new Set([
			foldNumber(candidate.orderNumber),
			candidate.orderId.toLowerCase()
		])) {
			byNumber.set(key, [...(byNumber.get(key) ?? []), candidate]);
		}
	}
	const firstLineOf = new Map<string, number>();
	const result: ImportRow[] = [];

	rows.forEach((row, index) => {
		if (hasHeader && index === 0) return;
		if (row.every((value) => value.trim() === '')) return;
		const line = index + 1;
		const tracking = cell(row, mapping.tracking);
		const shipmentRef = cell(row, mapping.shipmentId);
		const numberRef = cell(row, mapping.orderNumber);
		const reference = shipmentRef || numberRef;
		const unmatched = (reason: string) =>
			result.push({ kind: 'unmatched', line, tracking, reference, reason });

		if (!reference) return unmatched('No order number or shipment id on this row.');
		if (!tracking) return unmatched('No tracking number on this row.');
		if (tracking.length > MAX_TRACKING) {
			return unmatched(`The tracking number is longer than ${MAX_TRACKING} characters.`);
		}
		let candidate = shipmentRef ? byShipment.get(shipmentRef) : undefined;
		if (!candidate && numberRef) {
			const found = byNumber.get(foldNumber(numberRef)) ?? [];
			if (found.length > 1) {
				return unmatched(`${found.length} orders of the batch have the number ${numberRef}.`);
			}
			candidate = found[0];
		}
		if (!candidate) return unmatched(`No parcel of this batch is ${reference}.`);
		const { orderId, orderNumber } = candidate;
		if (candidate.status === 'new' || candidate.status === 'picked') {
			return unmatched(`Order #${foldNumber(orderNumber)} is not packed yet.`);
		}
		const firstLine = firstLineOf.get(orderId);
		if (firstLine !== undefined) {
			result.push({ kind: 'duplicate', line, tracking, orderId, orderNumber, firstLine });
			return;
		}
		firstLineOf.set(orderId, line);
		if (candidate.status === 'shipped') {
			result.push({
				kind: 'already_shipped',
				line,
				tracking,
				orderId,
				orderNumber,
				...(candidate.tracking ? { shippedTracking: candidate.tracking } : {})
			});
			return;
		}
		const carrier = cell(row, mapping.carrier);
		result.push({
			kind: 'matched',
			line,
			tracking,
			orderId,
			orderNumber,
			...(carrier ? { carrier } : {})
		});
	});

	return {
		rows: result,
		matched: result.filter((row) => row.kind === 'matched'),
		alreadyShipped: result.filter((row) => row.kind === 'already_shipped'),
		duplicates: result.filter((row) => row.kind === 'duplicate'),
		unmatched: result.filter((row) => row.kind === 'unmatched')
	};
}

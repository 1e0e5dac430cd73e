// CSV of the order list (RFC 4180: CRLF rows, fields with a comma, quote, CR or LF quoted, and
// quotes doubled). Text that came from a shop is guarded against spreadsheet formulas.
import type { Order } from '$lib/domain/schemas';

export const ORDER_CSV_HEADER = [
	'number',
	'date',
	'status',
	'customer',
	'email',
	'shop',
	'total',
	'lines'
] as const;

export function csvField(value: string): string {
	return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/**
 * A customer named "=HYPERLINK(…)" must not become a live formula when the merchant opens the
 * file in a spreadsheet (CSV injection): such text cells get a leading apostrophe.
 */
export function guardFormula(value: string): string {
	return /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
}

export function csvRow(fields: readonly string[]): string {
	return fields.map(csvField).join(',') + '\r\n';
}

/** Lines as "sku×qty" (ordered quantity), separated by "; ". */
export function orderLinesCell(order: Order): string {
	return order.lines.map((line) => `${line.sku}×${line.qtyOrdered}`).join('; ');
}

export function orderCsvRow(order: Order, shopName: string): string {
	return csvRow([
		order.number,
		order.placedAt,
		order.status,
		guardFormula(order.customer.name),
		guardFormula(order.customer.email),
		guardFormula(shopName),
		order.grandTotal.toFixed(2),
		guardFormula(orderLinesCell(order))
	]);
}

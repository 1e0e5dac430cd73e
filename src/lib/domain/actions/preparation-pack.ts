// preparation.pack: confirm the parcel. Creates the shipment (stock leaves, qtyShipped up,
// reservation re-run) and, when the settings say so, the invoice of what is in the parcel.
import { z } from 'zod';
import { invoiceableQty } from '../line-rules';
import { takenQty } from '../preparation';
import { orderLabel, reject } from '../rejection';
import { Id, type LineQty } from '../schemas';
import { recordInvoice } from './create-invoice';
import { recordShipment, ShipmentLines } from './create-shipment';
import { lineName } from './guards';
import { findLine, formatQuantities } from './order-edits';
import { cannotShipNow, notInPreparation } from './preparation-guards';
import type { OrderActionDef } from './types';

const args = z.object({
	orderId: Id,
	shipmentId: Id,
	invoiceId: Id.optional(),
	lines: ShipmentLines,
	weight: z.number().min(0).max(100_000).optional(),
	parcels: z.int().min(1).max(1000).optional()
});

export const packOrder: OrderActionDef<z.infer<typeof args>> = {
	scope: 'order',
	name: 'preparation.pack',
	label: 'Confirm packing',
	args,
	guard(order, { preparation }) {
		const missing = notInPreparation(order, preparation);
		if (missing) return missing;
		const label = orderLabel(order);
		if (preparation!.status === 'packed' || preparation!.status === 'shipped') {
			return reject('packed', `${label} is already packed.`);
		}
		if (order.status === 'complete') {
			return reject('not_allowed_status', `${label} is complete: nothing left to pack.`);
		}
		return cannotShipNow(order, preparation!, 'packing');
	},
	async apply(ws, input, { order, preparation, settings }) {
		const entry = preparation!;
		const label = orderLabel(order);
		for (const { lineId, qty } of input.lines) {
			const line = findLine(order, lineId);
			if (!line) return reject('line_not_found', `${label} has no line ${lineId}.`);
			const taken = takenQty(entry, lineId);
			if (taken === 0) {
				return reject('not_taken', `${label}: ${lineName(line)} was not taken into preparation.`);
			}
			if (qty > taken) {
				return reject('qty_exceeds_taken', `${label}: only ${taken} × ${lineName(line)} taken.`);
			}
		}
		const packedQty = new Map(input.lines.map((l) => [l.lineId, l.qty]));
		const short = entry.lines.flatMap((taken) => {
			const line = findLine(order, taken.lineId);
			const qty = taken.qty - (packedQty.get(taken.lineId) ?? 0);
			return line && qty > 0 ? [{ qty, line }] : [];
		});
		if (short.length > 0 && !settings.allowPartialPacking) {
			return reject(
				'partial_pack_not_allowed',
				`${label}: ${formatQuantities(short)} not packed; partial packing is off in the settings.`
			);
		}
		const invoiceId = settings.invoiceOnPack ? input.invoiceId : undefined;
		// Checked before anything is written, so a number is only assigned to an invoice made.
		if (invoiceId !== undefined && order.invoices.some((i) => i.id === invoiceId)) {
			return reject('duplicate_id', `${label} already has an invoice ${invoiceId}.`);
		}
		// The parcel's lines, in the entry's order: what is packed is what the entry now holds.
		const lines: LineQty[] = entry.lines.flatMap((taken) => {
			const qty = packedQty.get(taken.lineId) ?? 0;
			return qty > 0 ? [{ lineId: taken.lineId, qty }] : [];
		});
		const extras = [
			input.parcels !== undefined && `${input.parcels} parcel${input.parcels === 1 ? '' : 's'}`,
			input.weight !== undefined && `${input.weight} kg`,
			short.length > 0 && `left behind: ${formatQuantities(short)}`
		].filter(Boolean);
		const listed = lines.map(({ lineId, qty }) => ({ qty, line: findLine(order, lineId)! }));
		ws.addEvent(
			order.id,
			`Packed ${formatQuantities(listed)}${extras.length > 0 ? ` (${extras.join('; ')})` : ''}.`
		);
		const shipped = await recordShipment(ws, order, {
			shipmentId: input.shipmentId,
			lines,
			...(input.weight !== undefined ? { weight: input.weight } : {}),
			...(input.parcels !== undefined ? { parcels: input.parcels } : {})
		});
		if (shipped) return shipped;
		await ws.putPreparation({
			...entry,
			status: 'packed',
			lines,
			packed: Object.fromEntries(lines.map((l) => [l.lineId, l.qty])),
			shipmentId: input.shipmentId
		});
		if (invoiceId === undefined) return null;
		// Only what can still be invoiced (an order imported as invoiced needs no second invoice).
		const current = (await ws.order(order.id))!;
		const invoiceLines = lines.flatMap(({ lineId, qty }) => {
			const fit = Math.min(qty, invoiceableQty(findLine(current, lineId)!));
			return fit > 0 ? [{ lineId, qty: fit }] : [];
		});
		if (invoiceLines.length === 0) return null;
		return recordInvoice(ws, current, { invoiceId, lines: invoiceLines });
	}
};

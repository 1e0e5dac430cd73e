// The documents builder's input for a picking list on screen (documents/picking-list.ts).
import type { PickingBatch } from '$lib/documents/picking-list';
import type { PickingList } from '$lib/domain/picking-list';
import type { Order } from '$lib/domain/schemas';

/** The documents builder's input for this list: rows as they are, a page per order. */
export function pickingBatch(
	list: PickingList,
	orders: readonly Order[],
	meta: { warehouseName: string; createdAt: string; operator: string }
): PickingBatch {
	const byId = new Map(orders.map((o) => [o.id, o]));
	return {
		...meta,
		items: list.rows.map((row) => ({
			sku: row.sku,
			name: row.name,
			location: row.location,
			qty: row.qty,
			orderNumbers: row.orderNumbers
		})),
		orders: list.pages.map((page) => {
			const order = byId.get(page.orderId);
			return {
				number: page.number,
				customerName: page.customerName,
				shippingMethod: page.shippingMethod,
				...(order ? { destination: order.shippingAddress.country } : {}),
				hasGiftMessage: order?.giftMessage != null,
				lines: page.lines.map((line) => ({
					sku: line.sku,
					name: line.name,
					location: line.location,
					qty: line.qty
				}))
			};
		})
	};
}

// The preparation screen's index key: which tab an order sits in, per warehouse, before anyone
// takes it (DOMAIN.md "Order preparation"; the rule itself is the domain's preparationTab).
import { preparationTab, type PreparationTab } from '$lib/domain/preparation';
import type { Order } from '$lib/domain/schemas';

export function prepKey(warehouseId: string, tab: PreparationTab): string {
	return `${warehouseId}|${tab}`;
}

/** One key per warehouse where the order has a tab other than In progress. */
export function prepKeys(order: Order): string[] {
	const keys: string[] = [];
	for (const warehouseId of new Set(order.lines.map((line) => line.warehouseId))) {
		const tab = preparationTab(order, warehouseId);
		if (tab !== null) keys.push(prepKey(warehouseId, tab));
	}
	return keys;
}

// Inventory has one screen so far; its menu entry opens Warehouses directly.
import { redirect } from '@sveltejs/kit';

export function load(): never {
	redirect(307, '/inventory/warehouses');
}

// The Products screens in a real browser: search, a product's stock per warehouse, adjusting
// it (which re-runs reservation, so a backordered order line turns ready) and its shelf
// location, each kept by the server.
import { expect, test, type Page } from '@playwright/test';
import { expectSynced, openApp, openOrders, reloadApp } from './support/app';
import { findOrder, realLines } from './support/orders-data';
import { expectChip, orderRow, rowChip } from './support/order-view';

function productView(page: Page) {
	return page.getByTestId('product-view');
}

function stockRow(page: Page, warehouseId: string) {
	return productView(page).locator(`[data-testid="stock-row"][data-warehouse-id="${warehouseId}"]`);
}

async function number(page: Page, warehouseId: string, testid: string): Promise<number> {
	return Number((await stockRow(page, warehouseId).getByTestId(testid).innerText()).trim());
}

/** Searches the products list for a SKU and opens that product. */
async function openProduct(page: Page, sku: string): Promise<void> {
	await page.getByTestId('nav-products').click();
	await page.getByTestId('product-search').fill(sku);
	const row = page.locator(`[data-testid="product-row"][data-sku="${sku}"]`);
	await row.getByRole('link', { name: sku }).click();
	await expect(productView(page).getByTestId('product-sku')).toHaveText(sku);
}

test('search finds products by the start of their SKU', async ({ page }) => {
	await openApp(page, '/products', page.getByTestId('product-row').first());
	await page.getByTestId('product-search').fill('mug-');
	await expect(page).toHaveURL(/[?&]q=mug-/);
	const skus = page.getByTestId('product-row');
	await expect(skus.first()).toBeVisible();
	await expect
		.poll(async () =>
			(await skus.evaluateAll((rows) => rows.map((r) => (r as HTMLElement).dataset.sku ?? '')))
				.filter((sku) => !sku.startsWith('MUG-'))
				.join(', ')
		)
		.toBe('');
	await page.getByTestId('product-search').fill('no-such-product-zz');
	await expect(page.getByTestId('products-empty')).toBeVisible();
});

test('more stock for a backordered product: physical grows, a movement is recorded, the order line turns ready', async ({
	page
}) => {
	await openOrders(page);
	const order = await findOrder(page, 'processing with a backordered line', (o) => {
		const lines = realLines(o);
		return (
			o.status === 'processing' &&
			!o.inPreparation &&
			lines.length <= 4 &&
			lines.some((line) => line.state === 'backordered')
		);
	});
	const line = realLines(order).find((l) => l.state === 'backordered')!;
	await page.getByTestId('search').fill(order.digits);
	await expectChip(rowChip(page, order.id, line.sku), 'backordered');

	await openProduct(page, line.sku);
	const physical = await number(page, line.warehouseId, 'stock-physical');
	const toShip = await number(page, line.warehouseId, 'stock-to-ship');
	// Enough for every open line of this product here, however reservation shares it out.
	const qty = Math.max(0, toShip - physical) + 3;
	const comment = `Found a carton behind dock door 3 (${line.sku})`;

	await stockRow(page, line.warehouseId).getByTestId('action-adjust-stock').click();
	const dialog = page.getByTestId('adjust-stock-dialog');
	await dialog.getByTestId('adjust-increase').click();
	await dialog.getByTestId('adjust-qty').fill(String(qty));
	await dialog.getByTestId('adjust-category').selectOption('stock_take');
	await expect(dialog.getByTestId('adjust-preview')).toContainText(String(physical + qty));
	// The comment is required: without it nothing is sent.
	await dialog.getByTestId('submit').click();
	await expect(dialog.locator('[data-testid="field-error"][data-field="comment"]')).toBeVisible();
	await dialog.getByTestId('adjust-comment').fill(comment);
	await dialog.getByTestId('submit').click();
	await expect(dialog).toHaveCount(0);

	const check = async () => {
		await expect(stockRow(page, line.warehouseId).getByTestId('stock-physical')).toHaveText(
			String(physical + qty)
		);
		const movement = productView(page).getByTestId('movement-row').filter({ hasText: comment });
		await expect(movement).toHaveCount(1);
		await expect(movement).toHaveAttribute('data-category', 'stock_take');
		await expect(movement.getByTestId('movement-qty')).toHaveText(String(qty));
		const wanted = productView(page).locator(
			`[data-testid="product-order-row"][data-order-id="${order.id}"]`
		);
		await expectChip(wanted.getByTestId('line-state'), 'ready');
	};
	await check();
	await expectSynced(page);
	await reloadApp(page, stockRow(page, line.warehouseId));
	await check();

	await page.getByTestId('nav-orders').click();
	await page.getByTestId('search').fill(order.digits);
	await expect(orderRow(page, order.id)).toBeVisible();
	await expectChip(rowChip(page, order.id, line.sku), 'ready');
});

test('a shelf location is set and kept after a reload', async ({ page }) => {
	await openOrders(page);
	const order = await findOrder(page, 'with a line to ship', (o) =>
		realLines(o).some((l) => l.requiresShipping && l.toShip > 0)
	);
	const line = realLines(order).find((l) => l.requiresShipping && l.toShip > 0)!;
	await openProduct(page, line.sku);

	const row = stockRow(page, line.warehouseId);
	await row.getByTestId('action-set-location').click();
	const dialog = page.getByTestId('set-location-dialog');
	await dialog.getByTestId('location-input').fill('Z9-07');
	await dialog.getByTestId('submit').click();
	await expect(dialog).toHaveCount(0);
	await expect(row.getByTestId('stock-location')).toHaveText('Z9-07');

	await expectSynced(page);
	await reloadApp(page, row);
	await expect(row.getByTestId('stock-location')).toHaveText('Z9-07');
});

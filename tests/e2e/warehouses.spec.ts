// Inventory ▸ Warehouses in a real browser: create one, edit it, and the default warehouse's
// enabled switch, which is locked with its reason.
import { expect, test, type Page } from '@playwright/test';
import { expectSynced, openApp, reloadApp } from './support/app';

function rowNamed(page: Page, name: string) {
	return page
		.getByTestId('warehouse-row')
		.filter({ has: page.getByTestId('warehouse-name').getByText(name, { exact: true }) });
}

async function openWarehouses(page: Page): Promise<void> {
	await openApp(page, '/inventory/warehouses', page.getByTestId('warehouse-row').first());
}

test('a warehouse is created, refused under a taken name, and edited', async ({ page }) => {
	await openWarehouses(page);
	const before = await page.getByTestId('warehouse-row').count();

	await page.getByTestId('action-create-warehouse').click();
	const dialog = page.getByTestId('warehouse-dialog');
	await dialog.getByTestId('warehouse-name-input').fill('Lyon');
	await dialog.getByTestId('warehouse-fulfillment').selectOption('shipping');
	await dialog.getByTestId('submit').click();
	// The rule's own message: names are unique (case aside).
	await expect(dialog.getByTestId('form-error')).toHaveText(
		'A warehouse named Lyon already exists.'
	);
	await expect(page.getByTestId('warehouse-row')).toHaveCount(before);

	await dialog.getByTestId('warehouse-name-input').fill('Bordeaux dock');
	await dialog.getByTestId('warehouse-warning-level').fill('four');
	await dialog.getByTestId('submit').click();
	await expect(dialog.locator('[data-testid="field-error"][data-field="warningLevel"]')).toHaveText(
		'Enter a whole number (0 or more).'
	);
	await dialog.getByTestId('warehouse-warning-level').fill('4');
	await dialog.getByTestId('warehouse-ideal-level').fill('16');
	await dialog.getByTestId('warehouse-address-street1').fill('3 quai de Bacalan');
	await dialog.getByTestId('warehouse-address-postcode').fill('33300');
	await dialog.getByTestId('warehouse-address-city').fill('Bordeaux');
	await dialog.getByTestId('warehouse-address-country').fill('fr');
	await dialog.getByTestId('submit').click();
	await expect(dialog).toHaveCount(0);

	const created = rowNamed(page, 'Bordeaux dock');
	await expect(created).toHaveCount(1);
	await expect(page.getByTestId('warehouse-row')).toHaveCount(before + 1);
	await expect(created).toHaveAttribute('data-default', 'false');
	await expect(created).toHaveAttribute('data-enabled', 'true');
	await expect(created).toContainText('Bordeaux, FR');
	await expect(created).toContainText('Shipping');

	await created.getByTestId('action-edit-warehouse').click();
	await expect(dialog.getByTestId('warehouse-name-input')).toHaveValue('Bordeaux dock');
	await expect(dialog.getByTestId('warehouse-enabled-input')).toBeEnabled();
	await expect(dialog.getByTestId('enabled-lock')).toHaveCount(0);
	await dialog.getByTestId('warehouse-name-input').fill('Bordeaux pickup point');
	await dialog.getByTestId('warehouse-fulfillment').selectOption('pickup');
	await dialog.getByTestId('warehouse-use-for-sales').uncheck();
	await dialog.getByTestId('warehouse-enabled-input').uncheck();
	await dialog.getByTestId('submit').click();
	await expect(dialog).toHaveCount(0);

	const check = async () => {
		const edited = rowNamed(page, 'Bordeaux pickup point');
		await expect(edited).toHaveCount(1);
		await expect(rowNamed(page, 'Bordeaux dock')).toHaveCount(0);
		await expect(edited).toContainText('Store pickup');
		await expect(edited).toHaveAttribute('data-enabled', 'false');
		await expect(edited.getByTestId('warehouse-enabled')).toHaveText('Disabled');
		await expect(edited.locator('td').nth(1)).toHaveText('No');
		await expect(edited.locator('td').nth(4)).toHaveText('16');
	};
	await check();
	await expectSynced(page);
	await reloadApp(page, page.getByTestId('warehouse-row').first());
	await check();
});

test("the default warehouse's enabled switch is locked, with the reason beside it", async ({
	page
}) => {
	await openWarehouses(page);
	const main = page.locator('[data-testid="warehouse-row"][data-default="true"]');
	await expect(main).toHaveCount(1);
	await expect(main.getByTestId('default-badge')).toBeVisible();
	await main.getByTestId('action-edit-warehouse').click();

	const dialog = page.getByTestId('warehouse-dialog');
	const enabled = dialog.getByTestId('warehouse-enabled-input');
	await expect(enabled).toBeChecked();
	await expect(enabled).toBeDisabled();
	const lock = dialog.getByTestId('enabled-lock');
	await expect(lock).toHaveText('The default warehouse cannot be disabled or deleted.');
	await expect(enabled).toHaveAttribute('aria-describedby', (await lock.getAttribute('id')) ?? '');

	await page.keyboard.press('Escape');
	await expect(dialog).toHaveCount(0);
	await expect(main).toHaveAttribute('data-enabled', 'true');
});

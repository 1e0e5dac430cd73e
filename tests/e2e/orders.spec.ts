// The Orders screens in a real browser against the production server (issue "Foundation" §5):
// the list's tabs and search, opening an order, and every action of the order view with what
// it changes on screen, on the timeline, after a reload and on the server.
import { expect, test, type Page } from '@playwright/test';
import {
	expectSynced,
	openApp,
	openOrders,
	pendingCount,
	reloadApp,
	unblockSync
} from './support/app';
import {
	editable,
	findOrder,
	fullyReady,
	realLines,
	type OrderFacts,
	type OrderStatus
} from './support/orders-data';
import {
	closeWithEscape,
	collectRows,
	expectChip,
	expectOrderOpen,
	expectTimelineEvent,
	headerStatus,
	invoiceWhileOffline,
	openFromList,
	orderLine,
	orderRow,
	orderView,
	pressAction,
	pressLineAction,
	rowChip,
	showTab
} from './support/order-view';

// A service worker would answer the sync requests before page.route sees them.
test.use({ serviceWorkers: 'block' });

/** Lower case without accents: what a person types for "Núñez" is "nunez". */
function fold(text: string): string {
	return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The order view after a reload of its own URL (the data now comes from IndexedDB). */
async function reloadOrder(page: Page, order: OrderFacts): Promise<void> {
	await reloadApp(page, orderView(page));
	await expectOrderOpen(page, order);
}

test('a status tab lists exactly its orders, as many as its count says', async ({ page }) => {
	await openOrders(page);
	const counts = new Map<OrderStatus, number>();
	for (const tab of ['canceled', 'on_hold', 'pending'] as const) {
		const count = page.getByTestId(`tab-${tab}`).getByTestId('tab-count');
		await expect(count).toHaveText(/^\s*\d+\s*$/);
		counts.set(tab, Number((await count.textContent())?.trim()));
	}
	// The smallest tab that has orders: every one of its rows can be looked at.
	const [tab, count] = [...counts].filter(([, n]) => n > 0).sort((a, b) => a[1] - b[1])[0];

	await page.getByTestId(`tab-${tab}`).click();
	await expect(page.getByTestId(`tab-${tab}`)).toHaveAttribute('aria-selected', 'true');
	await expect(page.getByTestId('tab-all')).toHaveAttribute('aria-selected', 'false');
	await expect(page).toHaveURL(new RegExp(`[?&]tab=${tab}`));
	await expect(page.getByTestId('order-list')).toHaveAttribute('data-total', String(count));

	const rows = await collectRows(page);
	expect(rows.size).toBe(count);
	expect(new Set(rows.values())).toEqual(new Set([tab]));
});

test('search finds a customer by an accent-folded prefix of the name', async ({ page }) => {
	await openOrders(page);
	const shown = await page.getByTestId('order-row').evaluateAll((rows) =>
		rows.map((row) => ({
			id: (row as HTMLElement).dataset.orderId ?? '',
			name: row.querySelector('.customer')?.textContent?.trim() ?? ''
		}))
	);
	// A name on the list with an accent in its first letters, typed without it: "Núñez" → "nune".
	let pick: { id: string; name: string; prefix: string } | undefined;
	for (const row of shown) {
		for (const word of row.name.split(/[\s-]+/)) {
			const plain = fold(word);
			const lower = word.toLowerCase();
			if (plain === lower || !/^[a-z]{4,}$/.test(plain)) continue;
			const accentAt = [...plain].findIndex((letter, i) => letter !== lower[i]);
			pick = { ...row, prefix: plain.slice(0, Math.max(4, accentAt + 1)) };
			break;
		}
		if (pick) break;
	}
	if (!pick) throw new Error(`No accented name among ${shown.map((r) => r.name).join(', ')}`);
	expect(pick.name.toLowerCase()).not.toContain(pick.prefix);

	await page.getByTestId('search').fill(pick.prefix);
	await expect(page).toHaveURL(new RegExp(`[?&]q=${pick.prefix}`));
	await expect(orderRow(page, pick.id)).toBeVisible();
	const prefix = pick.prefix;
	await expect
		.poll(async () => {
			const names = await page.locator('[data-testid="order-row"] .customer').allTextContents();
			return names.filter(
				(name) =>
					!fold(name)
						.split(/[\s-]+/)
						.some((w) => w.startsWith(prefix))
			);
		})
		.toEqual([]);
});

test('an order opens from its row and from its URL; Esc closes it and "/" goes to search', async ({
	page
}) => {
	await openOrders(page);
	const order = await findOrder(page, 'processing', (o) => o.status === 'processing');

	await openFromList(page, order);
	await expect(orderView(page).getByTestId('order-line')).toHaveCount(order.lines.length);

	await closeWithEscape(page);
	await expect(page).toHaveURL(/\/orders\?q=/);
	const search = page.getByTestId('search');
	await expect(search).toHaveValue(order.digits);
	await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
	await expect(search).not.toBeFocused();
	await page.keyboard.press('/');
	await expect(search).toBeFocused();
	await expect(search).toHaveValue(order.digits);

	await page.goto(`/orders/${order.id}`);
	await expectOrderOpen(page, order);
	await showTab(page, 'customer');
	await expect(page.getByTestId('customer-name')).toHaveText(order.customerName);
});

test('hold with a reason and a note, then release', async ({ page }) => {
	await openOrders(page);
	const order = await findOrder(page, 'processing and free', (o) => fullyReady(o));
	await openFromList(page, order);

	await pressAction(page, 'action-hold');
	const dialog = page.getByTestId('dialog-hold');
	await dialog.getByTestId('hold-reason-select').selectOption('customer_request');
	await dialog.getByTestId('hold-note').fill('Wants it delivered after the 3rd');
	await dialog.getByTestId('submit').click();
	await expect(dialog).toHaveCount(0);

	await expect(headerStatus(page)).toHaveAttribute('data-status', 'on_hold');
	const hold = page.getByTestId('order-header').getByTestId('hold-reason');
	await expect(hold).toHaveAttribute('data-reason', 'customer_request');
	await expect(hold).toContainText('Wants it delivered after the 3rd');
	await expect(page.getByTestId('action-hold')).toHaveCount(0);
	await expectTimelineEvent(page, 'order.hold', 'Wants it delivered after the 3rd');

	await closeWithEscape(page);
	await expect(orderRow(page, order.id)).toHaveAttribute('data-status', 'on_hold');
	await expect(orderRow(page, order.id).getByTestId('status-badge')).toHaveText('On hold');

	await orderRow(page, order.id).click();
	await pressAction(page, 'action-release');
	await expect(headerStatus(page)).toHaveAttribute('data-status', 'processing');
	await expect(page.getByTestId('order-header').getByTestId('hold-reason')).toHaveCount(0);
	await expect(page.getByTestId('action-hold')).toBeVisible();
	await expectTimelineEvent(page, 'order.releaseHold', 'Hold released');

	await expectSynced(page);
	await reloadOrder(page, order);
	await expect(headerStatus(page)).toHaveAttribute('data-status', 'processing');
	await expectTimelineEvent(page, 'order.hold', 'Wants it delivered after the 3rd');
	await expectTimelineEvent(page, 'order.releaseHold', 'Hold released');
	await expectSynced(page);
});

test('gift message and shipping method are saved and still there after a reload', async ({
	page
}) => {
	await openOrders(page);
	const order = await findOrder(page, 'editable', editable);
	await openFromList(page, order);

	await pressAction(page, 'action-gift-message');
	const gift = page.getByTestId('dialog-gift-message');
	await gift.locator('textarea[name="message"]').fill('Joyeux anniversaire, Zoé !');
	await gift.locator('input[name="from"]').fill('Léa');
	await gift.locator('input[name="to"]').fill('Zoé');
	await gift.getByTestId('submit').click();
	await expect(gift).toHaveCount(0);

	await pressAction(page, 'action-shipping-method');
	const method = page.getByTestId('dialog-shipping-method');
	await method.locator('input[name="code"]').fill('ups_express_saver');
	await method.locator('input[name="label"]').fill('UPS Express Saver');
	await method.getByTestId('submit').click();
	await expect(method).toHaveCount(0);
	await expect(page.getByTestId('order-header')).toContainText('UPS Express Saver');

	const check = async () => {
		await showTab(page, 'customer');
		await expect(page.getByTestId('gift-message')).toContainText('Joyeux anniversaire, Zoé !');
		await expect(page.getByTestId('gift-message')).toContainText('Léa');
		await expect(page.getByTestId('panel-customer')).toContainText(
			'UPS Express Saver (ups_express_saver)'
		);
		await expectTimelineEvent(page, 'order.setGiftMessage', 'Joyeux anniversaire, Zoé !');
		await expectTimelineEvent(page, 'order.changeShippingMethod', 'UPS Express Saver');
	};
	await check();
	await expectSynced(page);
	await reloadOrder(page, order);
	await check();
});

test('a bad postcode is refused beside its field and nothing is saved; a good address is saved', async ({
	page
}) => {
	await openOrders(page);
	const order = await findOrder(page, 'editable', editable);
	await openFromList(page, order);
	await showTab(page, 'customer');
	const address = page.getByTestId('shipping-address');
	const before = (await address.textContent()) ?? '';

	await pressAction(page, 'action-edit-address');
	const dialog = page.getByTestId('dialog-edit-address');
	await dialog.getByTestId('address-country').fill('FR');
	await dialog.getByTestId('address-postcode').fill('ABC12');
	await dialog.getByTestId('submit').click();
	const error = dialog.locator('[data-testid="field-error"][data-field="postcode"]');
	await expect(error).toHaveText('A postcode in France looks like 75001.');
	await expect(dialog).toBeVisible();
	await expect(pendingCount(page)).toHaveAttribute('data-count', '0');
	await dialog.getByRole('button', { name: 'Back' }).click();
	await expect(dialog).toHaveCount(0);
	await expect(address).toHaveText(before);

	await pressAction(page, 'action-edit-address');
	await dialog.getByTestId('address-street1').fill('8 rue de la Paix');
	await dialog.getByTestId('address-street2').fill('');
	await dialog.getByTestId('address-postcode').fill('75002');
	await dialog.getByTestId('address-city').fill('Paris');
	await dialog.getByTestId('address-country').fill('fr');
	await dialog.getByTestId('submit').click();
	await expect(dialog).toHaveCount(0);

	const check = async () => {
		await showTab(page, 'customer');
		await expect(address).toContainText('8 rue de la Paix');
		await expect(address).toContainText('75002 Paris');
		await expect(address).toContainText('FR');
		await expectTimelineEvent(page, 'order.editShippingAddress', '8 rue de la Paix, 75002 Paris');
	};
	await check();
	await expectSynced(page);
	await reloadOrder(page, order);
	await check();
});

test('line actions: cancel a quantity, move a line to another warehouse, replace a product', async ({
	page
}) => {
	await openOrders(page);
	// Three or four lines, all to ship: after the replacement every chip still fits the row.
	const order = await findOrder(page, 'editable with 3–4 lines to ship', (o) => {
		const lines = realLines(o);
		return (
			o.status === 'processing' &&
			!o.inPreparation &&
			(lines.length === 3 || lines.length === 4) &&
			lines.every((line) => line.requiresShipping && line.toShip > 0)
		);
	});
	const [canceled, moved, replaced] = realLines(order);
	await openFromList(page, order);

	await pressLineAction(page, canceled.id, 'action-cancel-line');
	const cancel = page.getByTestId('dialog-cancel-line');
	await expect(cancel.getByTestId('cancel-qty')).toHaveValue(String(canceled.toShip));
	await cancel.getByTestId('submit').click();
	await expect(cancel).toHaveCount(0);
	await expect(orderLine(page, canceled.id).getByTestId('qty-canceled')).toHaveText(
		String(canceled.qtyCanceled + canceled.toShip)
	);
	await expectChip(orderLine(page, canceled.id).getByTestId('line-state'), 'canceled');

	const target = moved.warehouseId === 'wh-lyon' ? 'Main warehouse' : 'Lyon';
	await pressLineAction(page, moved.id, 'action-change-warehouse');
	const change = page.getByTestId('dialog-change-warehouse');
	await change.getByTestId('warehouse-select').selectOption({ label: target });
	await change.getByTestId('submit').click();
	await expect(change).toHaveCount(0);
	await expect(orderLine(page, moved.id).getByTestId('line-warehouse')).toHaveText(target);

	await pressLineAction(page, replaced.id, 'action-replace-line');
	const replace = page.getByTestId('dialog-replace-line');
	await replace.getByTestId('product-search').fill(replaced.sku.split('-')[0]);
	await expect(replace.getByTestId('product-option').first()).toBeVisible();
	// A product the order does not have yet, so its new line is the only one with that SKU.
	const offered = await replace
		.getByTestId('product-option')
		.evaluateAll((options) => options.map((o) => (o as HTMLElement).dataset.sku ?? ''));
	const newSku = offered.find((sku) => !order.lines.some((line) => line.sku === sku));
	if (!newSku) throw new Error(`Every product offered is already on the order: ${offered}`);
	const option = replace.locator(`[data-testid="product-option"][data-sku="${newSku}"]`);
	await option.click();
	await expect(option).toHaveAttribute('aria-selected', 'true');
	await replace.getByTestId('submit').click();
	await expect(replace).toHaveCount(0);
	await expectChip(orderLine(page, replaced.id).getByTestId('line-state'), 'canceled');
	const added = orderView(page).locator(`[data-testid="order-line"][data-sku="${newSku}"]`);
	await expect(added).toContainText('replaces an earlier line');
	await expect(added.getByTestId('qty-ordered')).toHaveText(String(replaced.toShip));

	const check = async () => {
		await showTab(page, 'products');
		await expectChip(orderLine(page, canceled.id).getByTestId('line-state'), 'canceled');
		await expect(orderLine(page, moved.id).getByTestId('line-warehouse')).toHaveText(target);
		await expectChip(orderLine(page, replaced.id).getByTestId('line-state'), 'canceled');
		await expectTimelineEvent(page, 'order.cancelLine', canceled.sku);
		await expectTimelineEvent(page, 'order.changeLineWarehouse', moved.sku);
		await expectTimelineEvent(page, 'order.replaceLine', newSku);
	};
	await check();
	await closeWithEscape(page);
	await expectChip(rowChip(page, order.id, canceled.sku), 'canceled');
	await expectChip(rowChip(page, order.id, replaced.sku), 'canceled');
	await expect(rowChip(page, order.id, newSku)).toBeVisible();

	await expectSynced(page);
	await orderRow(page, order.id).click();
	// The reload must see the order's URL, not the list's.
	await expectOrderOpen(page, order);
	await reloadOrder(page, order);
	await check();
});

test('an invoice shows "number pending" until it syncs, then its INV number', async ({
	page,
	context
}) => {
	const { order, invoiceRow: invoice } = await invoiceWhileOffline(page, context);
	await expect(pendingCount(page)).toHaveAttribute('data-count', '1');

	await unblockSync(context, [page]);
	await expect(invoice).toContainText(/INV-\d{6}/);
	await expect(invoice).not.toContainText('number pending');
	await expectSynced(page);
	const number = (await invoice.locator('td').first().innerText()).trim();
	expect(number).toMatch(/^INV-\d{6}$/);
	await expectTimelineEvent(page, 'order.createInvoice', `Invoice ${number}`);

	await reloadOrder(page, order);
	await showTab(page, 'documents');
	await expect(page.getByTestId('invoice-row')).toContainText(number);
});

test("a shipment of more than is left is refused with the rule's reason; a full one ships every line", async ({
	page
}) => {
	await openOrders(page);
	const order = await findOrder(
		page,
		'fully reserved with at most 4 lines',
		(o) => fullyReady(o) && realLines(o).length <= 4
	);
	const lines = realLines(order);
	const first = lines[0];
	await openFromList(page, order);

	await pressAction(page, 'action-create-shipment');
	const dialog = page.getByTestId('dialog-create-shipment');
	const qty = dialog.locator(`[data-testid="line-qty"][data-line-id="${first.id}"]`);
	await expect(qty).toHaveValue(String(first.qtyReserved));
	await qty.fill(String(first.toShip + 1));
	await dialog.getByTestId('submit').click();
	await expect(dialog.getByTestId('form-error')).toHaveText(
		`Order #${order.digits}: only ${first.toShip} × ${first.sku} left to ship.`
	);
	await expect(pendingCount(page)).toHaveAttribute('data-count', '0');

	await qty.fill(String(first.toShip));
	await dialog.getByTestId('submit').click();
	await expect(dialog).toHaveCount(0);

	const check = async () => {
		await showTab(page, 'products');
		await expect(headerStatus(page)).toHaveAttribute('data-status', 'complete');
		for (const line of lines) {
			await expectChip(orderLine(page, line.id).getByTestId('line-state'), 'shipped');
		}
		await showTab(page, 'documents');
		await expect(page.getByTestId('shipment-row')).toHaveCount(order.shipments + 1);
		await expectTimelineEvent(page, 'order.createShipment', first.sku);
	};
	await check();
	await closeWithEscape(page);
	await expect(orderRow(page, order.id)).toHaveAttribute('data-status', 'complete');
	for (const line of lines) await expectChip(rowChip(page, order.id, line.sku), 'shipped');

	await expectSynced(page);
	await orderRow(page, order.id).click();
	// The reload must see the order's URL, not the list's.
	await expectOrderOpen(page, order);
	await reloadOrder(page, order);
	await check();
});

test('a return is created on an order with shipments', async ({ page }) => {
	await openOrders(page);
	const recent = Date.now() - 20 * 86_400_000;
	const order = await findOrder(
		page,
		'shipped recently and never returned',
		(o) =>
			(o.status === 'complete' || o.status === 'processing') &&
			o.returns === 0 &&
			o.lastShipmentAt !== null &&
			Date.parse(o.lastShipmentAt) > recent &&
			o.lines.some((line) => line.qtyShipped > 0)
	);
	const line = order.lines.find((l) => l.qtyShipped > 0)!;
	await openFromList(page, order);

	await showTab(page, 'returns');
	await pressAction(orderView(page), 'action-create-return');
	const dialog = page.getByTestId('dialog-create-return');
	const row = dialog.locator(`[data-testid="return-line"][data-line-id="${line.id}"]`);
	await row.getByTestId('line-qty').fill('1');
	await row.getByTestId('return-reason').selectOption('wrong_size');
	await row.getByTestId('return-request').selectOption('exchange');
	await dialog.getByTestId('submit').click();
	await expect(dialog).toHaveCount(0);

	const reference = new RegExp(`^\\d{8}-${order.digits}$`);
	const check = async () => {
		await showTab(page, 'returns');
		const rma = page.getByTestId('return-row');
		await expect(rma).toHaveCount(1);
		await expect(rma.locator('.reference').first()).toHaveText(reference);
		await expect(rma.locator('.status')).toHaveAttribute('data-status', 'requested');
		await expect(rma).toContainText(`1 × ${line.sku}`);
		await expect(rma).toContainText('Wrong size, exchange');
		await expectTimelineEvent(page, 'order.createReturn', `1 × ${line.sku}`);
	};
	await check();
	await expectSynced(page);
	await reloadOrder(page, order);
	await check();
});

test('canceling an order cancels every line and closes the order', async ({ page }) => {
	await openOrders(page);
	const order = await findOrder(
		page,
		'processing, never shipped, at most 4 lines',
		(o) => editable(o) && o.status === 'processing' && o.shipments === 0 && realLines(o).length <= 4
	);
	await openFromList(page, order);

	await pressAction(page, 'action-cancel-order');
	const dialog = page.getByTestId('dialog-cancel-order');
	await dialog.locator('input[name="reason"]').fill('Customer changed their mind');
	await dialog.getByTestId('submit').click();
	await expect(dialog).toHaveCount(0);

	const check = async () => {
		await showTab(page, 'products');
		await expect(headerStatus(page)).toHaveAttribute('data-status', 'canceled');
		for (const line of realLines(order)) {
			await expectChip(orderLine(page, line.id).getByTestId('line-state'), 'canceled');
		}
		await expect(page.getByTestId('action-cancel-order')).toHaveAttribute(
			'data-reason',
			`Order #${order.digits} is canceled: nothing left to cancel.`
		);
		await expectTimelineEvent(page, 'order.cancel', 'Customer changed their mind');
	};
	await check();
	await closeWithEscape(page);
	await expect(orderRow(page, order.id)).toHaveAttribute('data-status', 'canceled');

	await expectSynced(page);
	await orderRow(page, order.id).click();
	// The reload must see the order's URL, not the list's.
	await expectOrderOpen(page, order);
	await reloadOrder(page, order);
	await check();
});

test('a complete order does not offer cancel or shipment; a tap shows why', async ({ page }) => {
	await openOrders(page);
	const order = await findOrder(page, 'complete', (o) => o.status === 'complete');
	await openApp(page, `/orders/${order.id}`, orderView(page));
	await expectOrderOpen(page, order);

	const cancel = page.getByTestId('action-cancel-order');
	const why = `Order #${order.digits} is complete: nothing left to cancel.`;
	await expect(cancel).toHaveAttribute('aria-disabled', 'true');
	await expect(cancel).toHaveAttribute('data-reason', why);
	await expect(cancel).toHaveAttribute('title', why);
	// A tap on a blocked button explains it (Playwright would wait for aria-disabled to clear).
	await cancel.click({ force: true });
	await expect(page.getByTestId('dialog-cancel-order')).toHaveCount(0);
	await expect(page.getByTestId('order-header').getByTestId('action-reason')).toContainText(why);

	const ship = page.getByTestId('action-create-shipment');
	await expect(ship).toHaveAttribute('aria-disabled', 'true');
	await expect(ship).toHaveAttribute(
		'data-reason',
		`Order #${order.digits} is complete: nothing left to ship.`
	);
});

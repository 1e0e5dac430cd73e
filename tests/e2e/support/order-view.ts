// The orders list and the order view as a person uses them: find an order by typing its
// number, open it, press its buttons, read its lines, chips and timeline.
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';
import { blockSync, openOrders } from './app';
import { editable, findOrder, type LineState, type OrderFacts } from './orders-data';

export function orderRow(page: Page, orderId: string): Locator {
	return page.locator(`[data-testid="order-row"][data-order-id="${orderId}"]`);
}

export function orderView(page: Page): Locator {
	return page.getByTestId('order-view');
}

export function orderLine(page: Page, lineId: string): Locator {
	return orderView(page).locator(`[data-testid="order-line"][data-line-id="${lineId}"]`);
}

/** The order's status badge in the order view's header. */
export function headerStatus(page: Page): Locator {
	return page.getByTestId('order-header').getByTestId('status-badge');
}

/** A line's chip on the list row (chips show the SKU before their label). */
export function rowChip(page: Page, orderId: string, sku: string): Locator {
	return orderRow(page, orderId).getByTestId('line-state').filter({ hasText: sku });
}

/** Types the order's number in the list's search and opens the order with a click. */
export async function openFromList(page: Page, order: OrderFacts): Promise<void> {
	await page.getByTestId('search').fill(order.digits);
	await orderRow(page, order.id).click();
	await expectOrderOpen(page, order);
	await expect(page).toHaveURL(new RegExp(`/orders/${order.id}`));
}

export async function expectOrderOpen(page: Page, order: OrderFacts): Promise<void> {
	await expect(orderView(page)).toBeVisible();
	await expect(page.getByTestId('order-number')).toHaveText(`Order #${order.digits}`);
}

/** Closes the order view the keyboard way and waits for the list behind it. */
export async function closeWithEscape(page: Page): Promise<void> {
	await page.keyboard.press('Escape');
	await expect(orderView(page)).toHaveCount(0);
}

/**
 * Presses an action button once the rules have said it is allowed (until they answer, every
 * button is shown blocked).
 */
export async function pressAction(scope: Page | Locator, testid: string): Promise<void> {
	const button = scope.getByTestId(testid);
	await expect(button).toBeVisible();
	await expect(button).not.toHaveAttribute('aria-disabled', 'true');
	await button.click();
}

/** Opens a line's menu and picks one of its actions. */
export async function pressLineAction(page: Page, lineId: string, testid: string): Promise<void> {
	await orderLine(page, lineId).getByTestId('line-menu').click();
	await pressAction(orderLine(page, lineId), testid);
}

/** Shows a tab of the order view. */
export async function showTab(page: Page, tab: string): Promise<void> {
	const button = orderView(page).getByTestId(`tab-${tab}`);
	await button.click();
	await expect(button).toHaveAttribute('aria-selected', 'true');
}

/** An event of the given mutation type is on the order's timeline, with this text. */
export async function expectTimelineEvent(
	page: Page,
	type: string,
	summary: string | RegExp
): Promise<void> {
	await showTab(page, 'timeline');
	const events = orderView(page).locator(`[data-testid="timeline-event"][data-type="${type}"]`);
	await expect(events.filter({ hasText: summary })).toHaveCount(1);
}

/** What colour token each state is drawn in (DOMAIN.md: green, orange, red, grey). */
const STATE_COLOURS: Partial<Record<LineState, string>> = {
	ready: '--ok',
	partial: '--warn',
	backordered: '--danger',
	no_shipping: '--neutral'
};

/**
 * A chip shows the state as data and as style: shipped and canceled are struck through,
 * the others are drawn in their state's colour (read from the app's own CSS variables, so
 * a palette change does not break the test, while a wrong colour does).
 */
export async function expectChip(chip: Locator, state: LineState): Promise<void> {
	await expect(chip).toHaveAttribute('data-state', state);
	if (state === 'shipped' || state === 'canceled') {
		await expect(chip).toHaveCSS('text-decoration-line', 'line-through');
		return;
	}
	await expect(chip).not.toHaveCSS('text-decoration-line', 'line-through');
	const token = STATE_COLOURS[state];
	if (!token) return;
	const colour = await chip.evaluate((_, name) => {
		const probe = document.createElement('span');
		probe.style.color = `var(${name})`;
		document.body.append(probe);
		const value = getComputedStyle(probe).color;
		probe.remove();
		return value;
	}, token);
	await expect(chip).toHaveCSS('color', colour);
}

/**
 * Every row of the (virtualized) list, by scrolling it through: id → status. Only the rows
 * near the viewport are drawn, so one look is not enough for a longer list.
 */
export async function collectRows(page: Page): Promise<Map<string, string>> {
	const list = page.getByTestId('order-list');
	const seen = new Map<string, string>();
	for (let step = 0; step < 100; step++) {
		// Two frames: the scroll has been handled and the new range drawn (rows or placeholders).
		await page.evaluate(
			() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))
		);
		await expect(page.getByTestId('order-row-placeholder')).toHaveCount(0);
		const rows = await page
			.getByTestId('order-row')
			.evaluateAll((elements) =>
				elements.map((element) => [
					(element as HTMLElement).dataset.orderId ?? '',
					(element as HTMLElement).dataset.status ?? ''
				])
			);
		for (const [id, status] of rows) seen.set(id, status);
		const atEnd = await list.evaluate((element) => {
			const end = element.scrollTop + element.clientHeight >= element.scrollHeight - 1;
			element.scrollTop += element.clientHeight;
			return end;
		});
		if (atEnd) break;
	}
	return seen;
}

/**
 * With the sync cut off, opens a processing order that has no invoice yet and creates one: the
 * invoice exists only on this tablet, without its number. Returns the order and its invoice row.
 */
export async function invoiceWhileOffline(
	page: Page,
	context: BrowserContext
): Promise<{ order: OrderFacts; invoiceRow: Locator }> {
	await openOrders(page);
	const order = await findOrder(
		page,
		'processing and never invoiced',
		(o) => editable(o) && o.status === 'processing' && o.invoices === 0
	);
	await openFromList(page, order);

	await blockSync(context);
	await pressAction(page, 'action-create-invoice');
	const dialog = page.getByTestId('dialog-create-invoice');
	await dialog.getByTestId('submit').click();
	await expect(dialog).toHaveCount(0);
	await showTab(page, 'documents');
	const invoiceRow = page.getByTestId('invoice-row');
	await expect(invoiceRow).toHaveCount(1);
	await expect(invoiceRow).toContainText('number pending');
	return { order, invoiceRow };
}

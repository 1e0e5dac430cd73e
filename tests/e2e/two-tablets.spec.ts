// Two tablets on one order (issue "Server and sync" §3): each acts before the other's change
// has reached it. The server applies the first push and refuses the second by the same rule
// the tablets run; the loser is told why, and both tablets end showing the winner's result.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { blockSync, expectSynced, openOrders, pendingCount, unblockSync } from './support/app';
import { findOrder, fullyReady, realLines } from './support/orders-data';
import {
	expectChip,
	expectTimelineEvent,
	headerStatus,
	openFromList,
	orderLine,
	pressAction,
	showTab
} from './support/order-view';

// Each tablet is its own browser context: its own IndexedDB, clientId and outbox. Service
// workers are blocked so that route() sees every sync request.
async function tablet(browser: Browser, baseURL: string | undefined): Promise<BrowserContext> {
	return browser.newContext({
		baseURL,
		viewport: { width: 1280, height: 800 },
		serviceWorkers: 'block'
	});
}

test('A ships while B, not yet synced, cancels: B is refused with the reason and both show the shipment', async ({
	browser,
	baseURL
}) => {
	const contextA = await tablet(browser, baseURL);
	const contextB = await tablet(browser, baseURL);
	try {
		const a: Page = await contextA.newPage();
		const b: Page = await contextB.newPage();
		await Promise.all([openOrders(a), openOrders(b)]);

		const order = await findOrder(
			a,
			'fully reserved with at most 4 lines',
			(o) => fullyReady(o) && realLines(o).length <= 4
		);
		const lines = realLines(order);
		await openFromList(a, order);
		await openFromList(b, order);

		// B acts on what it has: nothing of A's shipment reaches it, nor its cancel the server.
		await blockSync(contextB);
		await pressAction(b, 'action-cancel-order');
		const cancel = b.getByTestId('dialog-cancel-order');
		await cancel.locator('input[name="reason"]').fill('Duplicate order');
		await cancel.getByTestId('submit').click();
		await expect(cancel).toHaveCount(0);
		await expect(headerStatus(b)).toHaveAttribute('data-status', 'canceled');
		await expect(pendingCount(b)).toHaveAttribute('data-count', '1');

		// A ships every reserved unit; its push is the first to reach the server.
		await pressAction(a, 'action-create-shipment');
		const ship = a.getByTestId('dialog-create-shipment');
		await ship.getByTestId('tracking').fill('6A12345678901');
		await ship.getByTestId('submit').click();
		await expect(ship).toHaveCount(0);
		await expect(headerStatus(a)).toHaveAttribute('data-status', 'complete');
		await expectSynced(a);
		await expect(headerStatus(b)).toHaveAttribute('data-status', 'canceled');

		// B reconnects: its cancel is refused by the rule, and its view rebases on the server's.
		await unblockSync(contextB, [b]);
		const rejection = b.getByTestId('rejection');
		await expect(rejection).toHaveCount(1);
		await expect(rejection).toHaveAttribute('data-code', 'not_allowed_status');
		await expect(rejection).toContainText(
			`Order #${order.digits} is complete: nothing left to cancel.`
		);
		await expectSynced(b, 1);

		for (const page of [a, b]) {
			await showTab(page, 'products');
			await expect(headerStatus(page)).toHaveAttribute('data-status', 'complete');
			for (const line of lines) {
				await expectChip(orderLine(page, line.id).getByTestId('line-state'), 'shipped');
			}
			await showTab(page, 'documents');
			await expect(
				page.getByTestId('shipment-row').filter({ hasText: '6A12345678901' })
			).toHaveCount(1);
			await expectTimelineEvent(page, 'order.createShipment', lines[0].sku);
			await expect(
				page.locator('[data-testid="timeline-event"][data-type="order.cancel"]')
			).toHaveCount(0);
			await expectSynced(page, page === b ? 1 : 0);
		}

		// The notice stays until B dismisses it.
		await rejection.getByTestId('dismiss').click();
		await expect(b.getByTestId('rejections')).toHaveCount(0);
	} finally {
		await contextA.close();
		await contextB.close();
	}
});

// Opening the app in a fresh browser context and reading its status bar. Every test starts
// from an empty IndexedDB, so the first open pulls the whole demo from the server.
import { expect, type BrowserContext, type Locator, type Page } from '@playwright/test';

/** A fresh tablet pulls ~300 orders and their products first; a loaded CI box is slower. */
const BOOT_TIMEOUT = 45_000;
/** Push (debounced 300 ms), the server's apply and the pull that acknowledges it. */
const SYNC_TIMEOUT = 20_000;

/** The sync endpoints (push, pull and the SSE poke stream), not the session or the app. */
export const SYNC_ROUTES = '**/api/sync/**';

/**
 * Opens `path` on a fresh tablet and waits for its first complete sync (the screens fill in
 * while it runs; the status bar says "Never synced" until it is done), then for `ready` (a
 * locator the screen shows once its data is there). Tests pick their orders from what the
 * tablet holds, so they must not look before the whole demo has arrived.
 */
export async function openApp(page: Page, path: string, ready: Locator): Promise<void> {
	await page.goto(path);
	await expect(page.getByTestId('last-sync')).toHaveText('Synced just now', {
		timeout: BOOT_TIMEOUT
	});
	await expect(ready).toBeVisible();
	await expect(page.getByTestId('boot-loading')).toHaveCount(0);
}

/** The orders list with its first rows drawn. */
export async function openOrders(page: Page, path = '/orders'): Promise<void> {
	await openApp(page, path, page.getByTestId('order-row').first());
}

/** Reloads and waits for `ready`; the data now comes from this tablet's IndexedDB. */
export async function reloadApp(page: Page, ready: Locator): Promise<void> {
	await page.reload();
	await expect(ready).toBeVisible({ timeout: BOOT_TIMEOUT });
}

export function pendingCount(page: Page): Locator {
	return page.getByTestId('pending-count');
}

/**
 * Nothing waits in the outbox, the last sync ended well and just now, and the server refused
 * exactly `rejected` actions (none unless said). The outbox only empties when a pull
 * acknowledges the mutations, so the server has handled everything this tablet did. It is
 * read from IndexedDB first: the status bar's count is a live query and may lag a moment
 * behind an action, when it would still read 0 from before it.
 */
export async function expectSynced(page: Page, rejected = 0): Promise<void> {
	await expect
		.poll(() => page.evaluate(async () => (await window.__dockside?.db.outbox.count()) ?? -1), {
			timeout: SYNC_TIMEOUT
		})
		.toBe(0);
	await expect(pendingCount(page)).toHaveAttribute('data-count', '0');
	await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'idle', {
		timeout: SYNC_TIMEOUT
	});
	await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', 'true');
	await expect(page.getByTestId('last-sync')).toHaveText('Synced just now');
	await expect(page.getByTestId('rejection')).toHaveCount(rejected);
}

/** Asks the app to sync at once (it listens to `online`), instead of waiting for its backoff. */
export async function syncNow(page: Page): Promise<void> {
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
}

/** Cuts this tablet off from the sync API only; the app itself stays served. */
export async function blockSync(context: BrowserContext): Promise<void> {
	await context.route(SYNC_ROUTES, (route) => route.abort('connectionrefused'));
}

export async function unblockSync(context: BrowserContext, pages: Page[]): Promise<void> {
	await context.unroute(SYNC_ROUTES);
	for (const page of pages) await syncNow(page);
}

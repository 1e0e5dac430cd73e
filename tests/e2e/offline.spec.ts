// Offline for real: the server process is stopped, so neither the page nor the service worker
// reaches it (context.setOffline() would not cut the worker's own requests). Screens opened by
// their URL come from the precached app shell and IndexedDB; actions wait in the outbox, survive
// a reload, and reach the server exactly once when it is back.
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import type {} from '../../src/lib/local/dev-handle';
import { AppServer } from './support/app-server';
import { pullEverything } from './support/server-pull';
import { waitForServiceWorker } from './support/service-worker';

const DEMO_ORDERS = 40;
const GIFT_MESSAGE = 'Joyeux anniversaire, Zoë ! Ωμέγα, Юля';

let server: AppServer;

test.beforeEach(async () => {
	server = await AppServer.create({ demoOrders: DEMO_ORDERS });
	await server.start();
});

test.afterEach(async () => {
	await server.cleanup();
});

async function pending(page: Page): Promise<string | null> {
	return page.getByTestId('pending-count').getAttribute('data-count');
}

interface ServerMutation {
	mutation_id: number;
	name: string;
	status: string;
}

function serverMutations(dbFile: string, clientId: string): ServerMutation[] {
	const db = new Database(dbFile, { readonly: true, fileMustExist: true });
	try {
		return db
			.prepare(
				'SELECT mutation_id, name, status FROM mutations WHERE client_id = ? ORDER BY mutation_id'
			)
			.all(clientId) as ServerMutation[];
	} finally {
		db.close();
	}
}

test('works offline from the precached shell, keeps actions across a reload, syncs each once when the server is back', async ({
	page
}) => {
	test.setTimeout(150_000);

	// First start online: the worker installs, the first pull fills IndexedDB.
	await page.goto(`${server.url}/`);
	await expect(page).toHaveURL(/\/orders$/);
	await expect(page.getByTestId('order-row').first()).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('last-sync')).not.toHaveText('Never synced');
	await waitForServiceWorker(page);
	expect(await pending(page)).toBe('0');
	const clientId = await page.evaluate(
		async () => (await window.__dockside!.db.meta.get('clientId'))?.value as string
	);
	expect(clientId).toBeTruthy();
	const orderId = await page
		.locator('[data-testid="order-row"][data-status="pending"]')
		.first()
		.getAttribute('data-order-id');
	expect(orderId).toBeTruthy();

	// The server goes away for real.
	await server.stop();
	await expect(fetch(`${server.url}/api/session`)).rejects.toThrow();

	// Fresh navigations by URL: the service worker answers with the app shell.
	await page.goto(`${server.url}/orders`);
	await expect(page.getByTestId('order-row').first()).toBeVisible();
	expect(await page.getByTestId('order-row').count()).toBeGreaterThan(0);
	await page.goto(`${server.url}/orders/${orderId}`);
	const header = page.getByTestId('order-header');
	await expect(header).toBeVisible();
	await expect(page.getByTestId('online-state')).toHaveText(/server unreachable|offline/i);

	// Two actions, offline.
	await page.getByTestId('action-hold').click();
	const holdDialog = page.getByTestId('dialog-hold');
	await holdDialog.getByTestId('hold-reason-select').selectOption('address');
	await holdDialog.getByTestId('submit').click();
	await expect(holdDialog).toBeHidden();
	await expect(header.getByTestId('hold-reason')).toHaveAttribute('data-reason', 'address');
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '1');

	await page.getByTestId('action-gift-message').click();
	const giftDialog = page.getByTestId('dialog-gift-message');
	await giftDialog.locator('textarea[name="message"]').fill(GIFT_MESSAGE);
	await giftDialog.getByTestId('submit').click();
	await expect(giftDialog).toBeHidden();
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '2');

	// A reload, still without a server: the app opens with its data and its outbox.
	await page.reload();
	await expect(header).toBeVisible();
	await expect(header.getByTestId('hold-reason')).toHaveAttribute('data-reason', 'address');
	await page.getByTestId('tab-customer').click();
	await expect(page.getByTestId('gift-message')).toContainText(GIFT_MESSAGE);
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '2');
	await expect(page.getByTestId('pending-count')).toHaveText('2 actions waiting to sync');
	await expect(page.getByTestId('sync-status')).toHaveAttribute('data-online', 'false');
	await expect(page.getByTestId('online-state')).toHaveText('Server unreachable');
	expect(serverMutations(server.dbFile, clientId)).toEqual([]);

	// The server comes back on the same port and database: the outbox drains by itself.
	await server.start();
	await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', {
		timeout: 75_000
	});
	await expect(page.getByTestId('online-state')).toHaveText('Online');
	await expect(page.getByTestId('rejections')).toHaveCount(0);

	// The server has each action exactly once, applied.
	const mutations = serverMutations(server.dbFile, clientId);
	expect(mutations.map(({ name, status }) => ({ name, status }))).toEqual([
		{ name: 'order.hold', status: 'applied' },
		{ name: 'order.setGiftMessage', status: 'applied' }
	]);
	expect(mutations[1].mutation_id).toBe(mutations[0].mutation_id + 1);
	const records = await pullEverything(server.url, 'e2e-offline-observer');
	const order = records.get('order')?.get(orderId!);
	expect(order?.status).toBe('on_hold');
	expect(order?.hold).toMatchObject({ reason: 'address' });
	expect(order?.giftMessage).toMatchObject({ message: GIFT_MESSAGE });
	const tabletEvents = [...(records.get('timeline')?.keys() ?? [])].filter((id) =>
		id.startsWith(`${clientId}:`)
	);
	const byMutation = new Set(tabletEvents.map((id) => Number(id.split(':')[1])));
	expect([...byMutation].sort((a, b) => a - b)).toEqual(mutations.map((m) => m.mutation_id));
});

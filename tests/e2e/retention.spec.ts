// The tablet retention window (issue 4 §1, SYNC.md "Pull"): a fresh tablet pulls open orders
// and orders closed within the window; an older order opened by its URL loads from the server.
// Its own server, so the merchant's retentionDays change touches no other test.
import { expect, test } from '@playwright/test';
import type {} from '../../src/lib/local/dev-handle';
import type { Order } from '../../src/lib/domain/schemas';
import { isOrderRetained, windowStart } from '../../src/lib/sync/retention-window';
import { AppServer } from './support/app-server';

let server: AppServer;
let token: string;

async function api(path: string, body: unknown): Promise<unknown> {
	const response = await fetch(`${server.url}${path}`, {
		method: 'POST',
		headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
		body: JSON.stringify(body)
	});
	expect(response.status).toBe(200);
	return response.json();
}

async function serverOrders(): Promise<Order[]> {
	const orders: Order[] = [];
	let cookie: number | null = null;
	for (;;) {
		const page = (await api('/api/sync/pull', {
			protocol: 1,
			schemaVersion: '1',
			clientId: 'e2e-retention-observer',
			cookie
		})) as { cookie: number; more: boolean; patch: { entity: string; value: Order }[] };
		for (const op of page.patch) if (op.entity === 'order') orders.push(op.value);
		cookie = page.cookie;
		if (!page.more) return orders;
	}
}

test.beforeEach(async () => {
	server = await AppServer.create({ demoOrders: 60 });
	await server.start();
	token = ((await (await fetch(`${server.url}/api/session`)).json()) as { devToken: string })
		.devToken;
});

test.afterEach(async () => {
	await server.cleanup();
});

test('a tablet keeps the window, and an older order opened by its URL comes from the server', async ({
	page
}) => {
	// A one-day window: the demo's closed orders of the days before fall out of it.
	const set = (await api('/api/sync/push', {
		protocol: 1,
		schemaVersion: '1',
		clientId: 'e2e-retention-manager',
		mutations: [
			{
				id: 1,
				name: 'settings.update',
				args: { retentionDays: 1 },
				actor: 'manager',
				clientTime: new Date().toISOString()
			}
		]
	})) as { results: { status: string }[] };
	expect(set.results[0].status).toBe('applied');
	const orders = await serverOrders();
	// Judged a minute early: the server's clock read the window a moment after this one.
	const start = windowStart(new Date(Date.now() + 60_000), 1);
	const older = orders.find((order) => !isOrderRetained(order, start));
	expect(older, 'the demo has a closed order older than a day').toBeDefined();

	await page.goto(`${server.url}/orders`);
	await expect(page.getByTestId('last-sync')).toHaveText('Synced just now', { timeout: 45_000 });
	const localIds = await page.evaluate(() =>
		window.__dockside!.db.orders.toCollection().primaryKeys()
	);
	expect(localIds).not.toContain(older!.id);
	for (const order of orders.filter((o) => !['complete', 'canceled'].includes(o.status))) {
		expect(localIds).toContain(order.id);
	}

	await page.goto(`${server.url}/orders/${older!.id}`);
	const view = page.getByTestId('order-view');
	await expect(view.getByRole('heading').first()).toContainText(older!.number, {
		timeout: 20_000
	});
	await expect(page.getByTestId('order-not-found')).toHaveCount(0);
	expect(
		await page.evaluate((id) => window.__dockside!.db.orders.get(id), older!.id)
	).toMatchObject({ id: older!.id, status: older!.status });
});

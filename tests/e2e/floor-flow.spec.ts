// The warehouse floor end to end (issue 5 §7): a batch of five orders taken by batch rules,
// picked, packed by simulated scanner key bursts (a wrong barcode, an over-scan and a refused
// partial pack on the way), shipped with tracking numbers and flushed — once with the server
// there, once with its process stopped for real from the take to the last tracking number,
// with a reload in the middle of a pack. Either way the server ends up with one shipment per
// order, each action applied once. The screens' details have their own specs (preparation,
// pick-pack, ship); this one proves they add up to a working day.
import { expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import type {} from '../../src/lib/local/dev-handle';
import { AppServer } from './support/app-server';
import { waitForServiceWorker } from './support/service-worker';

const WAREHOUSE = 'wh-main';
const BATCH = 5;

let server: AppServer;

test.beforeEach(async () => {
	server = await AppServer.create({ demoOrders: 300 });
	await server.start();
});

test.afterEach(async () => {
	await server.cleanup();
});

/** What a keyboard-wedge scanner sends: keys a few ms apart, then Enter, into no field. */
async function scan(page: Page, code: string): Promise<void> {
	await page.keyboard.type(code, { delay: 5 });
	await page.keyboard.press('Enter');
}

/** Puts the focus on the page itself, so scans go to the screen's scanner listener. */
async function focusScreen(page: Page): Promise<void> {
	await page.getByRole('heading', { level: 1 }).click();
}

interface TakenOrder {
	id: string;
	digits: string;
	/** Per taken line: how many units, and a code the scanner can read for its product. */
	lines: { lineId: string; qty: number; code: string }[];
}

/** The orders this tablet has in preparation with status `new`, with what to scan for each. */
async function newEntries(page: Page): Promise<TakenOrder[]> {
	return page.evaluate(async (warehouseId) => {
		const db = window.__dockside!.db;
		const entries = (await db.preparations.where('warehouseId').equals(warehouseId).toArray())
			.filter((entry) => entry.status === 'new')
			.sort((a, b) => a.orderId.localeCompare(b.orderId));
		const out = [];
		for (const entry of entries) {
			const order = (await db.orders.get(entry.orderId))!;
			const lines = [];
			for (const taken of entry.lines) {
				const line = order.lines.find((l) => l.id === taken.lineId)!;
				const product = (await db.products.get(line.productId))!;
				lines.push({
					lineId: taken.lineId,
					qty: taken.qty,
					code: product.barcodes[0] ?? product.sku
				});
			}
			out.push({ id: order.id, digits: order.number.replace(/^#/, ''), lines });
		}
		return out;
	}, WAREHOUSE);
}

/** Batch rules on the In stock tab: five orders of two units or more, into In progress. */
async function takeBatch(page: Page): Promise<TakenOrder[]> {
	await page.goto(`${server.url}/preparation?warehouse=${WAREHOUSE}&tab=in_stock`);
	await page.getByTestId('prep-batch-rules').click();
	const dialog = page.getByTestId('batch-dialog');
	await dialog.getByTestId('batch-max').fill(String(BATCH));
	await dialog.getByTestId('batch-count-range').check();
	await dialog.getByTestId('batch-min').fill('2');
	await expect(dialog.getByTestId('batch-matches')).toHaveAttribute('data-count', String(BATCH));
	await dialog.getByTestId('batch-add').click();
	await expect(dialog).toHaveCount(0);
	await expect.poll(async () => (await newEntries(page)).length).toBe(BATCH);
	const taken = await newEntries(page);
	for (const order of taken) {
		expect(order.lines.reduce((sum, line) => sum + line.qty, 0)).toBeGreaterThanOrEqual(2);
	}
	return taken;
}

async function pickBatch(page: Page): Promise<void> {
	await page.goto(`${server.url}/preparation/pick?warehouse=${WAREHOUSE}`);
	await expect(page.getByTestId('pick-page')).toHaveCount(BATCH);
	await page.getByTestId('mark-picked').click();
	await expect(page.getByTestId('pick-empty')).toBeVisible();
}

function packLine(page: Page, lineId: string) {
	return page.locator(`[data-testid="pack-line"][data-line-id="${lineId}"]`);
}

/**
 * Opens the order by scanning its label on the pack queue and scans every unit. The first order
 * of a batch also meets a wrong barcode, a refused partial pack (and, when asked, a reload right
 * after it) and an over-scan.
 */
async function packOrder(
	page: Page,
	order: TakenOrder,
	trials: { mistakes: boolean; reloadMidPack: boolean }
): Promise<void> {
	await page.goto(`${server.url}/preparation/pack?warehouse=${WAREHOUSE}`);
	await expect(page.getByTestId('pack-queue')).toBeVisible();
	await focusScreen(page);
	await scan(page, order.digits);
	await expect(page).toHaveURL(new RegExp(`/preparation/pack/${order.id}$`));
	const feedback = page.getByTestId('scan-feedback');
	await focusScreen(page);

	const [first, ...rest] = order.lines;
	if (trials.mistakes) {
		await scan(page, 'NOT-A-PRODUCT-0000');
		await expect(feedback).toHaveAttribute('data-sound', 'wrong');
		await expect(page.getByTestId('scan-message')).toContainText('NOT-A-PRODUCT-0000');
	}
	await scan(page, first.code);
	await expect(packLine(page, first.lineId)).toHaveAttribute('data-packed', '1');
	if (trials.mistakes) {
		// At least two units are taken, so one scanned is a partial pack: refused by the setting.
		await page.getByTestId('confirm-pack').click();
		await expect(page.getByTestId('pack-error')).toContainText('Partial packing is off');
	}
	if (trials.reloadMidPack) {
		await page.reload();
		await expect(packLine(page, first.lineId)).toHaveAttribute('data-packed', '1');
		await focusScreen(page);
	}
	for (let n = 1; n < first.qty; n++) await scan(page, first.code);
	for (const line of rest) for (let n = 0; n < line.qty; n++) await scan(page, line.code);
	for (const line of order.lines) {
		await expect(packLine(page, line.lineId)).toHaveAttribute('data-state', 'packed');
	}
	if (trials.mistakes) {
		await scan(page, first.code);
		await expect(feedback).toHaveAttribute('data-sound', 'over_scan');
		await expect(packLine(page, first.lineId)).toHaveAttribute('data-packed', String(first.qty));
	}
	await page.getByTestId('pack-weight').fill('0.8');
	await page.getByTestId('pack-parcels').fill('1');
	await page.getByTestId('confirm-pack').click();
	await expect(page).toHaveURL(new RegExp(`/preparation/pack\\?warehouse=${WAREHOUSE}`));
}

/** Types each parcel's tracking number (Enter ships it), then flushes the shipped orders. */
async function shipAndFlush(page: Page, orders: TakenOrder[], prefix: string): Promise<void> {
	await page.goto(`${server.url}/preparation/ship?warehouse=${WAREHOUSE}`);
	for (const [i, order] of orders.entries()) {
		const row = page.locator(`[data-testid="ship-row"][data-order-id="${order.id}"]`);
		await row.getByTestId('tracking-input').fill(`${prefix}${i}`);
		await row.getByTestId('tracking-input').press('Enter');
		await expect(row.getByTestId('shipped-tracking')).toHaveText(`${prefix}${i}`);
	}
	await page.goto(`${server.url}/preparation?warehouse=${WAREHOUSE}&tab=in_progress`);
	for (const order of orders) {
		const entry = page.locator(`[data-testid="prep-entry"][data-order-id="${order.id}"]`);
		await expect(entry).toHaveAttribute('data-status', 'shipped');
	}
	await page.getByTestId('prep-flush').click();
	for (const order of orders) {
		await expect(
			page.locator(`[data-testid="prep-entry"][data-order-id="${order.id}"]`)
		).toHaveCount(0);
	}
}

async function runBatch(page: Page, prefix: string, reloadMidPack: boolean) {
	const taken = await takeBatch(page);
	await pickBatch(page);
	for (const [i, order] of taken.entries()) {
		await packOrder(page, order, { mistakes: i === 0, reloadMidPack: reloadMidPack && i === 1 });
	}
	await shipAndFlush(page, taken, prefix);
	return taken;
}

interface ServerOrder {
	shipments: { id: string; tracking?: string; createdAt: string }[];
}

/** The server's own copy of each order and of this client's mutations, read from its file. */
function serverState(dbFile: string, clientId: string, orderIds: string[]) {
	const db = new Database(dbFile, { readonly: true, fileMustExist: true });
	try {
		const read = db.prepare("SELECT value FROM records WHERE entity = 'order' AND id = ?");
		const orders = new Map(
			orderIds.map((id) => [
				id,
				JSON.parse((read.get(id) as { value: string }).value) as ServerOrder
			])
		);
		const mutations = db
			.prepare(
				'SELECT mutation_id, name, status FROM mutations WHERE client_id = ? ORDER BY mutation_id'
			)
			.all(clientId) as { mutation_id: number; name: string; status: string }[];
		return { orders, mutations };
	} finally {
		db.close();
	}
}

async function expectSyncedWithServer(page: Page): Promise<void> {
	await expect
		.poll(() => page.evaluate(async () => (await window.__dockside!.db.outbox.count()) ?? -1), {
			timeout: 60_000
		})
		.toBe(0);
	await expect(page.getByTestId('rejection')).toHaveCount(0);
}

function expectOneShipmentEach(
	state: ReturnType<typeof serverState>,
	orders: TakenOrder[],
	prefix: string
): void {
	for (const [i, order] of orders.entries()) {
		const tracked = state.orders
			.get(order.id)!
			.shipments.filter((s) => s.tracking?.startsWith(prefix));
		expect(tracked.map((s) => s.tracking)).toEqual([`${prefix}${i}`]);
	}
	// Every action of the tablet reached the server once, in order, and was applied.
	const ids = state.mutations.map((m) => m.mutation_id);
	expect(ids).toEqual(ids.map((_, i) => i + 1));
	expect(state.mutations.filter((m) => m.status !== 'applied')).toEqual([]);
}

async function openTablet(page: Page): Promise<string> {
	await page.goto(`${server.url}/orders`);
	await expect(page.getByTestId('order-row').first()).toBeVisible({ timeout: 30_000 });
	await expect(page.getByTestId('last-sync')).not.toHaveText('Never synced');
	return page.evaluate(
		async () => (await window.__dockside!.db.meta.get('clientId'))?.value as string
	);
}

test('a batch of five: take, pick, pack by scanner, ship, flush; the server has one shipment each', async ({
	page
}) => {
	test.setTimeout(180_000);
	const clientId = await openTablet(page);
	const taken = await runBatch(page, 'TRK-ON-', false);
	await expectSyncedWithServer(page);
	const state = serverState(
		server.dbFile,
		clientId,
		taken.map((o) => o.id)
	);
	expectOneShipmentEach(state, taken, 'TRK-ON-');
	const names = state.mutations.map((m) => m.name);
	expect(names.filter((n) => n === 'preparation.pack')).toHaveLength(BATCH);
	expect(names.filter((n) => n === 'preparation.ship')).toHaveLength(BATCH);
});

test('the same day with the server stopped: everything waits on the tablet, a reload mid-pack loses nothing, and it all lands once', async ({
	page
}) => {
	test.setTimeout(240_000);
	const clientId = await openTablet(page);
	await waitForServiceWorker(page);

	await server.stop();
	await expect(fetch(`${server.url}/api/session`)).rejects.toThrow();
	const taken = await runBatch(page, 'TRK-OFF-', true);
	// Nothing reached the server; every step waits in the outbox.
	expect(
		serverState(
			server.dbFile,
			clientId,
			taken.map((o) => o.id)
		).mutations
	).toEqual([]);
	expect(
		Number(await page.getByTestId('pending-count').getAttribute('data-count'))
	).toBeGreaterThan(BATCH * 3);

	await server.start();
	await page.evaluate(() => window.dispatchEvent(new Event('online')));
	await expectSyncedWithServer(page);
	const state = serverState(
		server.dbFile,
		clientId,
		taken.map((o) => o.id)
	);
	expectOneShipmentEach(state, taken, 'TRK-OFF-');
	expect(state.mutations.filter((m) => m.name === 'preparation.pack')).toHaveLength(BATCH);
});

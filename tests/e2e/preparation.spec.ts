// Sales ▸ Order preparation in a real browser against the production server (issue 5 §1): the
// tabs and their counts, filters, taking orders one by one, selected and by batch rules, "Not
// confirmed" until the server has the take, a backorder refused with its reason, Remove, and
// two operators taking the same order before either has synced.
import { expect, test, type Browser, type BrowserContext, type Page } from '@playwright/test';
import { blockSync, expectSynced, openApp, unblockSync } from './support/app';

// A service worker would answer the sync requests before page.route sees them.
test.use({ serviceWorkers: 'block' });

const MAIN = 'wh-main';

type Tab = 'in_stock' | 'partial' | 'backorder' | 'on_hold' | 'in_progress';

interface RawLine {
	id: string;
	warehouseId: string;
	qtyOrdered: number;
	qtyShipped: number;
	qtyCanceled: number;
	qtyReserved: number;
	requiresShipping: boolean;
}

interface RawOrder {
	id: string;
	number: string;
	status: string;
	placedAt: string;
	shippingAddress: { country: string };
	lines: RawLine[];
}

interface RawEntry {
	orderId: string;
	warehouseId: string;
	operator: string;
	status: string;
}

/**
 * The tab of an order in a warehouse, worked out here again from DOMAIN.md ("Order
 * preparation") so the test does not take the app's own reading for granted.
 */
function expectedTab(order: RawOrder, warehouseId: string, entry?: RawEntry): Tab | null {
	if (entry?.warehouseId === warehouseId) return 'in_progress';
	if (entry && entry.status !== 'shipped') return null;
	if (order.status === 'complete' || order.status === 'canceled') return null;
	const toShip = (l: RawLine) =>
		l.requiresShipping ? l.qtyOrdered - l.qtyShipped - l.qtyCanceled : 0;
	const lines = order.lines.filter((l) => l.warehouseId === warehouseId && toShip(l) > 0);
	if (lines.length === 0) return null;
	if (order.status === 'on_hold' || order.status === 'pending') return 'on_hold';
	if (lines.every((l) => l.qtyReserved >= toShip(l))) return 'in_stock';
	if (lines.some((l) => l.qtyReserved > 0)) return 'partial';
	return 'backorder';
}

/** Every order of this tablet with its tab in the warehouse, read from its IndexedDB. */
async function tabsOnTablet(page: Page, warehouseId = MAIN) {
	const { orders, entries } = await page.evaluate(async () => {
		const db = window.__dockside!.db;
		const [orders, entries] = await Promise.all([db.orders.toArray(), db.preparations.toArray()]);
		return JSON.parse(JSON.stringify({ orders, entries })) as {
			orders: RawOrder[];
			entries: RawEntry[];
		};
	});
	const byOrder = new Map(entries.map((e) => [e.orderId, e]));
	return orders.map((order) => ({
		order,
		tab: expectedTab(order, warehouseId, byOrder.get(order.id))
	}));
}

function tabButton(page: Page, tab: Tab) {
	return page.getByTestId(`prep-tab-${tab}`);
}

async function tabCount(page: Page, tab: Tab): Promise<number> {
	const count = tabButton(page, tab).getByTestId('prep-tab-count');
	await expect(count).toHaveText(/^\s*[\d,]+\s*$/);
	return Number((await count.textContent())!.replace(/\D/g, ''));
}

async function showTab(page: Page, tab: Tab) {
	await tabButton(page, tab).click();
	await expect(page).toHaveURL(new RegExp(`tab=${tab}`));
	await expect(tabButton(page, tab)).toHaveAttribute('aria-selected', 'true');
}

function row(page: Page, orderId: string) {
	return page.locator(`[data-testid="prep-row"][data-order-id="${orderId}"]`);
}

function entry(page: Page, orderId: string) {
	return page.locator(`[data-testid="prep-entry"][data-order-id="${orderId}"]`);
}

async function openPreparation(page: Page, path = '/preparation') {
	await openApp(page, path, page.getByTestId('prep-tab-count').first());
}

test('tabs, counts and filters agree with the orders; one, selected and batch takes; Not confirmed until synced; Remove', async ({
	page,
	context
}) => {
	await openPreparation(page);
	// No warehouse in the URL: the default one is written in, on the In stock tab.
	await expect(page).toHaveURL(/warehouse=wh-main/);
	await expect(page).toHaveURL(/tab=in_stock/);

	// Every tab's count and rows are the orders of that tab.
	const facts = await tabsOnTablet(page);
	const startedInProgress = facts.filter((f) => f.tab === 'in_progress').map((f) => f.order.id);
	for (const tab of ['in_stock', 'partial', 'backorder', 'on_hold'] as const) {
		const ids = facts.filter((f) => f.tab === tab).map((f) => f.order.id);
		await showTab(page, tab);
		await expect.poll(() => tabCount(page, tab)).toBe(ids.length);
		const list = page.getByTestId('prep-rows');
		if (ids.length === 0) continue;
		await expect(list).toHaveAttribute('data-total', String(ids.length));
		const first = page.getByTestId('prep-row').first();
		expect(ids).toContain(await first.getAttribute('data-order-id'));
	}

	// A backorder cannot be added and says why, in the rule's words.
	await showTab(page, 'backorder');
	const backorder = page.getByTestId('prep-row').first();
	await expect(backorder.getByTestId('prep-refusal')).toHaveAttribute(
		'data-code',
		'nothing_to_ship'
	);
	await expect(backorder.getByTestId('prep-refusal')).toContainText(
		'nothing to ship from this warehouse'
	);
	await expect(backorder.getByTestId('prep-add-one')).toHaveCount(0);
	await expect(backorder.getByTestId('prep-select')).toHaveCount(0);

	// Filter In stock by the country of its oldest order: every row has it, the count follows.
	await showTab(page, 'in_stock');
	const inStock = facts.filter((f) => f.tab === 'in_stock').map((f) => f.order);
	const country = inStock[0].shippingAddress.country;
	await page.getByTestId('prep-filter-country').selectOption(country);
	await expect(page).toHaveURL(new RegExp(`country=${country}`));
	const sameCountry = inStock.filter((o) => o.shippingAddress.country === country).length;
	await expect.poll(() => tabCount(page, 'in_stock')).toBe(sameCountry);
	await expect(page.getByTestId('prep-rows')).toHaveAttribute('data-total', String(sameCountry));
	for (const cell of await page.getByTestId('prep-country').all()) {
		await expect(cell).toHaveText(country);
	}
	await page.getByTestId('prep-filter-clear').click();
	await expect(page).not.toHaveURL(/country=/);

	// One order taken while this tablet cannot reach the server: In progress, Not confirmed.
	const before = await tabCount(page, 'in_stock');
	const inProgressBefore = await tabCount(page, 'in_progress');
	const one = page.getByTestId('prep-row').first();
	const oneId = (await one.getAttribute('data-order-id'))!;
	await blockSync(context);
	await one.getByTestId('prep-add-one').click();
	await expect(row(page, oneId)).toHaveCount(0);
	await expect.poll(() => tabCount(page, 'in_stock')).toBe(before - 1);
	await expect.poll(() => tabCount(page, 'in_progress')).toBe(inProgressBefore + 1);
	await showTab(page, 'in_progress');
	await expect(entry(page, oneId)).toHaveAttribute('data-status', 'new');
	await expect(entry(page, oneId).getByTestId('prep-status')).toHaveText('New');
	await expect(entry(page, oneId).getByTestId('prep-operator')).toHaveText('Mine');
	await expect(entry(page, oneId).getByTestId('prep-unconfirmed')).toHaveText('Not confirmed');
	await expect(entry(page, oneId).getByTestId('prep-taken')).toContainText('taken');
	// Confirmed once the server has applied it and the pull has come back.
	await unblockSync(context, [page]);
	await expectSynced(page);
	await expect(entry(page, oneId)).toHaveAttribute('data-confirmed', 'true');
	await expect(entry(page, oneId).getByTestId('prep-unconfirmed')).toHaveCount(0);

	// Two selected on Partial (or In stock when Partial is empty), added in one go.
	const from: Tab = (await tabCount(page, 'partial')) >= 2 ? 'partial' : 'in_stock';
	await showTab(page, from);
	const picked = [];
	for (const r of (await page.getByTestId('prep-row').all()).slice(0, 2)) {
		picked.push((await r.getAttribute('data-order-id'))!);
		await r.getByTestId('prep-select').check();
	}
	await expect(page.getByTestId('prep-add-selected')).toHaveText('Add to In progress (2)');
	await page.getByTestId('prep-add-selected').click();
	for (const id of picked) await expect(row(page, id)).toHaveCount(0);

	// A batch by rules: at most 3 orders with exactly one unit; the dialog counts them first.
	await showTab(page, 'in_stock');
	await page.getByTestId('prep-batch-rules').click();
	const dialog = page.getByTestId('batch-dialog');
	await dialog.getByTestId('batch-max').fill('3');
	await dialog.getByTestId('batch-count-exact').check();
	await dialog.getByTestId('batch-exact').fill('1');
	const matches = dialog.getByTestId('batch-matches');
	await expect(matches).toHaveAttribute('data-count', /^[1-3]$/);
	const batchSize = Number(await matches.getAttribute('data-count'));
	const progressBeforeBatch = await tabCount(page, 'in_progress');
	await dialog.getByTestId('batch-add').click();
	await expect(dialog).toHaveCount(0);
	await expect.poll(() => tabCount(page, 'in_progress')).toBe(progressBeforeBatch + batchSize);
	await expectSynced(page);

	// Every order taken is listed In progress, all confirmed by the server.
	await showTab(page, 'in_progress');
	const afterFacts = await tabsOnTablet(page);
	const taken = afterFacts.filter((f) => f.tab === 'in_progress').map((f) => f.order.id);
	expect(taken).toEqual(expect.arrayContaining([oneId, ...picked]));
	await expect(page.getByTestId('prep-entries')).toHaveAttribute(
		'data-total',
		String(taken.length)
	);
	await expect(page.getByTestId('prep-unconfirmed')).toHaveCount(0);

	// Remove one: it leaves In progress and is back in a waiting tab.
	await entry(page, oneId).getByTestId('prep-remove').click();
	await expect(entry(page, oneId)).toHaveCount(0);
	await showTab(page, 'in_stock');
	await expect(row(page, oneId)).toHaveCount(1);

	// Leave the server as found for the tests that follow: what this test took goes back.
	const takenHere = taken.filter((id) => id !== oneId && !startedInProgress.includes(id));
	for (const id of takenHere) {
		const result = await page.evaluate(
			(orderId) => window.__dockside!.performAction('preparation.remove', { orderId }),
			id
		);
		expect(result).toMatchObject({ ok: true });
	}
	await expectSynced(page);
});

// ---------------------------------------------------------------- two operators

async function tablet(
	browser: Browser,
	baseURL: string | undefined,
	operator: string
): Promise<BrowserContext> {
	const context = await browser.newContext({
		baseURL,
		viewport: { width: 1280, height: 800 },
		serviceWorkers: 'block'
	});
	// Until users exist, each tablet's operator is a name kept in its localStorage.
	await context.addInitScript((name) => localStorage.setItem('dockside.operator', name), operator);
	return context;
}

test('two operators take the same order before syncing: the first keeps it, the second is told why and loses the entry', async ({
	browser,
	baseURL
}) => {
	const contextA = await tablet(browser, baseURL, 'ana');
	const contextB = await tablet(browser, baseURL, 'ben');
	try {
		const a = await contextA.newPage();
		const b = await contextB.newPage();
		await Promise.all([openPreparation(a), openPreparation(b)]);
		await expect(a.getByTestId('prep-me')).toContainText('ana');
		await expect(b.getByTestId('prep-me')).toContainText('ben');

		const first = a.getByTestId('prep-row').first();
		const orderId = (await first.getAttribute('data-order-id'))!;
		const number = (await first.getAttribute('data-order-number'))!.replace(/^#/, '');
		await expect(row(b, orderId)).toHaveCount(1);

		// B takes it with no way to the server; A takes it too and syncs first.
		await blockSync(contextB);
		await row(b, orderId).getByTestId('prep-add-one').click();
		await showTab(b, 'in_progress');
		await expect(entry(b, orderId).getByTestId('prep-operator')).toHaveText('Mine');
		await expect(entry(b, orderId).getByTestId('prep-unconfirmed')).toBeVisible();

		await row(a, orderId).getByTestId('prep-add-one').click();
		await expectSynced(a);
		await showTab(a, 'in_progress');
		await expect(entry(a, orderId)).toHaveAttribute('data-confirmed', 'true');

		// B reconnects: refused by the server with the rule's reason naming the order and ana.
		await unblockSync(contextB, [b]);
		const rejection = b.getByTestId('rejection');
		await expect(rejection).toHaveCount(1);
		await expect(rejection).toHaveAttribute('data-code', 'taken_by_other');
		await expect(rejection).toContainText(`Order #${number} is already being prepared by ana.`);
		await expectSynced(b, 1);

		// B's own entry is gone: the order shows as ana's, confirmed, and nothing of B's waits.
		await expect(entry(b, orderId)).toHaveAttribute('data-mine', 'false');
		await expect(entry(b, orderId).getByTestId('prep-operator')).toHaveText('Taken by ana');
		await expect(entry(b, orderId).getByTestId('prep-unconfirmed')).toHaveCount(0);
		await expect(b.locator('[data-testid="prep-entry"][data-operator="ben"]')).toHaveCount(0);
		// A still holds it as its own.
		await expect(entry(a, orderId).getByTestId('prep-operator')).toHaveText('Mine');

		// Leave the order free for other tests: A takes it out again.
		await entry(a, orderId).getByTestId('prep-remove').click();
		await expect(entry(a, orderId)).toHaveCount(0);
		await expectSynced(a);
	} finally {
		await contextA.close();
		await contextB.close();
	}
});

// ---------------------------------------------------------------- status and flush

test('the operator is named on the tablet; each order shows its status new → picked → packed → shipped; Remove only before packing; Flush shipped clears them', async ({
	page
}) => {
	await openPreparation(page);
	// This tablet's operator, named in the screen (until users exist).
	await page.getByTestId('prep-change-operator').click();
	await page.getByTestId('operator-name').fill('Cyril');
	await page.getByTestId('operator-save').click();
	await expect(page.getByTestId('prep-me')).toContainText('Cyril');
	await expect(page.getByTestId('prep-row').first()).toBeVisible();

	const first = page.getByTestId('prep-row').first();
	const orderId = (await first.getAttribute('data-order-id'))!;
	await first.getByTestId('prep-add-one').click();
	await expect(row(page, orderId)).toHaveCount(0);
	await showTab(page, 'in_progress');
	const taken = entry(page, orderId);
	await expect(taken.getByTestId('prep-status')).toHaveText('New');
	await expect(taken).toHaveAttribute('data-operator', 'Cyril');
	await expect(taken.getByTestId('prep-operator')).toHaveText('Mine');
	await expect(taken.getByTestId('prep-pack')).toHaveAttribute(
		'href',
		`/preparation/pack/${orderId}`
	);
	await expect(page.getByTestId('prep-pick-list')).toHaveAttribute(
		'href',
		`/preparation/pick?warehouse=${MAIN}`
	);
	await expect(page.getByTestId('prep-ship')).toHaveAttribute(
		'href',
		`/preparation/ship?warehouse=${MAIN}`
	);
	await expect(page.getByTestId('prep-flush')).toBeDisabled();

	// The Pick, Pack and Ship screens are built elsewhere: their actions are sent directly.
	const act = (name: string, args: unknown) =>
		page.evaluate(([n, a]) => window.__dockside!.performAction(n as string, a), [name, args]);
	expect(await act('preparation.markPicked', { orderIds: [orderId] })).toMatchObject({ ok: true });
	await expect(taken.getByTestId('prep-status')).toHaveText('Picked');
	await expect(taken.getByTestId('prep-remove')).toBeVisible();

	const lines = await page.evaluate(
		async (id) => (await window.__dockside!.db.preparations.get(id))!.lines,
		orderId
	);
	expect(
		await act('preparation.pack', { orderId, shipmentId: `e2e-ship-${orderId}`, lines })
	).toMatchObject({ ok: true });
	await expect(taken.getByTestId('prep-status')).toHaveText('Packed');
	await expect(taken.getByTestId('prep-remove')).toHaveCount(0);
	await expect(taken.getByTestId('prep-pack')).toHaveCount(0);

	expect(await act('preparation.ship', { orderId, tracking: 'E2E-TRACK-1' })).toMatchObject({
		ok: true
	});
	await expect(taken.getByTestId('prep-status')).toHaveText('Shipped');
	await expectSynced(page);

	// Flush takes every shipped entry of the warehouse out of In progress.
	const flush = page.getByTestId('prep-flush');
	await expect(flush).toBeEnabled();
	const shipped = Number((await flush.textContent())!.replace(/\D/g, ''));
	expect(shipped).toBeGreaterThanOrEqual(1);
	const before = await tabCount(page, 'in_progress');
	await flush.click();
	await expect(taken).toHaveCount(0);
	await expect.poll(() => tabCount(page, 'in_progress')).toBe(before - shipped);
	await expect(page.locator('[data-testid="prep-entry"][data-status="shipped"]')).toHaveCount(0);
	await expect(flush).toBeDisabled();
	await expectSynced(page);
});

// Pick and Pack in a real browser against the production server (issue 5 §2, §3): orders taken
// into preparation through the app's own actions, the picking list on screen and as a PDF, then
// packing driven by simulated scanner key bursts (keys 5 ms apart, then Enter) with a wrong
// code, an over-scan, a refused partial pack and a reload mid-pack; the confirmed pack is a
// shipment in the order view and on the server.
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import bwipjs from 'bwip-js/node';
import { PDFDocument } from 'pdf-lib';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { expectSynced, openOrders, reloadApp } from './support/app';
import { fullyReady, readOrders, realLines, type OrderFacts } from './support/orders-data';
import { orderView, showTab } from './support/order-view';

// A service worker would answer requests before the test sees them (downloads included).
test.use({ serviceWorkers: 'block' });

/**
 * A video file for Chromium's fake camera showing `code` as a Code 128 barcode (Y4M: a header,
 * then frames of 8-bit luma and quarter-size chroma planes). Chromium reads the file when the
 * page asks for the camera, so it can be written after the browser started.
 */
function writeBarcodeVideo(path: string, code: string): void {
	const [W, H, MODULE] = [640, 480, 3];
	const [{ sbs }] = bwipjs.raw('code128', code, '') as { sbs: number[] }[];
	const width = sbs.reduce((sum, n) => sum + n, 0) * MODULE;
	const left = Math.floor((W - width) / 2);
	const luma = Buffer.alloc(W * H, 235);
	let x = left;
	sbs.forEach((modules, i) => {
		const px = modules * MODULE;
		// Even entries are bars, odd ones spaces.
		if (i % 2 === 0) {
			for (let y = 120; y < 360; y++) luma.fill(16, y * W + x, y * W + x + px);
		}
		x += px;
	});
	const chroma = Buffer.alloc((W / 2) * (H / 2), 128);
	const frame = Buffer.concat([Buffer.from('FRAME\n'), luma, chroma, chroma]);
	const header = Buffer.from(`YUV4MPEG2 W${W} H${H} F10:1 Ip A1:1 C420jpeg\n`);
	writeFileSync(path, Buffer.concat([header, frame, frame]));
}

const cameraFile = join(tmpdir(), `dockside-e2e-camera-${process.pid}.y4m`);
writeBarcodeVideo(cameraFile, '0');

// Chromium's fake camera plays that file (the camera test writes its order's label into it).
test.use({
	launchOptions: {
		executablePath: CHROMIUM_PATH,
		args: [
			...CHROMIUM_ARGS,
			'--use-fake-ui-for-media-stream',
			'--use-fake-device-for-media-stream',
			`--use-file-for-fake-video-capture=${cameraFile}`
		]
	}
});

/** The wedge decoder's limits (src/lib/scan/wedge.ts): slower than this is a person typing. */
const MAX_MEAN_GAP = 45;
const RESET_GAP = 400;

/**
 * What a keyboard-wedge scanner sends: the code's keys a few ms apart, then Enter. On a busy
 * machine the harness itself can hand the keys over slower than any scanner, and the app then
 * rightly takes them for typing; the page's own timestamps tell, and such a burst is sent again.
 */
async function scan(page: Page, code: string): Promise<void> {
	for (let attempt = 1; attempt <= 4; attempt++) {
		await page.evaluate(() => {
			const times: number[] = [];
			const w = window as unknown as { __burst?: number[] };
			w.__burst = times;
			const record = (event: KeyboardEvent) => {
				times.push(event.timeStamp);
				if (event.key === 'Enter') window.removeEventListener('keydown', record, true);
			};
			window.addEventListener('keydown', record, true);
		});
		await page.keyboard.type(code, { delay: 5 });
		await page.keyboard.press('Enter');
		const times = await page.evaluate(() => (window as unknown as { __burst: number[] }).__burst);
		const gaps = times.slice(1).map((t, i) => t - times[i]);
		const mean = (times[times.length - 1] - times[0]) / (times.length - 1);
		if (mean <= MAX_MEAN_GAP && Math.max(...gaps) <= RESET_GAP) return;
	}
	throw new Error(`the browser never received “${code}” at scanner speed`);
}

/** Natural shelf order as DOMAIN.md states it (digit runs by value, text ignoring case). */
function natural(a: string, b: string): number {
	const chunks = (s: string) => s.match(/\d+|\D+/g) ?? [];
	const [xs, ys] = [chunks(a), chunks(b)];
	for (let i = 0; i < Math.min(xs.length, ys.length); i++) {
		const [x, y] = [xs[i], ys[i]];
		const c =
			/^\d/.test(x) && /^\d/.test(y)
				? Number(x) - Number(y)
				: x.toLowerCase().localeCompare(y.toLowerCase());
		if (c !== 0) return c;
	}
	return xs.length - ys.length;
}

interface Taken {
	warehouseId: string;
	orders: OrderFacts[];
}

/**
 * Takes `count` fully reserved orders of one warehouse into this tablet's preparation through
 * window.__dockside.performAction (the path the preparation screen uses), `fits` choosing them.
 */
async function takeOrders(
	page: Page,
	count: number,
	fits: (order: OrderFacts) => boolean = () => true
): Promise<Taken> {
	const ready = (await readOrders(page)).filter(
		(o) => fullyReady(o) && fits(o) && new Set(realLines(o).map((l) => l.warehouseId)).size === 1
	);
	const byWarehouse = new Map<string, OrderFacts[]>();
	for (const order of ready) {
		const wh = realLines(order)[0].warehouseId;
		byWarehouse.set(wh, [...(byWarehouse.get(wh) ?? []), order]);
	}
	const [warehouseId, candidates] = [...byWarehouse].sort((a, b) => b[1].length - a[1].length)[0];
	const chosen = candidates.slice(0, count);
	expect(chosen).toHaveLength(count);
	await page.evaluate(
		async ({ warehouseId, ids }) => {
			for (const orderId of ids) {
				const added = await window.__dockside!.performAction('preparation.add', {
					warehouseId,
					orderIds: [orderId]
				});
				if (!added.ok) throw new Error(`add ${orderId}: ${added.message}`);
			}
		},
		{ warehouseId, ids: chosen.map((o) => o.id) }
	);
	return { warehouseId, orders: chosen };
}

/** Product barcodes and SKUs of a line, as stored on this tablet. */
async function productCodes(page: Page, productId: string) {
	return page.evaluate(async (id) => {
		const product = await window.__dockside!.db.products.get(id);
		return { sku: product!.sku, barcodes: product!.barcodes };
	}, productId);
}

test('the picking list aggregates the batch in shelf order, checks off by scan, and prints', async ({
	page
}) => {
	await openOrders(page);
	const { warehouseId, orders } = await takeOrders(page, 3);
	await page.goto(`/preparation/pick?warehouse=${warehouseId}`);
	const rows = page.getByTestId('pick-row');
	await expect(rows.first()).toBeVisible();

	// One row per product, each with the units of every order added up.
	const expected = new Map<string, number>();
	for (const order of orders) {
		for (const line of realLines(order)) {
			expected.set(line.sku, (expected.get(line.sku) ?? 0) + line.toShip);
		}
	}
	const shown = await rows.evaluateAll((els) =>
		els.map((el) => ({
			sku: (el as HTMLElement).dataset.sku ?? '',
			location: (el as HTMLElement).dataset.location ?? '',
			qty: Number((el as HTMLElement).dataset.qty)
		}))
	);
	expect(new Map(shown.map((r) => [r.sku, r.qty]))).toEqual(expected);
	const located = shown.filter((r) => r.location !== '').map((r) => r.location);
	expect(located).toEqual([...located].sort(natural));
	// Rows without a location come last.
	const firstBlank = shown.findIndex((r) => r.location === '');
	if (firstBlank >= 0) expect(shown.slice(firstBlank).every((r) => r.location === '')).toBe(true);
	await expect(page.getByTestId('pick-page')).toHaveCount(3);
	for (const order of orders) {
		await expect(
			page.locator(`[data-testid="pick-page"][data-order-number="${order.number}"]`)
		).toBeVisible();
	}

	// Checked off by a scan of the first row's SKU, and by a tap on the second.
	const first = rows.first();
	await page.getByRole('heading', { level: 1 }).click();
	await scan(page, shown[0].sku);
	await expect(first).toHaveAttribute('data-checked', 'true');
	await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-sound', 'ok');
	await scan(page, 'NO-SUCH-CODE-42');
	await expect(page.getByTestId('scan-feedback')).toHaveAttribute('data-sound', 'wrong');
	if (shown.length > 1) {
		await rows.nth(1).getByTestId('pick-check').click();
		await expect(rows.nth(1)).toHaveAttribute('data-checked', 'true');
	}

	// The PDF downloads, opens in pdf-lib, and names every order of the batch.
	const [download] = await Promise.all([
		page.waitForEvent('download'),
		page.getByTestId('pick-pdf').click()
	]);
	const bytes = readFileSync((await download.path())!);
	const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
	expect(pdf.getPageCount()).toBeGreaterThanOrEqual(4);
	const keywords = (pdf.getKeywords() ?? '').split(' ');
	for (const order of orders) expect(keywords).toContain(order.number);

	await page.getByTestId('mark-picked').click();
	await expect(page.getByTestId('pick-empty')).toBeVisible();
	const statuses = await page.evaluate(
		(ids) =>
			Promise.all(
				ids.map(async (id) => (await window.__dockside!.db.preparations.get(id))?.status)
			),
		orders.map((o) => o.id)
	);
	expect(statuses).toEqual(['picked', 'picked', 'picked']);
	await expectSynced(page);
});

test('packing by scanner: wrong code, over-scan and partial pack refused, reload keeps the counts, confirm ships', async ({
	page
}) => {
	await openOrders(page);
	// An order with at least two units to pack, so a partial pack and an over-scan can happen.
	const { warehouseId, orders } = await takeOrders(
		page,
		1,
		(o) => realLines(o).reduce((sum, l) => sum + l.toShip, 0) >= 2
	);
	const order = orders[0];
	const lines = realLines(order);

	await page.goto(`/preparation/pack?warehouse=${warehouseId}`);
	await expect(page.getByTestId('pack-queue-order').first()).toBeVisible();
	await page.getByRole('heading', { level: 1 }).click();
	// The order's label, scanned anywhere on the screen, opens it.
	await scan(page, order.digits);
	await expect(page).toHaveURL(new RegExp(`/preparation/pack/${order.id}$`));
	const packLine = (lineId: string) =>
		page.locator(`[data-testid="pack-line"][data-line-id="${lineId}"]`);
	await expect(packLine(lines[0].id)).toHaveAttribute('data-state', 'not_packed');
	await expect(packLine(lines[0].id).getByTestId('pack-state')).toHaveText(/Not packed/);
	const feedback = page.getByTestId('scan-feedback');

	await page.getByRole('heading', { level: 1 }).click();
	await scan(page, 'NO-SUCH-CODE-42');
	await expect(feedback).toHaveAttribute('data-sound', 'wrong');
	await expect(page.getByTestId('scan-message')).toHaveText(
		'No product has the code “NO-SUCH-CODE-42”.'
	);

	// One unit of the first line: that line now misses the rest (or is packed), shown in words.
	const codes = await Promise.all(lines.map((l) => productCodes(page, l.productId)));
	const codeOf = (i: number) => codes[i].barcodes[0] ?? codes[i].sku;
	await scan(page, codeOf(0));
	await expect(packLine(lines[0].id)).toHaveAttribute('data-packed', '1');
	await expect(feedback).toHaveAttribute('data-sound', 'ok');
	const after = lines[0].toShip === 1 ? 'Packed' : `${lines[0].toShip - 1} missing`;
	await expect(packLine(lines[0].id).getByTestId('pack-state')).toHaveText(new RegExp(after));

	// Partial packing is off by default: refused, with the reason.
	await page.getByTestId('confirm-pack').click();
	await expect(page.getByTestId('pack-error')).toContainText('Partial packing is off');

	// A reload mid-pack: the count comes back from this tablet's database.
	await reloadApp(page, packLine(lines[0].id));
	await expect(packLine(lines[0].id)).toHaveAttribute('data-packed', '1');

	// The rest, scanned as fast bursts; then one too many of the first line.
	await page.getByRole('heading', { level: 1 }).click();
	for (const [i, line] of lines.entries()) {
		const remaining = line.toShip - (i === 0 ? 1 : 0);
		for (let n = 0; n < remaining; n++) await scan(page, codeOf(i));
	}
	for (const line of lines) {
		await expect(packLine(line.id)).toHaveAttribute('data-packed', String(line.toShip));
		await expect(packLine(line.id)).toHaveAttribute('data-state', 'packed');
	}
	await scan(page, codeOf(0));
	await expect(feedback).toHaveAttribute('data-sound', 'over_scan');
	await expect(page.getByTestId('scan-message')).toContainText('already packed');
	await expect(packLine(lines[0].id)).toHaveAttribute('data-packed', String(lines[0].toShip));
	await expect(page.getByTestId('pack-units')).toContainText(
		`${lines.reduce((s, l) => s + l.toShip, 0)} of`
	);

	await page.getByTestId('pack-weight').fill('1.4');
	await page.getByTestId('pack-parcels').fill('1');
	await page.getByTestId('confirm-pack').click();
	await expect(page).toHaveURL(new RegExp(`/preparation/pack\\?warehouse=${warehouseId}`));
	await expect(page.getByTestId('pack-queue')).toBeVisible();
	await expect(
		page.locator(`[data-testid="pack-queue-order"][data-order-id="${order.id}"]`)
	).toHaveCount(0);
	const stored = await page.evaluate(async (id) => {
		const handle = window.__dockside!;
		const [entry, scans, order] = await Promise.all([
			handle.db.preparations.get(id),
			handle.db.packScans.get(id),
			handle.db.orders.get(id)
		]);
		return {
			status: entry?.status,
			shipmentId: entry?.shipmentId,
			scans,
			shipments: order!.shipments
		};
	}, order.id);
	expect(stored.status).toBe('packed');
	expect(stored.scans).toBeUndefined();
	expect(stored.shipments.map((s) => s.id)).toContain(stored.shipmentId);
	expect(stored.shipments.find((s) => s.id === stored.shipmentId)).toMatchObject({
		weight: 1.4,
		parcels: 1
	});
	await expectSynced(page);

	// The shipment in the order view.
	await page.goto(`/orders/${order.id}`);
	await expect(orderView(page)).toBeVisible();
	await showTab(page, 'documents');
	await expect(
		orderView(page).locator(`[data-testid="shipment-row"][data-shipment-id="${stored.shipmentId}"]`)
	).toBeVisible();
});

test('a line of the parcel is substituted with another product in stock', async ({ page }) => {
	await openOrders(page);
	const { warehouseId, orders } = await takeOrders(page, 1);
	const order = orders[0];
	const line = realLines(order)[0];
	// A product with free stock in this warehouse, not already in the order.
	const substitute = await page.evaluate(
		async ({ warehouseId, skus, need }) => {
			const db = window.__dockside!.db;
			const rows = await db.stock.where('warehouseId').equals(warehouseId).toArray();
			for (const row of rows) {
				if (row.physical - row.reserved < need) continue;
				const product = await db.products.get(row.productId);
				if (product && product.type === 'simple' && !skus.includes(product.sku)) return product.sku;
			}
			return null;
		},
		{ warehouseId, skus: order.lines.map((l) => l.sku), need: line.toShip }
	);
	expect(substitute).not.toBeNull();

	await page.goto(`/preparation/pack/${order.id}`);
	const lineRow = page.locator(`[data-testid="pack-line"][data-line-id="${line.id}"]`);
	await lineRow.getByTestId('pack-substitute').click();
	const dialog = page.getByTestId('dialog-substitute');
	await dialog.getByTestId('product-search').fill(substitute!);
	await dialog.locator(`[data-testid="product-option"][data-sku="${substitute}"]`).click();
	await dialog.getByTestId('submit').click();
	await expect(dialog).toHaveCount(0);
	await expect(lineRow).toHaveCount(0);
	const replacement = page.locator(`[data-testid="pack-line"][data-sku="${substitute}"]`);
	await expect(replacement).toHaveAttribute('data-state', 'not_packed');
	await expect(page.getByTestId('scan-message')).toContainText(`Substituted with ${substitute}`);
	await expectSynced(page);
});

// ---------------------------------------------------------------- the camera

test.describe('the camera', () => {
	test.use({ permissions: ['camera'] });

	test('reads an order label through the WebAssembly reader served by the app, and opens the order', async ({
		page
	}) => {
		const requests: string[] = [];
		page.on('request', (request) => requests.push(request.url()));
		await openOrders(page);
		const { warehouseId, orders } = await takeOrders(page, 1);
		const order = orders[0];
		writeBarcodeVideo(cameraFile, order.digits);

		await page.goto(`/preparation/pack?warehouse=${warehouseId}`);
		await expect(page.getByTestId('pack-queue-order').first()).toBeVisible();
		// Nothing of the barcode reader is loaded before the camera is asked for.
		expect(requests.filter((url) => url.includes('zxing'))).toEqual([]);
		await page.getByTestId('camera-button').click();
		await expect(page.getByTestId('camera-scanner')).toBeVisible();
		await expect(page).toHaveURL(new RegExp(`/preparation/pack/${order.id}$`), {
			timeout: 20_000
		});
		const origin = new URL(page.url()).origin;
		const wasm = requests.filter((url) => url.endsWith('.wasm'));
		expect(wasm).toHaveLength(1);
		expect(wasm[0]).toMatch(
			new RegExp(`^${origin}/_app/immutable/assets/zxing_reader[^/]*\\.wasm$`)
		);
		expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual(
			[]
		);
	});
});

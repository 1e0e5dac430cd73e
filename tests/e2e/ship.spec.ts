// The Ship screen (issue 5 §4, batch documents of §5) in Chromium against the production
// server: five orders are taken and packed through the app's own actions (the preparation and
// pack screens are tested elsewhere), then shipped here by typed tracking numbers, by a carrier
// file, exported for the carrier, and printed as one PDF per kind. Everything reaches the server.
import { readFile } from 'node:fs/promises';
import { expect, test, type Download, type Page } from '@playwright/test';
import Papa from 'papaparse';
import { PDFDocument } from 'pdf-lib';
import { HAS_PDFTOTEXT, pageTexts } from '../../src/lib/documents/testing/poppler';
import {
	blockSync,
	expectSynced,
	openOrders,
	pendingCount,
	reloadApp,
	unblockSync
} from './support/app';
import { fullyReady, readOrders, realLines } from './support/orders-data';

interface Packed {
	orderId: string;
	number: string;
	method: string;
	shipmentId: string;
}

test.describe.configure({ mode: 'serial' });

let page: Page;
let warehouseId: string;
let batch: Packed[];

/** Numbers as the screen shows them. */
const digits = (number: string) => number.replace(/^#/, '');

/**
 * Takes and packs four Colissimo orders and one of another method, all fully reserved in one
 * warehouse, through window.__dockside.performAction (the same path the screens use).
 */
async function packFive(p: Page): Promise<{ warehouseId: string; batch: Packed[] }> {
	const ready = (await readOrders(p)).filter(
		(o) => fullyReady(o) && new Set(realLines(o).map((l) => l.warehouseId)).size === 1
	);
	const methods = await p.evaluate(
		async (ids) => {
			const orders = await window.__dockside!.db.orders.bulkGet(ids);
			return orders.map((o) => o!.shippingMethod.code);
		},
		ready.map((o) => o.id)
	);
	const byWarehouse = new Map<string, { colissimo: typeof ready; other: typeof ready }>();
	ready.forEach((order, i) => {
		const wh = realLines(order)[0].warehouseId;
		const group = byWarehouse.get(wh) ?? { colissimo: [], other: [] };
		(methods[i].startsWith('colissimo') ? group.colissimo : group.other).push(order);
		byWarehouse.set(wh, group);
	});
	const [wh, group] =
		[...byWarehouse].find(([, g]) => g.colissimo.length >= 4 && g.other.length >= 1) ?? [];
	if (!wh || !group) throw new Error('No warehouse has 4 ready Colissimo orders and 1 other.');
	// The list sorts by number: a Colissimo parcel comes first, so the one typed into first is.
	const colissimo = group.colissimo.slice(0, 4);
	const byNumber = (a: string, b: string) => a.localeCompare(b, 'en', { numeric: true });
	const other = group.other.find((o) => byNumber(o.number, colissimo[0].number) > 0);
	if (!other) throw new Error('No other-method order sorts after the Colissimo ones.');
	const chosen = [...colissimo, other];
	const packed = await p.evaluate(
		async ({ warehouseId, ids }) => {
			const handle = window.__dockside!;
			const out: { orderId: string; number: string; method: string; shipmentId: string }[] = [];
			for (const orderId of ids) {
				const added = await handle.performAction('preparation.add', {
					warehouseId,
					orderIds: [orderId]
				});
				if (!added.ok) throw new Error(`add ${orderId}: ${added.message}`);
				const entry = (await handle.db.preparations.get(orderId))!;
				const shipmentId = crypto.randomUUID();
				const result = await handle.performAction('preparation.pack', {
					orderId,
					shipmentId,
					invoiceId: crypto.randomUUID(),
					lines: entry.lines,
					weight: 1.5,
					parcels: 1
				});
				if (!result.ok) throw new Error(`pack ${orderId}: ${result.message}`);
				const order = (await handle.db.orders.get(orderId))!;
				out.push({ orderId, number: order.number, method: order.shippingMethod.code, shipmentId });
			}
			return out;
		},
		{ warehouseId: wh, ids: chosen.map((o) => o.id) }
	);
	return { warehouseId: wh, batch: packed };
}

function row(p: Page, orderId: string) {
	return p.locator(`[data-testid="ship-row"][data-order-id="${orderId}"]`);
}

/** The shipment's tracking and carrier and the entry's status, as stored on this tablet. */
async function stored(p: Page, orderId: string) {
	return p.evaluate(async (id) => {
		const handle = window.__dockside!;
		const [order, entry] = await Promise.all([
			handle.db.orders.get(id),
			handle.db.preparations.get(id)
		]);
		const shipment = order!.shipments.find((s) => s.id === entry?.shipmentId);
		return { status: entry?.status, tracking: shipment?.tracking, carrier: shipment?.carrier };
	}, orderId);
}

async function downloadsOf(
	p: Page,
	count: number,
	click: () => Promise<void>
): Promise<Download[]> {
	const downloads: Download[] = [];
	const listener = (download: Download) => downloads.push(download);
	p.on('download', listener);
	try {
		await click();
		await expect.poll(() => downloads.length).toBe(count);
	} finally {
		p.off('download', listener);
	}
	return downloads;
}

async function readDownload(download: Download): Promise<Buffer> {
	return readFile((await download.path())!);
}

test.beforeAll(async ({ browser, baseURL }) => {
	const context = await browser.newContext({ baseURL, viewport: { width: 1280, height: 800 } });
	page = await context.newPage();
	await openOrders(page);
	// This tablet's operator (named on the preparation screen) takes and packs the batch.
	await page.evaluate(() => localStorage.setItem('dockside.operator', 'Ship tester'));
	({ warehouseId, batch } = await packFive(page));
	await page.goto(`/preparation/ship?warehouse=${warehouseId}`);
	await expect(page.getByTestId('ship-row')).toHaveCount(5);
	await expect(page.getByTestId('ship-operator')).toHaveText('· operator Ship tester');
});

test.afterAll(async () => {
	await page.context().close();
});

test('typed or scanned tracking numbers ship the parcels, and the next field takes the next scan', async () => {
	await expect(page.getByTestId('to-ship-count')).toHaveText('5 to ship');
	// The first field has focus: a keyboard-wedge scanner types into it and ends with Enter.
	const first = page.getByTestId('tracking-input').first();
	await expect(first).toBeFocused();
	const firstId = (await first.locator('xpath=ancestor::li').getAttribute('data-order-id'))!;
	const a = batch.find((p) => p.orderId === firstId)!;
	expect(a.method).toMatch(/^colissimo/);
	const b = batch.find((p) => p.orderId !== firstId && p.method.startsWith('colissimo'))!;
	// Two scans back to back, as a scanner sends them (key bursts, Enter, 20 ms apart): the
	// tracking number of the first parcel, then the order number on the next packing slip,
	// which lands in the next field at once and goes to that parcel without shipping anything.
	await page.keyboard.type('6A00000000001', { delay: 2 });
	await page.keyboard.press('Enter');
	await page.waitForTimeout(20);
	await page.keyboard.type(digits(b.number), { delay: 2 });
	await page.keyboard.press('Enter');
	await expect(row(page, a.orderId)).toHaveAttribute('data-shipped', 'true');
	await expect(row(page, a.orderId).getByTestId('ship-state')).toHaveText('Shipped');
	await expect(row(page, a.orderId).getByTestId('shipped-tracking')).toHaveText('6A00000000001');
	expect(await stored(page, a.orderId)).toEqual({
		status: 'shipped',
		tracking: '6A00000000001',
		carrier: 'Colissimo'
	});
	const input = row(page, b.orderId).getByTestId('tracking-input');
	await expect(input).toBeFocused();
	await expect(page.getByTestId('to-ship-count')).toHaveText('4 to ship');
	const values = await page
		.getByTestId('tracking-input')
		.evaluateAll((inputs) => inputs.map((input) => (input as HTMLInputElement).value));
	expect(values).toEqual(['', '', '', '']);

	// An empty Enter is refused on the row, nothing sent.
	await page.keyboard.press('Enter');
	await expect(row(page, b.orderId).getByTestId('ship-error')).toHaveText(
		'Enter or scan the tracking number.'
	);
	await input.fill('6A00000000002');
	await row(page, b.orderId).getByTestId('ship-button').click();
	await expect(row(page, b.orderId)).toHaveAttribute('data-shipped', 'true');
	await expect(page.getByTestId('to-ship-count')).toHaveText('3 to ship');
	// Shipped rows go below those still to ship.
	const states = await page
		.getByTestId('ship-row')
		.evaluateAll((rows) => rows.map((r) => r.getAttribute('data-shipped')));
	expect(states).toEqual(['false', 'false', 'false', 'true', 'true']);
});

test('the carrier export downloads one CSV per template with the parcels still to ship', async () => {
	const toShip: Packed[] = [];
	for (const p of batch) if ((await stored(page, p.orderId)).status === 'packed') toShip.push(p);
	expect(toShip).toHaveLength(3);
	const buttons = page.getByTestId('export-carrier');
	await expect(buttons).toHaveCount(2);
	await expect(buttons.nth(0)).toHaveText('Colissimo CSV (2)');
	await expect(buttons.nth(1)).toHaveText('Any carrier CSV (1)');
	const files = new Map<string, string[][]>();
	for (const i of [0, 1]) {
		const [download] = await downloadsOf(page, 1, () => buttons.nth(i).click());
		const text = (await readDownload(download)).toString('utf8');
		const name = download.suggestedFilename();
		const delimiter = name.startsWith('colissimo') ? ';' : ',';
		files.set(
			name.replace(/-\d{8}-\d{4}\.csv$/, ''),
			Papa.parse<string[]>(text, { delimiter, skipEmptyLines: true }).data
		);
	}
	expect([...files.keys()].sort()).toEqual(['any-carrier', 'colissimo']);
	const colissimo = files.get('colissimo')!;
	expect(colissimo[0]).toEqual([
		'Reference',
		'Name',
		'Company',
		'Address 1',
		'Address 2',
		'Postcode',
		'City',
		'Country',
		'Phone',
		'Email',
		'Weight (kg)',
		'Parcels'
	]);
	const expectedColissimo = toShip.filter((p) => p.method.startsWith('colissimo'));
	expect(
		colissimo
			.slice(1)
			.map((r) => r[0])
			.sort()
	).toEqual(expectedColissimo.map((p) => p.number).sort());
	for (const r of colissimo.slice(1)) expect(r.slice(10)).toEqual(['1.5', '1']);
	const any = files.get('any-carrier')!;
	const other = toShip.find((p) => !p.method.startsWith('colissimo'))!;
	expect(any.slice(1).map((r) => [r[0], r[1], r[2]])).toEqual([
		[other.number, other.shipmentId, other.method]
	]);
});

test('a carrier file ships the parcels it matches and shows the row it cannot', async () => {
	const toShip: Packed[] = [];
	for (const p of batch) if ((await stored(page, p.orderId)).status === 'packed') toShip.push(p);
	const [byNumber, byShipment, left] = [
		toShip.find((p) => p.method.startsWith('colissimo'))!,
		toShip.find((p) => !p.method.startsWith('colissimo'))!,
		toShip.filter((p) => p.method.startsWith('colissimo'))[1]
	];
	// As carrier software writes it: semicolons, a BOM, a shipment id column, one unknown row.
	const csv =
		'\ufeffN° de suivi;Référence expéditeur;Shipment ID\r\n' +
		`8X0001;${digits(byNumber.number)};\r\n` +
		`8X0002;;${byShipment.shipmentId}\r\n` +
		'8X0003;NOT-AN-ORDER;\r\n';

	await page.getByTestId('open-import').click();
	const dialog = page.getByTestId('carrier-import');
	// A broken file first: it is refused with its reason and nothing changes.
	await dialog.getByTestId('carrier-file').setInputFiles({
		name: 'broken.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from('Tracking,Reference\n"8X9,1001\n')
	});
	await expect(dialog.getByTestId('import-error')).toContainText('a quoted field is not closed');
	await expect(dialog.getByTestId('import-error')).toContainText('Nothing was changed.');

	await dialog.getByTestId('carrier-file').setInputFiles({
		name: 'colissimo-return.csv',
		mimeType: 'text/csv',
		buffer: Buffer.from(csv, 'utf8')
	});
	await expect(dialog.getByTestId('count-matched')).toHaveAttribute('data-count', '2');
	await expect(dialog.getByTestId('count-unmatched')).toHaveAttribute('data-count', '1');
	const unmatched = dialog.locator('[data-testid="import-row"][data-kind="unmatched"]');
	await expect(unmatched).toHaveCount(1);
	await expect(unmatched).toContainText('8X0003');
	await expect(unmatched).toContainText('No parcel of this batch is NOT-AN-ORDER.');
	await expect(unmatched).toHaveAttribute('data-line', '4');
	await dialog.getByTestId('import-confirm').click();
	await expect(dialog.getByTestId('import-done')).toContainText('2 parcels shipped');
	await dialog.getByTestId('import-close').click();

	await expect(row(page, byNumber.orderId).getByTestId('shipped-tracking')).toHaveText('8X0001');
	await expect(row(page, byShipment.orderId).getByTestId('shipped-tracking')).toHaveText('8X0002');
	expect(await stored(page, byNumber.orderId)).toMatchObject({
		status: 'shipped',
		carrier: 'Colissimo'
	});
	expect(await stored(page, left.orderId)).toMatchObject({ status: 'packed' });
	await expect(page.getByTestId('to-ship-count')).toHaveText('1 to ship');
});

test('the batch’s packing slips and labels come as one PDF each, with every order number', async () => {
	const [slips] = await downloadsOf(page, 1, () => page.getByTestId('print-packing-slips').click());
	expect(slips.suggestedFilename()).toMatch(/^packing-slips-\d{8}-\d{4}\.pdf$/);
	const slipBytes = await readDownload(slips);
	const slipPdf = await PDFDocument.load(slipBytes);
	expect(slipPdf.getPageCount()).toBeGreaterThanOrEqual(5);
	expect(slipPdf.getKeywords()?.split(' ')).toEqual(
		expect.arrayContaining(batch.map((p) => p.number))
	);

	const [labels] = await downloadsOf(page, 1, () => page.getByTestId('print-labels').click());
	const labelBytes = await readDownload(labels);
	const labelPdf = await PDFDocument.load(labelBytes);
	expect(labelPdf.getPageCount()).toBe(5);
	for (const p of labelPdf.getPages()) {
		const { width, height } = p.getSize();
		expect([Math.round(width), Math.round(height)]).toEqual([298, 420]);
	}
	// One order's label, at the other size (the choice stays on this tablet).
	await page.getByTestId('label-size').selectOption('4x6');
	const one = batch[0];
	const [single] = await downloadsOf(page, 1, () =>
		row(page, one.orderId).getByTestId('row-label').click()
	);
	const singlePdf = await PDFDocument.load(await readDownload(single));
	expect(singlePdf.getPageCount()).toBe(1);
	const { width, height } = singlePdf.getPage(0).getSize();
	expect([Math.round(width), Math.round(height)]).toEqual([288, 432]);
	expect(singlePdf.getKeywords()).toBe(one.number);
	expect(await page.evaluate(() => localStorage.getItem('dockside.ship.labelSize'))).toBe('4x6');

	if (HAS_PDFTOTEXT) {
		const slipText = pageTexts(new Uint8Array(slipBytes)).join('\n');
		const labelPages = pageTexts(new Uint8Array(labelBytes));
		for (const p of batch) {
			expect(slipText).toContain(`#${digits(p.number)}`);
			expect(labelPages.some((text) => text.includes(`#${digits(p.number)}`))).toBe(true);
		}
	}
});

test('every ship reached the server, none refused', async () => {
	// The outbox only empties when a pull acknowledges what the server applied; the records are
	// then the server's own: four shipped with their tracking numbers, one still packed.
	await expectSynced(page);
	const after = await Promise.all(batch.map((p) => stored(page, p.orderId)));
	expect(
		after
			.filter((s) => s.status === 'shipped')
			.map((s) => s.tracking)
			.sort()
	).toEqual(['6A00000000001', '6A00000000002', '8X0001', '8X0002']);
	expect(after.filter((s) => s.status === 'packed')).toHaveLength(1);
});

test('with the sync cut off, the last parcel ships on the tablet, survives a reload and syncs later', async () => {
	const packed: Packed[] = [];
	for (const p of batch) if ((await stored(page, p.orderId)).status === 'packed') packed.push(p);
	expect(packed).toHaveLength(1);
	const last = packed[0];
	await blockSync(page.context());
	const input = row(page, last.orderId).getByTestId('tracking-input');
	await input.fill('OFF-0001');
	await input.press('Enter');
	await expect(row(page, last.orderId)).toHaveAttribute('data-shipped', 'true');
	await expect(pendingCount(page)).toHaveAttribute('data-count', '1');

	await reloadApp(page, row(page, last.orderId));
	await expect(row(page, last.orderId).getByTestId('shipped-tracking')).toHaveText('OFF-0001');
	await expect(page.getByTestId('to-ship-count')).toHaveText('0 to ship');

	await unblockSync(page.context(), [page]);
	await expectSynced(page);
	expect(await stored(page, last.orderId)).toMatchObject({
		status: 'shipped',
		tracking: 'OFF-0001'
	});
});

// The order view's Documents tab in a real browser: the PDFs are made in the page with the
// merchant's current settings, downloaded under their names, read back (pdf-lib loads them,
// pdftotext reads them as a person would), and printed through a hidden frame.
import { readFileSync } from 'node:fs';
import { expect, test, type Download, type Locator, type Page } from '@playwright/test';
import { PDFDocument } from 'pdf-lib';
import type {} from '../../src/lib/local/dev-handle';
import { HAS_PDFTOTEXT, pageTexts } from '../../src/lib/documents/testing/poppler';
import { expectSynced, openApp, unblockSync } from './support/app';
import { AppServer } from './support/app-server';
import { findOrder, readOrders } from './support/orders-data';
import { invoiceWhileOffline, orderView, showTab } from './support/order-view';
import { waitForServiceWorker } from './support/service-worker';

const COMPANY = 'Entrepôt Documents SARL';
const FOOTER = 'Capital 10 000 EUR · SIRET 123 456 789 00010';

async function setLetterhead(page: Page): Promise<void> {
	await openApp(page, '/settings', page.getByTestId('setting-companyName'));
	await page.getByTestId('setting-companyName').fill(COMPANY);
	await page.getByTestId('setting-footer-0').fill(FOOTER);
	await page.getByTestId('save').click();
	await expectSynced(page);
}

async function download(page: Page, button: Locator): Promise<{ name: string; bytes: Uint8Array }> {
	const [file]: [Download, void] = await Promise.all([
		page.waitForEvent('download'),
		button.click()
	]);
	const path = await file.path();
	return { name: file.suggestedFilename(), bytes: new Uint8Array(readFileSync(path)) };
}

/** Loads with pdf-lib (a real PDF) and, where poppler is installed, has every text. */
async function expectPdf(bytes: Uint8Array, texts: string[]): Promise<number> {
	const pdf = await PDFDocument.load(bytes);
	expect(pdf.getPageCount()).toBeGreaterThan(0);
	if (HAS_PDFTOTEXT) {
		const text = pageTexts(bytes).join('\n');
		for (const expected of texts) expect(text).toContain(expected);
	}
	return pdf.getPageCount();
}

test('the invoice, the packing slip and the label are made with the new settings, downloaded and printed', async ({
	page
}) => {
	test.skip(!HAS_PDFTOTEXT, 'pdftotext (poppler-utils) is needed to read the PDFs back');
	// Headless Chromium has no print preview: a real print() from the PDF frame crashes its
	// renderer. Every frame's print() only counts its calls, so the test sees which window the
	// app asked to print (the frame holding the PDF, not the page).
	await page.addInitScript(() => {
		const counted = window as unknown as { printCalls: number };
		counted.printCalls = 0;
		window.print = () => {
			counted.printCalls++;
		};
	});
	await setLetterhead(page);
	const order = await findOrder(
		page,
		'invoiced with a numbered invoice and shipped',
		(o) => o.invoices > 0 && o.shipments > 0
	);
	const invoice = await page.evaluate(async (id) => {
		const stored = await window.__dockside?.queries.getOrder(id);
		return stored?.invoices.find((candidate) => candidate.number) ?? null;
	}, order.id);
	if (!invoice?.number) throw new Error(`Order ${order.number} has no numbered invoice.`);

	await page.goto(`/orders/${order.id}`);
	await expect(orderView(page)).toBeVisible();
	await showTab(page, 'documents');
	const panel = page.getByTestId('panel-documents');

	const invoiceRow = panel.locator(`[data-testid="invoice-row"][data-invoice-id="${invoice.id}"]`);
	const invoicePdf = await download(
		page,
		invoiceRow.getByTestId('invoice-documents').getByTestId('download-document')
	);
	expect(invoicePdf.name).toBe(`invoice-${invoice.number}.pdf`);
	await expectPdf(invoicePdf.bytes, [order.digits, invoice.number, COMPANY, FOOTER]);

	// The whole order's slip is there whether or not a shipment exists.
	const slip = await download(
		page,
		panel.getByTestId('order-slip-documents').getByTestId('download-document')
	);
	expect(slip.name).toBe(`packing-slip-${order.digits}.pdf`);
	await expectPdf(slip.bytes, ['Packing slip', order.digits, COMPANY, FOOTER]);

	const firstShipment = panel.getByTestId('shipment-row').first();
	await panel.getByTestId('label-size').selectOption('4x6');
	const label = await download(
		page,
		firstShipment.getByTestId('label-documents').getByTestId('download-document')
	);
	expect(label.name).toBe(`address-label-${order.digits}-1.pdf`);
	const labelPdf = await PDFDocument.load(label.bytes);
	expect(labelPdf.getPages().map((p) => p.getSize())).toEqual([{ width: 288, height: 432 }]);
	await expectPdf(label.bytes, [order.digits]);

	// Print: the PDF goes into a hidden frame whose print dialog opens; the buttons wait meanwhile.
	const print = invoiceRow.getByTestId('invoice-documents').getByTestId('print-document');
	await print.click();
	const frame = page.locator('iframe#dockside-print-frame');
	await expect(frame).toHaveAttribute('src', /^blob:/);
	const head = await frame.evaluate(async (node: HTMLIFrameElement) => {
		const bytes = new Uint8Array(await (await fetch(node.src)).arrayBuffer());
		return String.fromCharCode(...bytes.subarray(0, 5));
	});
	expect(head).toBe('%PDF-');
	await expect(print).toBeEnabled();
	const printCalls = await page.evaluate(() => {
		const frameWindow = (document.getElementById('dockside-print-frame') as HTMLIFrameElement)
			.contentWindow as unknown as { printCalls?: number } | null;
		return {
			frame: frameWindow?.printCalls,
			page: (window as unknown as { printCalls: number }).printCalls
		};
	});
	expect(printCalls).toEqual({ frame: 1, page: 0 });
	// Printed from the frame: neither the new-tab fallback nor an error.
	await expect(panel.getByTestId('documents-notice')).toHaveCount(0);
	await expect(panel.getByTestId('documents-error')).toHaveCount(0);
});

test('an invoice made before the server numbered it prints as provisional, then under its number', async ({
	page,
	context
}) => {
	test.skip(!HAS_PDFTOTEXT, 'pdftotext (poppler-utils) is needed to read the PDFs back');
	const { order, invoiceRow: row } = await invoiceWhileOffline(page, context);
	const button = row.getByTestId('invoice-documents').getByTestId('download-document');

	const provisional = await download(page, button);
	expect(provisional.name).toBe(`invoice-${order.digits}-provisional.pdf`);
	await expectPdf(provisional.bytes, ['PROVISIONAL', order.digits]);

	await unblockSync(context, [page]);
	await expect(row).toContainText(/INV-\d{6}/);
	await expectSynced(page);
	const number = (await row.locator('td').first().innerText()).trim();
	const numbered = await download(page, button);
	expect(numbered.name).toBe(`invoice-${number}.pdf`);
	const text = pageTexts(numbered.bytes).join('\n');
	expect(text).toContain(number);
	expect(text).not.toContain('PROVISIONAL');
});

test('documents are made offline: the PDF code and fonts come from the precache', async ({
	page
}) => {
	test.skip(!HAS_PDFTOTEXT, 'pdftotext (poppler-utils) is needed to read the PDFs back');
	test.setTimeout(120_000);
	// A server of this test's own, so that it can be stopped for real (the service worker's
	// requests ignore context.setOffline()).
	const server = await AppServer.create({ demoOrders: 40 });
	try {
		await server.start();
		await page.goto(`${server.url}/orders`);
		await expect(page.getByTestId('last-sync')).toHaveText('Synced just now', { timeout: 45_000 });
		// The worker is active only once everything is precached, fonts and PDF chunks included.
		await waitForServiceWorker(page);
		const order = (await readOrders(page)).find((o) => o.shipments > 0);
		if (!order) throw new Error('No shipped order in the demo data.');

		await server.stop();
		await page.goto(`${server.url}/orders/${order.id}`);
		await expect(orderView(page)).toBeVisible();
		await showTab(page, 'documents');
		const slip = await download(
			page,
			page.getByTestId('order-slip-documents').getByTestId('download-document')
		);
		expect(slip.name).toBe(`packing-slip-${order.digits}.pdf`);
		await expectPdf(slip.bytes, ['Packing slip', order.digits]);
	} finally {
		await server.cleanup();
	}
});

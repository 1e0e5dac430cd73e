import { describe, expect, it } from 'vitest';
import { addressLabelPdf } from '$lib/documents/address-label';
import { invoicePdf, PROVISIONAL_NOTICE } from '$lib/documents/invoice';
import { packingSlipPdf } from '$lib/documents/packing-slip';
import type { PrintOutcome } from '$lib/documents/print';
import { diskAssets } from '$lib/documents/testing/assets';
import {
	makeInvoice,
	makeLine,
	makeOrder,
	makeSettings,
	PNG_LOGO
} from '$lib/documents/testing/fixtures';
import { inspectPdf } from '$lib/documents/testing/inspect';
import { HAS_PDFTOTEXT, pageTexts } from '$lib/documents/testing/poppler';
import type { Order, Settings } from '$lib/domain/schemas';
import {
	OrderDocuments,
	describeRequest,
	once,
	wholeOrderLines,
	type DocumentBuilders
} from './order-documents.svelte';

const realBuilders: DocumentBuilders = {
	invoice: invoicePdf,
	packingSlip: packingSlipPdf,
	addressLabel: addressLabelPdf
};

function orderWithDocuments(): Order {
	const order = makeOrder({ number: '#1043' });
	return {
		...order,
		invoices: [
			makeInvoice(order, { id: 'inv-a', number: 'INV-000123' }),
			makeInvoice(order, { id: 'inv-b', number: null })
		],
		shipments: [
			{ id: 'sh-1', createdAt: '2026-01-07T15:00:00.000Z', lines: [{ lineId: 'line-1', qty: 2 }] },
			{ id: 'sh-2', createdAt: '2026-01-08T15:00:00.000Z', lines: [{ lineId: 'line-3', qty: 1 }] }
		]
	};
}

/** The state with real builders and fonts from disk; downloads and prints are recorded. */
function setup(settings: Settings = makeSettings(), print: PrintOutcome = 'frame') {
	const downloads: { fileName: string; bytes: Uint8Array }[] = [];
	const prints: { title: string; bytes: Uint8Array }[] = [];
	let settingsReads = 0;
	const documents = new OrderDocuments({
		getSettings: async () => {
			settingsReads++;
			return settings;
		},
		loadAssets: async () => diskAssets(),
		loadBuilders: async () => realBuilders,
		download: (bytes, fileName) => downloads.push({ bytes, fileName }),
		print: async (bytes, title) => {
			prints.push({ bytes, title });
			return print;
		}
	});
	return { documents, downloads, prints, reads: () => settingsReads };
}

describe('describeRequest', () => {
	const order = orderWithDocuments();

	it('names each download after the invoice number or the order number', () => {
		expect(describeRequest(order, { kind: 'invoice', invoiceId: 'inv-a' })).toEqual({
			title: 'Invoice INV-000123',
			fileName: 'invoice-INV-000123.pdf'
		});
		expect(describeRequest(order, { kind: 'invoice', invoiceId: 'inv-b' })).toEqual({
			title: 'Invoice (provisional)',
			fileName: 'invoice-1043-provisional.pdf'
		});
		expect(describeRequest(order, { kind: 'packing-slip' })?.fileName).toBe(
			'packing-slip-1043.pdf'
		);
		expect(describeRequest(order, { kind: 'packing-slip', shipmentId: 'sh-2' })?.fileName).toBe(
			'packing-slip-1043-2.pdf'
		);
		expect(describeRequest(order, { kind: 'address-label', shipmentId: 'sh-1' })?.fileName).toBe(
			'address-label-1043-1.pdf'
		);
	});

	it('knows nothing of a document the order does not have', () => {
		expect(describeRequest(order, { kind: 'invoice', invoiceId: 'nope' })).toBeNull();
		expect(describeRequest(order, { kind: 'address-label', shipmentId: 'nope' })).toBeNull();
	});
});

describe('wholeOrderLines', () => {
	it('lists what ships: ordered less canceled, without containers or fully canceled lines', () => {
		const order = makeOrder({
			lines: [
				makeLine(1, { qtyOrdered: 3, qtyCanceled: 1 }),
				makeLine(2, { requiresShipping: false }),
				makeLine(3, { qtyOrdered: 2, qtyCanceled: 2 }),
				makeLine(4, { qtyOrdered: 2, qtyShipped: 1 })
			]
		});
		expect(wholeOrderLines(order)).toEqual([
			{ lineId: 'line-1', qty: 2 },
			{ lineId: 'line-4', qty: 2 }
		]);
	});
});

describe('once', () => {
	it('loads once, and again after a failure', async () => {
		let calls = 0;
		const load = once(async () => {
			calls++;
			if (calls === 1) throw new Error('offline');
			return calls;
		});
		await expect(load()).rejects.toThrow('offline');
		expect(await load()).toBe(2);
		expect(await load()).toBe(2);
		expect(calls).toBe(2);
	});
});

describe('OrderDocuments', () => {
	it('downloads a named invoice PDF built with the settings read at that moment', async () => {
		const { documents, downloads, reads } = setup(makeSettings({ logo: PNG_LOGO }));
		const order = orderWithDocuments();
		expect(await documents.run(order, { kind: 'invoice', invoiceId: 'inv-a' }, 'download')).toBe(
			true
		);
		expect(downloads.map((d) => d.fileName)).toEqual(['invoice-INV-000123.pdf']);
		expect(reads()).toBe(1);
		const facts = await inspectPdf(downloads[0].bytes);
		expect(facts.title).toBe('Invoice INV-000123 — order #1043');
		expect(facts.images[0]).toBeGreaterThan(0); // the logo
		expect(documents.busy).toBe(false);
		expect(documents.error).toBeNull();
	});

	it.skipIf(!HAS_PDFTOTEXT)(
		'prints the company, the footer lines and the order number; a pending number says provisional',
		async () => {
			const settings = makeSettings({ companyName: 'Quai Nord SARL', footerLines: ['Merci !'] });
			const { documents, prints } = setup(settings);
			const order = orderWithDocuments();
			await documents.run(order, { kind: 'invoice', invoiceId: 'inv-b' }, 'print');
			expect(prints.map((p) => p.title)).toEqual(['Invoice (provisional)']);
			const [text] = pageTexts(prints[0].bytes);
			for (const expected of ['Quai Nord SARL', 'Merci !', '#1043', PROVISIONAL_NOTICE]) {
				expect(text).toContain(expected);
			}
		}
	);

	it.skipIf(!HAS_PDFTOTEXT)(
		"makes the whole order's packing slip before any shipment, and a shipment's own",
		async () => {
			const { documents, downloads } = setup();
			const order = { ...orderWithDocuments(), shipments: [] };
			await documents.run(order, { kind: 'packing-slip' }, 'download');
			const [whole] = pageTexts(downloads[0].bytes);
			expect(downloads[0].fileName).toBe('packing-slip-1043.pdf');
			for (const sku of ['SKU-101', 'SKU-102', 'SKU-103']) expect(whole).toContain(sku);

			const shipped = orderWithDocuments();
			await documents.run(shipped, { kind: 'packing-slip', shipmentId: 'sh-2' }, 'download');
			const [one] = pageTexts(downloads[1].bytes);
			expect(one).toContain('SKU-103');
			expect(one).not.toContain('SKU-101');
		}
	);

	it('makes the address label in the chosen size', async () => {
		const { documents, downloads } = setup();
		documents.labelSize = '4x6';
		await documents.run(
			orderWithDocuments(),
			{ kind: 'address-label', shipmentId: 'sh-1' },
			'download'
		);
		const facts = await inspectPdf(downloads[0].bytes);
		expect(facts.sizes).toEqual([[288, 432]]);
	});

	it('is busy for that document and mode only while it is made, and one at a time', async () => {
		let release: () => void = () => {};
		const gate = new Promise<void>((resolve) => (release = resolve));
		const downloads: string[] = [];
		const documents = new OrderDocuments({
			getSettings: async () => makeSettings(),
			loadAssets: async () => {
				await gate;
				return diskAssets();
			},
			loadBuilders: async () => realBuilders,
			download: (_bytes, fileName) => downloads.push(fileName),
			print: async () => 'frame'
		});
		const order = orderWithDocuments();
		const request = { kind: 'invoice', invoiceId: 'inv-a' } as const;
		const first = documents.run(order, request, 'download');
		expect(documents.isBusy(request, 'download')).toBe(true);
		expect(documents.isBusy(request, 'print')).toBe(false);
		expect(await documents.run(order, { kind: 'packing-slip' }, 'download')).toBe(false);
		release();
		expect(await first).toBe(true);
		expect(documents.busy).toBe(false);
		expect(downloads).toEqual(['invoice-INV-000123.pdf']);
	});

	it('says why when the fonts cannot be loaded, and tells when printing fell back to a tab', async () => {
		const failing = new OrderDocuments({
			getSettings: async () => makeSettings(),
			loadAssets: async () => {
				throw new Error('Could not load /fonts/DejaVuSans-LGC.ttf (HTTP 404).');
			},
			loadBuilders: async () => realBuilders,
			download: () => {},
			print: async () => 'frame'
		});
		expect(await failing.run(orderWithDocuments(), { kind: 'packing-slip' }, 'download')).toBe(
			false
		);
		expect(failing.error).toBe(
			'Packing slip could not be made: Could not load /fonts/DejaVuSans-LGC.ttf (HTTP 404).'
		);

		const tab = setup(makeSettings(), 'tab');
		expect(await tab.documents.run(orderWithDocuments(), { kind: 'packing-slip' }, 'print')).toBe(
			true
		);
		expect(tab.documents.notice).toBe('Packing slip opened in a new tab: print it from there.');

		const blocked = setup(makeSettings(), 'blocked');
		expect(
			await blocked.documents.run(orderWithDocuments(), { kind: 'packing-slip' }, 'print')
		).toBe(false);
		expect(blocked.documents.error).toMatch(/blocked the print window/);
	});
});

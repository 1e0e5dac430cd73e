// npm run bench:pdf — time to build the picking list of a 100-order batch (3 lines an order):
// the summary page(s) with SKU barcodes, then one page per order with its order and SKU barcodes.
// Baseline, in the same process and run: the same pages as plain pdf-lib text (same fonts, same
// lines of text, no barcodes, no layout layer). Goal: Dockside ≤ 2 s (median).
//
// Runs in Node 20. The builders are TypeScript with $lib imports, so they are loaded through
// Vite's own SSR module loader (no extra tool: vite is already a dev dependency; Node 20 cannot
// strip types itself). Options: --orders=N (default 100), --runs=N (default 10).
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, rgb } from 'pdf-lib';
import { createServer } from 'vite';
import { formatTable, median } from './lib/stats.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const arg = (name, fallback) => {
	const found = process.argv.find((a) => a.startsWith(`--${name}=`));
	return found ? Number(found.split('=')[1]) : fallback;
};
const ORDERS = arg('orders', 100);
const RUNS = arg('runs', 10);
const LINES_PER_ORDER = 3;
const GOAL_MS = 2000;

const NAMES = ['Ελένη Παπαδοπούλου', 'Дмитрий Иванов', 'Łukasz Żółć', 'Ann Lee', 'José Núñez'];
const PRODUCTS = ['Κούπα καφέ', 'Футболка «Док»', 'Żółta czapka', 'Canvas tote bag', 'Notebook A5'];

/** A deterministic batch: products on shelves A1…F25, each order takes 3 of them. */
function makeBatch() {
	const productCount = Math.max(LINES_PER_ORDER, Math.round(ORDERS * 1.5));
	const products = Array.from({ length: productCount }, (_, i) => ({
		sku: `SKU-${String(10_000 + i * 7)}`,
		name: `${PRODUCTS[i % PRODUCTS.length]} ${i}`,
		location: `${'ABCDEF'[i % 6]}${1 + ((i * 13) % 25)}`
	}));
	const orders = Array.from({ length: ORDERS }, (_, o) => ({
		number: String(100_000 + o),
		customerName: NAMES[o % NAMES.length],
		shippingMethod: o % 2 ? 'DHL Express' : 'UPS Standard',
		destination: o % 3 ? 'Germany' : 'Greece',
		hasGiftMessage: o % 10 === 0,
		lines: Array.from({ length: LINES_PER_ORDER }, (_, l) => ({
			...products[(o * 5 + l * 11) % productCount],
			qty: 1 + ((o + l) % 3)
		}))
	}));
	const items = new Map();
	for (const order of orders) {
		for (const line of order.lines) {
			const item = items.get(line.sku) ?? { ...line, qty: 0, orderNumbers: [] };
			item.qty += line.qty;
			item.orderNumbers.push(order.number);
			items.set(line.sku, item);
		}
	}
	return {
		warehouseName: 'Main warehouse',
		createdAt: '2026-01-06T08:00:00.000Z',
		operator: 'Bench',
		items: [...items.values()],
		orders
	};
}

/** The same text, page for page, drawn with pdf-lib alone: no barcodes, no wrapping, no tables. */
async function baselinePdf(batch, assets) {
	const pdf = await PDFDocument.create({ updateMetadata: false });
	pdf.registerFontkit(fontkit);
	// The same font options as the builder, so the comparison is of layout and barcodes only.
	const off = 'liga clig calt rlig rclt ccmp locl kern mark mkmk curs'.split(' ');
	const options = () => ({
		subset: true,
		features: Object.fromEntries(off.map((f) => [f, false]))
	});
	const font = await pdf.embedFont(assets.font, options());
	const bold = await pdf.embedFont(assets.boldFont, options());
	const black = rgb(0, 0, 0);
	let page;
	let y;
	const newPage = () => {
		page = pdf.addPage([595.28, 841.89]);
		y = 800;
	};
	const line = (text, size = 9, isBold = false) => {
		if (y < 60) newPage();
		page.drawText(text, { x: 40, y, size, font: isBold ? bold : font, color: black });
		y -= size * 1.25 + 8;
	};
	newPage();
	line('Picking list', 18, true);
	for (const item of batch.items) {
		line(
			`${item.location}  ${item.sku}  ${item.name}  ${item.qty}  ${item.orderNumbers.join(' ')}`
		);
	}
	for (const order of batch.orders) {
		newPage();
		line(`Order #${order.number}`, 16, true);
		line(order.customerName, 11);
		line(`${order.shippingMethod} · ${order.destination}`);
		for (const l of order.lines) line(`${l.location}  ${l.sku}  ${l.name}  ${l.qty}`);
	}
	return pdf.save();
}

async function time(fn) {
	const start = performance.now();
	const bytes = await fn();
	return { ms: performance.now() - start, bytes };
}

async function main() {
	const vite = await createServer({
		root,
		configFile: false,
		logLevel: 'error',
		appType: 'custom',
		resolve: { alias: { $lib: `${root}src/lib` } },
		server: { middlewareMode: true, hmr: false, ws: false },
		optimizeDeps: { noDiscovery: true, include: [] }
	});
	try {
		const { pickingListPdf } = await vite.ssrLoadModule('/src/lib/documents/picking-list.ts');
		const { DEFAULT_SETTINGS } = await vite.ssrLoadModule('/src/lib/domain/schemas.ts');
		const fonts = `${root}static/fonts/`;
		const assets = {
			font: new Uint8Array(readFileSync(`${fonts}DejaVuSans-LGC.ttf`)),
			boldFont: new Uint8Array(readFileSync(`${fonts}DejaVuSans-Bold-LGC.ttf`))
		};
		const settings = {
			...DEFAULT_SETTINGS,
			companyName: 'Dockside Bench GmbH',
			companyAddress: 'Hafenstraße 12\n20457 Hamburg',
			footerLines: ['Dockside Bench GmbH · HRB 12345']
		};
		const batch = makeBatch();

		// One warm-up of each: the first run pays for module and JIT start-up.
		await pickingListPdf(batch, assets, settings);
		await baselinePdf(batch, assets);
		const ours = [];
		const base = [];
		let oursBytes;
		let baseBytes;
		// Interleaved, so drift on a noisy machine hits both alike.
		for (let run = 0; run < RUNS; run++) {
			const a = await time(() => pickingListPdf(batch, assets, settings));
			const b = await time(() => baselinePdf(batch, assets));
			ours.push(a.ms);
			base.push(b.ms);
			oursBytes = a.bytes;
			baseBytes = b.bytes;
		}
		const ourPages = (await PDFDocument.load(oursBytes)).getPageCount();
		const basePages = (await PDFDocument.load(baseBytes)).getPageCount();
		const kb = (bytes) => `${Math.round(bytes.length / 1024)} KB`;
		const barcodes = batch.items.length + batch.orders.length * (1 + LINES_PER_ORDER);

		console.log(
			`\nbench:pdf — picking list, ${ORDERS} orders × ${LINES_PER_ORDER} lines, Node ${process.versions.node}`
		);
		console.log(
			formatTable([
				{
					name: 'build picking list PDF (ms)',
					ours,
					base,
					baseName: 'pdf-lib text only',
					sizes: `${ourPages} vs ${basePages} pages, ${kb(oursBytes)} vs ${kb(baseBytes)}`
				}
			])
		);
		const result = median(ours) <= GOAL_MS ? 'met' : 'NOT met';
		console.log(
			`${barcodes} barcodes; medians of ${RUNS} runs; ratio = ours / baseline (lower is better); goal ≤ ${GOAL_MS} ms: ${result}.`
		);
	} finally {
		await vite.close();
	}
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

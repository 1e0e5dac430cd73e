// npm run bench:list — the order list on 100,000 orders, in headless Chromium against the
// production build, each figure beside its baseline measured in the same run:
//   seeding (the demo generator + chunked writes)  vs  one plain Dexie bulkPut of the same rows
//   first page of a tab, search pages, tab counts  vs  the same reads as raw IndexedDB calls
//   the page's JS heap after seeding, and (when the orders screen exists) tab click → rows painted.
// Options: --orders=N (default 100000), --runs=N (default 20), --seed-runs=N (default 3),
// --ui-runs=N (default 12), --skip-build.
// Writes nothing to the repository: the browser profile and the server's SQLite database live
// in a temporary folder (never data/dockside.sqlite, the demo database).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import {
	buildApp,
	CHROMIUM_ARGS,
	CHROMIUM_PATH,
	startAppServer,
	stopAppServer
} from './lib/app-server.js';
import { settle } from './lib/settle.js';
import { formatTable } from './lib/stats.js';

const arg = (name, fallback) => {
	const found = process.argv.find((a) => a.startsWith(`--${name}=`));
	return found ? Number(found.split('=')[1]) : fallback;
};
const ORDERS = arg('orders', 100_000);
const READ_RUNS = arg('runs', 20);
const SEED_RUNS = arg('seed-runs', 3);
const UI_RUNS = arg('ui-runs', 12);
const SKIP_BUILD = process.argv.includes('--skip-build');

function log(message) {
	process.stderr.write(`[bench:list] ${message}\n`);
}

/** Runs in the page: waits for the store's dev handle that the app installs at start. */
async function waitForHandle(page) {
	await page.waitForFunction(() => window.__dockside !== undefined, null, { timeout: 30_000 });
}

/** The reads below are only meaningful over every seeded order: stop if any went missing. */
async function expectAllOrders(page, when) {
	const stored = await page.evaluate(() => window.__dockside.db.orders.count());
	log(`${stored} orders stored ${when}`);
	if (stored !== ORDERS) throw new Error(`${ORDERS - stored} of ${ORDERS} orders missing ${when}`);
}

async function heapUsed(cdp) {
	await cdp.send('HeapProfiler.collectGarbage');
	const { usedSize } = await cdp.send('Runtime.getHeapUsage');
	return usedSize;
}

// ---------------------------------------------------------------- in-page measurements

/** Seeds n demo orders into a fresh database; returns ms. */
function seedInPage(n) {
	return (async () => {
		const d = window.__dockside;
		await d.reset();
		const t0 = performance.now();
		await d.seedDemoData(n);
		const ms = performance.now() - t0;
		return ms;
	})();
}

/** Generates the same rows (untimed), then times one plain Dexie bulkPut per table. */
function bulkPutInPage(n) {
	return (async () => {
		const d = window.__dockside;
		let rows = await d.demoRecords(n);
		await d.reset();
		const db = d.db;
		const tables = Object.keys(rows).map((name) => db.table(name));
		const t0 = performance.now();
		await db.transaction('rw', tables, () =>
			Promise.all(Object.entries(rows).map(([name, list]) => db.table(name).bulkPut(list)))
		);
		const ms = performance.now() - t0;
		rows = null;
		return ms;
	})();
}

/**
 * One timed read pair, both inside the page: `store` through window.__dockside.queries, `raw`
 * through a plain IndexedDB connection opened once beforehand. Returns [storeMs, rawMs, sizes].
 */
function readPairInPage(spec) {
	const openRaw = () =>
		(window.__benchRaw ??= new Promise((resolve, reject) => {
			const request = indexedDB.open('dockside');
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		}));
	const done = (request) =>
		new Promise((resolve, reject) => {
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});

	/** Raw: `limit` values of an index range walked backwards, after skipping `offset`. */
	const rawPage = (db, index, range, offset, limit) =>
		new Promise((resolve, reject) => {
			const out = [];
			let skipped = offset === 0;
			const request = db
				.transaction('orders', 'readonly')
				.objectStore('orders')
				.index(index)
				.openCursor(range, 'prev');
			request.onerror = () => reject(request.error);
			request.onsuccess = () => {
				const cursor = request.result;
				if (!cursor || out.length === limit) return resolve(out);
				if (!skipped) {
					skipped = true;
					return cursor.advance(offset);
				}
				out.push(cursor.value);
				cursor.continue();
			};
		});

	/** Raw: every order with a search word starting with `prefix`, newest first, first `limit`. */
	const rawSearch = (db, prefix, limit) =>
		new Promise((resolve, reject) => {
			const found = new Map();
			const request = db
				.transaction('orders', 'readonly')
				.objectStore('orders')
				.index('searchWords')
				.openCursor(IDBKeyRange.bound(prefix, prefix + '\uffff'));
			request.onerror = () => reject(request.error);
			request.onsuccess = () => {
				const cursor = request.result;
				if (!cursor) {
					const sorted = [...found.values()].sort((a, b) =>
						a.placedAt !== b.placedAt ? (a.placedAt < b.placedAt ? 1 : -1) : a.id < b.id ? 1 : -1
					);
					return resolve(sorted.slice(0, limit));
				}
				found.set(cursor.primaryKey, cursor.value);
				cursor.continue();
			};
		});

	const rawCounts = async (db) => {
		const index = db
			.transaction('orders', 'readonly')
			.objectStore('orders')
			.index('[status+placedAt]');
		const statuses = ['pending', 'processing', 'complete', 'canceled', 'on_hold'];
		const counts = await Promise.all(
			statuses.map((s) => done(index.count(IDBKeyRange.bound([s, -Infinity], [s, [[]]]))))
		);
		return counts.reduce((a, b) => a + b, 0);
	};

	return (async () => {
		const q = window.__dockside.queries;
		const db = await openRaw();
		const runStore = async () => {
			if (spec.kind === 'counts') return (await q.countByTab({})).all;
			if (spec.kind === 'count') return q.countOrders(spec.query);
			if (spec.kind === 'keys') return (await q.listOrderKeys(spec.query)).length;
			return (await q.listOrderPage(spec.query, spec.offset ?? 0, 50)).length;
		};
		const runRaw = async () => {
			if (spec.kind === 'counts') return rawCounts(db);
			if (spec.kind === 'count') {
				const index = db
					.transaction('orders', 'readonly')
					.objectStore('orders')
					.index('[status+placedAt]');
				const status = spec.query.tab;
				return done(index.count(IDBKeyRange.bound([status, -Infinity], [status, [[]]])));
			}
			if (spec.kind === 'keys') {
				const index = db.transaction('orders', 'readonly').objectStore('orders').index('placedAt');
				return (await done(index.getAllKeys())).reverse().length;
			}
			if (spec.kind === 'search') return (await rawSearch(db, spec.rawPrefix, 50)).length;
			const status = spec.query.tab;
			const range = IDBKeyRange.bound([status, -Infinity], [status, [[]]]);
			return (await rawPage(db, '[status+placedAt]', range, spec.offset ?? 0, 50)).length;
		};
		// Alternate which goes first, so neither always reads a warm cache.
		const first = spec.run % 2 === 0;
		const timed = async (fn) => {
			const t0 = performance.now();
			const size = await fn();
			return [performance.now() - t0, size];
		};
		const a = await timed(first ? runStore : runRaw);
		const b = await timed(first ? runRaw : runStore);
		const [store, raw] = first ? [a, b] : [b, a];
		return { storeMs: store[0], rawMs: raw[0], storeSize: store[1], rawSize: raw[1] };
	})();
}

/** Clicks a tab and resolves at the animation frame after the new tab's rows replaced the old ones. */
function clickTabInPage(testid) {
	return new Promise((resolve, reject) => {
		const rows = () => [...document.querySelectorAll('[data-testid="order-row"]')];
		const signature = () =>
			rows()
				.slice(0, 20)
				.map((row) => row.textContent)
				.join('\u0000');
		const before = signature();
		const tab = document.querySelector(`[data-testid="${testid}"]`);
		if (!tab) return reject(new Error(`no ${testid}`));
		let finished = false;
		const t0 = performance.now();
		const check = () => {
			if (finished || rows().length === 0 || signature() === before) return;
			finished = true;
			observer.disconnect();
			requestAnimationFrame(() => resolve(performance.now() - t0));
		};
		const observer = new MutationObserver(check);
		observer.observe(document.body, {
			childList: true,
			subtree: true,
			characterData: true,
			attributes: true
		});
		tab.click();
		check();
		setTimeout(() => {
			if (finished) return;
			finished = true;
			observer.disconnect();
			reject(new Error(`rows did not change within 15 s after clicking ${testid}`));
		}, 15_000);
	});
}

/**
 * Scrolls the list to a fraction of its height and resolves at the animation frame after the
 * rows there are painted (no placeholder left in view).
 */
function scrollListInPage(fraction) {
	return new Promise((resolve, reject) => {
		const list = document.querySelector('[data-testid="order-list"]');
		if (!list) return reject(new Error('no order list'));
		const first = () => document.querySelector('[data-testid="order-row"]')?.dataset.orderId;
		const before = first();
		let finished = false;
		const t0 = performance.now();
		const check = () => {
			if (finished) return;
			if (document.querySelector('[data-testid="order-row-placeholder"]')) return;
			if (!first() || first() === before) return;
			finished = true;
			observer.disconnect();
			requestAnimationFrame(() => resolve(performance.now() - t0));
		};
		const observer = new MutationObserver(check);
		observer.observe(list, { childList: true, subtree: true, attributes: true });
		list.scrollTop = Math.floor((list.scrollHeight - list.clientHeight) * fraction);
		setTimeout(() => {
			if (finished) return;
			finished = true;
			observer.disconnect();
			reject(new Error(`rows did not appear within 15 s after scrolling to ${fraction}`));
		}, 15_000);
	});
}

// ---------------------------------------------------------------- main

async function main() {
	if (!SKIP_BUILD) buildApp(log);
	const temp = mkdtempSync(join(tmpdir(), 'dockside-bench-'));
	// A token the page is never given: the tablet does not sync during the benchmark, so no
	// pull and no daily retention prune (which drops closed orders older than the window, as a
	// tablet should) changes the seeded orders between the measurements.
	const server = await startAppServer(join(temp, 'server.sqlite'), {
		DOCKSIDE_TOKEN: `bench-${process.pid}-${Date.now()}`
	});
	const base = server.url;
	// A persistent profile: IndexedDB on disk, as on a tablet (a fresh context keeps it in memory).
	const profile = join(temp, 'profile');
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
		viewport: { width: 1280, height: 900 }
	});
	const rows = [];
	const notes = [];
	try {
		const page = context.pages()[0] ?? (await context.newPage());
		page.on('pageerror', (error) => log(`page error: ${error.message}`));
		page.on('console', (m) => {
			// 401: the sync the benchmark keeps out (see startAppServer above).
			if (m.type() === 'error' && !m.text().includes('401')) log(`console error: ${m.text()}`);
		});
		const cdp = await context.newCDPSession(page);
		// ?demo=0: the app must not seed its own demo data under the benchmark.
		await page.goto(`${base}/?demo=0`);
		await waitForHandle(page);

		// Seeding, interleaved with its baseline (fresh database each time).
		const seedMs = [];
		const putMs = [];
		const heapBefore = await heapUsed(cdp);
		let heapAfter = 0;
		// The two alternate which goes first, and each starts on a quiet machine: a write leaves
		// background compaction behind that would otherwise be charged to the one after it.
		const timeBulkPut = async (run) => {
			log(`seeding run ${run + 1}/${SEED_RUNS}: plain bulkPut of ${ORDERS} orders…`);
			await settle();
			putMs.push(await page.evaluate(bulkPutInPage, ORDERS));
			await heapUsed(cdp);
		};
		const timeSeeding = async (run) => {
			log(`seeding run ${run + 1}/${SEED_RUNS}: seedDemoData(${ORDERS})…`);
			await settle();
			seedMs.push(await page.evaluate(seedInPage, ORDERS));
			heapAfter = await heapUsed(cdp);
			await expectAllOrders(page, 'after seeding');
		};
		for (let run = 0; run < SEED_RUNS; run++) {
			if (run % 2 === 0) {
				await timeBulkPut(run);
				await timeSeeding(run);
			} else {
				await timeSeeding(run);
				// Leaves the same rows as the seeding (the reads below run over them).
				await timeBulkPut(run);
				await expectAllOrders(page, 'after the plain bulkPut');
			}
		}
		rows.push({
			name: `seed ${ORDERS.toLocaleString('en')} orders (ms)`,
			ours: seedMs,
			base: putMs,
			baseName: 'plain bulkPut'
		});

		// Reads on the seeded database, from a freshly loaded page.
		await page.goto(`${base}/?demo=0`);
		await waitForHandle(page);
		await expectAllOrders(page, 'on a fresh page');
		const heapLoaded = await heapUsed(cdp);
		const reads = [
			{
				name: 'first page, processing tab, newest first',
				kind: 'page',
				query: { tab: 'processing', sort: 'date_desc' }
			},
			{
				name: 'search "müll" (Müller, Muller), all tabs, newest first',
				kind: 'search',
				query: { tab: 'all', sort: 'date_desc', search: 'müll' },
				rawPrefix: 'mull'
			},
			{
				name: 'search "ångst" (Ångström), all tabs, newest first',
				kind: 'search',
				query: { tab: 'all', sort: 'date_desc', search: 'ångst' },
				rawPrefix: 'angst'
			},
			{
				name: `deep page (offset ${Math.floor(ORDERS / 2).toLocaleString('en')}), complete tab`,
				kind: 'page',
				query: { tab: 'complete', sort: 'date_desc' },
				offset: Math.floor(ORDERS / 2)
			},
			{
				name: 'all order ids, newest first (virtual list)',
				kind: 'keys',
				query: { tab: 'all', sort: 'date_desc' }
			},
			{
				name: 'countOrders, complete tab (a virtual list total without its ids)',
				kind: 'count',
				query: { tab: 'complete' }
			},
			{ name: 'countByTab, no filter (rows = orders counted)', kind: 'counts' }
		];
		for (const read of reads) {
			log(`reads: ${read.name} ×${READ_RUNS}`);
			const ours = [];
			const raw = [];
			let sizes = '';
			for (let run = 0; run < READ_RUNS; run++) {
				const r = await page.evaluate(readPairInPage, { ...read, run });
				ours.push(r.storeMs);
				raw.push(r.rawMs);
				sizes = `${r.storeSize} / ${r.rawSize}`;
			}
			rows.push({ name: `${read.name} (ms)`, ours, base: raw, baseName: 'raw IndexedDB', sizes });
		}

		notes.push(
			`JS heap: ${(heapBefore / 1e6).toFixed(1)} MB before seeding, ` +
				`${(heapAfter / 1e6).toFixed(1)} MB after seeding ${ORDERS.toLocaleString('en')} orders (GC'd), ` +
				`${(heapLoaded / 1e6).toFixed(1)} MB on a fresh page over the seeded database.`
		);

		// The orders screen: tab click → the new tab's rows painted.
		await page.goto(`${base}/orders?demo=0`);
		const missing = await page
			.waitForSelector('[data-testid="tab-processing"]', { timeout: 120_000 })
			.then(() => page.waitForSelector('[data-testid="order-row"]', { timeout: 120_000 }))
			.then(() => null)
			.catch((error) => error.message.split('\n')[0]);
		if (missing) {
			notes.push(`UI: the orders screen did not show tabs and rows (${missing}); skipped.`);
		} else {
			await page.waitForTimeout(500);
			const cycle = [
				'tab-processing',
				'tab-complete',
				'tab-pending',
				'tab-canceled',
				'tab-on_hold',
				'tab-all'
			];
			const ui = [];
			for (let run = 0; run < UI_RUNS; run++) {
				ui.push(await page.evaluate(clickTabInPage, cycle[run % cycle.length]));
				await page.waitForTimeout(100);
			}
			rows.push({ name: 'UI: tab click → new rows painted (ms)', ours: ui, base: null });

			// The "All" tab: jumps through the list, as with the scroll bar.
			if (UI_RUNS % cycle.length !== 0) await page.evaluate(clickTabInPage, 'tab-all');
			await page.waitForTimeout(300);
			const fractions = [0.5, 0.1, 0.9, 0.3, 0.7, 0.99, 0.2, 0.6, 0.4, 0.8, 0.05, 0.95];
			const jumps = [];
			for (let run = 0; run < UI_RUNS; run++) {
				jumps.push(await page.evaluate(scrollListInPage, fractions[run % fractions.length]));
				await page.waitForTimeout(100);
			}
			rows.push({ name: 'UI: scroll jump in "All" → rows painted (ms)', ours: jumps, base: null });
		}
	} finally {
		await context.close();
		await stopAppServer(server);
		rmSync(temp, { recursive: true, force: true });
	}

	console.log(
		`\nbench:list — ${ORDERS.toLocaleString('en')} orders, Chromium headless, production build`
	);
	console.log(formatTable(rows));
	for (const note of notes) console.log(note);
	console.log(
		`medians; ratio = ours / baseline (lower is better); seeding ${SEED_RUNS} runs, reads ${READ_RUNS} runs.`
	);
}

main().catch((error) => {
	console.error(error);
	process.exit(1);
});

// Dockside as an installable app: Chromium finds the manifest and the service worker good enough
// to install, the worker precaches what the app needs offline, a new build shows "Update
// available — reload" and reloads only when nothing is interrupted, with the outbox intact, and
// server.js serves HTTPS with a certificate from a local certificate authority.
import { spawn } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { chromium, expect, test, type Page } from '@playwright/test';
import Database from 'better-sqlite3';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../playwright.config';
import { AppServer, getText, ROOT } from './support/app-server';
import { makeLocalCa } from './support/local-ca';
import { waitForServiceWorker } from './support/service-worker';

declare global {
	interface Window {
		/** Set by a test; a reload clears it. */
		__beforeUpdate?: boolean;
	}
}

/** Width and height from a PNG's IHDR chunk. */
function pngSize(bytes: Buffer): { width: number; height: number } {
	expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
	return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

function filesUnder(dir: string): string[] {
	return readdirSync(dir, { withFileTypes: true, recursive: true })
		.filter((entry) => entry.isFile())
		.map((entry) => join(entry.parentPath, entry.name));
}

/** Every URL path in the page's caches (Workbox keys carry a __WB_REVISION__ parameter). */
async function cachedPaths(page: Page): Promise<string[]> {
	return page.evaluate(async () => {
		const paths: string[] = [];
		for (const name of await caches.keys()) {
			for (const request of await (await caches.open(name)).keys()) {
				paths.push(new URL(request.url).pathname);
			}
		}
		return paths;
	});
}

/** The revision the built worker precaches the app shell ("/") under. */
function shellRevision(root: string): string {
	const sw = readFileSync(join(root, 'build/client/sw.js'), 'utf8');
	const match = sw.match(/\{url:"\/",revision:"([0-9a-f]+)"\}/);
	expect(match, 'the app shell "/" is in the precache manifest').not.toBeNull();
	return match![1];
}

/**
 * A second production build of the same sources, in a copy of the project: SvelteKit stamps
 * every build with its own version, so the worker script and its precache manifest change,
 * exactly as when a new release is deployed. The shared build/ stays untouched.
 */
async function buildSecondVersion(): Promise<string> {
	const dir = mkdtempSync(join(tmpdir(), 'dockside-v2-'));
	for (const entry of [
		'src',
		'static',
		'package.json',
		'svelte.config.js',
		'vite.config.ts',
		'tsconfig.json',
		'server.js'
	]) {
		cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
	}
	symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
	const child = spawn(process.execPath, [join(ROOT, 'node_modules/vite/bin/vite.js'), 'build'], {
		cwd: dir,
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
	if (code !== 0) throw new Error(`second build failed (${code}):\n${output}`);
	return dir;
}

test('Chromium reports the app installable: valid manifest, icons, an active worker in control', async ({
	baseURL
}) => {
	// A profile of its own: Playwright's usual contexts are incognito, where nothing installs.
	const profile = mkdtempSync(join(tmpdir(), 'dockside-profile-'));
	const context = await chromium.launchPersistentContext(profile, {
		executablePath: CHROMIUM_PATH,
		args: CHROMIUM_ARGS,
		baseURL
	});
	try {
		await checkInstallable(await context.newPage());
	} finally {
		await context.close();
		rmSync(profile, { recursive: true, force: true });
	}
});

async function checkInstallable(page: Page): Promise<void> {
	await page.goto('/');
	await expect(page).toHaveURL(/\/orders$/);
	await waitForServiceWorker(page);
	await expect(page.locator('link[rel="manifest"]')).toHaveAttribute(
		'href',
		'/manifest.webmanifest'
	);

	const cdp = await page.context().newCDPSession(page);
	const manifest = await cdp.send('Page.getAppManifest');
	expect(manifest.url).toMatch(/\/manifest\.webmanifest$/);
	expect(manifest.errors).toEqual([]);
	expect(manifest.data).toBeTruthy();
	const data = JSON.parse(manifest.data ?? '') as {
		icons: { src: string; sizes: string; type: string; purpose: string }[];
	};
	expect(data).toMatchObject({
		name: 'Dockside',
		short_name: 'Dockside',
		start_url: '/orders',
		scope: '/',
		display: 'standalone',
		theme_color: '#1f3a5f',
		background_color: '#f4f6f9'
	});
	const icons = data.icons.map(({ sizes, purpose, type }) => `${sizes} ${purpose} ${type}`);
	expect(icons.sort()).toEqual([
		'192x192 any image/png',
		'512x512 any image/png',
		'512x512 maskable image/png'
	]);
	for (const icon of data.icons) {
		const response = await page.request.get(icon.src);
		expect(response.status()).toBe(200);
		expect(response.headers()['content-type']).toBe('image/png');
		const side = Number(icon.sizes.split('x')[0]);
		expect(pngSize(await response.body())).toEqual({ width: side, height: side });
	}

	const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
	expect(installabilityErrors).toEqual([]);
}

test('the worker precaches the app shell, every route’s code, the styles, fonts and icons', async ({
	page
}) => {
	await page.goto('/orders');
	await waitForServiceWorker(page);
	const cached = new Set(await cachedPaths(page));

	const client = join(ROOT, 'build/client');
	const needed = filesUnder(client)
		.filter((file) => /\.(js|css|ttf|woff2|wasm|png|webmanifest)$/.test(file))
		.map((file) => `/${relative(client, file)}`);
	const code = needed.filter((path) => path.startsWith('/_app/immutable/'));
	expect(code.filter((path) => path.includes('/nodes/')).length).toBeGreaterThan(3);
	expect(needed).toContain('/fonts/DejaVuSans-LGC.ttf');
	expect(needed).toContain('/fonts/DejaVuSans-Bold-LGC.ttf');
	expect(needed).toContain('/icons/icon-512.png');
	// The worker's own scripts are kept by the browser with the registration, not in a cache.
	const workerScripts = /^\/(sw|workbox-[0-9a-f]+)\.js$/;
	const missing = needed.filter((path) => !cached.has(path) && !workerScripts.test(path));
	expect(missing).toEqual([]);
	// The shell that answers every navigation.
	expect(cached).toContain('/');
});

test('warns when the local data passes 80 % of the storage quota', async ({ page }) => {
	await page.goto('/orders');
	await expect(page.getByTestId('order-row').first()).toBeVisible({ timeout: 30_000 });
	const real = await page.evaluate(async () => navigator.storage.estimate());
	expect(real.usage).toBeGreaterThan(0);
	expect(real.usage! / real.quota!).toBeLessThan(0.8);
	await expect(page.getByTestId('storage-warning')).toHaveCount(0);

	// A nearly full device. Chromium's quota override (CDP Storage.overrideQuotaForOrigin) does
	// not change what estimate() reports here, so the browser's answer is replaced instead.
	await page.addInitScript(() => {
		navigator.storage.estimate = async () => ({ usage: 900e6, quota: 1e9 });
	});
	await page.reload();
	const warning = page.getByTestId('storage-warning');
	await expect(warning).toContainText(
		'Storage almost full: Dockside uses 90 % of the space this browser allows (900 MB of 1.0 GB). Free space on this device, or new orders and actions may not be saved.'
	);
	await expect(page.getByTestId('order-row').first()).toBeVisible();
	// The person can put it away; it is not in the way of the list for good.
	await warning.getByTestId('storage-warning-hide').click();
	await expect(warning).toHaveCount(0);
});

test('a new build shows the update prompt, waits for the open dialog, reloads into it with the outbox intact', async ({
	page
}) => {
	test.setTimeout(240_000);
	const server = await AppServer.create({ demoOrders: 20 });
	let secondBuild: string | null = null;
	try {
		await server.start();
		const building = buildSecondVersion();
		building.catch(() => undefined); // awaited below

		await page.goto(`${server.url}/`);
		await expect(page.getByTestId('order-row').first()).toBeVisible({ timeout: 30_000 });
		await waitForServiceWorker(page);
		await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0');
		const orderId = await page
			.locator('[data-testid="order-row"][data-status="pending"]')
			.first()
			.getAttribute('data-order-id');
		expect(orderId).toBeTruthy();
		// No prompt while the running version is the newest.
		await expect(page.getByTestId('update-prompt')).toHaveCount(0);

		// The new release replaces the server. Its token differs from the one this tablet holds,
		// so what the tablet does next stays in its outbox through the update (401, kept).
		secondBuild = await building;
		const oldShell = shellRevision(ROOT);
		const newShell = shellRevision(secondBuild);
		expect(newShell).not.toBe(oldShell);
		await server.stop();
		await server.start({ root: secondBuild, env: { DOCKSIDE_TOKEN: 'a-token-this-tablet-lacks' } });

		// Open the order (a dialog) and act in it.
		await page.goto(`${server.url}/orders/${orderId}`);
		const header = page.getByTestId('order-header');
		await expect(header).toBeVisible();
		await page.getByTestId('action-hold').click();
		await page.getByTestId('dialog-hold').getByTestId('submit').click();
		await expect(page.getByTestId('dialog-hold')).toBeHidden();
		await expect(header.getByTestId('hold-reason')).toBeVisible();
		await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '1');
		await expect(page.getByTestId('sync-status')).toHaveAttribute('data-phase', 'signed_out');

		// The tablet looks for a new version (hourly, or when the server asks for one).
		await page.evaluate(() => (window.__beforeUpdate = true));
		await page.evaluate(async () => {
			await (await navigator.serviceWorker.getRegistration())!.update();
		});
		const prompt = page.getByTestId('update-prompt');
		await expect(prompt).toHaveAttribute('data-stage', 'available', { timeout: 30_000 });
		await expect(prompt).toContainText('Update available');

		// "Reload" while the order view is open: nothing reloads until it is closed.
		await prompt.getByTestId('update-reload').click();
		await expect(prompt).toHaveAttribute('data-stage', 'waiting');
		await expect(prompt).toContainText('reloads when you close the dialog');
		await page.waitForTimeout(1500);
		expect(await page.evaluate(() => window.__beforeUpdate)).toBe(true);
		await expect(header).toBeVisible();

		await page.keyboard.press('Escape');
		await expect
			.poll(() => page.evaluate(() => window.__beforeUpdate ?? false).catch(() => true), {
				timeout: 20_000
			})
			.toBe(false);

		// Reloaded into the new version: its worker controls the page, the old precache is gone.
		await waitForServiceWorker(page);
		await expect(page.getByTestId('update-prompt')).toHaveCount(0);
		const keys = await page.evaluate(async () => {
			const found: string[] = [];
			for (const name of await caches.keys()) {
				for (const request of await (await caches.open(name)).keys()) found.push(request.url);
			}
			return found;
		});
		const shellKeys = keys.filter((url) => new URL(url).pathname === '/');
		expect(shellKeys).toEqual([expect.stringContaining(`__WB_REVISION__=${newShell}`)]);

		// The outbox and the local effect of the action survived the update.
		await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '1');
		await expect(page.getByTestId('pending-count')).toHaveText('1 action waiting to sync');
		await page.goto(`${server.url}/orders/${orderId}`);
		await expect(header.getByTestId('hold-reason')).toBeVisible();

		// With the right credentials back, the action reaches the server once.
		await server.stop();
		await server.start({ root: secondBuild });
		await page.reload();
		await expect(page.getByTestId('pending-count')).toHaveAttribute('data-count', '0', {
			timeout: 45_000
		});
		const clientId = await page.evaluate(
			async () => (await (window as unknown as DevWindow).__dockside.db.meta.get('clientId'))?.value
		);
		const db = new Database(server.dbFile, { readonly: true });
		const rows = db
			.prepare('SELECT name, status FROM mutations WHERE client_id = ?')
			.all(clientId as string);
		db.close();
		expect(rows).toEqual([{ name: 'order.hold', status: 'applied' }]);
	} finally {
		await server.cleanup();
		if (secondBuild) rmSync(secondBuild, { recursive: true, force: true });
	}
});

interface DevWindow {
	__dockside: { db: { meta: { get(key: string): Promise<{ value: unknown } | undefined> } } };
}

test('server.js serves HTTPS with a certificate from a local certificate authority', async () => {
	test.setTimeout(90_000);
	const tls = makeLocalCa();
	const server = await AppServer.create({ demoOrders: 5, tls: tls });
	const browser = await chromium.launch({
		executablePath: CHROMIUM_PATH,
		// As a tablet that trusts the local CA: this one certificate is accepted.
		args: [...CHROMIUM_ARGS, `--ignore-certificate-errors-spki-list=${tls.spki}`]
	});
	try {
		await server.start();
		const ca = readFileSync(tls.ca, 'utf8');

		// Node verifies the chain up to the CA and the name "localhost".
		const manifest = await getText(`${server.url}/manifest.webmanifest`, ca);
		expect(manifest.status).toBe(200);
		expect(JSON.parse(manifest.body).name).toBe('Dockside');
		// Without the CA the certificate is refused: it is the CA that makes it trusted.
		await expect(getText(`${server.url}/manifest.webmanifest`)).rejects.toThrow(
			/self[- ]signed|unable to (get|verify)/i
		);
		// Only TLS on that port.
		await expect(getText(`http://127.0.0.1:${server.port}/api/session`)).rejects.toThrow();

		// In the browser: a secure context, so the service worker runs.
		const page = await browser.newPage();
		await page.goto(`${server.url}/`);
		await expect(page).toHaveURL(/\/orders$/);
		expect(await page.evaluate(() => window.isSecureContext && location.protocol)).toBe('https:');
		await waitForServiceWorker(page);
		await expect(page.getByTestId('order-row').first()).toBeVisible({ timeout: 30_000 });
	} finally {
		await browser.close();
		await server.cleanup();
		rmSync(tls.dir, { recursive: true, force: true });
	}
});

test('server.js takes a sync push up to the protocol’s 1 MiB (adapter-node alone stops at 512 KB)', async () => {
	const server = await AppServer.create({ demoOrders: 0 });
	try {
		await server.start();
		const { devToken } = (await (await fetch(`${server.url}/api/session`)).json()) as {
			devToken: string;
		};
		const push = (bytes: number) =>
			fetch(`${server.url}/api/sync/push`, {
				method: 'POST',
				headers: { 'content-type': 'application/json', authorization: `Bearer ${devToken}` },
				body: JSON.stringify({
					protocol: 1,
					schemaVersion: '1',
					clientId: 'e2e-big-push',
					mutations: [
						{
							id: 1,
							name: 'order.hold',
							args: { orderId: 'no-such-order', reason: 'other', note: 'x'.repeat(bytes) },
							actor: 'user-1',
							clientTime: '2026-11-26T10:00:00.000Z'
						}
					]
				})
			});
		// 900 KB: answered by the protocol (the mutation itself is refused: its note is too long).
		const big = await push(900_000);
		expect(big.status).toBe(200);
		expect(((await big.json()) as { results: { status: string }[] }).results[0].status).toBe(
			'rejected'
		);
		// Past 1 MiB: the protocol's own refusal, not the web server's 413.
		const tooBig = await push(1_100_000);
		expect(tooBig.status).toBe(400);
		expect(await tooBig.json()).toMatchObject({ error: 'bad_request' });
	} finally {
		await server.cleanup();
	}
});

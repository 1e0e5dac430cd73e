// Settings in a real browser: changes are saved locally, survive a reload and reach the server
// (read back by pulling from it as a new tablet would); invalid input is refused at its field
// and changes nothing. Its own server: the settings it changes (partial packing, carrier
// templates) would change what the other specs' screens do.
import { test as base, expect, type Page } from '@playwright/test';
import type {} from '../../src/lib/local/dev-handle';
import { expectSynced, openApp, pendingCount, reloadApp } from './support/app';
import { AppServer } from './support/app-server';
import { pullEverything } from './support/server-pull';

/** The tests' own server, started once for the file's worker; baseURL points at it. */
const test = base.extend<object, { appServer: AppServer }>({
	appServer: [
		// Playwright reads the fixtures a function needs from its first parameter: it must be `{}`.
		// eslint-disable-next-line no-empty-pattern
		async ({}, use) => {
			const server = await AppServer.create({ demoOrders: 40 });
			await server.start();
			await use(server);
			await server.cleanup();
		},
		{ scope: 'worker' }
	],
	baseURL: async ({ appServer }, use) => use(appServer.url)
});

// A 2×2 red PNG.
const PNG_BASE64 =
	'iVBORw0KGgoAAAANSUhEUgAAAAIAAAACCAIAAAD91JpzAAAAEElEQVR4nGP4z8AARAwQCgAf7gP9i18U1AAAAABJRU5ErkJggg==';
const PNG_DATA_URL = `data:image/png;base64,${PNG_BASE64}`;

async function openSettings(page: Page): Promise<void> {
	await openApp(page, '/settings', page.getByTestId('setting-companyName'));
}

function fieldError(page: Page, field: string) {
	return page.locator(`[data-testid="field-error"][data-field="${field}"]`);
}

/** The settings record as the server holds it: what a tablet pulling from scratch receives. */
async function serverSettings(baseURL: string): Promise<Record<string, unknown>> {
	const settings = (await pullEverything(baseURL, 'e2e-settings-observer'))
		.get('settings')
		?.get('settings');
	if (!settings) throw new Error('The server sent no settings record.');
	return settings;
}

test('company name, footer lines, a logo and partial packing are saved, kept across a reload and on the server', async ({
	page,
	baseURL
}) => {
	await openSettings(page);
	const before = await serverSettings(baseURL!);
	const partial = page.getByTestId('setting-allowPartialPacking');
	const wasPartial = await partial.isChecked();
	expect(wasPartial).toBe(before.allowPartialPacking);

	await page.getByTestId('setting-companyName').fill('Quai Nord Logistique');
	await page.getByTestId('setting-footer-0').fill('Quai Nord Logistique · RCS Lyon 123 456 789');
	await page.getByTestId('setting-footer-1').fill('');
	await page.getByTestId('setting-footer-2').fill('Merci pour votre commande !');
	await page.getByTestId('logo-input').setInputFiles({
		name: 'logo.png',
		mimeType: 'image/png',
		buffer: Buffer.from(PNG_BASE64, 'base64')
	});
	await expect(page.getByTestId('logo-preview')).toHaveAttribute('data-has-logo', 'true');
	await expect(page.getByTestId('logo-preview').locator('img')).toHaveAttribute(
		'src',
		PNG_DATA_URL
	);
	await partial.setChecked(!wasPartial);
	await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'unsaved');

	await page.getByTestId('save').click();
	// Saved on this tablet first; the state follows the mutation until the server has it.
	await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', /pending|synced/);
	await expectSynced(page);
	await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'synced');
	await expect(page.getByTestId('save-state')).toHaveText('Saved and synced');

	const check = async () => {
		await expect(page.getByTestId('setting-companyName')).toHaveValue('Quai Nord Logistique');
		await expect(page.getByTestId('setting-footer-0')).toHaveValue(
			'Quai Nord Logistique · RCS Lyon 123 456 789'
		);
		// The blank middle line is dropped: the third moves up.
		await expect(page.getByTestId('setting-footer-1')).toHaveValue('Merci pour votre commande !');
		await expect(page.getByTestId('setting-footer-2')).toHaveValue('');
		await expect(page.getByTestId('logo-preview').locator('img')).toHaveAttribute(
			'src',
			PNG_DATA_URL
		);
		await expect(partial).toBeChecked({ checked: !wasPartial });
	};
	await check();
	await reloadApp(page, page.getByTestId('setting-companyName'));
	await check();
	// The change heads the history, in the rule's words.
	const latest = page.getByTestId('settings-change').first();
	for (const label of ['company name', 'document footer', 'logo', 'partial packing']) {
		await expect(latest).toContainText(label);
	}

	const server = await serverSettings(baseURL!);
	expect(server).toEqual({
		...before,
		companyName: 'Quai Nord Logistique',
		footerLines: ['Quai Nord Logistique · RCS Lyon 123 456 789', 'Merci pour votre commande !'],
		logo: PNG_DATA_URL,
		allowPartialPacking: !wasPartial
	});

	// Removing the logo reaches the server too.
	await page.getByTestId('logo-remove').click();
	await expect(page.getByTestId('logo-preview')).toHaveAttribute('data-has-logo', 'false');
	await page.getByTestId('save').click();
	await expectSynced(page);
	expect((await serverSettings(baseURL!)).logo).toBeUndefined();
});

test('invalid input shows the field errors and changes nothing', async ({ page, baseURL }) => {
	await openSettings(page);
	const before = await serverSettings(baseURL!);
	const name = page.getByTestId('setting-companyName');
	const original = await name.inputValue();
	expect(original).toBe(before.companyName);

	// A GIF is refused at once; the logo stays as it was.
	const hadLogo = await page.getByTestId('logo-preview').getAttribute('data-has-logo');
	await page.getByTestId('logo-input').setInputFiles({
		name: 'logo.gif',
		mimeType: 'image/gif',
		buffer: Buffer.from('GIF89a\x01\x00\x01\x00\x00\x00\x00;', 'binary')
	});
	await expect(fieldError(page, 'logo')).toHaveText('The logo must be a PNG or JPEG image.');
	await expect(page.getByTestId('logo-preview')).toHaveAttribute('data-has-logo', hadLogo ?? '');

	await name.fill('x'.repeat(201));
	await page.getByTestId('setting-retentionDays').fill('0');
	await page.getByTestId('setting-returnWindowDays').fill('two weeks');
	await page.getByTestId('setting-footer-1').fill('y'.repeat(201));
	await page.getByTestId('save').click();

	await expect(fieldError(page, 'companyName')).toHaveText('At most 200 characters.');
	await expect(fieldError(page, 'retentionDays')).toHaveText('At least 1.');
	await expect(fieldError(page, 'returnWindowDays')).toHaveText('Enter a whole number of days.');
	await expect(fieldError(page, 'footerLines.1')).toHaveText('At most 200 characters.');
	await expect(name).toHaveAttribute('aria-invalid', 'true');
	await expect(page.getByTestId('save-state')).toHaveAttribute('data-state', 'unsaved');

	// Nothing was queued: the outbox is empty and the stored settings are as before.
	expect(await page.evaluate(async () => window.__dockside?.db.outbox.count())).toBe(0);
	await expect(pendingCount(page)).toHaveAttribute('data-count', '0');
	const stored = await page.evaluate(async () => window.__dockside?.queries.getSettings());
	expect(stored?.companyName).toBe(original);
	expect(stored?.retentionDays).toBe(before.retentionDays);

	// Discard puts every field back.
	await page.getByTestId('discard').click();
	await expect(name).toHaveValue(original);
	await expect(fieldError(page, 'companyName')).toHaveCount(0);
	await reloadApp(page, name);
	await expect(name).toHaveValue(original);
	expect(await serverSettings(baseURL!)).toEqual(before);
});

test('a carrier export template is edited: an unknown field is refused at its column, then the list is saved', async ({
	page,
	baseURL
}) => {
	await openSettings(page);
	const templates = page.getByTestId('carrier-template');
	const count = await templates.count();
	expect(count).toBeGreaterThan(0);
	const first = templates.first();
	const id = await first.getAttribute('data-template-id');
	await first.getByTestId('template-toggle').click();
	await first.getByTestId('template-pattern').fill('colissimo*, laposte_*');
	await first.getByTestId('column-add').click();
	const added = first.getByTestId('template-column').last();
	await added.getByRole('textbox', { name: /name$/ }).fill('Note');
	await added.getByTestId('column-value').fill('{order.nmber}');
	await page.getByTestId('save').click();
	await expect(first.getByTestId('field-error').last()).toHaveText('Unknown field {order.nmber}.');
	expect(await page.evaluate(async () => window.__dockside?.db.outbox.count())).toBe(0);

	await added.getByTestId('column-value').fill('{order.number}');
	await page.getByTestId('save').click();
	await expectSynced(page);
	const server = (await serverSettings(baseURL!)).carrierTemplates as {
		id: string;
		pattern: string;
		columns: { header: string; value: string }[];
	}[];
	expect(server).toHaveLength(count);
	expect(server[0]).toMatchObject({ id, pattern: 'colissimo*, laposte_*' });
	expect(server[0].columns.at(-1)).toEqual({ header: 'Note', value: '{order.number}' });
});

test('the settings fit a 768 px tablet without sideways scrolling, a template open', async ({
	page
}) => {
	await page.setViewportSize({ width: 768, height: 1024 });
	await openSettings(page);
	await page.getByTestId('template-toggle').first().click();
	await expect(page.getByTestId('template-name')).toBeVisible();
	// Nothing of the screen reaches past the right edge (the screen scrolls inside the layout,
	// so the document's own scroll width would not tell).
	const rightmost = await page
		.getByTestId('settings-screen')
		.evaluate((screen) =>
			Math.max(...[...screen.querySelectorAll('*')].map((el) => el.getBoundingClientRect().right))
		);
	expect(rightmost).toBeLessThanOrEqual(768);
	// Every button keeps a 44 px touch target.
	const heights = await page
		.getByTestId('settings-screen')
		.locator('button:visible')
		.evaluateAll((buttons) => buttons.map((b) => b.getBoundingClientRect().height));
	expect(Math.min(...heights)).toBeGreaterThanOrEqual(44);
});

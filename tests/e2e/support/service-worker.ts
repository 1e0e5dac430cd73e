import { expect, type Page } from '@playwright/test';

/** The service worker has precached everything (it activates only then) and controls the page. */
export async function waitForServiceWorker(page: Page): Promise<void> {
	await expect
		.poll(
			() =>
				page.evaluate(async () => {
					const registration = await navigator.serviceWorker.getRegistration();
					return (
						registration?.active?.state === 'activated' &&
						navigator.serviceWorker.controller !== null
					);
				}),
			{ timeout: 30_000 }
		)
		.toBe(true);
}

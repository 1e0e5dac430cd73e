import { defineConfig } from '@playwright/test';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.js';

export { CHROMIUM_ARGS, CHROMIUM_PATH };

const port = Number(process.env.E2E_PORT ?? 4300);

export default defineConfig({
	testDir: 'tests/e2e',
	timeout: 60_000,
	expect: { timeout: 10_000 },
	fullyParallel: false,
	workers: 1,
	retries: 0,
	reporter: process.env.PLAYWRIGHT_JSON
		? [['list'], ['json', { outputFile: process.env.PLAYWRIGHT_JSON }]]
		: [['list']],
	use: {
		baseURL: `http://localhost:${port}`,
		launchOptions: {
			executablePath: CHROMIUM_PATH,
			args: CHROMIUM_ARGS
		},
		viewport: { width: 1280, height: 800 },
		trace: 'retain-on-failure'
	},
	// A production build served by the node adapter, as users get it.
	// A fresh SQLite file per run, seeded with a small deterministic demo.
	webServer: {
		// server.js: the same server `npm start` runs (HTTPS when TLS_CERT and TLS_KEY are set).
		command: `node server.js`,
		env: {
			PORT: String(port),
			DOCKSIDE_DB:
				process.env.E2E_DB ?? join(tmpdir(), `dockside-e2e-${process.pid}-${Date.now()}.sqlite`),
			DOCKSIDE_DEMO_ORDERS: '300'
		},
		url: `http://localhost:${port}`,
		reuseExistingServer: false,
		timeout: 60_000
	}
});

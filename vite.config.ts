import { sveltekit } from '@sveltejs/kit/vite';
import { SvelteKitPWA } from '@vite-pwa/sveltekit';
import { defineConfig } from 'vitest/config';

const THEME = '#1f3a5f';

export default defineConfig({
	plugins: [
		sveltekit(),
		// The service worker (Workbox, generated at build): precaches the app shell, every
		// route's code, the icons, the document fonts and any .wasm, and answers every
		// navigation with the shell, so any screen opened by its URL works offline
		// (ARCHITECTURE.md). A new version waits for the person's "reload" (registerType
		// 'prompt'; src/lib/pwa/update-prompt.svelte.ts decides when reloading is safe).
		SvelteKitPWA({
			registerType: 'prompt',
			// Registered from src/lib/pwa/register.ts, which owns the prompt.
			injectRegister: false,
			strategies: 'generateSW',
			manifest: {
				id: '/',
				name: 'Dockside',
				short_name: 'Dockside',
				description: 'Warehouse orders, stock and shipping that keep working offline.',
				lang: 'en',
				start_url: '/orders',
				scope: '/',
				display: 'standalone',
				orientation: 'any',
				theme_color: THEME,
				background_color: '#f4f6f9',
				icons: [
					{ src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
					{ src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
					{
						src: '/icons/icon-maskable-512.png',
						sizes: '512x512',
						type: 'image/png',
						purpose: 'maskable'
					}
				]
			},
			workbox: {
				// client/ is what the browser loads (static/ is copied there); prerendered/ holds the
				// shell ('/', src/routes/+page.ts).
				globPatterns: [
					'client/**/*.{js,css,html,ico,png,svg,webmanifest,woff2,wasm,ttf}',
					'prerendered/**/*.html'
				],
				// The document fonts and a barcode .wasm are larger than Workbox's 2 MiB default.
				maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
				navigateFallback: '/',
				// Only the API needs the server; every screen renders from IndexedDB. A page that must
				// come from the server (a server-rendered sign-in, say) is added here.
				navigateFallbackDenylist: [/^\/api\//],
				cleanupOutdatedCaches: true,
				// 'prompt': a new version waits until the app says the person agreed.
				skipWaiting: false,
				// The very first worker takes the open page at once, so route code not yet loaded
				// comes from the precache if the network drops before the first reload.
				clientsClaim: true
			},
			devOptions: { enabled: false }
		})
	],
	server: { port: 5173 },
	test: {
		include: ['src/**/*.spec.ts'],
		environment: 'node',
		// Property tests run hundreds of cases; a busy CI runner needs more than 5 s for some.
		testTimeout: 30_000,
		expect: { requireAssertions: true }
	}
});

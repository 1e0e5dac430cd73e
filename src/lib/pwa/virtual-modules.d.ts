// Types of the modules @vite-pwa/sveltekit generates at build time.
/// <reference types="vite-plugin-pwa/vanillajs" />
/// <reference types="vite-plugin-pwa/info" />

// The landing page doubles as the app shell: prerendered (an empty page, ssr is off), it is the
// one HTML file the service worker precaches and answers every navigation with, so any screen
// opened by its URL starts offline (ARCHITECTURE.md; vite.config.ts navigateFallback '/').
export const prerender = true;

// Every screen renders in the browser from IndexedDB, so a page opened by its URL works
// offline (ARCHITECTURE.md): no server-side rendering.
export const ssr = false;

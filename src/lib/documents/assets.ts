// The bytes a document builder needs besides its data. The builders are pure functions of
// (data, assets), so the same code runs in the browser (assets fetched from /fonts, precached by
// the service worker so documents print offline) and in Node (tests read the files from disk).

export interface DocumentAssets {
	/** A TrueType font covering Latin, Greek and Cyrillic (DejaVu Sans, subset; see README). */
	font: Uint8Array;
	/** Its bold face; the regular face stands in when absent. */
	boldFont?: Uint8Array;
}

/** Served from static/fonts; add `ttf` to the service worker's precache patterns. */
export const FONT_URLS = {
	regular: '/fonts/DejaVuSans-LGC.ttf',
	bold: '/fonts/DejaVuSans-Bold-LGC.ttf'
} as const;

/**
 * Fetches the fonts. Callers keep the result (one load per session is enough); `fetcher` is
 * SvelteKit's `fetch` in a load function, or a fake in tests.
 */
export async function loadDocumentAssets(
	fetcher: typeof fetch = fetch,
	base = ''
): Promise<DocumentAssets> {
	const get = async (url: string) => {
		const response = await fetcher(base + url);
		if (!response.ok) throw new Error(`Could not load ${url} (HTTP ${response.status}).`);
		return new Uint8Array(await response.arrayBuffer());
	};
	const [font, boldFont] = await Promise.all([get(FONT_URLS.regular), get(FONT_URLS.bold)]);
	return { font, boldFont };
}

import { describe, expect, it } from 'vitest';
import { FONT_URLS, loadDocumentAssets } from './assets';

describe('loadDocumentAssets', () => {
	it('fetches the regular and bold fonts from /fonts', async () => {
		const asked: string[] = [];
		const fetcher = (async (url: string) => {
			asked.push(url);
			return new Response(new Uint8Array(url.includes('Bold') ? [2, 2] : [1]));
		}) as typeof fetch;
		const assets = await loadDocumentAssets(fetcher, 'https://dockside.test');
		expect(asked.sort()).toEqual(
			[FONT_URLS.bold, FONT_URLS.regular].map((url) => `https://dockside.test${url}`).sort()
		);
		expect(assets).toEqual({ font: new Uint8Array([1]), boldFont: new Uint8Array([2, 2]) });
	});

	it('fails with the URL when a font is missing, rather than print blank text', async () => {
		const fetcher = (async () => new Response('', { status: 404 })) as typeof fetch;
		await expect(loadDocumentAssets(fetcher)).rejects.toThrow(
			'Could not load /fonts/DejaVuSans-LGC.ttf (HTTP 404).'
		);
	});
});

// Node-only: the fonts the browser fetches from /fonts, read from static/fonts.
import { readFileSync } from 'node:fs';
import type { DocumentAssets } from '../assets';

const fontsDir = new URL('../../../../static/fonts/', import.meta.url);

let cached: DocumentAssets | undefined;

export function diskAssets(): DocumentAssets {
	cached ??= {
		font: new Uint8Array(readFileSync(new URL('DejaVuSans-LGC.ttf', fontsDir))),
		boldFont: new Uint8Array(readFileSync(new URL('DejaVuSans-Bold-LGC.ttf', fontsDir)))
	};
	return cached;
}

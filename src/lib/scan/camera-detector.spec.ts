import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { ZXING_WASM_SHA256, ZXING_WASM_VERSION } from 'barcode-detector/ponyfill';
import { describe, expect, it } from 'vitest';

const require = createRequire(import.meta.url);

describe('the camera detector’s WebAssembly', () => {
	it('is the exact build the ponyfill expects (so serving our own copy is safe)', () => {
		const path = require.resolve('zxing-wasm/reader/zxing_reader.wasm');
		const pkg = JSON.parse(readFileSync(join(dirname(path), '../../package.json'), 'utf8')) as {
			version: string;
		};
		const sha = createHash('sha256').update(readFileSync(path)).digest('hex');
		expect(pkg.version).toBe(ZXING_WASM_VERSION);
		expect(sha).toBe(ZXING_WASM_SHA256);
	});
});

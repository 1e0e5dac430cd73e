import { describe, expect, it } from 'vitest';
import { decodeLogo } from './logo';
import { PNG_LOGO } from './testing/fixtures';

const base64 = (bytes: number[]) => btoa(String.fromCharCode(...bytes));

describe('decodeLogo', () => {
	it('reads PNG and JPEG from their bytes, whatever the declared type', () => {
		expect(decodeLogo(PNG_LOGO)?.format).toBe('png');
		const jpeg = `data:image/png;base64,${base64([0xff, 0xd8, 0xff, 0xe0, 0, 16])}`;
		expect(decodeLogo(jpeg)).toEqual({
			format: 'jpg',
			bytes: new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 0, 16])
		});
	});

	it('gives null for what pdf-lib cannot embed', () => {
		expect(decodeLogo(undefined)).toBeNull();
		expect(decodeLogo('')).toBeNull();
		expect(decodeLogo('data:image/svg+xml;base64,' + btoa('<svg/>'))).toBeNull();
		expect(decodeLogo('data:image/png;base64,***')).toBeNull();
		expect(decodeLogo('https://example.com/logo.png')).toBeNull();
	});
});

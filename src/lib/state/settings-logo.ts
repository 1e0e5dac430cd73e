// The logo upload: the file becomes a data URL stored in the settings (so documents print it
// offline). It must fit the schema's limit and be PNG or JPEG, the two formats pdf-lib embeds;
// the format is read from the bytes, as the document builder does.
import { decodeLogo } from '$lib/documents/logo';
import { Settings } from '$lib/domain/schemas';

/** The longest data URL the settings accept (the schema's limit on `logo`). */
export const LOGO_MAX_CHARS = Settings.shape.logo.unwrap().maxLength ?? 200_000;

export type LogoResult = { ok: true; dataUrl: string } | { ok: false; message: string };

/** Rounded so that a file just over the limit never reads as the limit itself. */
function kilobytes(bytes: number, round: (n: number) => number): string {
	return `${round(bytes / 1024).toLocaleString('en')} KB`;
}

/** The largest file whose base64 data URL (with its `data:image/jpeg;base64,` head) fits. */
export function largestLogoBytes(maxChars = LOGO_MAX_CHARS): number {
	return Math.floor((maxChars - 'data:image/jpeg;base64,'.length) / 4) * 3;
}

export function bytesToBase64(bytes: Uint8Array): string {
	let binary = '';
	// In slices: String.fromCharCode with a whole large array overflows the call stack.
	for (let i = 0; i < bytes.length; i += 0x8000) {
		binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
	}
	return btoa(binary);
}

/** Checks a logo's bytes and makes its data URL, typed by what the bytes are. */
export function logoFromBytes(bytes: Uint8Array, maxChars = LOGO_MAX_CHARS): LogoResult {
	if (bytes.length === 0) return { ok: false, message: 'The file is empty.' };
	const isPng = bytes[0] === 0x89 && bytes[1] === 0x50;
	const mime = isPng ? 'image/png' : 'image/jpeg';
	const dataUrl = `data:${mime};base64,${bytesToBase64(bytes)}`;
	if (decodeLogo(dataUrl) === null) {
		return { ok: false, message: 'The logo must be a PNG or JPEG image.' };
	}
	if (dataUrl.length > maxChars) return logoTooLarge(bytes.length, maxChars);
	return { ok: true, dataUrl };
}

function logoTooLarge(size: number, maxChars: number): LogoResult {
	return {
		ok: false,
		message: `The logo is ${kilobytes(size, Math.ceil)}; at most ${kilobytes(largestLogoBytes(maxChars), Math.floor)} fits. Save it smaller (about 600 pixels wide is plenty).`
	};
}

export async function readLogoFile(file: Blob, maxChars = LOGO_MAX_CHARS): Promise<LogoResult> {
	// A photo straight from a camera is refused before it is read into memory.
	if (file.size > largestLogoBytes(maxChars)) return logoTooLarge(file.size, maxChars);
	try {
		return logoFromBytes(new Uint8Array(await file.arrayBuffer()), maxChars);
	} catch (error) {
		const reason = error instanceof Error && error.message ? `: ${error.message}` : '.';
		return { ok: false, message: `The file could not be read${reason}` };
	}
}

// settings.logo is a data URL the merchant uploaded. pdf-lib embeds PNG and JPEG only; the
// format is read from the bytes, not the declared MIME type, which uploads often get wrong.

export interface LogoImage {
	format: 'png' | 'jpg';
	bytes: Uint8Array;
}

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

/** The image in a base64 data URL, or null when it is missing, malformed or neither PNG nor JPEG. */
export function decodeLogo(dataUrl: string | undefined): LogoImage | null {
	if (!dataUrl) return null;
	const match = /^data:[^,]*;base64,(.*)$/s.exec(dataUrl.trim());
	if (!match) return null;
	let bytes: Uint8Array;
	try {
		const binary = atob(match[1].replace(/\s+/g, ''));
		bytes = Uint8Array.from(binary, (char) => char.charCodeAt(0));
	} catch {
		return null;
	}
	if (PNG_SIGNATURE.every((byte, i) => bytes[i] === byte)) return { format: 'png', bytes };
	if (bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return { format: 'jpg', bytes };
	return null;
}

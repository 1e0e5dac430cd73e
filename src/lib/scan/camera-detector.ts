// Barcodes through the tablet's camera: the browser's own BarcodeDetector where it has one
// that reads our formats (Android, ChromeOS, macOS), else the `barcode-detector` ponyfill
// (ZXing compiled to WebAssembly). The ponyfill and its .wasm load only when the camera is
// first used (this module is imported lazily too), and the .wasm comes from the app itself:
// bundled by Vite under /_app/immutable/assets and precached by the service worker (its
// globPatterns take client/**/*.wasm), never from the package's default CDN.

/** Product barcodes and order-number labels (Code 128), plus the 2-D codes some shops print. */
export const CAMERA_FORMATS = [
	'code_128',
	'ean_13',
	'ean_8',
	'upc_a',
	'upc_e',
	'code_39',
	'qr_code',
	'data_matrix'
] as const;

export interface Detected {
	rawValue: string;
}

export interface CodeDetector {
	detect(
		source: HTMLVideoElement | HTMLCanvasElement | ImageBitmap | ImageData
	): Promise<Detected[]>;
}

export interface CameraDetector {
	detector: CodeDetector;
	kind: 'native' | 'webassembly';
}

interface NativeDetectorClass {
	new (options: { formats: string[] }): CodeDetector;
	getSupportedFormats(): Promise<string[]>;
}

async function nativeDetector(): Promise<CodeDetector | null> {
	const Native = (globalThis as { BarcodeDetector?: NativeDetectorClass }).BarcodeDetector;
	if (!Native) return null;
	try {
		const supported = await Native.getSupportedFormats();
		if (!supported.includes('code_128')) return null;
		return new Native({ formats: CAMERA_FORMATS.filter((f) => supported.includes(f)) });
	} catch {
		return null;
	}
}

let webassembly: Promise<CodeDetector> | null = null;

async function loadWebAssemblyDetector(): Promise<CodeDetector> {
	const [{ BarcodeDetector, prepareZXingModule }, { default: wasmUrl }] = await Promise.all([
		import('barcode-detector/ponyfill'),
		import('zxing-wasm/reader/zxing_reader.wasm?url')
	]);
	// Our copy of the exact .wasm the ponyfill was built against (the same zxing-wasm version:
	// camera-detector.spec.ts checks its SHA-256). Loaded now, so a failure shows at once.
	await prepareZXingModule({
		overrides: {
			locateFile: (path: string, prefix: string) =>
				path.endsWith('.wasm') ? wasmUrl : prefix + path
		},
		fireImmediately: true
	});
	return new BarcodeDetector({ formats: [...CAMERA_FORMATS] });
}

/** The detector to use, loading the WebAssembly one (once) when the browser has none. */
export async function cameraDetector(): Promise<CameraDetector> {
	const native = await nativeDetector();
	if (native) return { detector: native, kind: 'native' };
	webassembly ??= loadWebAssemblyDetector().catch((error: unknown) => {
		webassembly = null;
		throw error;
	});
	return { detector: await webassembly, kind: 'webassembly' };
}

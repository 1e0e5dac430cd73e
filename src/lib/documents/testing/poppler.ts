// Node-only: reads generated PDFs back the way a person would see them, with Debian's
// poppler-utils (pdftotext, pdftoppm) and zbar-tools (zbarimg decodes the printed barcodes).
// Tests that need them are skipped, with the reason, where they are not installed.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

function installed(command: string): boolean {
	return spawnSync(command, ['-v'], { stdio: 'ignore' }).error === undefined;
}

export const HAS_PDFTOTEXT = installed('pdftotext');
export const HAS_BARCODE_TOOLS = installed('pdftoppm') && installed('zbarimg');

if (!HAS_PDFTOTEXT) {
	console.warn(
		'[documents] pdftotext not installed (apt-get install -y poppler-utils): rendered-text tests skipped.'
	);
}
if (!HAS_BARCODE_TOOLS) {
	console.warn(
		'[documents] pdftoppm or zbarimg not installed (apt-get install -y poppler-utils zbar-tools): barcode scan tests skipped.'
	);
}

/** The text of each page, as pdftotext extracts it (reading order, no layout). */
export function pageTexts(pdf: Uint8Array): string[] {
	const result = spawnSync('pdftotext', ['-enc', 'UTF-8', '-', '-'], {
		input: pdf,
		encoding: 'utf8',
		maxBuffer: 64 * 1024 * 1024
	});
	if (result.status !== 0) throw new Error(`pdftotext failed: ${result.stderr}`);
	// pdftotext ends every page with a form feed.
	return result.stdout.split('\f').slice(0, -1);
}

/** What zbarimg decodes from page `page` (1-based) rendered at `dpi`: "CODE-128:1043" … */
export function scanBarcodes(pdf: Uint8Array, page: number, dpi = 200): string[] {
	const dir = mkdtempSync(join(tmpdir(), 'dockside-pdf-'));
	try {
		const input = join(dir, 'doc.pdf');
		writeFileSync(input, pdf);
		const render = spawnSync('pdftoppm', [
			'-png',
			'-r',
			String(dpi),
			'-f',
			String(page),
			'-l',
			String(page),
			input,
			join(dir, 'page')
		]);
		if (render.status !== 0) throw new Error(`pdftoppm failed: ${render.stderr}`);
		const png = readdirSync(dir).find((name) => name.endsWith('.png'));
		if (!png) throw new Error(`page ${page} not rendered`);
		// zbarimg exits 4 when it finds no symbol; that is an answer, not a failure.
		const scan = spawnSync('zbarimg', ['-q', join(dir, png)], { encoding: 'utf8' });
		if (scan.status !== 0 && scan.status !== 4) throw new Error(`zbarimg failed: ${scan.stderr}`);
		return scan.stdout
			.split('\n')
			.map((line) => line.trim())
			.filter(Boolean)
			.sort();
	} finally {
		rmSync(dir, { recursive: true, force: true });
	}
}

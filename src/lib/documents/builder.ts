// A small layout layer over pdf-lib, shared by every document: pages with a letterhead and
// footer, wrapped text, tables that break across pages and repeat their header, and Code 128
// barcodes drawn as vector bars. Positions are in PDF points (1/72 in) measured from the top of
// the page, which is how the documents are designed; pdf-lib's bottom-up y stays in here.
import fontkit from '@pdf-lib/fontkit';
import {
	PDFDocument,
	fill,
	popGraphicsState,
	pushGraphicsState,
	rectangle,
	rgb,
	setFillingRgbColor,
	type Color,
	type PDFFont,
	type PDFImage,
	type PDFPage
} from 'pdf-lib';
import type { Settings } from '$lib/domain/schemas';
import type { DocumentAssets } from './assets';
import { QUIET_ZONE, code128 } from './barcode';
import { splitLines } from './format';
import { decodeLogo } from './logo';
import { wrapText } from './text-wrap';

export type PageSizeName = 'A4' | 'A6' | '4x6';

/** Width and height in points. */
export const PAGE_SIZES: Record<PageSizeName, readonly [number, number]> = {
	A4: [595.28, 841.89],
	A6: [297.64, 419.53],
	'4x6': [288, 432]
};

export type Letterhead = Pick<
	Settings,
	'companyName' | 'companyAddress' | 'vatNumber' | 'logo' | 'footerLines'
>;

export interface DocumentMetadata {
	title: string;
	subject?: string;
	/** Order numbers, SKUs: what a search in a PDF viewer or a test looks for. */
	keywords?: string[];
	/** The record's own time (ISO), so the same input gives the same dates inside the file. */
	createdAt?: string;
}

export interface BuilderOptions {
	size?: PageSizeName;
	/** Points on every side (default 40 on A4, 14 on labels). */
	margin?: number;
	/** Logo and company block at the top; its footer lines at the bottom. */
	letterhead?: Letterhead | null;
	/** Letterhead on every page (default) or on the first only. */
	letterheadOn?: 'every' | 'first';
	/** Footer lines and "Page n of N" (default true). */
	footer?: boolean;
	metadata: DocumentMetadata;
}

export type Align = 'left' | 'right' | 'center';

export interface TextStyle {
	size?: number;
	bold?: boolean;
	color?: Color;
	/** Line height as a multiple of the size (default 1.25). */
	lineHeight?: number;
}

export interface TextOptions extends TextStyle {
	x?: number;
	width?: number;
	align?: Align;
}

export interface BlockLine extends TextStyle {
	text: string;
}

/** Lines wrapped to a width, ready to draw; `height` is what they take. */
export interface Block {
	lines: { text: string; size: number; bold: boolean; color: Color; height: number }[];
	height: number;
}

export interface TableColumn {
	header: string;
	/** Points; columns without a width share what is left equally. */
	width?: number;
	align?: Align;
}

export type TableCell =
	string | { text: string; bold?: boolean } | { barcode: string } | { checkbox: true };

export interface TableOptions {
	size?: number;
	padding?: number;
	/** Height of barcode cells (default 22 pt). */
	barcodeHeight?: number;
	/** Printed above the repeated header on each further page, e.g. "Order #1043 (continued)". */
	continued?: string;
}

export const BLACK = rgb(0, 0, 0);
export const GREY = rgb(0.35, 0.35, 0.35);
const RULE = rgb(0.75, 0.75, 0.75);
const HEADER_FILL = rgb(0.9, 0.9, 0.9);

/**
 * Module (narrowest bar) width bounds in points. 1 pt is 0.35 mm, comfortable for any scanner;
 * below 0.5 pt (0.18 mm) printers and scanners start to lose bars, so a symbol that would need
 * less is left out and only its text printed.
 */
const MAX_MODULE = 1;
const MIN_MODULE = 0.5;

/**
 * OpenType features off. pdf-lib uses only the glyphs fontkit's shaper returns, never their
 * positions, so kerning and mark positioning cost time (the better part of drawing) for nothing;
 * the substitutions do nothing for Latin, Greek and Cyrillic text without a language tag; and
 * ligatures would make "fi" one glyph, which breaks copied and extracted text (SKUs).
 * A fresh object each time: fontkit writes its defaults into the one it is given.
 */
function fontOptions() {
	const off = 'liga clig calt rlig rclt ccmp locl kern mark mkmk curs'.split(' ');
	return { subset: true, features: Object.fromEntries(off.map((feature) => [feature, false])) };
}

export class PdfBuilder {
	readonly pdf: PDFDocument;
	readonly pageWidth: number;
	readonly pageHeight: number;
	readonly left: number;
	readonly right: number;
	readonly contentWidth: number;
	/** The page being written. */
	page!: PDFPage;
	/** Distance of the writing position from the top of the page. */
	y = 0;

	#top = 0;
	readonly #bottom: number;
	readonly #margin: number;
	readonly #regular: PDFFont;
	readonly #bold: PDFFont;
	readonly #logo: PDFImage | null;
	readonly #options: BuilderOptions;
	readonly #widths = new Map<PDFFont, Map<string, number>>();
	readonly #ascent: number;

	private constructor(
		pdf: PDFDocument,
		fonts: { regular: PDFFont; bold: PDFFont },
		logo: PDFImage | null,
		options: BuilderOptions
	) {
		this.pdf = pdf;
		this.#regular = fonts.regular;
		this.#bold = fonts.bold;
		this.#logo = logo;
		this.#options = options;
		const size = options.size ?? 'A4';
		[this.pageWidth, this.pageHeight] = PAGE_SIZES[size];
		this.#margin = options.margin ?? (size === 'A4' ? 40 : 14);
		this.left = this.#margin;
		this.right = this.pageWidth - this.#margin;
		this.contentWidth = this.right - this.left;
		this.#bottom = this.pageHeight - this.#margin - this.#footerHeight();
		this.#ascent = fonts.regular.heightAtSize(1, { descender: false });
	}

	static async create(assets: DocumentAssets, options: BuilderOptions): Promise<PdfBuilder> {
		const pdf = await PDFDocument.create({ updateMetadata: false });
		pdf.registerFontkit(fontkit);
		const regular = await pdf.embedFont(assets.font, fontOptions());
		const bold = assets.boldFont ? await pdf.embedFont(assets.boldFont, fontOptions()) : regular;
		const builder = new PdfBuilder(
			pdf,
			{ regular, bold },
			await embedLogo(pdf, options.letterhead?.logo),
			options
		);
		builder.newPage();
		return builder;
	}

	/** Where content may go down to on this page (above the footer). */
	get bottom(): number {
		return this.#bottom;
	}

	/** Where content starts on this page (below the letterhead). */
	get top(): number {
		return this.#top;
	}

	newPage(): void {
		this.page = this.pdf.addPage([this.pageWidth, this.pageHeight]);
		this.y = this.#margin;
		const { letterhead, letterheadOn = 'every' } = this.#options;
		if (letterhead && (letterheadOn === 'every' || this.pdf.getPageCount() === 1)) {
			this.#drawLetterhead(letterhead);
		}
		this.#top = this.y;
	}

	/** Starts a new page unless `height` still fits on this one (or this page is still empty). */
	ensureSpace(height: number): void {
		if (this.y + height > this.#bottom && this.y > this.#top) this.newPage();
	}

	moveDown(points: number): void {
		this.y += points;
	}

	// ------------------------------------------------------------------ text

	/** Width of `text` in points. Glyph advances are cached: pdf-lib lays out the whole string. */
	measure(text: string, size = 10, bold = false): number {
		const font = this.#font(bold);
		let widths = this.#widths.get(font);
		if (!widths) this.#widths.set(font, (widths = new Map()));
		let total = 0;
		for (const char of text) {
			let width = widths.get(char);
			if (width === undefined) {
				width = font.widthOfTextAtSize(char, 1);
				widths.set(char, width);
			}
			total += width;
		}
		return total * size;
	}

	wrap(text: string, width: number, size = 10, bold = false): string[] {
		return wrapText(clean(text), width, (candidate) => this.measure(candidate, size, bold));
	}

	/** Draws one line with its top at `yTop`; no wrapping, no page break. */
	drawText(text: string, x: number, yTop: number, style: TextStyle = {}): void {
		const size = style.size ?? 10;
		if (!text) return;
		this.page.drawText(text, {
			x,
			y: this.pageHeight - yTop - this.#ascent * size,
			size,
			font: this.#font(style.bold ?? false),
			color: style.color ?? BLACK
		});
	}

	/** Wrapped text at the writing position, breaking pages between lines. */
	text(content: string, options: TextOptions = {}): void {
		const size = options.size ?? 10;
		const bold = options.bold ?? false;
		const lineHeight = size * (options.lineHeight ?? 1.25);
		const x = options.x ?? this.left;
		const width = options.width ?? this.right - x;
		for (const line of this.wrap(content, width, size, bold)) {
			this.ensureSpace(lineHeight);
			const offset = alignOffset(options.align, width, this.measure(line, size, bold));
			this.drawText(line, x + offset, this.y, options);
			this.y += lineHeight;
		}
	}

	/** Lays lines out in `width` without drawing them, so callers can measure before placing. */
	block(lines: BlockLine[], width: number): Block {
		const laid: Block['lines'] = [];
		for (const line of lines) {
			const size = line.size ?? 10;
			const bold = line.bold ?? false;
			const height = size * (line.lineHeight ?? 1.25);
			for (const text of this.wrap(line.text, width, size, bold)) {
				laid.push({ text, size, bold, color: line.color ?? BLACK, height });
			}
		}
		return { lines: laid, height: laid.reduce((sum, line) => sum + line.height, 0) };
	}

	drawBlock(block: Block, x: number, yTop: number, width: number, align: Align = 'left'): void {
		let y = yTop;
		for (const line of block.lines) {
			const offset = alignOffset(align, width, this.measure(line.text, line.size, line.bold));
			this.drawText(line.text, x + offset, y, line);
			y += line.height;
		}
	}

	/** Side-by-side blocks of equal width at the writing position (addresses, details). */
	columns(blocks: BlockLine[][], gap = 16): void {
		const width = (this.contentWidth - gap * (blocks.length - 1)) / blocks.length;
		const laid = blocks.map((lines) => this.block(lines, width));
		this.ensureSpace(Math.max(...laid.map((b) => b.height)));
		laid.forEach((b, i) => this.drawBlock(b, this.left + i * (width + gap), this.y, width));
		this.y += Math.max(...laid.map((b) => b.height));
	}

	/** A thin horizontal line across the content width. */
	rule(gap = 6): void {
		this.ensureSpace(gap * 2);
		this.y += gap;
		this.#line(this.left, this.right, this.y, RULE, 0.6);
		this.y += gap;
	}

	// ------------------------------------------------------------------ barcodes

	/**
	 * Draws the Code 128 symbol of `value` in the box (x, yTop, maxWidth, height), quiet zones
	 * included in the box. Returns the width taken and the quiet zone's width, or null when the
	 * value cannot be encoded or would need bars too thin to scan in that width (callers print the
	 * value as text anyway).
	 */
	drawBarcode(
		value: string,
		x: number,
		yTop: number,
		maxWidth: number,
		height: number,
		align: Align = 'left'
	): { width: number; quiet: number } | null {
		const symbol = code128(value);
		if (!symbol) return null;
		const totalModules = symbol.modules + 2 * QUIET_ZONE;
		const module = Math.min(MAX_MODULE, maxWidth / totalModules);
		if (module < MIN_MODULE) return null;
		const width = totalModules * module;
		const start = x + alignOffset(align, maxWidth, width) + QUIET_ZONE * module;
		const y = this.pageHeight - yTop - height;
		this.page.pushOperators(
			pushGraphicsState(),
			setFillingRgbColor(0, 0, 0),
			// One path, one fill: smaller and faster than a rectangle object per bar.
			...symbol.bars.map((bar) => rectangle(start + bar.x * module, y, bar.width * module, height)),
			fill(),
			popGraphicsState()
		);
		return { width, quiet: QUIET_ZONE * module };
	}

	/** A barcode at the writing position with its value printed under it. */
	barcode(
		value: string,
		options: { x?: number; width?: number; height?: number; align?: Align; caption?: string } = {}
	): void {
		const height = options.height ?? 36;
		const x = options.x ?? this.left;
		const width = options.width ?? this.right - x;
		const captionSize = 8;
		this.ensureSpace(height + captionSize * 1.6);
		const align = options.align ?? 'left';
		const drawn = this.drawBarcode(value, x, this.y, width, height, align);
		if (drawn) this.y += height + 2;
		// The caption lines up with the bars, inside the quiet zone.
		const inset = drawn && align !== 'center' ? drawn.quiet : 0;
		this.text(options.caption ?? value, {
			x: align === 'left' ? x + inset : x,
			width: width - inset,
			size: captionSize,
			align
		});
	}

	// ------------------------------------------------------------------ tables

	/** Rows of cells under a header row; rows never split, the header repeats on each page. */
	table(columns: TableColumn[], rows: TableCell[][], options: TableOptions = {}): void {
		const size = options.size ?? 9;
		const padding = options.padding ?? 3;
		const barcodeHeight = options.barcodeHeight ?? 22;
		const lineHeight = size * 1.25;
		const widths = columnWidths(columns, this.contentWidth);
		const xs = widths.map((_, i) => this.left + widths.slice(0, i).reduce((a, b) => a + b, 0));

		const header = columns.map((column, i) =>
			this.wrap(column.header, widths[i] - 2 * padding, size, true)
		);
		const headerHeight =
			Math.max(...header.map((lines) => lines.length)) * lineHeight + 2 * padding;
		const drawHeader = () => {
			this.page.drawRectangle({
				x: this.left,
				y: this.pageHeight - this.y - headerHeight,
				width: this.contentWidth,
				height: headerHeight,
				color: HEADER_FILL
			});
			header.forEach((lines, i) =>
				lines.forEach((line, n) => {
					const offset = alignOffset(
						columns[i].align,
						widths[i] - 2 * padding,
						this.measure(line, size, true)
					);
					this.drawText(line, xs[i] + padding + offset, this.y + padding + n * lineHeight, {
						size,
						bold: true
					});
				})
			);
			this.y += headerHeight;
		};

		const laidRows = rows.map((row) =>
			row.map((cell) => (typeof cell === 'string' ? { text: cell } : cell))
		);
		const cellLines = laidRows.map((row) =>
			row.map((cell, i) =>
				'text' in cell
					? this.wrap(cell.text, widths[i] - 2 * padding, size, cell.bold ?? false)
					: []
			)
		);
		const rowHeight = (r: number) =>
			Math.max(
				lineHeight,
				...laidRows[r].map((cell, i) =>
					'barcode' in cell
						? barcodeHeight
						: 'checkbox' in cell
							? size
							: cellLines[r][i].length * lineHeight
				)
			) +
			2 * padding;

		this.ensureSpace(headerHeight + (rows.length > 0 ? rowHeight(0) : 0));
		drawHeader();
		laidRows.forEach((row, r) => {
			const height = rowHeight(r);
			if (this.y + height > this.#bottom && this.y > this.#top + headerHeight + 0.5) {
				this.newPage();
				if (options.continued) this.text(options.continued, { size: 9, bold: true, color: GREY });
				drawHeader();
			}
			row.forEach((cell, i) => {
				const inner = widths[i] - 2 * padding;
				const x = xs[i] + padding;
				const y = this.y + padding;
				if ('barcode' in cell) {
					this.drawBarcode(cell.barcode, x, y, inner, barcodeHeight, columns[i].align);
				} else if ('checkbox' in cell) {
					const offset = alignOffset(columns[i].align, inner, size);
					this.page.drawRectangle({
						x: x + offset,
						y: this.pageHeight - y - size,
						width: size,
						height: size,
						borderColor: BLACK,
						borderWidth: 0.8
					});
				} else {
					const bold = cell.bold ?? false;
					cellLines[r][i].forEach((line, n) => {
						const offset = alignOffset(columns[i].align, inner, this.measure(line, size, bold));
						this.drawText(line, x + offset, y + n * lineHeight, { size, bold });
					});
				}
			});
			this.y += height;
			this.#line(this.left, this.right, this.y, RULE, 0.5);
		});
	}

	// ------------------------------------------------------------------ output

	async finish(): Promise<Uint8Array> {
		const pages = this.pdf.getPages();
		if (this.#options.footer ?? true) {
			pages.forEach((page, i) => this.#drawFooter(page, i + 1, pages.length));
		}
		const { metadata, letterhead } = this.#options;
		this.pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
		if (metadata.subject) this.pdf.setSubject(metadata.subject);
		if (metadata.keywords?.length) this.pdf.setKeywords(metadata.keywords);
		if (letterhead?.companyName) this.pdf.setAuthor(letterhead.companyName);
		this.pdf.setCreator('Dockside');
		this.pdf.setProducer('Dockside (pdf-lib)');
		const created = metadata.createdAt ? new Date(metadata.createdAt) : null;
		if (created && !Number.isNaN(created.getTime())) {
			this.pdf.setCreationDate(created);
			this.pdf.setModificationDate(created);
		}
		return this.pdf.save();
	}

	// ------------------------------------------------------------------ internals

	#font(bold: boolean): PDFFont {
		return bold ? this.#bold : this.#regular;
	}

	#line(x1: number, x2: number, yTop: number, color: Color, thickness: number): void {
		const y = this.pageHeight - yTop;
		this.page.drawLine({ start: { x: x1, y }, end: { x: x2, y }, thickness, color });
	}

	#footerLines(): string[] {
		return (this.#options.letterhead?.footerLines ?? []).filter((l) => l.trim()).slice(0, 3);
	}

	#footerHeight(): number {
		if (!(this.#options.footer ?? true)) return 0;
		return 10 + Math.max(1, this.#footerLines().length) * 9;
	}

	#drawFooter(page: PDFPage, number: number, count: number): void {
		const size = 7;
		const lines = this.#footerLines();
		let yTop = this.pageHeight - this.#margin - Math.max(1, lines.length) * 9;
		const previous = this.page;
		this.page = page;
		this.#line(this.left, this.right, yTop - 4, RULE, 0.5);
		const pageLabel = `Page ${number} of ${count}`;
		const labelWidth = this.measure(pageLabel, size);
		this.drawText(pageLabel, this.right - labelWidth, yTop, { size, color: GREY });
		// Centred lines keep clear of the page number; a long line shrinks rather than wraps.
		const room = this.contentWidth - 2 * (labelWidth + 6);
		for (const line of lines) {
			const text = clean(line);
			const lineSize = Math.max(4, Math.min(size, (size * room) / this.measure(text, size)));
			const width = this.measure(text, lineSize);
			this.drawText(text, this.left + (this.contentWidth - width) / 2, yTop, {
				size: lineSize,
				color: GREY
			});
			yTop += 9;
		}
		this.page = previous;
	}

	#drawLetterhead(letterhead: Letterhead): void {
		const top = this.y;
		let logoWidth = 0;
		let logoHeight = 0;
		if (this.#logo) {
			const scale = Math.min(150 / this.#logo.width, 50 / this.#logo.height);
			logoWidth = this.#logo.width * scale;
			logoHeight = this.#logo.height * scale;
			this.page.drawImage(this.#logo, {
				x: this.left,
				y: this.pageHeight - top - logoHeight,
				width: logoWidth,
				height: logoHeight
			});
		}
		const lines: BlockLine[] = [];
		if (letterhead.companyName.trim()) {
			lines.push({ text: letterhead.companyName, size: 11, bold: true });
		}
		for (const text of splitLines(letterhead.companyAddress)) lines.push({ text, size: 8 });
		if (letterhead.vatNumber.trim()) lines.push({ text: `VAT ${letterhead.vatNumber}`, size: 8 });
		const width = this.contentWidth - (logoWidth ? logoWidth + 16 : this.contentWidth / 3);
		const company = this.block(lines, width);
		this.drawBlock(company, this.right - width, top, width, 'right');
		const height = Math.max(logoHeight, company.height);
		if (height === 0) return;
		this.y = top + height + 6;
		this.#line(this.left, this.right, this.y, RULE, 0.6);
		this.y += 14;
	}
}

async function embedLogo(pdf: PDFDocument, dataUrl: string | undefined): Promise<PDFImage | null> {
	const logo = decodeLogo(dataUrl);
	if (!logo) return null;
	try {
		return logo.format === 'png' ? await pdf.embedPng(logo.bytes) : await pdf.embedJpg(logo.bytes);
	} catch {
		// A damaged upload must not stop invoices from printing; they print without the logo.
		return null;
	}
}

function alignOffset(align: Align | undefined, room: number, width: number): number {
	if (align === 'right') return room - width;
	if (align === 'center') return (room - width) / 2;
	return 0;
}

function columnWidths(columns: TableColumn[], total: number): number[] {
	const fixed = columns.reduce((sum, column) => sum + (column.width ?? 0), 0);
	const flexible = columns.filter((column) => column.width === undefined).length;
	const share = flexible ? Math.max(0, total - fixed) / flexible : 0;
	return columns.map((column) => column.width ?? share);
}

/** Control characters (from shop data) have no glyph; tabs and the like print as spaces. */
function clean(text: string): string {
	for (let i = 0; i < text.length; i++) {
		const code = text.charCodeAt(i);
		if ((code < 32 && code !== 10 && code !== 13) || code === 127) {
			return Array.from(text, (char) => {
				const c = char.charCodeAt(0);
				return (c < 32 && c !== 10 && c !== 13) || c === 127 ? ' ' : char;
			}).join('');
		}
	}
	return text;
}

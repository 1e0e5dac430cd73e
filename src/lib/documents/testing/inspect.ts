// Reads back what pdf-lib can tell about a generated PDF: pages, sizes, metadata, images.
import { PDFDict, PDFDocument, PDFName } from 'pdf-lib';

export interface PdfFacts {
	pageCount: number;
	/** [width, height] of each page, in points, rounded. */
	sizes: [number, number][];
	title: string;
	subject: string;
	keywords: string[];
	/** Image XObjects per page. */
	images: number[];
}

export async function inspectPdf(bytes: Uint8Array): Promise<PdfFacts> {
	const pdf = await PDFDocument.load(bytes, { updateMetadata: false });
	const pages = pdf.getPages();
	return {
		pageCount: pdf.getPageCount(),
		sizes: pages.map((page) => {
			const { width, height } = page.getSize();
			return [Math.round(width), Math.round(height)];
		}),
		title: pdf.getTitle() ?? '',
		subject: pdf.getSubject() ?? '',
		keywords: (pdf.getKeywords() ?? '').split(' ').filter(Boolean),
		images: pages.map((page) => {
			const xObjects = page.node.Resources()?.lookupMaybe(PDFName.of('XObject'), PDFDict);
			return xObjects ? xObjects.keys().length : 0;
		})
	};
}

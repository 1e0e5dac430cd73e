// One PDF for a whole batch (picking list, then each order's packing slip, invoice, label), so
// the browser opens one print dialog instead of one per document.
import { PDFDocument } from 'pdf-lib';

export async function mergePdfs(
	documents: Uint8Array[],
	title = `${documents.length} documents`
): Promise<Uint8Array> {
	if (documents.length === 0) throw new Error('There is nothing to print.');
	const merged = await PDFDocument.create({ updateMetadata: false });
	const keywords = new Set<string>();
	for (const bytes of documents) {
		const source = await PDFDocument.load(bytes, { updateMetadata: false });
		const pages = await merged.copyPages(source, source.getPageIndices());
		for (const page of pages) merged.addPage(page);
		for (const keyword of source.getKeywords()?.split(' ') ?? [])
			if (keyword) keywords.add(keyword);
	}
	merged.setTitle(title, { showInWindowTitleBar: true });
	merged.setKeywords([...keywords]);
	merged.setCreator('Dockside');
	merged.setProducer('Dockside (pdf-lib)');
	return merged.save();
}

// The batch documents as the browser makes them: the PDF code and fonts loaded on first use
// (they are large), the result handed to the downloads, the screen painted between orders.
import { loadDocumentAssets, type DocumentAssets } from '$lib/documents/assets';
import { BatchDocuments, type BatchBuilders } from '$lib/state/ship-documents.svelte';
import { saveFile } from './ship-data';

export type LabelSize = 'a6' | '4x6';

/** The label printer's size, kept on this tablet (one printer per packing bench). */
const LABEL_SIZE_KEY = 'dockside.ship.labelSize';

export function readLabelSize(): LabelSize {
	return localStorage.getItem(LABEL_SIZE_KEY) === '4x6' ? '4x6' : 'a6';
}

export function storeLabelSize(size: LabelSize): void {
	localStorage.setItem(LABEL_SIZE_KEY, size);
}

async function loadBuilders(): Promise<BatchBuilders> {
	const [slip, invoice, label, merge] = await Promise.all([
		import('$lib/documents/packing-slip'),
		import('$lib/documents/invoice'),
		import('$lib/documents/address-label'),
		import('$lib/documents/merge')
	]);
	return {
		packingSlip: slip.packingSlipPdf,
		invoice: invoice.invoicePdf,
		addressLabel: label.addressLabelPdf,
		merge: merge.mergePdfs
	};
}

export function batchDocumentsInBrowser(): BatchDocuments {
	// Fetched once per screen; a failed fetch (offline before the fonts were cached) is retried.
	let assets: Promise<DocumentAssets> | null = null;
	return new BatchDocuments({
		loadBuilders,
		loadAssets: () => {
			assets ??= loadDocumentAssets().catch((error: unknown) => {
				assets = null;
				throw error;
			});
			return assets;
		},
		save: (bytes, fileName) => saveFile(bytes, fileName, 'application/pdf'),
		yieldToScreen: () => new Promise((resolve) => setTimeout(resolve, 0))
	});
}

// Handing a generated PDF to the person: as a named download, or to the printer through a
// hidden iframe (one print dialog, no new tab), falling back to a new tab where the browser
// cannot print a PDF from a frame. File names are pure so they are tested without a browser.
import type { Invoice, Order } from '$lib/domain/schemas';

/** A piece of a file name: no leading '#', only letters, digits, '.', '_' and '-'. */
export function fileNamePart(text: string): string {
	const cleaned = text
		.trim()
		.replace(/^#+/, '')
		.normalize('NFKD')
		.replace(/[\u0300-\u036f]/g, '')
		.replace(/[^A-Za-z0-9._-]+/g, '-')
		.replace(/-{2,}/g, '-')
		.replace(/^[-.]+|[-.]+$/g, '');
	return cleaned || 'document';
}

/** `invoice-INV-000123.pdf`; before the server numbered it, `invoice-1043-provisional.pdf`. */
export function invoiceFileName(
	order: Pick<Order, 'number'>,
	invoice: Pick<Invoice, 'number'>
): string {
	return invoice.number
		? `invoice-${fileNamePart(invoice.number)}.pdf`
		: `invoice-${fileNamePart(order.number)}-provisional.pdf`;
}

/** `packing-slip-1043.pdf` for the whole order; `packing-slip-1043-2.pdf` for its 2nd shipment. */
export function packingSlipFileName(order: Pick<Order, 'number'>, shipmentNumber?: number): string {
	const suffix = shipmentNumber === undefined ? '' : `-${shipmentNumber}`;
	return `packing-slip-${fileNamePart(order.number)}${suffix}.pdf`;
}

/** `address-label-1043-1.pdf`: the label for the order's 1st shipment. */
export function addressLabelFileName(order: Pick<Order, 'number'>, shipmentNumber: number): string {
	return `address-label-${fileNamePart(order.number)}-${shipmentNumber}.pdf`;
}

function pdfBlob(bytes: Uint8Array): Blob {
	return new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/pdf' });
}

/** Saves the PDF under `fileName` (the browser's downloads). */
export function downloadPdf(bytes: Uint8Array, fileName: string): void {
	const url = URL.createObjectURL(pdfBlob(bytes));
	const link = document.createElement('a');
	link.href = url;
	link.download = fileName;
	link.rel = 'noopener';
	link.style.display = 'none';
	document.body.append(link);
	link.click();
	link.remove();
	// The download has started from the URL by then; a minute is ample on a slow tablet.
	setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

export const PRINT_FRAME_ID = 'dockside-print-frame';

/** How long a frame may take to load the PDF before the new-tab fallback is used. */
const FRAME_LOAD_TIMEOUT = 10_000;

let frameUrl: string | null = null;

/** Removes the print frame and frees its PDF (a later print, or leaving the screen). */
export function clearPrintFrame(): void {
	document.getElementById(PRINT_FRAME_ID)?.remove();
	if (frameUrl) URL.revokeObjectURL(frameUrl);
	frameUrl = null;
}

/**
 * Opens the print dialog for the PDF. The frame stays until the next print (removing it while
 * the dialog is open cancels the print in some browsers). Resolves with how it was shown.
 */
export type PrintOutcome = 'frame' | 'tab' | 'blocked';

export function printPdf(bytes: Uint8Array, title: string): Promise<PrintOutcome> {
	clearPrintFrame();
	const url = URL.createObjectURL(pdfBlob(bytes));
	frameUrl = url;
	// The PDF in a tab of its own, printed from the browser's viewer; null when popups are blocked.
	const openTab = (): PrintOutcome => (window.open(url, '_blank') ? 'tab' : 'blocked');
	const frame = document.createElement('iframe');
	frame.id = PRINT_FRAME_ID;
	frame.title = title;
	frame.setAttribute('aria-hidden', 'true');
	// Not display:none: a frame that is not rendered never loads its PDF viewer.
	frame.style.cssText =
		'position:fixed;right:0;bottom:0;width:1px;height:1px;border:0;opacity:0;pointer-events:none';
	return new Promise((resolve) => {
		const timer = setTimeout(() => resolve(openTab()), FRAME_LOAD_TIMEOUT);
		frame.addEventListener(
			'load',
			() => {
				clearTimeout(timer);
				try {
					const view = frame.contentWindow;
					if (!view) throw new Error('no frame window');
					view.focus();
					view.print();
					resolve('frame');
				} catch {
					resolve(openTab());
				}
			},
			{ once: true }
		);
		frame.src = url;
		document.body.append(frame);
	});
}

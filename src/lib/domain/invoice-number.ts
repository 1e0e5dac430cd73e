// Invoice numbers are gapless and given by the server when it applies the invoice
// (SYNC.md "Identities and determinism"); this is how a sequence number is written.
export function formatInvoiceNumber(sequence: number): string {
	return `INV-${String(sequence).padStart(6, '0')}`;
}

/** The sequence number back from a formatted invoice number (0 when it has none). */
export function invoiceSequence(number: string | null): number {
	const digits = number?.match(/(\d+)$/)?.[1];
	return digits ? Number(digits) : 0;
}

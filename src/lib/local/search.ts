// Search keys for the local indexes. Search is a prefix match on any stored word, case- and
// accent-insensitive: "müller" finds "Muller", "mul" finds both, and every word of a query
// must match. The same folding runs on the stored words and on the query, so they agree.
import type { Order, Product } from '$lib/domain/schemas';

// Letters that NFD does not decompose into a base letter plus a combining mark.
const SPECIAL_LETTERS: Record<string, string> = {
	ß: 'ss',
	æ: 'ae',
	œ: 'oe',
	ø: 'o',
	ł: 'l',
	đ: 'd',
	ð: 'd',
	þ: 'th',
	ı: 'i',
	ħ: 'h',
	ŧ: 't',
	ŋ: 'n',
	// Greek final sigma, so "Παπαδόπουλος" is found by "παπαδοπουλοσ" and by its prefixes.
	ς: 'σ'
};
const SPECIAL_PATTERN = new RegExp(`[${Object.keys(SPECIAL_LETTERS).join('')}]`, 'g');
const COMBINING_MARKS = /\p{M}+/gu;
const NOT_WORD = /[^\p{L}\p{N}]+/u;

/** Lower case, accents and other combining marks removed, special letters spelled out. */
export function foldText(text: string): string {
	return text
		.toLowerCase()
		.normalize('NFD')
		.replace(COMBINING_MARKS, '')
		.replace(SPECIAL_PATTERN, (ch) => SPECIAL_LETTERS[ch] ?? ch);
}

/** The folded words of a text, split on anything that is not a letter or a digit. */
export function foldForSearch(text: string): string[] {
	return foldText(text)
		.split(NOT_WORD)
		.filter((word) => word.length > 0);
}

/**
 * The terms a query must all match. A token holding an "@" is an email (or its start) and
 * stays whole, because emails are stored whole; every other token is split like stored text.
 */
export function searchTerms(query: string): string[] {
	const terms = new Set<string>();
	for (const token of query.trim().split(/\s+/)) {
		if (token.includes('@')) {
			const folded = foldText(token);
			if (folded.length > 0) terms.add(folded);
		} else {
			for (const word of foldForSearch(token)) terms.add(word);
		}
	}
	return [...terms];
}

/** True when every term is a prefix of one of the words (the index's startsWith semantics). */
export function matchesTerms(words: readonly string[], terms: readonly string[]): boolean {
	return terms.every((term) => words.some((word) => word.startsWith(term)));
}

function addEmail(words: Set<string>, email: string): void {
	const folded = foldText(email.trim());
	if (folded.length === 0) return;
	words.add(folded);
	const at = folded.indexOf('@');
	if (at > 0) {
		const local = folded.slice(0, at);
		words.add(local);
		for (const word of foldForSearch(local)) words.add(word);
	} else {
		for (const word of foldForSearch(folded)) words.add(word);
	}
}

function addText(words: Set<string>, text: string | undefined): void {
	if (!text) return;
	for (const word of foldForSearch(text)) words.add(word);
}

/**
 * Words an order is found by: its number, the customer's name parts, the whole email and
 * its local part, the SKUs of its lines and the tracking numbers of its shipments.
 */
export function orderSearchWords(order: Order): string[] {
	const words = new Set<string>();
	addText(words, order.number);
	addText(words, order.customer.name);
	addEmail(words, order.customer.email);
	for (const line of order.lines) addText(words, line.sku);
	for (const shipment of order.shipments) addText(words, shipment.tracking);
	return [...words];
}

/** Words a product is found by: SKU, name and barcodes. */
export function productSearchWords(product: Product): string[] {
	const words = new Set<string>();
	addText(words, product.sku);
	addText(words, product.name);
	for (const barcode of product.barcodes) addText(words, barcode);
	return [...words];
}

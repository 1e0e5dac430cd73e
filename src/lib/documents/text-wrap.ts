// Greedy line breaking for PDF text: pdf-lib draws single lines only.

/** Width of a string in points at the size the caller has in mind. */
export type Measure = (text: string) => number;

/**
 * Breaks `text` into lines no wider than `maxWidth`: at spaces where possible, inside a word only
 * when the word alone is too wide (long SKUs, URLs). Explicit newlines are kept; an empty
 * paragraph stays an empty line so addresses keep their shape.
 */
export function wrapText(text: string, maxWidth: number, measure: Measure): string[] {
	const lines: string[] = [];
	for (const paragraph of text.replace(/\r\n?/g, '\n').split('\n')) {
		const words = paragraph.split(/[ \t]+/).filter((word) => word !== '');
		if (words.length === 0) {
			lines.push('');
			continue;
		}
		let line = '';
		for (const word of words) {
			const candidate = line ? `${line} ${word}` : word;
			if (measure(candidate) <= maxWidth) {
				line = candidate;
				continue;
			}
			if (line) lines.push(line);
			line = '';
			if (measure(word) <= maxWidth) {
				line = word;
				continue;
			}
			// Split by characters (whole code points, so no surrogate is cut in two).
			let piece = '';
			for (const char of word) {
				if (piece && measure(piece + char) > maxWidth) {
					lines.push(piece);
					piece = '';
				}
				piece += char;
			}
			line = piece;
		}
		lines.push(line);
	}
	return lines;
}

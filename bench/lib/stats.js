// Small helpers for the benchmarks' summaries.

export function median(values) {
	const sorted = [...values].sort((a, b) => a - b);
	const mid = Math.floor(sorted.length / 2);
	return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

const formatRatio = (r) => (r >= 0.01 ? r.toFixed(2) : r.toPrecision(2));
const fmt = (ms) => (ms >= 100 ? ms.toFixed(0) : ms >= 10 ? ms.toFixed(1) : ms.toFixed(2));

/**
 * rows: { name, ours: number[], base: number[] | null, baseName?, sizes? }.
 * One line per row: medians, the ratio ours / baseline, and the spread of ours.
 */
export function formatTable(rows) {
	const header = ['measure', 'Dockside', 'baseline', 'ratio', 'Dockside min–max', 'runs', 'rows'];
	const lines = rows.map((row) => {
		const ours = median(row.ours);
		const base = row.base ? median(row.base) : null;
		return [
			row.name,
			fmt(ours),
			base === null ? '—' : `${fmt(base)} (${row.baseName})`,
			base === null ? '—' : `${formatRatio(ours / base)}×`,
			`${fmt(Math.min(...row.ours))}–${fmt(Math.max(...row.ours))}`,
			String(row.ours.length),
			row.sizes ?? ''
		];
	});
	const widths = header.map((h, i) => Math.max(h.length, ...lines.map((l) => l[i].length)));
	const render = (cells) => cells.map((cell, i) => cell.padEnd(widths[i])).join(' │ ');
	return [render(header), widths.map((w) => '─'.repeat(w)).join('─┼─'), ...lines.map(render)].join(
		'\n'
	);
}

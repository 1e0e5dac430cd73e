// Waiting for the machine to go quiet between timed runs. After a large IndexedDB write,
// Chromium keeps compacting its LevelDB files in the background for seconds; whatever is timed
// next would pay for it, so two measurements taken back to back are not comparable.
import { readFileSync } from 'node:fs';

/** [busy, total] jiffies of all CPUs since boot (Linux /proc/stat). */
function cpuTicks() {
	const fields = readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1);
	const ticks = fields.map(Number);
	const idle = ticks[3] + (ticks[4] ?? 0);
	const total = ticks.reduce((sum, n) => sum + n, 0);
	return [total - idle, total];
}

/**
 * Resolves once the machine's CPUs were less than `busyBelow` busy over a `windowMs` window, or
 * after `maxMs` (a machine that never goes quiet still gets measured). Returns the ms waited.
 */
export async function settle({ busyBelow = 0.15, windowMs = 500, maxMs = 30_000 } = {}) {
	const started = Date.now();
	for (;;) {
		const [busy0, total0] = cpuTicks();
		await new Promise((resolve) => setTimeout(resolve, windowMs));
		const [busy1, total1] = cpuTicks();
		const share = total1 > total0 ? (busy1 - busy0) / (total1 - total0) : 0;
		if (share < busyBelow || Date.now() - started >= maxMs) return Date.now() - started;
	}
}

// A camera sees the same barcode in many frames in a row: that is one scan. The code counts
// again once it has been out of the picture for a moment (the next unit of the same product).

export class RepeatFilter {
	readonly #quietMs: number;
	readonly #lastSeen = new Map<string, number>();

	/** `quietMs`: how long a code must go unseen before it counts again. */
	constructor(quietMs: number) {
		this.#quietMs = quietMs;
	}

	/** The code was seen at `time` (ms); true when that is a new scan. */
	seen(code: string, time: number): boolean {
		const last = this.#lastSeen.get(code);
		this.#lastSeen.set(code, time);
		return code !== '' && (last === undefined || time - last > this.#quietMs);
	}
}

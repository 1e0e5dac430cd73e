// Keyboard-wedge scanners type the code as a burst of key presses a few milliseconds apart and
// end it with Enter. People type the same keys 80 ms or more apart. This decoder tells the two
// apart by timing alone, from the keys and their timestamps, with no DOM (wedge-listener.ts
// feeds it from the page), so it is tested with synthetic times.

export interface WedgeOptions {
	/** A pause longer than this between two keys starts a new burst (ms). */
	maxKeyGap: number;
	/** A burst is a scan only when its keys came at most this far apart on average (ms). */
	maxMeanGap: number;
	/** Shorter bursts are ignored (a person pressing two keys at once then Enter). */
	minLength: number;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = {
	// Scanners send a key every 1–15 ms; a Bluetooth one on a busy tablet can stall a little.
	maxKeyGap: 60,
	maxMeanGap: 35,
	minLength: 3
};

export class WedgeDecoder {
	readonly #options: WedgeOptions;
	#chars: string[] = [];
	#first = 0;
	#last = 0;

	constructor(options: Partial<WedgeOptions> = {}) {
		this.#options = { ...DEFAULT_WEDGE_OPTIONS, ...options };
	}

	/** Characters of the burst so far (nothing typed slowly is kept). */
	get pending(): string {
		return this.#chars.join('');
	}

	/**
	 * One key press at `time` (ms, any monotonic clock). `key` is KeyboardEvent.key: one
	 * character, or a named key. Returns the scanned code when this Enter ends a burst, else
	 * null. Modifier keys (Shift for capitals) are part of the burst and leave it as it is.
	 */
	key(key: string, time: number): string | null {
		if (key === 'Enter') return this.#end(time);
		if (key.length !== 1) return null;
		if (this.#chars.length === 0 || time - this.#last > this.#options.maxKeyGap) {
			this.#chars = [key];
			this.#first = time;
		} else {
			this.#chars.push(key);
		}
		this.#last = time;
		return null;
	}

	/** Forget the burst (the person moved focus, the page changed). */
	reset(): void {
		this.#chars = [];
	}

	#end(time: number): string | null {
		const chars = this.#chars;
		this.#chars = [];
		if (chars.length < this.#options.minLength) return null;
		if (time - this.#last > this.#options.maxKeyGap) return null;
		// n characters and the Enter: n gaps.
		const mean = (time - this.#first) / chars.length;
		if (mean > this.#options.maxMeanGap) return null;
		return chars.join('');
	}
}

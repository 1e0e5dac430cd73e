// Keyboard-wedge scanners type the code as a burst of key presses a few milliseconds apart and
// end it with Enter. People type the same keys 80 ms or more apart. This decoder tells the two
// apart by timing alone, from the keys and their timestamps, with no DOM (wedge-listener.ts
// feeds it from the page), so it is tested with synthetic times.
//
// A scan is the longest run of keys just before the Enter whose keys (the Enter included) came
// at most `maxMeanGap` apart on average. Judging the mean rather than each gap keeps a burst
// whole when one key is late (a Bluetooth scanner delivers in clumps; a busy tablet hands keys
// over late), while keys typed slowly before it are left out.
//
// Keys that reach the screen itself (no field focused) are a code whatever their pace, from the
// last pause over `resetGap` to the Enter: a tablet under load can hand part of a burst over
// late (the start of a code would be cut off), and nobody types three characters and Enter
// into a scan screen for any other reason than keying a code by hand. In a field that opted in
// to scans, slow typing stays the person's.

export interface WedgeOptions {
	/** A scan's keys, the Enter included, come at most this far apart on average (ms). */
	maxMeanGap: number;
	/** A pause longer than this forgets the keys before it (ms). */
	resetGap: number;
	/** Shorter runs are not scans (a person pressing two keys at once, then Enter). */
	minLength: number;
	/** Keys kept at most; a scan is never longer. */
	maxLength: number;
}

export const DEFAULT_WEDGE_OPTIONS: WedgeOptions = {
	// Scanners send a key every 1–15 ms. People rarely type three keys under 45 ms apart.
	maxMeanGap: 45,
	resetGap: 400,
	minLength: 3,
	maxLength: 256
};

export class WedgeDecoder {
	readonly #options: WedgeOptions;
	#chars: string[] = [];
	#times: number[] = [];

	constructor(options: Partial<WedgeOptions> = {}) {
		this.#options = { ...DEFAULT_WEDGE_OPTIONS, ...options };
	}

	/** Characters kept so far. */
	get pending(): string {
		return this.#chars.join('');
	}

	/**
	 * One key press at `time` (ms, any monotonic clock). `key` is KeyboardEvent.key: one
	 * character, or a named key. Returns the scanned code when this Enter ends a burst, else
	 * null. Modifier keys (Shift for capitals) leave the burst as it is. `where` says whether the
	 * keys reach the screen (no field focused: slow runs count too) or an opted-in field.
	 */
	key(key: string, time: number, where: 'screen' | 'field' = 'field'): string | null {
		if (key === 'Enter') return this.#end(time, where);
		if (key.length !== 1) return null;
		const last = this.#times.at(-1);
		if (last !== undefined && time - last > this.#options.resetGap) this.reset();
		this.#chars.push(key);
		this.#times.push(time);
		if (this.#chars.length > this.#options.maxLength) {
			this.#chars.shift();
			this.#times.shift();
		}
		return null;
	}

	/** Forget the keys kept (the person moved focus, the page changed). */
	reset(): void {
		this.#chars = [];
		this.#times = [];
	}

	#end(time: number, where: 'screen' | 'field'): string | null {
		const chars = this.#chars;
		const times = this.#times;
		this.reset();
		const last = times.at(-1);
		if (last === undefined || time - last > this.#options.resetGap) return null;
		const { maxMeanGap, minLength } = this.#options;
		// On the screen, every key since the last pause is the code (see the top of this file).
		if (where === 'screen') return chars.length >= minLength ? chars.join('') : null;
		// The longest run ending at the Enter: from key i, (Enter − times[i]) over its n keys.
		for (let i = 0; i <= chars.length - minLength; i++) {
			if ((time - times[i]) / (chars.length - i) <= maxMeanGap) return chars.slice(i).join('');
		}
		return null;
	}
}

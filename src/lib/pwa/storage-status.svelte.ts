// Holds on to persistent storage and watches the quota while the app runs: asks once at start,
// then estimates again every few minutes (a pull can add thousands of records).
import {
	quotaPercent,
	quotaWarning,
	requestPersistence,
	type Persistence,
	type StorageApi
} from './storage';

const CHECK_EVERY_MS = 5 * 60 * 1000;
/** A hidden warning comes back when the share has grown by this many points since. */
const WARN_AGAIN_POINTS = 5;

export class StorageStatus {
	#estimate = $state.raw<StorageEstimate | undefined>(undefined);
	/** The percent in use when the person hid the warning. */
	#hiddenAt = $state<number | null>(null);
	#persistence = $state<Persistence | null>(null);
	#timer: ReturnType<typeof setInterval> | undefined;
	readonly #storage: () => StorageApi | undefined;
	readonly #everyMs: number;

	/** `storage`: navigator.storage in the app, a fake in tests. */
	constructor(storage: () => StorageApi | undefined, everyMs = CHECK_EVERY_MS) {
		this.#storage = storage;
		this.#everyMs = everyMs;
	}

	/** The warning to show, or null while there is room (or the person hid it). */
	get warning(): string | null {
		const percent = quotaPercent(this.#estimate);
		if (percent === null) return null;
		if (this.#hiddenAt !== null && percent < this.#hiddenAt + WARN_AGAIN_POINTS) return null;
		return quotaWarning(this.#estimate);
	}
	/** Null until the browser has answered. */
	get persistence(): Persistence | null {
		return this.#persistence;
	}

	async start(): Promise<void> {
		this.stop();
		this.#timer = setInterval(() => void this.check(), this.#everyMs);
		this.#persistence = await requestPersistence(this.#storage());
		await this.check();
	}

	async check(): Promise<void> {
		const storage = this.#storage();
		if (!storage?.estimate) return;
		try {
			this.#estimate = await storage.estimate();
		} catch {
			// Some browsers refuse estimates in private windows; there is nothing to warn about then.
			this.#estimate = undefined;
		}
		// Back under the threshold: a later crossing warns again.
		if (quotaPercent(this.#estimate) === null) this.#hiddenAt = null;
	}

	/** "Hide": until the share grows by a few more points (it is checked every few minutes). */
	hide(): void {
		this.#hiddenAt = quotaPercent(this.#estimate);
	}

	stop(): void {
		clearInterval(this.#timer);
		this.#timer = undefined;
	}
}

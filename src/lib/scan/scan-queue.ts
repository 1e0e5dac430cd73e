// Scans are handled one at a time, in the order they came. A handler may wait (a database
// lookup, a write); scans that arrive meanwhile wait their turn instead of being dropped or
// racing each other (a second scan must see the counts the first one left).

export type ScanHandler = (code: string) => void | Promise<void>;

export class ScanQueue {
	readonly #handler: ScanHandler;
	readonly #onError: (error: unknown) => void;
	#waiting: string[] = [];
	#running = false;
	#idle: Promise<void> = Promise.resolve();
	#resolveIdle: (() => void) | null = null;

	constructor(handler: ScanHandler, onError: (error: unknown) => void = console.error) {
		this.#handler = handler;
		this.#onError = onError;
	}

	/** Scans received and not handled yet. */
	get size(): number {
		return this.#waiting.length + (this.#running ? 1 : 0);
	}

	push(code: string): void {
		this.#waiting.push(code);
		if (!this.#running) void this.#drain();
	}

	/** Resolves once every scan pushed so far has been handled. */
	idle(): Promise<void> {
		return this.#idle;
	}

	async #drain(): Promise<void> {
		this.#running = true;
		this.#idle = new Promise((resolve) => (this.#resolveIdle = resolve));
		try {
			for (let code = this.#waiting.shift(); code !== undefined; code = this.#waiting.shift()) {
				try {
					await this.#handler(code);
				} catch (error) {
					// One failing scan must not stop the ones after it.
					this.#onError(error);
				}
			}
		} finally {
			this.#running = false;
			this.#resolveIdle?.();
		}
	}
}

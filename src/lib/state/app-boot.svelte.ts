// Starting the app: a tablet that never synced pulls the server's data first (it can take a
// few seconds with many orders),
// and say how far it got instead of showing empty lists.

export type BootPhase = 'starting' | 'ready' | 'failed';

export interface BootProgress {
	done: number;
	total: number;
}

export interface AppBootDeps {
	loadInitialData(opts: { onProgress: (done: number, total: number) => void }): Promise<unknown>;
	installDevHandle(): void;
}

export class AppBoot {
	#phase = $state<BootPhase>('starting');
	#error = $state<string | null>(null);
	#progress = $state.raw<BootProgress | null>(null);
	readonly #deps: AppBootDeps;

	constructor(deps: AppBootDeps) {
		this.#deps = deps;
	}

	get phase(): BootPhase {
		return this.#phase;
	}
	get error(): string | null {
		return this.#error;
	}
	/** Records received so far on a first pull; null when nothing is being loaded. */
	get progress(): BootProgress | null {
		return this.#progress;
	}

	async start(): Promise<void> {
		this.#phase = 'starting';
		this.#error = null;
		this.#progress = null;
		try {
			// The dev handle first, so a failed start can still be inspected from the console.
			this.#deps.installDevHandle();
			await this.#deps.loadInitialData({
				onProgress: (done, total) => (this.#progress = { done, total })
			});
			this.#phase = 'ready';
		} catch (error) {
			// The stack goes to the console for whoever debugs it; the person sees the message.
			console.error('Dockside could not start', error);
			this.#error = error instanceof Error && error.message ? error.message : String(error);
			this.#phase = 'failed';
		}
	}
}

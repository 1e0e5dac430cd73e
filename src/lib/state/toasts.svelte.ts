// Messages shown to the person over every screen. Rejections stay until dismissed: SYNC.md
// says a rejection is never dropped silently, so only confirmations fade by themselves.

export type ToastKind = 'error' | 'info' | 'success';

export interface Toast {
	id: number;
	kind: ToastKind;
	message: string;
	/** Short context, e.g. the action and the order it was about. */
	title?: string;
}

export interface ToastTimer {
	set(callback: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

const browserTimer: ToastTimer = {
	set: (callback, ms) => setTimeout(callback, ms),
	clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

/** How long a non-error toast stays, in milliseconds. */
export const TOAST_FADE_MS = 4000;

export class Toasts {
	#items = $state<Toast[]>([]);
	#nextId = 1;
	// Fade timers by toast id (not reactive: nothing on screen depends on them).
	#timers: Record<number, unknown> = {};
	readonly #timer: ToastTimer;

	constructor(timer: ToastTimer = browserTimer) {
		this.#timer = timer;
	}

	get items(): Toast[] {
		return this.#items;
	}

	show(message: string, kind: ToastKind = 'error', title?: string): number {
		const id = this.#nextId++;
		this.#items = [...this.#items, { id, kind, message, title }];
		if (kind !== 'error') {
			this.#timers[id] = this.#timer.set(() => this.dismiss(id), TOAST_FADE_MS);
		}
		return id;
	}

	error(message: string, title?: string): number {
		return this.show(message, 'error', title);
	}

	/** A confirmation replaces the previous one: a row of old "Saved." would hide the screen. */
	success(message: string, title?: string): number {
		for (const toast of this.#items) if (toast.kind === 'success') this.dismiss(toast.id);
		return this.show(message, 'success', title);
	}

	dismiss(id: number): void {
		if (id in this.#timers) {
			this.#timer.clear(this.#timers[id]);
			delete this.#timers[id];
		}
		this.#items = this.#items.filter((toast) => toast.id !== id);
	}

	reset(): void {
		for (const handle of Object.values(this.#timers)) this.#timer.clear(handle);
		this.#timers = {};
		this.#items = [];
	}
}

/** The app's one toast area (the layout renders it). */
export const toasts = new Toasts();

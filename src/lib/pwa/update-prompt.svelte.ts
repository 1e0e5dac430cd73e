// "Update available — reload": a new service worker has installed and waits. It takes over
// only when the person agrees, and the page reloads only at a moment that interrupts nothing
// (busy.ts): never in the middle of a sync or while a dialog is open. The outbox and every
// local record live in IndexedDB, which an update does not touch.
import type { BusyReason } from './busy';

export interface UpdatePromptDeps {
	/** Tells the waiting worker to take over; false when there was none waiting. */
	activate(): Promise<boolean>;
	reload(): void;
	/** Why reloading now would interrupt the person or the sync; null when it would not. */
	busy(): BusyReason | null;
}

export type UpdateStage =
	/** Nothing to show. */
	| 'none'
	/** A new version waits; the person may reload or put it off. */
	| 'available'
	/** The person agreed; waiting for a quiet moment. */
	| 'waiting'
	/** The new worker was told to take over; the page reloads when it does. */
	| 'activating';

const WAITING_TEXT: Record<BusyReason, string> = {
	syncing: 'Update ready — reloads when the sync finishes',
	dialog: 'Update ready — reloads when you close the dialog'
};

export class UpdatePrompt {
	#available = $state(false);
	#dismissed = $state(false);
	#requested = $state(false);
	#activated = $state(false);
	/** The new worker controls this page (this tab's reload, or another tab's): reload when quiet. */
	#reloadDue = $state(false);
	#blockedBy = $state<BusyReason | null>(null);
	#reloaded = false;
	readonly #deps: UpdatePromptDeps;

	constructor(deps: UpdatePromptDeps) {
		this.#deps = deps;
	}

	get stage(): UpdateStage {
		if (this.#blockedBy && (this.#requested || this.#reloadDue)) return 'waiting';
		if (this.#activated || this.#reloadDue) return 'activating';
		if (this.#requested) return 'waiting';
		if (this.#available && !this.#dismissed) return 'available';
		return 'none';
	}

	get text(): string {
		switch (this.stage) {
			case 'available':
				return 'Update available';
			case 'waiting':
				return this.#blockedBy ? WAITING_TEXT[this.#blockedBy] : 'Update ready — reloading…';
			case 'activating':
				return 'Updating…';
			default:
				return '';
		}
	}

	/** Whether something waits for a quiet moment (the caller re-checks until it comes). */
	get pending(): boolean {
		return (this.#requested && !this.#activated) || this.#reloadDue;
	}

	/** The service worker reports a new version waiting. */
	offer(): void {
		this.#available = true;
		this.#dismissed = false;
	}

	/** "Later": the new version then starts when every Dockside tab has been closed. */
	dismiss(): void {
		if (!this.#requested) this.#dismissed = true;
	}

	/** "Reload": take the update now, or as soon as nothing would be interrupted. */
	async request(): Promise<void> {
		if (!this.#available) return;
		this.#requested = true;
		await this.check();
	}

	/** The new worker took control of this page: the code on screen is now the old version. */
	controllerChanged(): void {
		this.#reloadDue = true;
		void this.check();
	}

	/** Acts if the moment is quiet; call it again when the sync phase or the dialogs change. */
	async check(): Promise<void> {
		if (!this.pending) return;
		const reason = this.#deps.busy();
		this.#blockedBy = reason;
		if (reason) return;
		if (this.#reloadDue) {
			this.#reload();
			return;
		}
		this.#activated = true;
		const activated = await this.#deps.activate();
		// Nothing was waiting (another tab took the update first): this page still runs the old
		// code unless it reloads.
		if (!activated) this.controllerChanged();
	}

	#reload(): void {
		if (this.#reloaded) return;
		this.#reloaded = true;
		this.#deps.reload();
	}
}

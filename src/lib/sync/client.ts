// The app's one sync client: starts the engine in this tab, reports through SyncStatus, and
// lets a caller wait for the next complete sync.
import type { DocksideDB } from '$lib/local/db';
import type { SyncStatus } from '$lib/state/sync-status.svelte';
import type { SyncEvents, SyncPhase } from './engine';
import { META_COOKIE, META_LAST_SYNC } from './rebase';
import { startSync, type SyncHandle } from './start';

const BLOCKING: Partial<Record<SyncPhase, string>> = {
	offline: 'The server cannot be reached. Dockside keeps trying; check the network.',
	signed_out: 'This device is not signed in to the server.',
	update_required: 'The server runs a newer Dockside: reload the app.'
};

export class SyncClient {
	readonly #db: DocksideDB;
	readonly #status: SyncStatus;
	#handle: SyncHandle | null = null;
	#waiters: { resolve: () => void; reject: (error: Error) => void }[] = [];

	constructor(db: DocksideDB, status: SyncStatus) {
		this.#db = db;
		this.#status = status;
	}

	/** Whether this database has ever completed a pull. */
	async hasSynced(): Promise<boolean> {
		return (await this.#db.meta.get(META_COOKIE)) !== undefined;
	}

	async lastSyncAt(): Promise<Date | null> {
		const row = await this.#db.meta.get(META_LAST_SYNC);
		return typeof row?.value === 'string' ? new Date(row.value) : null;
	}

	start(): void {
		if (this.#handle) {
			this.#handle.syncNow();
			return;
		}
		const status = this.#status.events;
		const events: SyncEvents = {
			phase: (phase, detail) => {
				status.phase(phase, detail);
				const blocking = BLOCKING[phase];
				if (blocking) this.#settle(new Error(blocking));
			},
			progress: (progress) => status.progress(progress),
			synced: (at) => {
				status.synced(at);
				this.#settle(null);
			}
		};
		this.#handle = startSync(this.#db, events);
	}

	/**
	 * Starts syncing without holding the screens back: a first pull of a large database runs
	 * in pages while the lists fill in, with its progress in the status bar.
	 */
	async loadInitialData(): Promise<void> {
		this.start();
	}

	/** Resolves after the next complete sync; rejects when the server cannot be reached. */
	whenSynced(): Promise<void> {
		return new Promise<void>((resolve, reject) => this.#waiters.push({ resolve, reject }));
	}

	#settle(error: Error | null): void {
		const waiters = this.#waiters;
		this.#waiters = [];
		for (const waiter of waiters) {
			if (error) waiter.reject(error);
			else waiter.resolve();
		}
	}

	stop(): void {
		this.#handle?.stop();
		this.#handle = null;
	}
}

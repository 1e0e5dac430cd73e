// What the status bar says about sync: online or not, the last successful sync, the progress
// of a long pull, and every rejection the server sent (SYNC.md "Client behaviour").
import type { SyncEvents, SyncPhase, SyncProgress } from '$lib/sync/engine';

export function phaseText(phase: SyncPhase, online: boolean): string {
	if (!online) return 'Offline';
	switch (phase) {
		case 'syncing':
			return 'Syncing…';
		case 'offline':
			return 'Server unreachable';
		case 'signed_out':
			return 'Signed out: sign in to sync';
		case 'update_required':
			return 'Update needed: reload the app';
		case 'error':
			return 'Sync problem';
		default:
			return 'Online';
	}
}

export function lastSyncText(at: Date | null, now: Date): string {
	if (!at) return 'Never synced';
	const seconds = Math.round((now.getTime() - at.getTime()) / 1000);
	if (seconds < 60) return 'Synced just now';
	const time = at.toLocaleTimeString([], { hour: '2-digit', minute: '2-digit' });
	return `Last sync ${time}`;
}

export class SyncStatus {
	#phase = $state<SyncPhase>('idle');
	#detail = $state<string | undefined>(undefined);
	#online = $state(true);
	#lastSyncAt = $state<Date | null>(null);
	#progress = $state<SyncProgress | null>(null);

	constructor(lastSyncAt: Date | null = null, online = true) {
		this.#lastSyncAt = lastSyncAt;
		this.#online = online;
	}

	get phase(): SyncPhase {
		return this.#phase;
	}
	get detail(): string | undefined {
		return this.#detail;
	}
	get online(): boolean {
		return this.#online && this.#phase !== 'offline';
	}
	get lastSyncAt(): Date | null {
		return this.#lastSyncAt;
	}
	get progress(): SyncProgress | null {
		return this.#progress;
	}
	/** 0–100 while a long pull runs, when the server says how much is left. */
	get percent(): number | null {
		const progress = this.#progress;
		if (!progress || progress.remaining === undefined) return null;
		const total = progress.received + progress.remaining;
		return total === 0 ? 100 : Math.round((progress.received / total) * 100);
	}
	get text(): string {
		return phaseText(this.#phase, this.#online);
	}

	setOnline(online: boolean): void {
		this.#online = online;
	}

	/** The callbacks the sync engine reports through. */
	readonly events: SyncEvents = {
		phase: (phase, detail) => {
			this.#phase = phase;
			this.#detail = detail;
		},
		progress: (progress) => {
			this.#progress = progress;
		},
		synced: (at) => {
			this.#lastSyncAt = at;
		}
	};
}

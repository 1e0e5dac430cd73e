// What the bottom status bar says about local work not yet on the server. Online/offline
// and the last sync time join here when the sync engine exists (SYNC.md, Client behaviour).
import { LiveValue, type LiveSource } from './live-value.svelte';

export function pendingText(count: number | undefined): string {
	if (count === undefined) return 'Checking for unsynced changes…';
	if (count === 0) return 'All changes saved';
	return count === 1 ? '1 action waiting to sync' : `${count} actions waiting to sync`;
}

export class OutboxStatus {
	readonly #count: LiveValue<number>;
	readonly #query: () => Promise<number>;

	constructor(source: LiveSource, outboxCount: () => Promise<number>) {
		this.#count = new LiveValue<number>(source);
		this.#query = outboxCount;
	}

	get pending(): number | undefined {
		return this.#count.value;
	}
	get text(): string {
		return pendingText(this.#count.value);
	}
	get error(): string | null {
		return this.#count.error;
	}

	start(): void {
		this.#count.run(this.#query);
	}

	stop(): void {
		this.#count.stop();
	}
}

// A query result that stays current. Screens read IndexedDB through Dexie's liveQuery so
// they refresh by themselves after an action, another tab or a sync pull. The source is
// passed in so tests can drive it without IndexedDB.
import { liveQuery } from 'dexie';

export interface Unsubscribable {
	unsubscribe(): void;
}

export interface Observable<T> {
	subscribe(observer: {
		next: (value: T) => void;
		error: (error: unknown) => void;
	}): Unsubscribable;
}

export type LiveSource = <T>(query: () => Promise<T>) => Observable<T>;

export const dexieLive: LiveSource = (query) => liveQuery(query);

export function errorText(error: unknown): string {
	if (error instanceof Error && error.message) return error.message;
	if (typeof error === 'string' && error) return error;
	return 'Something went wrong while reading local data.';
}

export class LiveValue<T> {
	#value = $state.raw<T | undefined>(undefined);
	#error = $state<string | null>(null);
	#loading = $state(false);
	#subscription: Unsubscribable | null = null;
	// Bumped on every run so a late answer from a replaced query is never shown.
	#generation = 0;
	readonly #source: LiveSource;

	constructor(source: LiveSource, initial?: T) {
		this.#source = source;
		this.#value = initial;
	}

	get value(): T | undefined {
		return this.#value;
	}
	get error(): string | null {
		return this.#error;
	}
	/** True until the current query answers once; the previous answer stays visible meanwhile. */
	get loading(): boolean {
		return this.#loading;
	}

	run(query: () => Promise<T>, onValue?: (value: T) => void): void {
		this.stop();
		const generation = ++this.#generation;
		this.#loading = true;
		this.#subscription = this.#source(query).subscribe({
			next: (value) => {
				if (generation !== this.#generation) return;
				this.#value = value;
				this.#error = null;
				this.#loading = false;
				onValue?.(value);
			},
			error: (error) => {
				if (generation !== this.#generation) return;
				this.#error = errorText(error);
				this.#loading = false;
			}
		});
	}

	/** Forget the current answer as well (a new query whose old answer would mislead). */
	clear(): void {
		this.stop();
		this.#value = undefined;
		this.#error = null;
	}

	stop(): void {
		this.#generation++;
		this.#subscription?.unsubscribe();
		this.#subscription = null;
		this.#loading = false;
	}
}

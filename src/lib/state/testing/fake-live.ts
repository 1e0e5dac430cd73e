// A LiveSource for tests: runs the query once per subscription, and again on refresh(), the
// way Dexie's liveQuery re-runs after a write.
import type { LiveSource, Observable } from '../live-value.svelte';

export interface FakeLive {
	source: LiveSource;
	/** Re-runs every open subscription's query (as a write to the database would). */
	refresh(): Promise<void>;
	/** Open subscriptions. */
	readonly open: number;
}

export function fakeLive(): FakeLive {
	const subscribers = new Set<() => Promise<void>>();
	const source: LiveSource = <T>(query: () => Promise<T>): Observable<T> => ({
		subscribe(observer) {
			let live = true;
			const run = async () => {
				try {
					const value = await query();
					if (live) observer.next(value);
				} catch (error) {
					if (live) observer.error(error);
				}
			};
			subscribers.add(run);
			void run();
			return {
				unsubscribe() {
					live = false;
					subscribers.delete(run);
				}
			};
		}
	});
	return {
		source,
		async refresh() {
			await Promise.all([...subscribers].map((run) => run()));
		},
		get open() {
			return subscribers.size;
		}
	};
}

/** Lets pending promise callbacks run. */
export function settle(): Promise<void> {
	return new Promise((resolve) => setTimeout(resolve, 0));
}

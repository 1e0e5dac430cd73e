// Test doubles for the products and warehouses state classes (used by their specs only).
import type { LiveSource } from './live-value.svelte';
import type { Perform, PerformResult } from './action-form.svelte';

/** A live source that answers at once and re-runs every open query on refresh(), as Dexie does after a write. */
export function fakeSource() {
	const open: (() => Promise<void>)[] = [];
	const source: LiveSource = (query) => ({
		subscribe({ next, error }) {
			const run = () => query().then(next, error);
			open.push(run);
			void run();
			return {
				unsubscribe: () => {
					const i = open.indexOf(run);
					if (i >= 0) open.splice(i, 1);
				}
			};
		}
	});
	return {
		source,
		/** The subscriptions still open. */
		get openCount() {
			return open.length;
		},
		refresh: async () => {
			await Promise.all(open.map((run) => run()));
		}
	};
}

/** Lets pending promise callbacks run. */
export const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

/** performAction that records each call and answers with the next queued result (applied by default). */
export function fakePerform(...results: PerformResult[]) {
	const calls: { name: string; args: unknown }[] = [];
	const perform: Perform = async (name, args) => {
		calls.push({ name, args });
		return results.shift() ?? { ok: true, mutationId: calls.length };
	};
	return { perform, calls };
}

/** Ids like a UUIDv7 would be: new each time, predictable in a test. */
export function counterIds(prefix = 'id') {
	let n = 0;
	return () => `${prefix}-${++n}`;
}

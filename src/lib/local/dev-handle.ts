// window.__dockside: a handle on the local store for benchmarks, browser tests and the console.
// The demo generator is loaded only when asked for, so the app's bundle does not carry it.
import { clearDb, getDb, resetDb, type DocksideDB } from './db';
import { performAction } from './perform';
import * as queries from './queries';
import { isEntity, tableOf, toLocalWrites } from './records';
import type { SeedOptions, StoredRecords } from './seed';

export interface DevHandle {
	readonly db: DocksideDB;
	/** Deletes the database and reopens it empty. */
	reset: typeof resetDb;
	/** Empties every table. */
	clear: typeof clearDb;
	seedDemoData: (n: number, opts?: SeedOptions) => Promise<{ orders: number; ms: number }>;
	ensureDemoData: () => Promise<{ seeded: boolean; orders: number }>;
	/** The demo records as stored rows, all at once, without writing them (benchmark baseline). */
	demoRecords: (n: number, opts?: SeedOptions) => Promise<StoredRecords>;
	performAction: typeof performAction;
	queries: typeof queries;
	/**
	 * The rows a pull writes for these records, per table, with their local index fields
	 * (records.ts toLocalWrites): the sync benchmark's baseline writes exactly these.
	 */
	storedRows: (
		records: { entity: string; id: string; value: unknown }[]
	) => Record<string, unknown[]>;
}

declare global {
	interface Window {
		__dockside?: DevHandle;
	}
}

export function installDevHandle(): void {
	if (typeof window === 'undefined') return;
	const handle: DevHandle = {
		get db() {
			return getDb();
		},
		reset: resetDb,
		clear: clearDb,
		seedDemoData: async (n, opts) => (await import('./seed')).seedDemoData(n, opts),
		ensureDemoData: async () => (await import('./seed')).ensureDemoData(),
		demoRecords: async (n, opts) => {
			const [{ generateDemoData }, { toStoredRecords }] = await Promise.all([
				import('./demo-data'),
				import('./seed')
			]);
			return toStoredRecords(generateDemoData(n, opts));
		},
		performAction,
		queries,
		storedRows: (records) => {
			const db = getDb();
			const rows: Record<string, unknown[]> = {};
			const changes = records.flatMap((r) =>
				isEntity(r.entity) ? [{ entity: r.entity, id: r.id, value: r.value }] : []
			);
			for (const [entity, list] of toLocalWrites(changes).puts) {
				rows[tableOf(db, entity).name] = list.map((item) => item.row);
			}
			return rows;
		}
	};
	window.__dockside = handle;
}

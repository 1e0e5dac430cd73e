// The one server instance of this process: database opened, migrated and (when asked) seeded
// with demo data on first use.
import { openDatabase, type OpenedDatabase } from './db/open';
import { demoAnchor, seedDemoIfEmpty } from './seed';
import { createSyncServer, type SyncServer } from './sync/context';

let starting: Promise<{ database: OpenedDatabase; sync: SyncServer }> | undefined;

export function serverRuntime() {
	starting ??= (async () => {
		const database = await openDatabase();
		const demoOrders = Number(process.env.DOCKSIDE_DEMO_ORDERS ?? 0);
		const anchor = demoAnchor(new Date(), process.env.DOCKSIDE_DEMO_ANCHOR);
		const seeded = await seedDemoIfEmpty(database.db, demoOrders, anchor);
		if (seeded > 0) console.log(`Loaded ${seeded} demo orders into the database.`);
		const sync = createSyncServer(database.db, database.engine, {
			pokeChannel: database.pokeChannel
		});
		return { database, sync };
	})();
	return starting;
}

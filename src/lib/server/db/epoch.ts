// The database's epoch (meta `epoch`): drawn at creation, drawn again by `dockside restore`
// and `dockside reset-tablets` (bin/dockside.js writes the same rows). Pull answers carry it;
// a pull that presents another epoch is told to reset, because versions after a restore no
// longer mean what the tablet saw before it.
import type { Db } from './record-store';

export const EPOCH_KEY = 'epoch';

export async function readEpoch(db: Db): Promise<string | undefined> {
	const row = await db
		.selectFrom('meta')
		.select('value')
		.where('key', '=', EPOCH_KEY)
		.executeTakeFirst();
	return row?.value;
}

// Orders a tablet keeps no longer (outside its retention window, local/retention.ts) come from
// the server on demand: the order view asks for one it does not have, and the answer is
// written into the local tables like a pull, so every screen then shows it. The next daily
// prune removes it again.
import type { DocksideDB } from '$lib/local/db';
import { isEntity, writeRecordsLocally } from '$lib/local/records';
import { META_OLDER_LOADED, olderOrdersLoaded } from '$lib/local/retention';
import { SCHEMA_VERSION } from '$lib/domain/mutation';
import type { RecordChange } from './entities';
import { PROTOCOL, type PatchOp } from './protocol';
import { TOKEN_KEY } from './start';

export type OlderOrderOutcome = 'loaded' | 'not_found' | 'offline';

export interface OlderOrderOptions {
	fetch?: typeof fetch;
	token?: string | null;
}

/** Asks the server for an order this tablet does not have, and stores it with its timeline. */
export async function loadOlderOrder(
	db: DocksideDB,
	orderId: string,
	options: OlderOrderOptions = {}
): Promise<OlderOrderOutcome> {
	const doFetch = options.fetch ?? fetch;
	const token = options.token !== undefined ? options.token : localStorage.getItem(TOKEN_KEY);
	let response: Response;
	try {
		response = await doFetch('/api/sync/records', {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token ?? ''}` },
			body: JSON.stringify({ protocol: PROTOCOL, schemaVersion: SCHEMA_VERSION, order: orderId })
		});
	} catch {
		return 'offline';
	}
	if (response.status === 404) return 'not_found';
	if (!response.ok) return 'offline';
	const { patch } = (await response.json()) as { patch: PatchOp[] };
	const records: RecordChange[] = patch.flatMap((op) =>
		op.op === 'put' && isEntity(op.entity)
			? [{ entity: op.entity, id: op.id, value: op.value }]
			: []
	);
	await db.transaction('rw', [db.orders, db.timeline, db.orderCounts, db.meta], async () => {
		// A copy the tablet has (pulled meanwhile, or changed here) wins over this one.
		if (await db.orders.get(orderId)) return;
		await writeRecordsLocally(db, records);
		// Pruning leaves it for a day, so it does not vanish from under the person.
		const loaded = await olderOrdersLoaded(db);
		const dayAgo = Date.now() - 86_400_000;
		const kept = Object.entries(loaded).filter(([, at]) => Date.parse(at) > dayAgo);
		await db.meta.put({
			key: META_OLDER_LOADED,
			value: { ...Object.fromEntries(kept), [orderId]: new Date().toISOString() }
		});
	});
	return 'loaded';
}

// One pull page, applied in one Dexie transaction (SYNC.md "Client behaviour"): write the
// patch into the server copies, record rejections, drop acknowledged mutations, and rebuild
// what pending mutations touched by re-applying them, in id order, on the new server state.
import type { PullResponse } from './protocol';
import { allTables, META_CLIENT_ID, type DocksideDB, type OutboxEntry } from '$lib/local/db';
import { recordKey, type RecordChange } from './entities';
import {
	applyMutationLocally,
	isEntity,
	toLocalWrites,
	writeLocalWrites,
	writeRecordsLocally,
	type LocalWrites
} from '$lib/local/records';

export const META_COOKIE = 'cookie';
export const META_LAST_SYNC = 'lastSyncAt';
/** The server epoch the cookie belongs to (a restore from backup starts a new one). */
export const META_EPOCH = 'epoch';

type Page = Extract<PullResponse, { cookie: number }>;

export interface PageOutcome {
	/** Pending mutations dropped because the server has handled them. */
	acknowledged: number;
	/** Pending mutations whose re-application the local rules now refuse (the server decides). */
	stillPending: number;
}

/** A page's records and the rows they become, computed outside any transaction. */
export interface PreparedPage {
	patch: RecordChange[];
	writes: LocalWrites;
}

/**
 * The CPU part of applying a page (local index fields, grouping per table). The sync loop runs
 * it while the previous page's transaction is still being written, so the two overlap.
 */
export function preparePullPage(page: Page): PreparedPage {
	const patch: RecordChange[] = page.patch.flatMap((op) =>
		isEntity(op.entity)
			? [{ entity: op.entity, id: op.id, value: op.op === 'put' ? op.value : null }]
			: []
	);
	return { patch, writes: toLocalWrites(patch) };
}

export async function applyPullPage(
	db: DocksideDB,
	page: Page,
	prepared: PreparedPage = preparePullPage(page)
): Promise<PageOutcome> {
	return db.transaction('rw', allTables(db), async () => {
		const clientId = String((await db.meta.get(META_CLIENT_ID))?.value ?? '');
		const { patch } = prepared;

		// Records with a base copy have pending local changes: the patch updates the copy.
		// With no pending work (a first pull) there is no base copy, and every record goes live.
		const baseCount = await db.base.count();
		let touchesBase = false;
		let baseKeys = new Set<string>();
		if (baseCount > 0 && patch.length > 0) {
			const bases = await db.base.bulkGet(patch.map((r) => [r.entity, r.id] as [string, string]));
			baseKeys = new Set(bases.flatMap((base) => (base ? [recordKey(base.entity, base.id)] : [])));
			const toBase = patch.filter((r) => baseKeys.has(recordKey(r.entity, r.id)));
			touchesBase = toBase.length > 0;
			await db.base.bulkPut(
				toBase.map((r) => ({ entity: r.entity, id: r.id, value: r.value, version: 0 }))
			);
		}
		await writeLocalWrites(
			db,
			prepared.writes,
			touchesBase ? (entity, id) => baseKeys.has(recordKey(entity, id)) : undefined
		);

		const outbox = await db.outbox.toArray();
		const byId = new Map(outbox.map((entry) => [entry.id, entry]));
		if (page.rejections.length > 0) {
			await db.rejections.bulkPut(
				page.rejections.map((rejection) => {
					const entry = byId.get(rejection.id);
					return {
						id: rejection.id,
						name: entry?.name ?? rejection.name ?? 'unknown',
						args: entry?.args ?? null,
						code: rejection.code,
						message: rejection.message,
						orderId: orderIdOf(entry)
					};
				})
			);
		}

		const acknowledged = outbox.filter((entry) => entry.id <= page.lastMutationId);
		const pending = outbox.filter((entry) => entry.id > page.lastMutationId);
		let stillPending = 0;
		if (acknowledged.length > 0 || touchesBase) {
			await db.outbox.bulkDelete(acknowledged.map((entry) => entry.id));
			// Back to the server's state for everything pending work had touched …
			const bases = await db.base.toArray();
			await writeRecordsLocally(
				db,
				bases.flatMap((base) =>
					isEntity(base.entity) ? [{ entity: base.entity, id: base.id, value: base.value }] : []
				)
			);
			await db.base.clear();
			// … then the pending mutations again, in order (they re-create their base copies).
			stillPending = await applyInOrder(db, pending, clientId);
		}
		await db.meta.bulkPut([
			{ key: META_COOKIE, value: page.cookie },
			...(page.epoch ? [{ key: META_EPOCH, value: page.epoch }] : []),
			{ key: META_LAST_SYNC, value: new Date().toISOString() }
		]);
		return { acknowledged: acknowledged.length, stillPending };
	});
}

/** The order a rejected mutation was about: `orderId`, or the one order of `orderIds`. */
function orderIdOf(entry: OutboxEntry | undefined): string | undefined {
	const args = entry?.args as { orderId?: unknown; orderIds?: unknown } | undefined;
	if (typeof args?.orderId === 'string') return args.orderId;
	const ids = args?.orderIds;
	return Array.isArray(ids) && ids.length === 1 && typeof ids[0] === 'string' ? ids[0] : undefined;
}

async function applyInOrder(
	db: DocksideDB,
	pending: OutboxEntry[],
	clientId: string
): Promise<number> {
	let refused = 0;
	for (const entry of pending) {
		const result = await applyMutationLocally(db, entry, clientId);
		if (!result.ok) refused++;
	}
	return refused;
}

/** After a reset pull: the tables hold only server data; put pending work back on top. */
export async function reapplyPending(db: DocksideDB): Promise<void> {
	await db.transaction('rw', allTables(db), async () => {
		const clientId = String((await db.meta.get(META_CLIENT_ID))?.value ?? '');
		await db.base.clear();
		await applyInOrder(db, await db.outbox.orderBy('id').toArray(), clientId);
	});
}

// The only write path of the screens: run a rule locally (optimistic apply) and queue the
// mutation for the server, atomically. SYNC.md: the id comes from the meta counter in the same
// transaction that appends the mutation, so two tabs never take the same id and an emptied
// outbox never restarts the count.
import { v7 as uuidv7 } from 'uuid';
import type { Mutation } from '$lib/domain/mutation';
import {
	META_CLIENT_ID,
	META_NEXT_MUTATION_ID,
	allTables,
	getDb,
	type DocksideDB,
	type OutboxEntry
} from './db';
import { applyMutationLocally } from './records';

/** Until users exist, every local action is made by this actor … */
export const DEFAULT_ACTOR = 'local-user';
/** … unless this tablet was given an operator name (localStorage), so two tablets differ. */
export const OPERATOR_STORAGE_KEY = 'dockside.operator';

/** Who acts on this tablet: its operator name when one is set, else DEFAULT_ACTOR. */
export function currentActor(): string {
	try {
		const name = globalThis.localStorage?.getItem(OPERATOR_STORAGE_KEY)?.trim();
		if (name) return name.slice(0, 100);
	} catch {
		// Storage can be blocked (private mode, policies): act as the default.
	}
	return DEFAULT_ACTOR;
}
export const BROADCAST_CHANNEL = 'dockside';

export type PerformResult =
	| { ok: true; mutationId: number }
	| { ok: false; code: string; message: string; issues?: { path: string; message: string }[] };

export interface PerformOptions {
	actor?: string;
	/** Tests pass their own clock; the app uses the device's. */
	now?: () => Date;
}

/** A rule rejection, carried out of the transaction so that Dexie rolls it back. */
class Rejected extends Error {
	constructor(readonly result: Extract<PerformResult, { ok: false }>) {
		super(result.message);
	}
}

/** The database's clientId, made (UUIDv7) the first time it is needed. */
export async function getClientId(db: DocksideDB = getDb()): Promise<string> {
	return db.transaction('rw', db.meta, () => ensureClientId(db));
}

async function ensureClientId(db: DocksideDB): Promise<string> {
	const row = await db.meta.get(META_CLIENT_ID);
	if (typeof row?.value === 'string') return row.value;
	const clientId = uuidv7();
	// A new clientId starts a new id sequence (ids are per clientId).
	await db.meta.bulkPut([
		{ key: META_CLIENT_ID, value: clientId },
		{ key: META_NEXT_MUTATION_ID, value: 1 }
	]);
	return clientId;
}

function notifyOtherTabs(mutationId: number): void {
	// Dexie's liveQuery already refreshes other tabs; this tells the sync loop to push soon.
	if (typeof BroadcastChannel === 'undefined') return;
	const channel = new BroadcastChannel(BROADCAST_CHANNEL);
	channel.postMessage({ type: 'mutation', mutationId });
	channel.close();
}

/**
 * Applies the action through the domain rules and, only if applied, appends it to the outbox
 * and writes every changed record, all in one transaction. A rejection writes nothing and
 * consumes no mutation id.
 */
export async function performAction(
	name: string,
	args: unknown,
	opts: PerformOptions = {}
): Promise<PerformResult> {
	const db = getDb();
	const actor = opts.actor ?? currentActor();
	const clientTime = (opts.now?.() ?? new Date()).toISOString();
	const tables = allTables(db);
	try {
		const mutationId = await db.transaction('rw', tables, async () => {
			const clientId = await ensureClientId(db);
			const counter = await db.meta.get(META_NEXT_MUTATION_ID);
			const id = typeof counter?.value === 'number' ? counter.value : 1;
			const mutation: Mutation = { id, name, args, actor, clientTime };
			// Writes the effects, keeping the server's copy of each record first (for rebase).
			const result = await applyMutationLocally(db, mutation, clientId);
			if (!result.ok) {
				const { code, message, issues } = result;
				throw new Rejected({ ok: false, code, message, ...(issues ? { issues } : {}) });
			}
			const entry: OutboxEntry = { id, name, args, actor, clientTime };
			await db.meta.put({ key: META_NEXT_MUTATION_ID, value: id + 1 });
			await db.outbox.add(entry);
			return id;
		});
		notifyOtherTabs(mutationId);
		return { ok: true, mutationId };
	} catch (error) {
		if (error instanceof Rejected) return error.result;
		// A bug or a storage failure: nothing was written (the transaction aborted).
		console.error(`performAction(${name}) failed`, error);
		const message = error instanceof Error ? error.message : String(error);
		return { ok: false, code: 'local_error', message: `The action could not be saved: ${message}` };
	}
}

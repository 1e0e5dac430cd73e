// Several actions (and a device-only write) as one local transaction: all applied, or none.
// Each action still goes through performAction, so each is its own mutation in the outbox with
// its own id, and the server applies them in that order. Dexie nests performAction's
// transaction in ours; a refusal in any of them aborts ours too, which undoes the earlier ones.
import { allTables, getDb, type DocksideDB } from './db';
import { performAction, type PerformOptions, type PerformResult } from './perform';

export interface Step {
	name: string;
	args: unknown;
}

export async function performAll(
	steps: readonly Step[],
	after?: (db: DocksideDB) => Promise<unknown>,
	opts: PerformOptions = {}
): Promise<PerformResult> {
	const db = getDb();
	let refused: Extract<PerformResult, { ok: false }> | undefined;
	try {
		return await db.transaction('rw', allTables(db), async () => {
			let last: PerformResult | undefined;
			for (const step of steps) {
				last = await performAction(step.name, step.args, opts);
				if (!last.ok) {
					refused = last;
					// Our transaction is already aborted; stop before anything runs outside it.
					throw new Error(last.message);
				}
			}
			await after?.(db);
			if (!last) throw new Error('performAll needs at least one step.');
			return last;
		});
	} catch (error) {
		if (refused) return refused;
		console.error('performAll failed', error);
		const message = error instanceof Error ? error.message : String(error);
		return { ok: false, code: 'local_error', message: `The action could not be saved: ${message}` };
	}
}

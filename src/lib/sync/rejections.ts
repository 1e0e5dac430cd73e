// Rejected actions stay listed until the person dismisses them or acts again (SYNC.md:
// a rejection is never dropped silently). These are local notices, not domain actions.
import { getDb, type RejectionRow } from '$lib/local/db';
import { performAction, type PerformResult } from '$lib/local/perform';

export function listRejections(): Promise<RejectionRow[]> {
	return getDb().rejections.orderBy('id').reverse().toArray();
}

export async function dismissRejection(id: number): Promise<void> {
	await getDb().rejections.delete(id);
}

/** Performs the same action again as a new mutation; the notice goes once it is queued. */
export async function actAgain(rejection: RejectionRow): Promise<PerformResult> {
	const result = await performAction(rejection.name, rejection.args);
	if (result.ok) await dismissRejection(rejection.id);
	return result;
}

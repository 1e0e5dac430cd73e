// Where one of this tablet's mutations is: still in the outbox, refused by the server (the
// rejection is recorded before the pull that clears the outbox), or acknowledged.
import { getDb } from '$lib/local/db';
import type { MutationState } from '$lib/state/settings-form.svelte';

export async function mutationState(mutationId: number): Promise<MutationState> {
	const db = getDb();
	const [pending, rejected] = await Promise.all([
		db.outbox.get(mutationId),
		db.rejections.get(mutationId)
	]);
	if (rejected) return { kind: 'rejected', message: rejected.message };
	return pending ? { kind: 'pending' } : { kind: 'synced' };
}

// When reloading the app would cut someone off: a sync in flight (a push whose answer never
// arrives is resent and answered `duplicate`, but a pull page half written is work thrown
// away) or an open dialog (an action form, the order view: what the person typed is lost).

export type BusyReason = 'syncing' | 'dialog';

/** Anything with querySelector: the document, or a fake in tests. */
export interface Queryable {
	querySelector(selector: string): unknown;
}

/** Every dialog (src/lib/components/Dialog.svelte) marks itself `aria-modal="true"`. */
export const OPEN_DIALOG_SELECTOR = '[aria-modal="true"]';

export function busyReason(syncPhase: string, root: Queryable | null): BusyReason | null {
	if (syncPhase === 'syncing') return 'syncing';
	if (root?.querySelector(OPEN_DIALOG_SELECTOR)) return 'dialog';
	return null;
}

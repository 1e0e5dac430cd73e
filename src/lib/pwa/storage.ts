// The tablet's copy of the orders and its outbox live in IndexedDB, which a browser may evict
// under storage pressure unless the site holds persistent storage, and which stops accepting
// writes at the quota (SYNC.md, Client behaviour).

/** From this share of the quota on, the person is warned. */
export const QUOTA_WARNING_RATIO = 0.8;

/** The parts of navigator.storage used here; absent where the browser lacks them. */
export interface StorageApi {
	persisted?(): Promise<boolean>;
	persist?(): Promise<boolean>;
	estimate?(): Promise<StorageEstimate>;
}

export type Persistence = 'persisted' | 'not_persisted' | 'unsupported';

/**
 * Asks for persistent storage unless it is held already. Called on every start, not only the
 * first: Chromium grants it silently once the site is installed or used enough, so a later start
 * can succeed where the first did not, and browsers that ask the person remember the answer.
 */
export async function requestPersistence(storage: StorageApi | undefined): Promise<Persistence> {
	if (!storage?.persist || !storage.persisted) return 'unsupported';
	try {
		if (await storage.persisted()) return 'persisted';
		return (await storage.persist()) ? 'persisted' : 'not_persisted';
	} catch {
		return 'not_persisted';
	}
}

const SIZE_UNITS = ['bytes', 'KB', 'MB', 'GB', 'TB'];

export function formatBytes(bytes: number): string {
	let value = bytes;
	let unit = 0;
	while (value >= 1000 && unit < SIZE_UNITS.length - 1) {
		value /= 1000;
		unit += 1;
	}
	const digits = unit === 0 || value >= 100 ? 0 : 1;
	return `${value.toFixed(digits)} ${SIZE_UNITS[unit]}`;
}

/** The whole percent of the quota in use, from 80 on; null below it or without figures. */
export function quotaPercent(estimate: StorageEstimate | undefined): number | null {
	const usage = estimate?.usage;
	const quota = estimate?.quota;
	if (usage === undefined || !quota) return null;
	const ratio = usage / quota;
	if (ratio < QUOTA_WARNING_RATIO) return null;
	return Math.min(100, Math.floor(ratio * 100));
}

/** What to tell the person when local storage is nearly full; null while it is not. */
export function quotaWarning(estimate: StorageEstimate | undefined): string | null {
	const percent = quotaPercent(estimate);
	if (percent === null || !estimate?.usage || !estimate.quota) return null;
	return (
		`Storage almost full: Dockside uses ${percent} % of the space this browser allows ` +
		`(${formatBytes(estimate.usage)} of ${formatBytes(estimate.quota)}). Free space on this ` +
		`device, or new orders and actions may not be saved.`
	);
}

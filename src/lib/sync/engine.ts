// The sync loop: push the outbox in batches under 1 MiB, then pull pages until the server has
// nothing more, applying each page with rebase. One tab at a time holds the Web Lock; the
// others only write to the outbox. Backoff on network errors and 503: 1 s doubling to 60 s.
import { SCHEMA_VERSION } from '$lib/domain/mutation';
import { META_CLIENT_ID, type DocksideDB, type OutboxEntry } from '$lib/local/db';
import { getClientId } from '$lib/local/perform';
import { pruneWhenDue } from '$lib/local/retention';
import { MAX_PUSH_BYTES, PROTOCOL, type PushResponse } from './protocol';
import { applyPullPage, META_COOKIE, META_EPOCH, preparePullPage, reapplyPending } from './rebase';
import type { SyncTransport } from './transport';

export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'signed_out' | 'update_required' | 'error';

export interface SyncProgress {
	/** Records received in this pull run. */
	received: number;
	/** Records still to come on the server, when it says. */
	remaining?: number;
}

export interface SyncEvents {
	phase(phase: SyncPhase, detail?: string): void;
	progress(progress: SyncProgress | null): void;
	synced(at: Date): void;
}

const BATCH_LIMIT = 500;
/** Set while the pull from scratch (first start or reset) has not finished. */
export const META_FIRST_PULL = 'firstPullRunning';
/** Room for the envelope around the mutations. */
const ENVELOPE_BYTES = 1024;

/** Consecutive outbox entries whose JSON stays under the push limit. */
export function takePushBatch(entries: OutboxEntry[]): OutboxEntry[] {
	const batch: OutboxEntry[] = [];
	let bytes = ENVELOPE_BYTES;
	for (const entry of entries.slice(0, BATCH_LIMIT)) {
		const size = new TextEncoder().encode(JSON.stringify(entry)).byteLength + 1;
		if (batch.length > 0 && bytes + size > MAX_PUSH_BYTES) break;
		batch.push(entry);
		bytes += size;
	}
	return batch;
}

export function backoffDelay(attempt: number, random: () => number = Math.random): number {
	const base = Math.min(60_000, 1000 * 2 ** attempt);
	return Math.round(base / 2 + (random() * base) / 2);
}

export class SyncEngine {
	readonly #db: DocksideDB;
	readonly #transport: SyncTransport;
	readonly #events: SyncEvents;
	#running: Promise<void> | null = null;
	#again = false;
	#attempt = 0;
	#retryTimer: ReturnType<typeof setTimeout> | null = null;
	/** Highest id the server acknowledged in a push answer this session (pull drops them). */
	#pushedUpTo = 0;

	/** The clock for the retention window (tests set it; rules never read it). */
	readonly #now: () => Date;

	constructor(
		db: DocksideDB,
		transport: SyncTransport,
		events: SyncEvents,
		options: { now?: () => Date } = {}
	) {
		this.#db = db;
		this.#transport = transport;
		this.#events = events;
		this.#now = options.now ?? (() => new Date());
	}

	/** Runs a sync now, or once more after the one running. */
	sync(): Promise<void> {
		if (this.#running) {
			this.#again = true;
			return this.#running;
		}
		this.#running = this.#runLoop().finally(() => {
			this.#running = null;
		});
		return this.#running;
	}

	stop(): void {
		if (this.#retryTimer) clearTimeout(this.#retryTimer);
		this.#retryTimer = null;
	}

	async #runLoop(): Promise<void> {
		do {
			this.#again = false;
			await this.#runOnce();
		} while (this.#again);
	}

	async #runOnce(): Promise<void> {
		this.#events.phase('syncing');
		const outcome = (await this.#push()) ?? (await this.#pull());
		if (outcome === 'ok') {
			this.#attempt = 0;
			this.#events.phase('idle');
			this.#events.synced(new Date());
			await this.#prune();
			return;
		}
		if (outcome === 'network' || outcome === 'unavailable') {
			this.#events.phase('offline');
			const delay = backoffDelay(this.#attempt++);
			this.stop();
			this.#retryTimer = setTimeout(() => void this.sync(), delay);
			return;
		}
		if (outcome === 'unauthorized') this.#events.phase('signed_out');
		else if (outcome === 'schema_version') this.#events.phase('update_required');
		else this.#events.phase('error', outcome);
	}

	/** Pushes every pending mutation; undefined when done, else what stopped it. */
	async #push(): Promise<string | undefined> {
		const clientId = await getClientId(this.#db);
		for (;;) {
			const entries = await this.#db.outbox.where('id').above(this.#pushedUpTo).toArray();
			if (entries.length === 0) return undefined;
			const batch = takePushBatch(entries);
			const body = JSON.stringify({
				protocol: PROTOCOL,
				schemaVersion: SCHEMA_VERSION,
				clientId,
				mutations: batch.map(({ id, name, args, actor, clientTime }) => ({
					id,
					name,
					args,
					actor,
					clientTime
				}))
			});
			const answer = await this.#transport.push(body);
			if (!answer.ok) {
				if (answer.kind === 'gap') {
					// The server already has up to expected − 1: send from there.
					if (answer.expected > batch[0].id) {
						this.#pushedUpTo = answer.expected - 1;
						continue;
					}
					return 'gap';
				}
				return answer.kind;
			}
			await this.#recordPushRejections(answer.value, batch);
			this.#pushedUpTo = Math.max(this.#pushedUpTo, answer.value.lastMutationId);
		}
	}

	/** Rejections are shown at once; the pull that follows removes their local effect. */
	async #recordPushRejections(response: PushResponse, batch: OutboxEntry[]): Promise<void> {
		const byId = new Map(batch.map((entry) => [entry.id, entry]));
		const rows = response.results.flatMap((result) => {
			if (result.status !== 'rejected') return [];
			const entry = byId.get(result.id);
			const args = entry?.args as { orderId?: unknown } | undefined;
			return [
				{
					id: result.id,
					name: entry?.name ?? 'unknown',
					args: entry?.args ?? null,
					code: result.code,
					message: result.message,
					orderId: typeof args?.orderId === 'string' ? args.orderId : undefined
				}
			];
		});
		if (rows.length > 0) await this.#db.rejections.bulkPut(rows);
	}

	async #pull(): Promise<string> {
		const clientId = String(
			(await this.#db.meta.get(META_CLIENT_ID))?.value ?? (await getClientId(this.#db))
		);
		let received = 0;
		let wasReset = false;
		// A pull from scratch asks only for what a tablet keeps (retention-window.ts): closed
		// orders older than the window stay on the server, and come when a screen asks for
		// them (older.ts). Until that first pull has finished (it may span several runs), every
		// page asks the same. Later pulls take every change, so an order this tablet acted on is
		// never left at its old version; the daily prune drops what is outside the window.
		const [storedCookie, storedEpoch] = await this.#storedCookie();
		let firstPull = storedCookie === null || (await this.#isFirstPull());
		if (storedCookie === null) await this.#db.meta.put({ key: META_FIRST_PULL, value: true });
		const request = (cookie: number | null, epoch: string | undefined) =>
			this.#transport.pull(
				JSON.stringify({
					protocol: PROTOCOL,
					schemaVersion: SCHEMA_VERSION,
					clientId,
					cookie,
					epoch,
					...(firstPull ? { retainedOnly: true } : {})
				})
			);
		let next = request(storedCookie, storedEpoch);
		// The page being written. Pages are applied strictly in order, each in its own
		// transaction, but the next page is fetched and prepared while this one is written:
		// network, CPU and IndexedDB overlap.
		let writing: Promise<unknown> = Promise.resolve();
		for (;;) {
			const answer = await next;
			if (!answer.ok) {
				await writing;
				this.#events.progress(null);
				return answer.kind;
			}
			const page = answer.value;
			if ('reset' in page) {
				await writing;
				await this.#resetServerData();
				wasReset = true;
				firstPull = true;
				await this.#db.meta.put({ key: META_FIRST_PULL, value: true });
				next = request(null, undefined);
				continue;
			}
			if (page.more) next = request(page.cookie, page.epoch);
			const prepared = preparePullPage(page);
			await writing;
			writing = applyPullPage(this.#db, page, prepared);
			// Awaited on the next turn; a failure is not "unhandled" in the meantime.
			writing.catch(() => undefined);
			received += page.patch.length;
			if (!page.more) {
				await writing;
				if (firstPull) await this.#db.meta.delete(META_FIRST_PULL);
				if (wasReset) await reapplyPending(this.#db);
				this.#events.progress(null);
				return 'ok';
			}
			this.#events.progress({ received, remaining: page.remaining });
		}
	}

	/** Once a day, after a sync: drop what has left the retention window (local/retention.ts). */
	async #prune(): Promise<void> {
		try {
			await pruneWhenDue(this.#db, this.#now());
		} catch (error) {
			// Pruning only saves space: a failure waits for the next sync.
			console.warn('Pruning the retention window failed', error);
		}
	}

	async #isFirstPull(): Promise<boolean> {
		return (await this.#db.meta.get(META_FIRST_PULL))?.value === true;
	}

	async #storedCookie(): Promise<[number | null, string | undefined]> {
		const cookieRow = await this.#db.meta.get(META_COOKIE);
		const cookie = typeof cookieRow?.value === 'number' ? cookieRow.value : null;
		const epochRow = await this.#db.meta.get(META_EPOCH);
		const epoch =
			cookie !== null && typeof epochRow?.value === 'string' ? epochRow.value : undefined;
		return [cookie, epoch];
	}

	/** The server asked for a fresh start: drop its data, keep the outbox, pull from null. */
	async #resetServerData(): Promise<void> {
		const db = this.#db;
		const serverTables = [
			db.orders,
			db.products,
			db.warehouses,
			db.stock,
			db.movements,
			db.timeline,
			db.preparations,
			db.settings,
			db.shops,
			db.base
		];
		await db.transaction('rw', [...serverTables, db.meta], async () => {
			await Promise.all(serverTables.map((table) => table.clear()));
			await db.meta.bulkDelete([META_COOKIE, META_EPOCH]);
		});
		this.#pushedUpTo = 0;
	}
}

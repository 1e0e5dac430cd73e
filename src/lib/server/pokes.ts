// Pokes (SYNC.md: a `poke` on the SSE stream after each commit, whichever server process or
// command made it). Each process has one PokeHub; a PokeChannel carries pokes between the
// processes that share the database: LISTEN/NOTIFY on PostgreSQL, a cheap poll of the version
// counter on SQLite.
import { EventEmitter } from 'node:events';
import { randomUUID } from 'node:crypto';
import pg from 'pg';
import type SQLite from 'better-sqlite3';

export const POKE_CHANNEL = 'dockside_poke';

export interface PokeChannel {
	/** Called after this process committed a change: tell the other processes. */
	publish(): void;
	/** Delivers the other processes' pokes to `onPoke` until the returned stop is called. */
	subscribe(onPoke: () => void): () => void;
	/** Ends for good (the database is closing). */
	close(): Promise<void>;
}

/** Marks a poke that came from another process, so the hub does not publish it back. */
const REMOTE = Symbol('remote poke');

/**
 * The process's poke emitter. `emit('poke')` after a local commit also publishes it on the
 * channel; the channel is only subscribed while someone listens (an SSE client is connected).
 */
export class PokeHub extends EventEmitter {
	#stop: (() => void) | null = null;

	constructor(private readonly channel?: PokeChannel) {
		super();
		this.setMaxListeners(0);
		if (!channel) return;
		this.on('newListener', (event) => {
			if (event === 'poke' && this.listenerCount('poke') === 0 && !this.#stop) {
				this.#stop = channel.subscribe(() => this.emit('poke', REMOTE));
			}
		});
		this.on('removeListener', (event) => {
			if (event === 'poke' && this.listenerCount('poke') === 0 && this.#stop) {
				this.#stop();
				this.#stop = null;
			}
		});
	}

	override emit(event: string | symbol, ...args: unknown[]): boolean {
		if (event === 'poke' && args[0] !== REMOTE) this.channel?.publish();
		return super.emit(event, ...args);
	}
}

/**
 * SQLite: other processes (a second server, the `dockside` command) cannot signal us, so poll
 * the version counter while someone listens. A local commit moves the baseline first, so it
 * is not poked twice.
 */
export function sqlitePokeChannel(sqlite: SQLite.Database, intervalMs = 1000): PokeChannel {
	const read = sqlite
		.prepare<[], number>("SELECT value FROM counters WHERE name = 'version'")
		.pluck();
	let seen: number | undefined;
	const current = () => {
		try {
			return Number(read.get());
		} catch {
			return seen; // busy or closing: try again on the next tick
		}
	};
	return {
		publish() {
			seen = current();
		},
		subscribe(onPoke) {
			seen = current();
			const timer = setInterval(() => {
				const now = current();
				if (now !== undefined && now !== seen) {
					seen = now;
					onPoke();
				}
			}, intervalMs);
			timer.unref();
			return () => clearInterval(timer);
		},
		async close() {}
	};
}

/**
 * PostgreSQL: NOTIFY after each local commit; a dedicated connection LISTENs while someone
 * listens here, and reconnects after a failure (with a poke, as some may have been missed).
 * The payload names the sending process, which ignores its own notifications.
 */
export function postgresPokeChannel(
	pool: pg.Pool,
	connection: pg.ClientConfig,
	retryMs = 1000
): PokeChannel {
	const self = randomUUID();
	let closed = false;
	const listeners = new Set<() => void>();
	let client: pg.Client | null = null;
	let retry: NodeJS.Timeout | null = null;

	const connect = async (afterFailure: boolean) => {
		if (closed || listeners.size === 0 || client) return;
		const next = new pg.Client(connection);
		client = next;
		const fail = (error: unknown) => {
			if (client !== next) return;
			client = null;
			next.end().catch(() => {});
			if (closed || listeners.size === 0) return;
			console.error('pokes: lost the LISTEN connection; retrying', error);
			retry = setTimeout(() => {
				retry = null;
				void connect(true);
			}, retryMs);
			retry.unref();
		};
		next.on('error', fail);
		next.on('end', () => fail(new Error('connection ended')));
		next.on('notification', (message) => {
			if (message.channel === POKE_CHANNEL && message.payload !== self) {
				for (const listener of listeners) listener();
			}
		});
		try {
			await next.connect();
			await next.query(`LISTEN ${POKE_CHANNEL}`);
			if (afterFailure) for (const listener of listeners) listener();
		} catch (error) {
			fail(error);
		}
	};

	const disconnect = () => {
		if (retry) clearTimeout(retry);
		retry = null;
		const current = client;
		client = null;
		current?.end().catch(() => {});
	};

	return {
		publish() {
			if (closed) return;
			pool
				.query('SELECT pg_notify($1, $2)', [POKE_CHANNEL, self])
				.catch((error) => console.error('pokes: NOTIFY failed', error));
		},
		subscribe(onPoke) {
			listeners.add(onPoke);
			void connect(false);
			return () => {
				listeners.delete(onPoke);
				if (listeners.size === 0) disconnect();
			};
		},
		async close() {
			closed = true;
			listeners.clear();
			disconnect();
		}
	};
}

// What the sync handlers need from the running server: the database, the poke channel,
// the authentication check and the actor check (filled in by the users and roles work).
import type { EventEmitter } from 'node:events';
import type { Kysely } from 'kysely';
import type { Database } from '../db/types';
import { PokeHub, type PokeChannel } from '../pokes';

export interface SyncServer {
	db: Kysely<Database>;
	engine: 'sqlite' | 'postgres';
	/**
	 * Emits 'poke' after every commit that changed records, in this process or (through the
	 * poke channel) in another process or command on the same database.
	 */
	pokes: EventEmitter;
	/** Records per pull page. */
	pullPageSize: number;
	/** The clock, injectable for tests; rules never read it (they get context.now). */
	now(): Date;
}

export function createSyncServer(
	db: Kysely<Database>,
	engine: 'sqlite' | 'postgres',
	options: { pullPageSize?: number; now?: () => Date; pokeChannel?: PokeChannel } = {}
): SyncServer {
	const pokes = new PokeHub(options.pokeChannel);
	return {
		db,
		engine,
		pokes,
		pullPageSize: options.pullPageSize ?? Number(process.env.DOCKSIDE_PULL_PAGE ?? 5000),
		now: options.now ?? (() => new Date())
	};
}

export interface HandlerAnswer {
	status: number;
	body: unknown;
	/** The body already written as JSON text (large pull pages); wins over `body`. */
	raw?: string;
}

/** The answer's body as an object, for in-process callers. */
export function answerBody(answer: HandlerAnswer): unknown {
	return answer.raw !== undefined ? JSON.parse(answer.raw) : answer.body;
}

export function badRequest(message: string): HandlerAnswer {
	return { status: 400, body: { error: 'bad_request', message } };
}

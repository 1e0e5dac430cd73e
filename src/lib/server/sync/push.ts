// POST /api/sync/push (SYNC.md, "Push"): check the whole envelope first, then apply each
// mutation through the shared rules in its own transaction, with the client's
// lastMutationId, the mutation's result and its commit version.
import { applyMutation } from '$lib/domain/apply';
import { formatInvoiceNumber } from '$lib/domain/invoice-number';
import { SCHEMA_VERSION, type Mutation } from '$lib/domain/mutation';
import {
	MAX_PUSH_BYTES,
	PushRequest,
	idsStrictlyIncrease,
	type MutationResult,
	type PushedMutation
} from '$lib/sync/protocol';
import { changesToWrites, type Db } from '../db/record-store';
import { inMutationTransaction } from '../db/mutation-store';
import { readEpoch } from '../db/epoch';
import { authorizeActor } from './auth';
import { badRequest, type HandlerAnswer, type SyncServer } from './context';

export async function lastMutationIdOf(
	db: Db,
	clientId: string,
	forUpdate = false
): Promise<number> {
	let query = db.selectFrom('clients').select('last_mutation_id').where('client_id', '=', clientId);
	if (forUpdate) query = query.forUpdate();
	const row = await query.executeTakeFirst();
	return row ? Number(row.last_mutation_id) : 0;
}

export function parsePushBody(raw: string): { ok: true; body: PushRequest } | HandlerAnswer {
	if (Buffer.byteLength(raw) > MAX_PUSH_BYTES)
		return badRequest(`The push is larger than ${MAX_PUSH_BYTES} bytes: split it.`);
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch {
		return badRequest('The body is not JSON.');
	}
	const parsed = PushRequest.safeParse(json);
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		return badRequest(`Invalid push envelope: ${first.path.join('.') || 'body'}: ${first.message}`);
	}
	if (!idsStrictlyIncrease(parsed.data.mutations))
		return badRequest('Mutation ids must increase strictly within a push.');
	return { ok: true, body: parsed.data };
}

class GapError extends Error {
	constructor(readonly expected: number) {
		super('gap');
	}
}

export async function handlePush(server: SyncServer, raw: string): Promise<HandlerAnswer> {
	const parsed = parsePushBody(raw);
	if (!('ok' in parsed)) return parsed;
	const { body } = parsed;
	if (body.schemaVersion !== SCHEMA_VERSION)
		return { status: 409, body: { error: 'schema_version', expected: SCHEMA_VERSION } };

	const last = await lastMutationIdOf(server.db, body.clientId);
	const gap = firstGap(body.mutations, last);
	// After a restore from backup the mutations a tablet already saw acknowledged may be gone:
	// such a tablet continues from its next id instead of being stuck on a gap forever.
	let restartAt: number | undefined;
	if (gap !== null) {
		if (!(await lostByRestore(server.db, body.clientId)))
			return { status: 409, body: { error: 'gap', expected: gap } };
		restartAt = body.mutations[0].id;
	}

	const receivedAt = server.now();
	const epoch = (await readEpoch(server.db)) ?? null;
	const results: MutationResult[] = [];
	let lastMutationId = last;
	let changedAnything = false;
	try {
		for (const mutation of body.mutations) {
			// Already handled before this push began (lastMutationId only grows): a retried push
			// answers its duplicates without a write transaction each.
			if (mutation.id <= last && restartAt === undefined) {
				results.push({ id: mutation.id, status: 'duplicate' });
				continue;
			}
			const outcome = await handleOne(
				server,
				body.clientId,
				mutation,
				receivedAt,
				epoch,
				mutation.id === restartAt
			);
			results.push(outcome.result);
			if (outcome.result.status !== 'duplicate') lastMutationId = mutation.id;
			else lastMutationId = Math.max(lastMutationId, outcome.lastMutationId);
			changedAnything ||= outcome.result.status !== 'duplicate';
		}
	} catch (error) {
		if (changedAnything) server.pokes.emit('poke');
		if (error instanceof GapError)
			return { status: 409, body: { error: 'gap', expected: error.expected } };
		console.error('push: transient failure', error);
		return {
			status: 503,
			body: {
				error: 'unavailable',
				message: 'The server could not store the changes; retry later.'
			}
		};
	}
	if (changedAnything) server.pokes.emit('poke');
	return { status: 200, body: { results, lastMutationId } };
}

/** The id the server expects next, if the batch does not continue from `last`; else null. */
function firstGap(mutations: PushedMutation[], last: number): number | null {
	let expected = last + 1;
	for (const mutation of mutations) {
		if (mutation.id > expected) return last + 1;
		if (mutation.id === expected) expected++;
	}
	return null;
}

/** The time rules see: the client's, but never later than when the server received it. */
function clampedTime(clientTime: string, receivedAt: Date): string {
	const client = new Date(clientTime);
	return (client.getTime() > receivedAt.getTime() ? receivedAt : client).toISOString();
}

/**
 * Whether the client's acknowledged mutations may have been lost: its row was recorded in
 * another epoch (the database was restored or reset since), or it has no row in a database
 * that was restored or reset.
 */
async function lostByRestore(db: Db, clientId: string): Promise<boolean> {
	const epoch = await readEpoch(db);
	const row = await db
		.selectFrom('clients')
		.select('epoch')
		.where('client_id', '=', clientId)
		.executeTakeFirst();
	if (row) return row.epoch !== null && row.epoch !== epoch;
	const marks = await db
		.selectFrom('meta')
		.select('key')
		.where('key', 'in', ['restoredAt', 'resetAt'])
		.execute();
	return marks.length > 0;
}

async function handleOne(
	server: SyncServer,
	clientId: string,
	mutation: PushedMutation,
	receivedAt: Date,
	epoch: string | null,
	restart = false
): Promise<{ result: MutationResult; lastMutationId: number }> {
	return inMutationTransaction(server.db, server.engine, async (store) => {
		const recorded = await store.lastMutationId(clientId);
		const last = restart ? Math.max(recorded, mutation.id - 1) : recorded;
		if (mutation.id <= last)
			return { result: { id: mutation.id, status: 'duplicate' }, lastMutationId: last };
		if (mutation.id !== last + 1) throw new GapError(last + 1);

		let result: MutationResult;
		let version: number;
		const actorCheck = authorizeActor(mutation.actor, mutation.name);
		if (!actorCheck.ok) {
			result = {
				id: mutation.id,
				status: 'rejected',
				code: 'forbidden',
				message: actorCheck.message
			};
			version = await store.takeVersions(1);
		} else {
			// Gapless numbers: on PostgreSQL the row stays locked until this mutation commits.
			let invoiceNumber = await store.invoiceCounter();
			const firstInvoiceNumber = invoiceNumber;
			const envelope: Mutation = { ...mutation, args: mutation.args };
			const applied = await applyMutation(store.reader, envelope, {
				now: clampedTime(mutation.clientTime, receivedAt),
				actor: mutation.actor,
				actorKind: 'user',
				clientId,
				mutationId: mutation.id,
				assignInvoiceNumber: () => formatInvoiceNumber(++invoiceNumber)
			});
			if (applied.ok) {
				version = await store.writeRecords(changesToWrites(applied.changes));
				if (invoiceNumber !== firstInvoiceNumber) await store.setInvoiceCounter(invoiceNumber);
				result = { id: mutation.id, status: 'applied' };
			} else {
				result = {
					id: mutation.id,
					status: 'rejected',
					code: applied.code,
					message: applied.message
				};
				version = await store.takeVersions(1);
			}
		}

		await store.recordResult(
			{
				client_id: clientId,
				mutation_id: mutation.id,
				name: mutation.name,
				actor: mutation.actor,
				status: result.status === 'applied' ? 'applied' : 'rejected',
				code: result.status === 'rejected' ? result.code : null,
				message: result.status === 'rejected' ? result.message : null,
				version,
				client_time: mutation.clientTime,
				received_at: receivedAt.toISOString()
			},
			epoch
		);
		return { result, lastMutationId: mutation.id };
	});
}

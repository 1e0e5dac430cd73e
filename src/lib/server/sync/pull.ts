// POST /api/sync/pull (SYNC.md, "Pull"): every record changed after the client's cookie, in
// version order, a page at a time, with this client's rejections and acknowledged
// mutations never running ahead of the page.
import { SCHEMA_VERSION } from '$lib/domain/mutation';
import { PullRequest, type PullResponse, type Rejection } from '$lib/sync/protocol';
import { readEpoch } from '../db/epoch';
import { badRequest, type HandlerAnswer, type SyncServer } from './context';
import { retentionStart, rowsLeftOut } from './pull-retention';

/** A patch op whose value is still the stored JSON text. */
type RawPatchOp =
	| { op: 'put'; entity: string; id: string; version: number; valueJson: string }
	| { op: 'del'; entity: string; id: string; version: number };

type RawPage = Omit<Extract<PullResponse, { cookie: number }>, 'patch'> & { patch: RawPatchOp[] };

/** Answers carry the server's epoch; a client presenting another one was synced before a restore. */
type PullAnswer = RawPage | { reset: true };

/** SYNC.md's page shape, written as text around the stored values (no parse, no re-stringify). */
export function serializePage(page: PullAnswer): string {
	if ('reset' in page) return JSON.stringify(page);
	const patch = page.patch
		.map((op) =>
			op.op === 'put'
				? `{"op":"put","entity":${JSON.stringify(op.entity)},"id":${JSON.stringify(op.id)},"version":${op.version},"value":${op.valueJson}}`
				: JSON.stringify(op)
		)
		.join(',');
	const { patch: _patch, ...rest } = page;
	const head = JSON.stringify(rest);
	return `${head.slice(0, -1)},"patch":[${patch}]}`;
}

export async function handlePull(server: SyncServer, raw: string): Promise<HandlerAnswer> {
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch {
		return badRequest('The body is not JSON.');
	}
	const parsed = PullRequest.safeParse(json);
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		return badRequest(`Invalid pull request: ${first.path.join('.') || 'body'}: ${first.message}`);
	}
	const request = parsed.data;
	if (request.schemaVersion !== SCHEMA_VERSION)
		return { status: 409, body: { error: 'schema_version', expected: SCHEMA_VERSION } };
	// A pull from null starts over anyway: its epoch (if a client still sends one) is moot.
	const epoch = request.cookie === null ? undefined : request.epoch;
	const page = await readPage(
		server,
		request.clientId,
		request.cookie ?? 0,
		epoch,
		request.retainedOnly === true
	);
	return { status: 200, body: null, raw: serializePage(page) };
}

async function readPage(
	server: SyncServer,
	clientId: string,
	cookie: number,
	clientEpoch: string | undefined,
	retainedOnly: boolean
): Promise<PullAnswer> {
	const limit = server.pullPageSize;
	// One read transaction: the committed counter value V means every version ≤ V has
	// committed (writers hold the counter row until they commit), so the page is complete.
	return server.db.transaction().execute(async (trx) => {
		// Read before the counter: a page read across a reset keeps the old epoch label, so the
		// client's next pull resets (the other order could label old versions with the new one).
		const epoch = await readEpoch(trx);
		const counter = await trx
			.selectFrom('counters')
			.select('value')
			.where('name', '=', 'version')
			.executeTakeFirstOrThrow();
		const head = Number(counter.value);
		// A cookie from the future, or versions from another epoch: the server was restored from
		// a backup since the client pulled.
		if (cookie > head || (clientEpoch !== undefined && clientEpoch !== epoch)) {
			return { reset: true };
		}

		const records = await trx
			.selectFrom('records')
			.select(['entity', 'id', 'version', 'value'])
			.where('version', '>', cookie)
			.where('version', '<=', head)
			.orderBy('version')
			.limit(limit)
			.execute();
		const rejected = await trx
			.selectFrom('mutations')
			.select(['mutation_id', 'name', 'code', 'message', 'version'])
			.where('client_id', '=', clientId)
			.where('status', '=', 'rejected')
			.where('version', '>', cookie)
			.where('version', '<=', head)
			.orderBy('version')
			.limit(limit)
			.execute();

		// Records a tablet does not keep still count for the page's cookie: they are skipped, not
		// pending (retention-window.ts; the tablet asks for them when it needs them).
		const leftOut = retainedOnly
			? await rowsLeftOut(trx, records, await retentionStart(trx, server.now()))
			: new Set<number>();

		// Values stay as the JSON text stored: a page is written out without parsing them.
		type Item = { version: number; patch?: RawPatchOp; rejection?: Rejection };
		const items: Item[] = [
			...records.map((row, index) => {
				const version = Number(row.version);
				if (leftOut.has(index)) return { version };
				const patch: RawPatchOp =
					row.value === null
						? { op: 'del', entity: row.entity, id: row.id, version }
						: { op: 'put', entity: row.entity, id: row.id, version, valueJson: row.value };
				return { version, patch };
			}),
			...rejected.map((row) => ({
				version: Number(row.version),
				rejection: {
					id: Number(row.mutation_id),
					code: row.code ?? 'rejected',
					message: row.message ?? '',
					version: Number(row.version),
					name: row.name
				}
			}))
		].sort((a, b) => a.version - b.version);

		const page = items.slice(0, limit);
		const full = records.length === limit || rejected.length === limit || items.length > limit;
		const pageCookie = full && page.length > 0 ? page[page.length - 1].version : head;
		const more = full && pageCookie < head;

		const acknowledged = await trx
			.selectFrom('mutations')
			.select((eb) => eb.fn.max('mutation_id').as('id'))
			.where('client_id', '=', clientId)
			.where('version', '<=', pageCookie)
			.executeTakeFirst();

		// For progress bars: versions left is an upper bound of records left (overwritten records
		// leave gaps), and costs nothing, unlike counting half a million rows on every page.
		const remaining = more ? head - pageCookie : 0;

		return {
			cookie: pageCookie,
			lastMutationId: Number(acknowledged?.id ?? 0),
			patch: page.flatMap((item) => (item.patch ? [item.patch] : [])),
			rejections: page.flatMap((item) => (item.rejection ? [item.rejection] : [])),
			more,
			remaining,
			...(epoch ? { epoch } : {})
		};
	});
}

// POST /api/sync/records: what a tablet keeps no longer, on demand (SYNC.md "Pull": older
// records come from the server when online). An order by id, with its timeline events, as the
// put ops of a pull patch, so the tablet writes them as it writes a pull.
import { sql } from 'kysely';
import { SCHEMA_VERSION } from '$lib/domain/mutation';
import { RecordsRequest } from '$lib/sync/protocol';
import { badRequest, type HandlerAnswer, type SyncServer } from './context';

interface StoredRecord {
	entity: string;
	id: string;
	version: number | string | bigint;
	value: string | null;
}

function putOp(row: StoredRecord): string {
	return `{"op":"put","entity":${JSON.stringify(row.entity)},"id":${JSON.stringify(row.id)},"version":${Number(row.version)},"value":${row.value}}`;
}

/** A LIKE pattern matching the text literally (the id may hold % or _). */
function likeLiteral(text: string): string {
	return text.replace(/[\\%_]/g, (ch) => `\\${ch}`);
}

export async function handleRecords(server: SyncServer, raw: string): Promise<HandlerAnswer> {
	let json: unknown;
	try {
		json = JSON.parse(raw);
	} catch {
		return badRequest('The body is not JSON.');
	}
	const parsed = RecordsRequest.safeParse(json);
	if (!parsed.success) {
		const first = parsed.error.issues[0];
		return badRequest(`Invalid request: ${first.path.join('.') || 'body'}: ${first.message}`);
	}
	if (parsed.data.schemaVersion !== SCHEMA_VERSION)
		return { status: 409, body: { error: 'schema_version', expected: SCHEMA_VERSION } };
	const orderId = parsed.data.order;

	const rows = await server.db.transaction().execute(async (trx) => {
		const order = await trx
			.selectFrom('records')
			.select(['entity', 'id', 'version', 'value'])
			.where('entity', '=', 'order')
			.where('id', '=', orderId)
			.where('value', 'is not', null)
			.executeTakeFirst();
		if (!order) return [];
		// Timeline events are not indexed by order: a scan of their text, fine for one order
		// asked for by a person (the stored JSON writes the field exactly like this).
		const pattern = `%${likeLiteral(`"orderId":${JSON.stringify(orderId)}`)}%`;
		const events = await trx
			.selectFrom('records')
			.select(['entity', 'id', 'version', 'value'])
			.where('entity', '=', 'timeline')
			.where(sql<boolean>`value LIKE ${pattern} ESCAPE '\\'`)
			.execute();
		const aboutOrder = events.filter((row) => {
			const subject = row.value ? (JSON.parse(row.value) as { subject?: string }).subject : 'x';
			return subject === undefined || subject === 'order';
		});
		return [order, ...aboutOrder];
	});
	if (rows.length === 0)
		return { status: 404, body: { error: 'not_found', message: 'No such order.' } };
	return { status: 200, body: null, raw: `{"patch":[${rows.map(putOp).join(',')}]}` };
}

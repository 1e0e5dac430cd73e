// Everything a server holds, read the way a new tablet would: pull from scratch, page by page.
// Tests use it to check what reached the server without trusting the app under test.
import { expect } from '@playwright/test';

export type ServerRecords = Map<string, Map<string, Record<string, unknown>>>;

/** Every record of the server at `url`, by entity then id (the dev token is asked for). */
export async function pullEverything(url: string, clientId: string): Promise<ServerRecords> {
	const token = ((await (await fetch(`${url}/api/session`)).json()) as { devToken: string })
		.devToken;
	const records: ServerRecords = new Map();
	let cookie: number | null = null;
	for (;;) {
		const response = await fetch(`${url}/api/sync/pull`, {
			method: 'POST',
			headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
			body: JSON.stringify({ protocol: 1, schemaVersion: '1', clientId, cookie })
		});
		expect(response.status).toBe(200);
		const page = (await response.json()) as {
			cookie: number;
			more: boolean;
			patch: { op: string; entity: string; id: string; value?: Record<string, unknown> }[];
		};
		for (const op of page.patch) {
			const table = records.get(op.entity) ?? new Map();
			records.set(op.entity, table);
			if (op.op === 'put' && op.value) table.set(op.id, op.value);
			else table.delete(op.id);
		}
		cookie = page.cookie;
		if (!page.more) return records;
	}
}

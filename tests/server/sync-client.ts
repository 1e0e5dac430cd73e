// A minimal protocol client for tests: pulls everything into maps, pushes mutations.
import type { TestServer } from './harness';

export interface PulledState {
	records: Map<string, Map<string, Record<string, unknown>>>;
	cookie: number | null;
	lastMutationId: number;
	rejections: { id: number; code: string; message: string; version: number }[];
	pages: number;
}

export function newState(): PulledState {
	return { records: new Map(), cookie: null, lastMutationId: 0, rejections: [], pages: 0 };
}

export async function pullAll(server: TestServer, clientId: string, state = newState()) {
	for (;;) {
		const { status, json } = await server.post('/api/sync/pull', {
			protocol: 1,
			schemaVersion: '1',
			clientId,
			cookie: state.cookie
		});
		if (status !== 200) throw new Error(`pull answered ${status}: ${JSON.stringify(json)}`);
		const page = json as {
			cookie: number;
			lastMutationId: number;
			more: boolean;
			patch: {
				op: string;
				entity: string;
				id: string;
				version: number;
				value?: Record<string, unknown>;
			}[];
			rejections: PulledState['rejections'];
		};
		state.pages++;
		for (const op of page.patch) {
			const table = state.records.get(op.entity) ?? new Map();
			state.records.set(op.entity, table);
			if (op.op === 'put' && op.value) table.set(op.id, op.value);
			else table.delete(op.id);
		}
		state.rejections.push(...page.rejections);
		state.cookie = page.cookie;
		state.lastMutationId = page.lastMutationId;
		if (!page.more) return state;
	}
}

export function push(
	server: TestServer,
	clientId: string,
	mutations: { id: number; name: string; args: unknown }[],
	clientTime = '2026-11-26T10:00:00.000Z'
) {
	return server.post('/api/sync/push', {
		protocol: 1,
		schemaVersion: '1',
		clientId,
		mutations: mutations.map((mutation) => ({ actor: 'tester', clientTime, ...mutation }))
	});
}

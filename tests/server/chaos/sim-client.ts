// A simulated tablet for the chaos test: its own clientId, ids 1, 2, 3 …, an outbox, the records
// it last pulled, and everything the server ever told it (push results, pulled rejections), so
// the test can check that no mutation was lost, doubled or rejected without telling it.
import type { TestServer } from '../harness';
import { newState, pullAll, type PulledState } from '../sync-client';

export interface SentMutation {
	id: number;
	name: string;
	args: Record<string, unknown>;
	actor: string;
	clientTime: string;
}

/** What a push attempt came to, for the run's trace. */
export type PushOutcome =
	| { kind: 'answered'; lastMutationId: number; lost: boolean }
	| { kind: 'unavailable'; status: number }
	| { kind: 'network'; message: string };

export class SimClient {
	/** Every mutation this client made, by id: the replay needs their arguments. */
	readonly made = new Map<number, SentMutation>();
	/** Not yet acknowledged by a push answer or a pull, in id order. */
	outbox: SentMutation[] = [];
	state: PulledState = newState();
	/** Rejections the server told this client about (push answers and pulls), by mutation id. */
	readonly toldRejected = new Map<number, string>();
	/** Mutations a push answer said were applied (answers the client read, not lost ones). */
	readonly toldApplied = new Set<number>();
	private nextId = 1;

	constructor(
		readonly clientId: string,
		readonly actor: string
	) {}

	add(name: string, args: Record<string, unknown>, clientTime: string): SentMutation {
		const mutation = { id: this.nextId++, name, args, actor: this.actor, clientTime };
		this.made.set(mutation.id, mutation);
		this.outbox.push(mutation);
		return mutation;
	}

	/** A fresh id for a record this client's next mutation creates (SYNC.md: made by the client). */
	recordId(kind: string): string {
		return `${this.clientId}-${kind}-${this.nextId}`;
	}

	/**
	 * Pushes the first `count` outbox entries. A lost answer is ignored, as when the connection
	 * drops after the server committed: the client pushes the same mutations again later.
	 */
	async push(server: TestServer, count: number, lost: boolean): Promise<PushOutcome> {
		const batch = this.outbox.slice(0, Math.max(1, count));
		let answer: Awaited<ReturnType<TestServer['post']>>;
		try {
			answer = await server.post('/api/sync/push', {
				protocol: 1,
				schemaVersion: '1',
				clientId: this.clientId,
				mutations: batch
			});
		} catch (error) {
			return { kind: 'network', message: (error as Error).message };
		}
		if (answer.status === 503) return { kind: 'unavailable', status: 503 };
		if (answer.status !== 200) {
			// A gap or a malformed envelope is a bug of the server or of this client, never chaos.
			throw new Error(
				`${this.clientId}: push of ids ${batch[0].id}..${batch[batch.length - 1].id} answered ` +
					`${answer.status} ${JSON.stringify(answer.json)}`
			);
		}
		const body = answer.json as unknown as {
			results: { id: number; status: string; code?: string }[];
			lastMutationId: number;
		};
		if (lost) return { kind: 'answered', lastMutationId: body.lastMutationId, lost: true };
		for (const result of body.results) {
			if (result.status === 'rejected') this.toldRejected.set(result.id, result.code ?? '');
			if (result.status === 'applied') this.toldApplied.add(result.id);
		}
		this.acknowledge(body.lastMutationId);
		return { kind: 'answered', lastMutationId: body.lastMutationId, lost: false };
	}

	/** Pulls every page; its rejections are told, its lastMutationId acknowledges the outbox. */
	async pull(server: TestServer): Promise<void> {
		const before = this.state.rejections.length;
		this.state = await pullAll(server, this.clientId, this.state);
		for (const rejection of this.state.rejections.slice(before))
			this.toldRejected.set(rejection.id, rejection.code);
		this.acknowledge(this.state.lastMutationId);
	}

	private acknowledge(lastMutationId: number): void {
		this.outbox = this.outbox.filter((mutation) => mutation.id > lastMutationId);
	}

	get lastMadeId(): number {
		return this.nextId - 1;
	}
}

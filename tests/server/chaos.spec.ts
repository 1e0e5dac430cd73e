// Sync under chaos (SYNC.md): three tablets make random changes to what they last pulled and
// push them in random slices, answers get lost, requests never leave, and the server is killed
// with SIGKILL at random moments, sometimes while a push is on its way. Afterwards every
// mutation must be on the server exactly once, applied or rejected, every rejection told to its
// tablet, and the server's records must equal the domain rules replayed in commit order.
//
// Reproduce a failure with DOCKSIDE_CHAOS_SEED=<seed printed by fast-check>; the kill timing is
// real time, so the run's trace (printed with the failure) says what actually happened.
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { engine, freePort, TestServer } from './harness';
import { CLIENTS, resolveMutation, stepsArb, type Step } from './chaos/plans';
import {
	lastInvoiceNumber,
	pulledRecords,
	readerFromPull,
	replay,
	replayRecords
} from './chaos/replay';
import { openStoreProbe, readServerLog, type StoreProbe } from './chaos/server-log';
import { SimClient } from './chaos/sim-client';
import { pullAll } from './sync-client';

const SEED = Number(process.env.DOCKSIDE_CHAOS_SEED ?? 20261126);
const RUNS = Number(process.env.DOCKSIDE_CHAOS_RUNS ?? 5);
const DEMO_ORDERS = 40;
/** Client times lie in the past, so the server's clamp to its receive time changes nothing. */
const BASE_TIME = Math.min(Date.parse('2026-11-26T06:00:00.000Z'), Date.now() - 3_600_000);

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Totals over all runs, so the test fails if the chaos never really happened. */
const totals = {
	applied: 0,
	rejected: 0,
	lostAnswers: 0,
	kills: 0,
	killsInFlight: 0,
	killsMidPush: 0,
	replays: 0
};

async function runChaos(run: number, steps: Step[], trace: string[]): Promise<void> {
	const server = new TestServer({ DOCKSIDE_DEMO_ORDERS: String(DEMO_ORDERS) });
	// A port nobody listens on: a push there is a request that never reaches the server.
	const offline = new TestServer();
	offline.port = await freePort();
	let probe: StoreProbe | undefined;
	try {
		await server.start();
		probe = await openStoreProbe(server.database!);
		const seed = await pullAll(server, `chaos-${process.pid}-${run}-seed`);
		expect(seed.records.get('order')?.size).toBe(DEMO_ORDERS);
		const clients = Array.from(
			{ length: CLIENTS },
			(_, k) => new SimClient(`chaos-${process.pid}-${run}-c${k}`, `user-${k}`)
		);
		// Each tablet starts with the data (its first sync), then acts on what it last pulled.
		for (const client of clients) await client.pull(server);
		let tick = 0;
		const clientTime = () => new Date(BASE_TIME + ++tick * 1000).toISOString();

		for (const step of steps) {
			const client = clients[step.client];
			const who = `c${step.client}`;
			switch (step.kind) {
				case 'mutate': {
					const made = resolveMutation(client, step);
					if (!made) {
						trace.push(`${who} has no data to act on`);
						break;
					}
					const mutation = client.add(made.name, made.args, clientTime());
					trace.push(`${who} makes #${mutation.id} ${made.name} ${JSON.stringify(made.args)}`);
					break;
				}
				case 'push': {
					if (client.outbox.length === 0) break;
					const outcome = await client.push(server, step.count, step.lose);
					if (outcome.kind === 'answered' && outcome.lost) totals.lostAnswers++;
					trace.push(`${who} pushes ${step.count}: ${JSON.stringify(outcome)}`);
					break;
				}
				case 'pull':
					await client.pull(server);
					trace.push(
						`${who} pulls: cookie ${client.state.cookie}, ack ${client.state.lastMutationId}`
					);
					break;
				case 'netfail': {
					if (client.outbox.length === 0) break;
					const outcome = await client.push(offline, step.count, false);
					expect(outcome.kind).toBe('network');
					trace.push(`${who} is offline`);
					break;
				}
				case 'kill': {
					totals.kills++;
					if (step.when === 'idle' || client.outbox.length === 0) {
						await server.kill('SIGKILL');
						trace.push('kill');
					} else {
						totals.killsInFlight++;
						// The whole outbox: the longer the push, the likelier the crash cuts through it.
						const batch = [...client.outbox];
						const first = batch[0].id;
						const last = batch[batch.length - 1].id;
						let settled = false;
						const pushing = client.push(server, batch.length, false).finally(() => {
							settled = true;
						});
						const started = Date.now();
						if (step.when === 'timed') await sleep(step.delayMs);
						else {
							const deadline = Date.now() + 5_000;
							while (!settled && Date.now() < deadline) {
								if ((await probe.lastMutationId(client.clientId)) >= first) break;
								// A real pause: the SQLite probe is synchronous, and the push needs the event loop.
								await sleep(1);
							}
						}
						await server.kill('SIGKILL');
						const outcome = await pushing;
						const stored = await probe.lastMutationId(client.clientId);
						if (stored >= first && stored < last) totals.killsMidPush++;
						trace.push(
							`kill (${step.when}, after ${Date.now() - started} ms) into ` +
								`${who}'s push of #${first}..#${last}, server stored up to #${stored}: ` +
								JSON.stringify(outcome)
						);
					}
					await server.start();
					break;
				}
			}
		}

		// The end: everyone is online again and syncs until nothing is pending.
		for (let round = 0; clients.some((c) => c.outbox.length > 0); round++) {
			if (round > 50) throw new Error('the outboxes never emptied');
			for (const client of clients) {
				if (client.outbox.length === 0) continue;
				const outcome = await client.push(server, client.outbox.length, false);
				trace.push(`drain c${clients.indexOf(client)}: ${JSON.stringify(outcome)}`);
			}
		}
		for (const client of clients) await client.pull(server);
		const final = await pullAll(server, `chaos-${process.pid}-${run}-final`);
		await server.stop();
		const log = await readServerLog(server.database!);

		// (1) Every mutation exactly once, applied or rejected, and every rejection told.
		for (const client of clients) {
			const entries = log.mutations.filter((m) => m.clientId === client.clientId);
			expect(
				entries.map((m) => m.mutationId).sort((a, b) => a - b),
				`${client.clientId}'s mutations on the server`
			).toEqual(Array.from({ length: client.lastMadeId }, (_, k) => k + 1));
			expect(client.state.lastMutationId, `${client.clientId}'s last pull`).toBe(client.lastMadeId);
			const rejected = new Map(
				entries.filter((m) => m.status === 'rejected').map((m) => [m.mutationId, m.code])
			);
			expect(entries.every((m) => m.status === 'applied' || m.status === 'rejected')).toBe(true);
			expect(
				new Map([...client.toldRejected].sort(([a], [b]) => a - b)),
				`rejections told to ${client.clientId}`
			).toEqual(rejected);
			for (const id of client.toldApplied) expect(rejected.has(id)).toBe(false);
		}
		expect(log.mutations.length).toBe(clients.reduce((sum, c) => sum + c.lastMadeId, 0));

		// (2) The server's state is the rules replayed in commit order.
		const reader = readerFromPull(seed);
		const sent = (clientId: string, id: number) =>
			clients.find((c) => c.clientId === clientId)?.made.get(id);
		const replayed = await replay(reader, log.mutations, sent, lastInvoiceNumber(reader));
		expect(
			replayed.outcomes.map((o) => [o.clientId, o.mutationId, o.status, o.code]),
			'outcomes of the replay'
		).toEqual(log.mutations.map((m) => [m.clientId, m.mutationId, m.status, m.code]));
		expect(log.invoiceCounter, 'the invoice counter').toBe(replayed.invoiceCounter);
		const expected = replayRecords(reader);
		const actual = pulledRecords(final);
		for (const [entity, records] of expected) {
			const pulled = actual.get(entity) ?? new Map();
			expect([...pulled.keys()].sort(), `${entity} ids`).toEqual([...records.keys()].sort());
			const differing = [...records.keys()].filter(
				(id) =>
					JSON.stringify(sortKeys(records.get(id))) !== JSON.stringify(sortKeys(pulled.get(id)))
			);
			// The first differing record, compared in full, is the readable failure.
			if (differing.length > 0)
				expect(pulled.get(differing[0]), `${entity} ${differing[0]}`).toEqual(
					records.get(differing[0])
				);
		}

		totals.replays++;
		totals.applied += log.mutations.filter((m) => m.status === 'applied').length;
		totals.rejected += log.mutations.filter((m) => m.status === 'rejected').length;
		const codes = new Map<string, number>();
		for (const m of log.mutations)
			codes.set(m.code ?? m.status, (codes.get(m.code ?? m.status) ?? 0) + 1);
		trace.push(`run ${run}: ${log.mutations.length} mutations checked: ${[...codes].join(' ')}`);
		if (process.env.DOCKSIDE_CHAOS_TRACE) console.log(trace.join('\n'));
	} finally {
		await probe?.close();
		await server.kill('SIGKILL');
		await server.cleanup();
	}
}

/** JSON with object keys in order, so key order never counts as a difference. */
function sortKeys(value: unknown): unknown {
	if (Array.isArray(value)) return value.map(sortKeys);
	if (value && typeof value === 'object')
		return Object.fromEntries(
			Object.entries(value)
				.filter(([, v]) => v !== undefined)
				.sort(([a], [b]) => (a < b ? -1 : 1))
				.map(([k, v]) => [k, sortKeys(v)])
		);
	return value;
}

it(`keeps every mutation exactly once through lost answers and crashes (${engine})`, async () => {
	let run = 0;
	await fc.assert(
		fc.asyncProperty(stepsArb, async (steps) => {
			const trace: string[] = [];
			try {
				await runChaos(++run, steps, trace);
			} catch (error) {
				const message = error instanceof Error ? error.message : String(error);
				throw new Error(
					`chaos run ${run} (seed ${SEED}) failed: ${message}\n--- trace\n${trace.join('\n')}`,
					{ cause: error }
				);
			}
		}),
		// No shrinking: each run starts a server; the trace says what happened instead.
		{ seed: SEED, numRuns: RUNS, endOnFailure: true }
	);
	if (process.env.DOCKSIDE_CHAOS_TRACE) console.log(JSON.stringify(totals));
	expect(totals.replays).toBe(RUNS);
	// The chaos really happened: otherwise the checks above prove little.
	expect(totals.applied).toBeGreaterThan(0);
	expect(totals.rejected).toBeGreaterThan(0);
	expect(totals.lostAnswers).toBeGreaterThan(0);
	expect(totals.killsInFlight).toBeGreaterThan(0);
}, 180_000);

// Starts syncing in this tab: on start, after local mutations (debounced), on `online`, on a
// timer and when the server pokes over SSE. Only the tab holding the "dockside-sync" Web Lock
// talks to the server; every tab may write to the outbox.
import type { DocksideDB } from '$lib/local/db';
import { BROADCAST_CHANNEL } from '$lib/local/perform';
import { SyncEngine, type SyncEvents } from './engine';
import { httpTransport } from './transport';

export const TOKEN_KEY = 'dockside.token';
const PERIOD_MS = 30_000;
const AFTER_MUTATION_MS = 300;

/** The access token: saved by the sign-in, or the dev token a server without DOCKSIDE_TOKEN offers. */
export async function loadToken(): Promise<string | null> {
	const saved = localStorage.getItem(TOKEN_KEY);
	if (saved) return saved;
	try {
		const response = await fetch('/api/session');
		const session = (await response.json()) as { devToken?: string };
		if (session.devToken) {
			localStorage.setItem(TOKEN_KEY, session.devToken);
			return session.devToken;
		}
	} catch {
		// offline: sync waits until the server is reachable
	}
	return null;
}

export interface SyncHandle {
	stop(): void;
	/** Sync as soon as possible (a person pressed retry, or came back online). */
	syncNow(): void;
}

export function startSync(db: DocksideDB, events: SyncEvents): SyncHandle {
	let token: string | null = localStorage.getItem(TOKEN_KEY);
	const engine = new SyncEngine(
		db,
		httpTransport('', () => token),
		events
	);
	let timer: ReturnType<typeof setTimeout> | undefined;

	async function runAsLeader(): Promise<void> {
		token ??= await loadToken();
		if (!navigator.locks) return engine.sync();
		await navigator.locks.request('dockside-sync', { ifAvailable: true }, async (lock) => {
			if (lock) await engine.sync();
		});
	}
	function schedule(delay: number): void {
		clearTimeout(timer);
		timer = setTimeout(() => void runAsLeader(), delay);
	}

	const onOnline = () => schedule(0);
	window.addEventListener('online', onOnline);
	const channel = new BroadcastChannel(BROADCAST_CHANNEL);
	channel.onmessage = (event) => {
		if (event.data?.type === 'mutation') schedule(AFTER_MUTATION_MS);
	};
	const period = setInterval(() => schedule(0), PERIOD_MS);

	let source: EventSource | null = null;
	void (async () => {
		token ??= await loadToken();
		if (!token) return;
		source = new EventSource(`/api/sync/events?token=${encodeURIComponent(token)}`);
		source.addEventListener('poke', () => schedule(50));
	})();

	schedule(0);
	return {
		stop() {
			clearTimeout(timer);
			clearInterval(period);
			window.removeEventListener('online', onOnline);
			channel.close();
			source?.close();
			engine.stop();
		},
		syncNow: () => schedule(0)
	};
}

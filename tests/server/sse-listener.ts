// An SSE client for tests: connects to /api/sync/events like a tablet and counts the pokes.
import { TOKEN, type TestServer } from './harness';

export class SseListener {
	pokes = 0;
	private readonly abort = new AbortController();
	private waiters: (() => void)[] = [];

	private constructor() {}

	/** Resolves once the server has answered and sent its first bytes (the `retry:` line). */
	static async open(server: TestServer): Promise<SseListener> {
		const listener = new SseListener();
		const response = await fetch(`${server.url}/api/sync/events?token=${TOKEN}`, {
			signal: listener.abort.signal
		});
		if (!response.ok || !response.body) throw new Error(`events answered ${response.status}`);
		const reader = response.body.getReader();
		const decoder = new TextDecoder();
		let buffer = '';
		const first = await reader.read();
		buffer += decoder.decode(first.value ?? new Uint8Array(), { stream: true });
		const take = () => {
			// Events end with a blank line; count the complete ones.
			let end: number;
			while ((end = buffer.indexOf('\n\n')) >= 0) {
				const event = buffer.slice(0, end);
				buffer = buffer.slice(end + 2);
				if (event.split('\n').includes('event: poke')) listener.pokes++;
			}
			for (const wake of listener.waiters.splice(0)) wake();
		};
		take();
		void (async () => {
			try {
				for (;;) {
					const { done, value } = await reader.read();
					if (done) return;
					buffer += decoder.decode(value, { stream: true });
					take();
				}
			} catch {
				// closed by close()
			}
		})();
		return listener;
	}

	/** True once `count` pokes in all have arrived; false if they did not within the time. */
	async waitForPokes(count: number, timeoutMs: number): Promise<boolean> {
		const deadline = Date.now() + timeoutMs;
		while (this.pokes < count) {
			const left = deadline - Date.now();
			if (left <= 0) return false;
			await new Promise<void>((resolve) => {
				const timer = setTimeout(resolve, left);
				this.waiters.push(() => {
					clearTimeout(timer);
					resolve();
				});
			});
		}
		return true;
	}

	close(): void {
		this.abort.abort();
	}
}

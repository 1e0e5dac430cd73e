// Runs the production server (`node build`) on its own SQLite file and port, as the protocol
// tests need it: real HTTP, a real file, and a process that can be killed.
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const TOKEN = 'test-token';
const root = new URL('../..', import.meta.url).pathname;

export async function freePort(): Promise<number> {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.listen(0, '127.0.0.1', () => {
			const address = server.address();
			const port = typeof address === 'object' && address ? address.port : 0;
			server.close(() => resolve(port));
		});
		server.on('error', reject);
	});
}

export class TestServer {
	readonly dir = mkdtempSync(join(tmpdir(), 'dockside-server-'));
	readonly dbPath = join(this.dir, 'dockside.sqlite');
	process: ChildProcess | null = null;
	port = 0;
	env: Record<string, string> = {};

	constructor(env: Record<string, string> = {}) {
		this.env = env;
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	async start(): Promise<void> {
		this.port ||= await freePort();
		const child = spawn(process.execPath, [join(root, 'build/index.js')], {
			cwd: root,
			env: {
				...process.env,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				DOCKSIDE_DB: this.dbPath,
				DOCKSIDE_TOKEN: TOKEN,
				DOCKSIDE_DEMO_ORDERS: '0',
				...this.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		this.process = child;
		let output = '';
		child.stdout?.on('data', (chunk) => (output += chunk));
		child.stderr?.on('data', (chunk) => (output += chunk));
		const deadline = Date.now() + 20_000;
		for (;;) {
			if (child.exitCode !== null) throw new Error(`server exited: ${output}`);
			try {
				const response = await fetch(`${this.url}/api/session`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) throw new Error(`server did not start: ${output}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	/** SIGKILL: no shutdown hooks, as in a crash or a power cut. */
	async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
		const child = this.process;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill(signal);
		await exited;
		this.process = null;
	}

	async stop(): Promise<void> {
		await this.kill('SIGTERM');
	}

	cleanup(): void {
		rmSync(this.dir, { recursive: true, force: true });
	}

	async post(path: string, body: unknown, token: string | null = TOKEN) {
		const response = await fetch(`${this.url}${path}`, {
			method: 'POST',
			headers: {
				'content-type': 'application/json',
				...(token ? { authorization: `Bearer ${token}` } : {})
			},
			body: typeof body === 'string' ? body : JSON.stringify(body)
		});
		const text = await response.text();
		let json: unknown = null;
		try {
			json = JSON.parse(text);
		} catch {
			json = text;
		}
		return { status: response.status, json: json as Record<string, unknown> };
	}
}

// A Dockside server process of the test's own (server.js over a build, on a temp SQLite file),
// for browser tests that must stop the server for real, or serve a second build: Playwright's
// shared webServer cannot be stopped mid-test. The service worker's own requests ignore
// context.setOffline(), so "offline" here means the process is gone (ARCHITECTURE.md).
import { spawn, type ChildProcess } from 'node:child_process';
import type { IncomingMessage } from 'node:http';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { get as httpGet } from 'node:http';
import { get as httpsGet } from 'node:https';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** The project folder: server.js and the build that `npm test` made. */
export const ROOT = new URL('../../..', import.meta.url).pathname;

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

export interface AppServerOptions {
	/** Demo orders seeded into the empty database on first use. */
	demoOrders: number;
	/** Serve HTTPS with these PEM files; `ca` is what the test trusts. */
	tls?: { cert: string; key: string; ca: string };
}

/** GET over HTTP or HTTPS (trusting only `ca` when given): status and body. */
export function getText(url: string, ca?: string): Promise<{ status: number; body: string }> {
	return new Promise((resolve, reject) => {
		const done = (response: IncomingMessage) => {
			let body = '';
			response.setEncoding('utf8');
			response.on('data', (chunk) => (body += chunk));
			response.on('end', () => resolve({ status: response.statusCode ?? 0, body }));
		};
		const request = url.startsWith('https:') ? httpsGet(url, { ca }, done) : httpGet(url, done);
		request.on('error', reject);
	});
}

export class AppServer {
	readonly port: number;
	/** The SQLite file; it outlives stop() so a restart finds the same data. */
	readonly dbFile: string;
	readonly #dir: string;
	readonly #demoOrders: number;
	readonly #tls: AppServerOptions['tls'];
	#process: ChildProcess | null = null;
	/** What the server printed, for failure messages. */
	output = '';

	private constructor(port: number, options: AppServerOptions) {
		this.port = port;
		this.#dir = mkdtempSync(join(tmpdir(), 'dockside-e2e-'));
		this.dbFile = join(this.#dir, 'dockside.sqlite');
		this.#demoOrders = options.demoOrders;
		this.#tls = options.tls;
	}

	static async create(options: AppServerOptions): Promise<AppServer> {
		return new AppServer(await freePort(), options);
	}

	/**
	 * 127.0.0.1 is a secure context, as localhost is: service workers run there. Over TLS the
	 * name the certificate was made for.
	 */
	get url(): string {
		return this.#tls ? `https://localhost:${this.port}` : `http://127.0.0.1:${this.port}`;
	}

	/** Starts server.js from `root` (the project by default) and waits until it answers. */
	async start(options: { root?: string; env?: Record<string, string> } = {}): Promise<void> {
		if (this.#process) throw new Error('already running');
		// The dev token (handed to the browser) unless the test sets one; SQLite, never PostgreSQL.
		const { DOCKSIDE_TOKEN: _token, DATABASE_URL: _url, ...inherited } = process.env;
		const child = spawn(process.execPath, [join(options.root ?? ROOT, 'server.js')], {
			cwd: options.root ?? ROOT,
			env: {
				...inherited,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				DOCKSIDE_DB: this.dbFile,
				DOCKSIDE_DEMO_ORDERS: String(this.#demoOrders),
				...(this.#tls ? { TLS_CERT: this.#tls.cert, TLS_KEY: this.#tls.key } : {}),
				...options.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		this.#process = child;
		child.stdout?.on('data', (chunk) => (this.output += chunk));
		child.stderr?.on('data', (chunk) => (this.output += chunk));
		const deadline = Date.now() + 30_000;
		for (;;) {
			if (child.exitCode !== null) throw new Error(`server exited: ${this.output}`);
			try {
				const ca = this.#tls ? readFileSync(this.#tls.ca, 'utf8') : undefined;
				if ((await getText(`${this.url}/api/session`, ca)).status === 200) return;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) throw new Error(`server did not start: ${this.output}`);
			await new Promise((resolve) => setTimeout(resolve, 100));
		}
	}

	/** SIGKILL: gone at once, as when the server machine loses power or the Wi-Fi drops. */
	async stop(): Promise<void> {
		const child = this.#process;
		this.#process = null;
		if (!child || child.exitCode !== null) return;
		const exited = new Promise((resolve) => child.once('exit', resolve));
		child.kill('SIGKILL');
		await exited;
	}

	async cleanup(): Promise<void> {
		await this.stop();
		rmSync(this.#dir, { recursive: true, force: true });
	}
}

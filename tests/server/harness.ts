// Runs the production server (`node build`) on its own database and port, as the protocol
// tests need it: real HTTP, a real database, and a process that can be killed. The engine is
// SQLite (a temp file), or PostgreSQL when DATABASE_URL is set (scripts/pg-test.sh prints
// one): each TestDatabase is then a fresh PostgreSQL database, dropped in cleanup.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const TOKEN = 'test-token';
export const root = new URL('../..', import.meta.url).pathname;
const adminUrl = process.env.DATABASE_URL;
export const engine: 'sqlite' | 'postgres' = adminUrl ? 'postgres' : 'sqlite';

/** One database for one or several test servers. */
export class TestDatabase {
	private constructor(
		/** What a server or the `dockside` command needs in its environment to use it. */
		readonly env: Record<string, string>,
		private readonly drop: () => Promise<void>
	) {}

	/** The SQLite file, or the PostgreSQL URL. */
	get location(): string {
		return this.env.DATABASE_URL ?? this.env.DOCKSIDE_DB;
	}

	static async create(): Promise<TestDatabase> {
		if (!adminUrl) {
			const dir = mkdtempSync(join(tmpdir(), 'dockside-server-'));
			return new TestDatabase({ DOCKSIDE_DB: join(dir, 'dockside.sqlite') }, async () =>
				rmSync(dir, { recursive: true, force: true })
			);
		}
		const name = `dockside_t_${randomBytes(6).toString('hex')}`;
		await withAdmin((client) => client.query(`CREATE DATABASE ${name}`));
		const url = new URL(adminUrl);
		url.pathname = `/${name}`;
		return new TestDatabase({ DATABASE_URL: url.toString() }, async () => {
			await withAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
		});
	}

	async cleanup(): Promise<void> {
		await this.drop();
	}
}

async function withAdmin<T>(work: (client: pg.Client) => Promise<T>): Promise<T> {
	const client = new pg.Client({ connectionString: adminUrl });
	await client.connect();
	try {
		return await work(client);
	} finally {
		await client.end();
	}
}

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
	process: ChildProcess | null = null;
	port = 0;
	env: Record<string, string> = {};
	/** Made on the first start unless given; a shared one is left to its owner to clean up. */
	database: TestDatabase | null;
	private readonly ownsDatabase: boolean;
	/** What the server printed, for failure messages. */
	output = '';

	constructor(env: Record<string, string> = {}, database?: TestDatabase) {
		this.env = env;
		this.database = database ?? null;
		this.ownsDatabase = !database;
	}

	get url(): string {
		return `http://127.0.0.1:${this.port}`;
	}

	async start(): Promise<void> {
		this.port ||= await freePort();
		this.database ??= await TestDatabase.create();
		const { DATABASE_URL: _inherited, ...inherited } = process.env;
		const child = spawn(process.execPath, [join(root, 'build/index.js')], {
			cwd: root,
			env: {
				...inherited,
				PORT: String(this.port),
				HOST: '127.0.0.1',
				DOCKSIDE_TOKEN: TOKEN,
				DOCKSIDE_DEMO_ORDERS: '0',
				...this.database.env,
				...this.env
			},
			stdio: ['ignore', 'pipe', 'pipe']
		});
		this.process = child;
		this.output = '';
		child.stdout?.on('data', (chunk) => (this.output += chunk));
		child.stderr?.on('data', (chunk) => (this.output += chunk));
		const deadline = Date.now() + 20_000;
		for (;;) {
			if (child.exitCode !== null) throw new Error(`server exited: ${this.output}`);
			try {
				const response = await fetch(`${this.url}/api/session`);
				if (response.ok) return;
			} catch {
				// not listening yet
			}
			if (Date.now() > deadline) throw new Error(`server did not start: ${this.output}`);
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

	async cleanup(): Promise<void> {
		if (this.ownsDatabase) await this.database?.cleanup();
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

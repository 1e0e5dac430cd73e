// Starting the production build for a benchmark: its own port, its own SQLite file (never
// data/dockside.sqlite); and Debian's Chromium with the flags every test and benchmark uses.
import { spawn, spawnSync } from 'node:child_process';
import { createServer } from 'node:net';

const root = new URL('../..', import.meta.url).pathname;

export { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.js';

/** `vite build`, retried once: another build writing .svelte-kit/output at the same moment can fail it. */
export function buildApp(log) {
	log('building (npx vite build)…');
	const build = () => spawnSync('npx', ['vite', 'build'], { cwd: root, encoding: 'utf8' });
	let built = build();
	if (built.status !== 0) built = build();
	if (built.status !== 0) {
		process.stderr.write(built.stdout + built.stderr);
		throw new Error('vite build failed');
	}
}

export function freePort() {
	return new Promise((resolve, reject) => {
		const server = createServer();
		server.once('error', reject);
		server.listen(0, '127.0.0.1', () => {
			const { port } = server.address();
			server.close(() => resolve(port));
		});
	});
}

/**
 * `node build` on a free port over `dbPath`, with `env` added (DOCKSIDE_DEMO_ORDERS defaults
 * to 0: an empty server). Resolves once it answers, which after seeding a large demo takes a
 * while: { child, url }.
 */
export async function startAppServer(dbPath, env = {}, timeoutMs = 600_000) {
	const port = await freePort();
	const child = spawn(process.execPath, ['build'], {
		cwd: root,
		env: {
			...process.env,
			PORT: String(port),
			HOST: '127.0.0.1',
			DOCKSIDE_DB: dbPath,
			DOCKSIDE_DEMO_ORDERS: '0',
			...env
		},
		stdio: ['ignore', 'pipe', 'pipe']
	});
	let output = '';
	child.stdout.on('data', (chunk) => (output += chunk));
	child.stderr.on('data', (chunk) => (output += chunk));
	const url = `http://127.0.0.1:${port}`;
	const deadline = Date.now() + timeoutMs;
	while (Date.now() < deadline) {
		if (child.exitCode !== null) throw new Error(`node build exited:\n${output}`);
		try {
			if ((await fetch(`${url}/api/session`)).ok) return { child, url };
		} catch {
			// not listening yet
		}
		await new Promise((resolve) => setTimeout(resolve, 200));
	}
	child.kill();
	throw new Error(`node build did not answer on port ${port}:\n${output}`);
}

export async function stopAppServer({ child }) {
	if (child.exitCode !== null) return;
	const exited = new Promise((resolve) => child.once('exit', resolve));
	child.kill('SIGTERM');
	await exited;
}

// `npm start`: build the app when the build is missing or older than the sources, then serve it.
// PORT (default 3000) and HOST are read by server.js, which serves HTTPS when TLS_CERT and
// TLS_KEY are set (README, HTTPS for tablets).
import { spawnSync, spawn } from 'node:child_process';
import { existsSync, statSync, readdirSync } from 'node:fs';
import { join } from 'node:path';

const root = new URL('..', import.meta.url).pathname;

function newestMtime(dir) {
	let newest = 0;
	for (const entry of readdirSync(dir, { withFileTypes: true })) {
		const path = join(dir, entry.name);
		const mtime = entry.isDirectory() ? newestMtime(path) : statSync(path).mtimeMs;
		if (mtime > newest) newest = mtime;
	}
	return newest;
}

const buildEntry = join(root, 'build/index.js');
const sourcesChanged =
	!existsSync(buildEntry) ||
	Math.max(newestMtime(join(root, 'src')), newestMtime(join(root, 'static'))) >
		statSync(buildEntry).mtimeMs;

if (sourcesChanged && process.env.DOCKSIDE_SKIP_BUILD !== '1') {
	console.log('Building Dockside (first start, or sources changed)…');
	const built = spawnSync('npx', ['vite', 'build'], { cwd: root, stdio: 'inherit' });
	if (built.status !== 0) process.exit(built.status ?? 1);
}

const port = process.env.PORT ?? '3000';
// The demo: an empty database gets 2,000 generated orders (DOCKSIDE_DEMO_ORDERS=0 for none).
const demoOrders = process.env.DOCKSIDE_DEMO_ORDERS ?? '2000';
const scheme = process.env.TLS_CERT && process.env.TLS_KEY ? 'https' : 'http';
console.log(`Dockside on ${scheme}://localhost:${port}`);
const server = spawn(process.execPath, [join(root, 'server.js')], {
	cwd: root,
	stdio: 'inherit',
	env: { ...process.env, PORT: port, DOCKSIDE_DEMO_ORDERS: demoOrders }
});
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));

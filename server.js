// Serves the built app (`vite build` → build/handler.js, adapter-node) over HTTPS when TLS_CERT
// and TLS_KEY name PEM files, else over HTTP. adapter-node's own build/index.js speaks only
// HTTP, and tablets on a warehouse network need a secure context (service worker, Web Locks,
// persistent storage, the camera); `localhost` is one, a LAN address is not (README, HTTPS).
//
// Environment: PORT (3000), HOST (0.0.0.0), TLS_CERT and TLS_KEY (both or neither; TLS_CERT may
// hold the full chain), SHUTDOWN_TIMEOUT (seconds, 30), BODY_SIZE_LIMIT (2M here), and everything
// build/handler.js reads.
import { existsSync, readFileSync } from 'node:fs';
import http from 'node:http';
import https from 'node:https';

const handlerFile = new URL('./build/handler.js', import.meta.url);
const host = process.env.HOST || '0.0.0.0';
const port = Number(process.env.PORT || 3000);
const shutdownSeconds = Number(process.env.SHUTDOWN_TIMEOUT || 30);
const certFile = process.env.TLS_CERT;
const keyFile = process.env.TLS_KEY;

function fail(message) {
	console.error(message);
	process.exit(1);
}

if (Boolean(certFile) !== Boolean(keyFile))
	fail('Set both TLS_CERT and TLS_KEY (PEM files), or neither.');
if (!existsSync(handlerFile)) fail('No build found: run `npx vite build` (or `npm start`) first.');

/** @type {{ cert: Buffer, key: Buffer } | null} */
let tls = null;
if (certFile && keyFile) {
	try {
		tls = { cert: readFileSync(certFile), key: readFileSync(keyFile) };
	} catch (error) {
		fail(
			`Cannot read the TLS certificate or key: ${error instanceof Error ? error.message : error}`
		);
	}
}

// adapter-node refuses request bodies over 512 KB by default, below the sync protocol's 1 MiB
// push (SYNC.md): such a push would get 413 and stay in the outbox for good. The push handler
// checks the protocol's own limit and answers it in the protocol's terms.
process.env.BODY_SIZE_LIMIT ||= '2M';

// Imported after the checks: the handler opens the app (and its database) as it loads.
const { handler } = await import(handlerFile.href);

/** @type {import('node:http').RequestListener} */
const app = (req, res) =>
	handler(req, res, () => {
		res.statusCode = 404;
		res.end('Not found');
	});

const server = tls ? https.createServer(tls, app) : http.createServer(app);
const scheme = tls ? 'https' : 'http';
let stopping = false;

// Connections kept alive after their request would hold a stopping server open.
server.on('request', (req) => {
	req.on('close', () => {
		if (stopping) server.closeIdleConnections();
	});
});
server.on('error', (error) => fail(`Cannot listen on ${host}:${port}: ${error.message}`));
server.listen(port, host, () => {
	const shown = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
	console.log(`Listening on ${scheme}://${shown}:${port}`);
});

// As adapter-node's index.js: stop accepting, let running requests finish, then tell the app
// (`sveltekit:shutdown`). Server-Sent Events streams never finish by themselves, so whatever
// is still open after SHUTDOWN_TIMEOUT is cut.
function shutdown(reason) {
	if (stopping) return;
	stopping = true;
	server.closeIdleConnections();
	const cut = setTimeout(() => server.closeAllConnections(), shutdownSeconds * 1000);
	cut.unref();
	server.close(() => {
		clearTimeout(cut);
		process.emit('sveltekit:shutdown', reason);
	});
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));

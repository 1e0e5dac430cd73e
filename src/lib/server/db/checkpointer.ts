// Checkpoints the SQLite write-ahead log from a worker thread. SQLite's automatic checkpoint
// runs inside the COMMIT that crosses its threshold: every ~80 pushed mutations one of them
// copied a thousand pages into the database file and waited for two fsyncs. Here the worker's
// own connection does that between commits (a PASSIVE checkpoint never blocks the writer), and
// the server's connection keeps a much higher automatic threshold as a backstop in case the
// worker falls behind or fails. Durability is unchanged (synchronous=NORMAL: the log is synced
// at each checkpoint), and a power loss can now lose at most the last interval's commits.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';

/** Pages of log (4 KiB each) after which the server's own connection checkpoints anyway. */
export const BACKSTOP_PAGES = 10_000;
const DEFAULT_PAGES = 1000;
const JOURNAL_LIMIT_BYTES = 64 * 1024 * 1024;

// CommonJS, evaluated in the worker: the module path comes from the parent's resolution.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const SQLite = require(workerData.module);
const db = new SQLite(workerData.path, { fileMustExist: true });
db.pragma('synchronous = NORMAL');
const checkpoint = () => {
	try {
		db.pragma('wal_checkpoint(PASSIVE)');
	} catch (error) {
		// Busy or closing: the next tick tries again.
	}
};
const timer = setInterval(checkpoint, workerData.intervalMs);
parentPort.on('message', () => {
	clearInterval(timer);
	checkpoint();
	db.close();
	parentPort.close();
});
`;

export interface Checkpointer {
	/** Ends the worker after a last checkpoint. */
	stop(): Promise<void>;
}

export function startCheckpointer(
	sqlite: SQLite.Database,
	path: string,
	intervalMs = 100
): Checkpointer {
	const worker = new Worker(WORKER_SOURCE, {
		eval: true,
		workerData: {
			module: createRequire(import.meta.url).resolve('better-sqlite3'),
			path,
			intervalMs
		}
	});
	// The worker must not keep a stopping server alive.
	worker.unref();
	sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
	// After a burst grew the log, it is cut back to this size when it starts over.
	sqlite.pragma(`journal_size_limit = ${JOURNAL_LIMIT_BYTES}`);
	let running = true;
	const exited = new Promise<void>((resolve) => worker.once('exit', () => resolve()));
	worker.on('error', (error) => {
		console.error('SQLite checkpointer failed; the server checkpoints itself again', error);
		running = false;
		try {
			sqlite.pragma(`wal_autocheckpoint = ${DEFAULT_PAGES}`);
		} catch {
			// closed meanwhile
		}
	});
	return {
		async stop() {
			if (running) worker.postMessage('stop');
			running = false;
			const stuck = setTimeout(() => void worker.terminate(), 5000);
			await exited;
			clearTimeout(stuck);
		}
	};
}

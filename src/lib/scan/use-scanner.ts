// A screen's scanner: keyboard-wedge bursts anywhere on the page, one at a time through a
// queue, into the screen's handler. Returns the function that stops it (for onMount).
import { ScanQueue, type ScanHandler } from './scan-queue';
import { listenForScans } from './wedge-listener';

export interface Scanner {
	/** A code from elsewhere (the camera, a typed code) joins the same queue. */
	push(code: string): void;
	stop(): void;
}

export function startScanner(handler: ScanHandler, onError?: (error: unknown) => void): Scanner {
	const queue = new ScanQueue(handler, onError);
	const stop = listenForScans((code) => queue.push(code));
	return { push: (code) => queue.push(code), stop };
}

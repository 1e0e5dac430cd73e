// Server-Sent Events: a `poke` after each commit; no data travels here, clients then pull.
import type { RequestHandler } from './$types';
import { authenticated, unauthorized } from '$lib/server/http';
import { serverRuntime } from '$lib/server/runtime';

export const GET: RequestHandler = async ({ request, url }) => {
	// EventSource cannot send headers: the token may come as a query parameter here.
	const token = url.searchParams.get('token');
	const withToken = token
		? new Request(request.url, { headers: { authorization: `Bearer ${token}` } })
		: request;
	if (!authenticated(withToken)) return unauthorized();
	const { sync } = await serverRuntime();
	const encoder = new TextEncoder();
	let cleanup = () => {};
	const stream = new ReadableStream<Uint8Array>({
		start(controller) {
			const send = (text: string) => controller.enqueue(encoder.encode(text));
			const poke = () => send('event: poke\ndata: {}\n\n');
			const keepAlive = setInterval(() => send(': keep-alive\n\n'), 25_000);
			sync.pokes.on('poke', poke);
			send('retry: 3000\n\n');
			cleanup = () => {
				clearInterval(keepAlive);
				sync.pokes.off('poke', poke);
			};
			request.signal.addEventListener('abort', () => {
				cleanup();
				try {
					controller.close();
				} catch {
					// already closed
				}
			});
		},
		cancel() {
			cleanup();
		}
	});
	return new Response(stream, {
		headers: {
			'content-type': 'text/event-stream',
			'cache-control': 'no-cache, no-transform',
			connection: 'keep-alive'
		}
	});
};

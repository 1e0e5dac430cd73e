// Small helpers shared by the API endpoints.
import { json } from '@sveltejs/kit';
import { MAX_PUSH_BYTES } from '$lib/sync/protocol';
import { isAuthenticated } from './sync/auth';
import type { HandlerAnswer } from './sync/context';

export function unauthorized(): Response {
	return json(
		{
			error: 'unauthorized',
			message: 'Sign in again: the device credentials are missing or revoked.'
		},
		{ status: 401 }
	);
}

export function authenticated(request: Request): boolean {
	return isAuthenticated(request.headers.get('authorization'));
}

/** Reads the body as text, refusing (400) more than the push limit without buffering it all. */
export async function readLimitedBody(request: Request): Promise<string | Response> {
	const declared = Number(request.headers.get('content-length') ?? 0);
	const tooLarge = () =>
		json(
			{
				error: 'bad_request',
				message: `The body is larger than ${MAX_PUSH_BYTES} bytes: split it.`
			},
			{ status: 400 }
		);
	if (declared > MAX_PUSH_BYTES) return tooLarge();
	if (!request.body) return '';
	const reader = request.body.getReader();
	const chunks: Uint8Array[] = [];
	let size = 0;
	for (;;) {
		const { done, value } = await reader.read();
		if (done) break;
		size += value.byteLength;
		if (size > MAX_PUSH_BYTES) {
			await reader.cancel();
			return tooLarge();
		}
		chunks.push(value);
	}
	return Buffer.concat(chunks).toString('utf8');
}

export function answer(result: HandlerAnswer): Response {
	if (result.raw !== undefined)
		return new Response(result.raw, {
			status: result.status,
			headers: { 'content-type': 'application/json' }
		});
	return json(result.body, { status: result.status });
}

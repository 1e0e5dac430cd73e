import type { RequestHandler } from './$types';
import { answer, authenticated, readLimitedBody, unauthorized } from '$lib/server/http';
import { serverRuntime } from '$lib/server/runtime';
import { handlePush } from '$lib/server/sync/push';

export const POST: RequestHandler = async ({ request }) => {
	if (!authenticated(request)) return unauthorized();
	const body = await readLimitedBody(request);
	if (body instanceof Response) return body;
	const { sync } = await serverRuntime();
	return answer(await handlePush(sync, body));
};

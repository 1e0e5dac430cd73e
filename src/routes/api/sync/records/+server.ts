import type { RequestHandler } from './$types';
import { answer, authenticated, readLimitedBody, unauthorized } from '$lib/server/http';
import { serverRuntime } from '$lib/server/runtime';
import { handleRecords } from '$lib/server/sync/records';

export const POST: RequestHandler = async ({ request }) => {
	if (!authenticated(request)) return unauthorized();
	const body = await readLimitedBody(request);
	if (body instanceof Response) return body;
	const { sync } = await serverRuntime();
	return answer(await handleRecords(sync, body));
};

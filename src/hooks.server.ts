// Open, migrate and (for the demo) seed the database when the server starts, not on the
// first request: a slow first sync would otherwise carry the seeding time.
import type { ServerInit } from '@sveltejs/kit';
import { serverRuntime } from '$lib/server/runtime';

export const init: ServerInit = async () => {
	await serverRuntime();
};

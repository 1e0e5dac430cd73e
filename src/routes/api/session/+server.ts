// Which credentials this server wants. Without DOCKSIDE_TOKEN it runs with the dev token and
// hands it to browsers, so the demo works out of the box; set DOCKSIDE_TOKEN in production.
import { json } from '@sveltejs/kit';
import type { RequestHandler } from './$types';
import { DEV_TOKEN, usingDevToken } from '$lib/server/sync/auth';

export const GET: RequestHandler = () =>
	json(usingDevToken() ? { devToken: DEV_TOKEN } : { signIn: 'token' });

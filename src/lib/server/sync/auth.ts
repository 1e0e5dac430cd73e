// Until users and roles exist: one bearer token from the environment, with a dev default
// named in the README. `authorizeActor` is the one place the push handler asks whether a
// mutation's actor may do it; the users and roles work fills it in.
import { timingSafeEqual } from 'node:crypto';

export const DEV_TOKEN = 'dockside-dev-token';

export function configuredToken(): string {
	return process.env.DOCKSIDE_TOKEN || DEV_TOKEN;
}

export function usingDevToken(): boolean {
	return !process.env.DOCKSIDE_TOKEN;
}

/** Accepts `Authorization: Bearer <token>`. */
export function isAuthenticated(authorization: string | null): boolean {
	const match = authorization?.match(/^Bearer\s+(.+)$/i);
	if (!match) return false;
	const given = Buffer.from(match[1].trim());
	const expected = Buffer.from(configuredToken());
	return given.length === expected.length && timingSafeEqual(given, expected);
}

export type ActorCheck = { ok: true } | { ok: false; message: string };

export function authorizeActor(actor: string, _mutationName: string): ActorCheck {
	if (!actor.trim()) return { ok: false, message: 'The action has no signed-in person.' };
	return { ok: true };
}

// The operator name of this tablet, until users exist: kept in localStorage under the key
// perform.ts reads when it decides the actor of an action.
import { DEFAULT_ACTOR, OPERATOR_STORAGE_KEY, currentActor } from '$lib/local/perform';

export const MAX_OPERATOR_NAME = 100;

/** The name as it will be stored, or an error to show. Blank goes back to the default actor. */
export function checkOperatorName(text: string): { name: string } | { error: string } {
	const name = text.trim();
	if (name.length > MAX_OPERATOR_NAME) {
		return { error: `At most ${MAX_OPERATOR_NAME} characters.` };
	}
	return { name };
}

/** Stores the name (blank clears it); false when the browser refuses storage. */
export function saveOperatorName(name: string): boolean {
	try {
		if (name === '') globalThis.localStorage?.removeItem(OPERATOR_STORAGE_KEY);
		else globalThis.localStorage?.setItem(OPERATOR_STORAGE_KEY, name);
		return true;
	} catch {
		return false;
	}
}

export { currentActor, DEFAULT_ACTOR };

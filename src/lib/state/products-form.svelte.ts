// A products or warehouses dialog form: the shared ActionForm (busy, the rejection's message,
// the action's field issues) plus the few checks made before asking the rules, such as a
// quantity that is not a number at all. Both kinds of error show next to their field.
import { ActionForm, type Perform } from './action-form.svelte';

export class FormStatus {
	readonly #action: ActionForm;
	#local = $state.raw<Record<string, string>>({});

	constructor(perform: Perform) {
		this.#action = new ActionForm(perform);
	}

	get submitting(): boolean {
		return this.#action.busy;
	}
	/** The rejection's message; shown above the form's buttons. */
	get formError(): string | null {
		return this.#action.error;
	}

	/** The message for a field (dotted path in the action's arguments, e.g. `address.city`). */
	fieldError(field: string): string | undefined {
		return this.#local[field] ?? this.#action.issue(field);
	}

	reset(): void {
		this.#local = {};
		this.#action.reset();
	}

	/** Errors found before asking the rules; nothing is sent. */
	fail(fieldErrors: Record<string, string>): void {
		this.#action.reset();
		this.#local = fieldErrors;
	}

	/** Sends the action; true when it was applied. */
	perform(name: string, args: unknown): Promise<boolean> {
		this.#local = {};
		return this.#action.submit(name, args);
	}
}

// One dialog form that sends an action: busy while it runs, the rejection's message and
// field-level issues when it is refused (the form stays open), closed when it succeeds.

export interface ActionIssue {
	path: string | ReadonlyArray<string | number>;
	message: string;
}

export type PerformResult =
	| { ok: true; mutationId: number }
	| { ok: false; code: string; message: string; issues?: ActionIssue[] };

export type Perform = (name: string, args: unknown) => Promise<PerformResult>;

export function issuePath(path: ActionIssue['path']): string {
	return typeof path === 'string' ? path : path.join('.');
}

export class ActionForm {
	#busy = $state(false);
	#error = $state<string | null>(null);
	#issues = $state.raw<Record<string, string>>({});
	readonly #perform: Perform;

	constructor(perform: Perform) {
		this.#perform = perform;
	}

	get busy(): boolean {
		return this.#busy;
	}
	get error(): string | null {
		return this.#error;
	}
	get issues(): Record<string, string> {
		return this.#issues;
	}

	/**
	 * The message for a field, by its dotted path within the action's arguments. A prefix
	 * finds nested issues too, so `issue('address')` reports a problem in any address field.
	 */
	issue(path: string): string | undefined {
		if (this.#issues[path]) return this.#issues[path];
		const nested = Object.keys(this.#issues).find((key) => key.startsWith(`${path}.`));
		return nested ? this.#issues[nested] : undefined;
	}

	reset(): void {
		this.#busy = false;
		this.#error = null;
		this.#issues = {};
	}

	/** Sends the action; true when it was applied. A second submit while one runs is ignored. */
	async submit(name: string, args: unknown): Promise<boolean> {
		if (this.#busy) return false;
		this.#busy = true;
		this.#error = null;
		this.#issues = {};
		try {
			const result = await this.#perform(name, args);
			if (result.ok) return true;
			this.#error = result.message || 'The action was refused.';
			const issues: Record<string, string> = {};
			for (const issue of result.issues ?? []) {
				const key = issuePath(issue.path);
				issues[key] ??= issue.message;
			}
			this.#issues = issues;
			return false;
		} catch (error) {
			// A failure of the local store rather than a rule: still shown, never swallowed.
			this.#error = error instanceof Error && error.message ? error.message : String(error);
			return false;
		} finally {
			this.#busy = false;
		}
	}
}

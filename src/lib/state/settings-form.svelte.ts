// The Settings screen's form: what the person typed, checked against the same zod schema the
// rule uses, and sent as settings.update with only the fields that changed, so a change made
// on another tablet to a different field is not overwritten when both sync.
import type { z } from 'zod';
import { DEFAULT_SETTINGS, Settings, type TimelineEvent } from '$lib/domain/schemas';
import type { Perform } from './action-form.svelte';
import { LiveValue, type LiveSource } from './live-value.svelte';
import { newestFirst } from './order-view.svelte';
import type { LogoResult } from './settings-logo';
import { templateDrafts, templatesFromDrafts, type TemplateDraft } from './settings-carrier';
import { FormStatus } from './products-form.svelte';

/** The settings this screen edits (a field added to the schema later is left untouched). */
export const TEXT_FIELDS = [
	'companyName',
	'companyAddress',
	'vatNumber',
	'timeZone',
	'currencyDisplay',
	'returnAddress',
	'returnInstructions'
] as const;
export const DAY_FIELDS = ['returnWindowDays', 'retentionDays'] as const;
export const SWITCH_FIELDS = [
	'allowPartialPacking',
	'invoiceOnPack',
	'reserveUnpaidOrders',
	'holdingReleasesStock'
] as const;
export const FOOTER_LINES = 3;

type TextField = (typeof TEXT_FIELDS)[number];
type DayField = (typeof DAY_FIELDS)[number];
type SwitchField = (typeof SWITCH_FIELDS)[number];
export type EditedField =
	TextField | DayField | SwitchField | 'logo' | 'footerLines' | 'carrierTemplates';
export type SettingsChanges = Partial<Pick<Settings, EditedField>>;

export type SettingsDraft = Record<TextField | DayField, string> &
	Record<SwitchField, boolean> & {
		/** A data URL; '' when there is none. */
		logo: string;
		/** Always three inputs; blank ones are left out when saved. */
		footerLines: string[];
		/** The templates in force (the defaults while the settings hold none). */
		carrierTemplates: TemplateDraft[];
	};

/**
 * Who may change the settings. DOMAIN.md: administrators only, once users and roles exist.
 * Today every local actor may; the roles work fills this in beside the server's check
 * (`authorizeActor` in src/lib/server/sync/auth.ts), which is what actually enforces it.
 */
export type SettingsPermission = { allowed: true } | { allowed: false; reason: string };
export function settingsPermission(_actor: string): SettingsPermission {
	return { allowed: true };
}

export function draftOf(settings: Settings): SettingsDraft {
	const footerLines = Array.from({ length: FOOTER_LINES }, (_, i) => settings.footerLines[i] ?? '');
	return {
		companyName: settings.companyName,
		companyAddress: settings.companyAddress,
		vatNumber: settings.vatNumber,
		timeZone: settings.timeZone,
		currencyDisplay: settings.currencyDisplay,
		returnAddress: settings.returnAddress,
		returnInstructions: settings.returnInstructions,
		returnWindowDays: String(settings.returnWindowDays),
		retentionDays: String(settings.retentionDays),
		allowPartialPacking: settings.allowPartialPacking,
		invoiceOnPack: settings.invoiceOnPack,
		reserveUnpaidOrders: settings.reserveUnpaidOrders,
		holdingReleasesStock: settings.holdingReleasesStock,
		logo: settings.logo ?? '',
		footerLines,
		carrierTemplates: templateDrafts(settings)
	};
}

/** Days typed as text: the number, or null when it is not a whole number. */
export function parseDays(text: string): number | null {
	const trimmed = text.trim();
	return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : null;
}

/** Zod's own wording is for developers; the person sees the limit in plain words. */
const plainMessage: z.core.$ZodErrorMap = (issue) => {
	if (issue.code === 'too_big') {
		const max = Number(issue.maximum);
		if (issue.origin === 'string') return `At most ${max.toLocaleString('en')} characters.`;
		if (issue.origin === 'array') return `At most ${max} lines.`;
		return `At most ${max.toLocaleString('en')}.`;
	}
	if (issue.code === 'too_small') {
		const min = Number(issue.minimum);
		if (issue.origin === 'string') return 'Required.';
		return `At least ${min.toLocaleString('en')}.`;
	}
	if (issue.code === 'invalid_type' && issue.expected === 'int') return 'Enter a whole number.';
	return undefined;
};

function sameValue(a: unknown, b: unknown): boolean {
	return JSON.stringify(a) === JSON.stringify(b);
}

/** What the settings would be: trimmed text, numbers, non-blank footer lines in their order. */
function valuesOf(draft: SettingsDraft): Record<EditedField, unknown> {
	const values = {} as Record<EditedField, unknown>;
	for (const field of TEXT_FIELDS) values[field] = draft[field].trim();
	for (const field of DAY_FIELDS) values[field] = parseDays(draft[field]);
	for (const field of SWITCH_FIELDS) values[field] = draft[field];
	values.footerLines = draft.footerLines.map((line) => line.trim()).filter((line) => line !== '');
	// '' removes the logo: settings.update treats an empty logo as none.
	values.logo = draft.logo;
	values.carrierTemplates = templatesFromDrafts(draft.carrierTemplates);
	return values;
}

function currentValue(settings: Settings, field: EditedField): unknown {
	if (field === 'logo') return settings.logo ?? '';
	// Unchanged defaults stay implicit: saving other fields does not pin today's defaults.
	if (field === 'carrierTemplates') return templatesFromDrafts(templateDrafts(settings));
	return settings[field];
}

const EDITED_FIELDS: readonly EditedField[] = [
	...TEXT_FIELDS,
	...DAY_FIELDS,
	...SWITCH_FIELDS,
	'logo',
	'footerLines',
	'carrierTemplates'
];

/** The fields whose value differs from `settings`, as settings.update takes them. */
export function changedFields(draft: SettingsDraft, settings: Settings): SettingsChanges {
	const values = valuesOf(draft);
	const changes: Record<string, unknown> = {};
	for (const field of EDITED_FIELDS) {
		if (!sameValue(values[field], currentValue(settings, field))) changes[field] = values[field];
	}
	return changes as SettingsChanges;
}

/** Field errors for the draft by the schema's own limits (footer lines by input position). */
export function draftErrors(draft: SettingsDraft): Record<string, string> {
	const errors: Record<string, string> = {};
	const values = valuesOf(draft);
	for (const field of DAY_FIELDS) {
		if (values[field] === null) errors[field] = 'Enter a whole number of days.';
	}
	const checked: Record<string, unknown> = {};
	for (const field of EDITED_FIELDS) {
		if (field !== 'footerLines' && values[field] !== null) checked[field] = values[field];
	}
	const result = Settings.partial().safeParse(checked, { error: plainMessage });
	for (const issue of result.success ? [] : result.error.issues) {
		const path = issue.path.map(String).join('.');
		errors[path] ??= issue.message;
	}
	const footerLine = Settings.shape.footerLines.element;
	draft.footerLines.forEach((line, i) => {
		const parsed = footerLine.safeParse(line.trim(), { error: plainMessage });
		if (!parsed.success) errors[`footerLines.${i}`] = parsed.error.issues[0].message;
	});
	return errors;
}

export type SaveState =
	| { kind: 'idle' }
	/** Applied on this tablet; the mutation waits in the outbox. */
	| { kind: 'pending'; mutationId: number }
	| { kind: 'synced'; mutationId: number }
	| { kind: 'rejected'; mutationId: number; message: string };

/** Where a mutation is: still in the outbox, refused by the server, or done. */
export type MutationState =
	{ kind: 'pending' } | { kind: 'synced' } | { kind: 'rejected'; message: string };

export interface SettingsFormDeps {
	perform: Perform;
	live: LiveSource;
	/** Read live after a save, to say when the server has it. */
	mutationState(mutationId: number): Promise<MutationState>;
	permission?: SettingsPermission;
}

export class SettingsForm {
	draft = $state<SettingsDraft>(draftOf(DEFAULT_SETTINGS));
	readonly status: FormStatus;
	readonly permission: SettingsPermission;
	/** The settings the draft started from (updated as other changes arrive). */
	#base = $state.raw<Settings>(DEFAULT_SETTINGS);
	#save = $state.raw<SaveState>({ kind: 'idle' });
	#logoError = $state<string | null>(null);
	#lastMutationId: number | null = null;
	readonly #watch: LiveValue<MutationState>;
	readonly #deps: SettingsFormDeps;

	constructor(deps: SettingsFormDeps, settings: Settings) {
		this.#deps = deps;
		this.#watch = new LiveValue(deps.live);
		this.permission = deps.permission ?? { allowed: true };
		const perform: Perform = async (name, args) => {
			const result = await deps.perform(name, args);
			if (result.ok) this.#lastMutationId = result.mutationId;
			return result;
		};
		this.status = new FormStatus(perform);
		this.#base = settings;
		this.draft = draftOf(settings);
	}

	get base(): Settings {
		return this.#base;
	}
	get changes(): SettingsChanges {
		return changedFields(this.draft, this.#base);
	}
	get dirty(): boolean {
		return Object.keys(this.changes).length > 0;
	}
	get saveState(): SaveState {
		return this.#save;
	}

	/** The message for a field: the upload's own check, the schema's, or the rule's. */
	fieldError(field: string): string | undefined {
		if (field === 'logo' && this.#logoError) return this.#logoError;
		return this.status.fieldError(field);
	}

	/** A checked upload (see settings-logo.ts) replaces the logo; a refused one changes nothing. */
	setLogo(result: LogoResult): void {
		if (result.ok) {
			this.draft.logo = result.dataUrl;
			this.#logoError = null;
		} else {
			this.#logoError = result.message;
		}
	}

	removeLogo(): void {
		this.draft.logo = '';
		this.#logoError = null;
	}

	/**
	 * Newer settings arrived (this tablet's save, or another tablet's through sync): fields the
	 * person has not touched take the new value; what they are typing stays.
	 */
	rebase(latest: Settings): void {
		const before = draftOf(this.#base);
		const next = draftOf(latest);
		const draft = this.draft;
		for (const key of Object.keys(next) as (keyof SettingsDraft)[]) {
			if (sameValue(draft[key], before[key])) (draft as Record<string, unknown>)[key] = next[key];
		}
		this.#base = latest;
	}

	/** Puts every field back as saved. */
	discard(): void {
		this.draft = draftOf(this.#base);
		this.#logoError = null;
		this.status.reset();
	}

	/** Follows the saved mutation until the server has it (or refused it). */
	#follow(mutationId: number): void {
		this.#save = { kind: 'pending', mutationId };
		this.#watch.run(
			() => this.#deps.mutationState(mutationId),
			(state) => {
				// A refusal stays shown even once the person dismissed it in the rejections panel.
				if (this.#save.kind === 'rejected') return;
				this.#save =
					state.kind === 'rejected'
						? { kind: 'rejected', mutationId, message: state.message }
						: { kind: state.kind, mutationId };
			}
		);
	}

	stop(): void {
		this.#watch.stop();
	}

	/** True when saved; field errors or the rule's refusal otherwise. */
	async submit(): Promise<boolean> {
		if (!this.permission.allowed) {
			this.status.fail({});
			return false;
		}
		const errors = draftErrors(this.draft);
		if (Object.keys(errors).length > 0) {
			this.status.fail(errors);
			return false;
		}
		const changes = this.changes;
		if (Object.keys(changes).length === 0) return true;
		const applied = await this.status.perform('settings.update', changes);
		if (applied && this.#lastMutationId !== null) {
			this.#follow(this.#lastMutationId);
			// The rule applied exactly these values: the saved fields now show them as stored.
			const saved = { ...this.#base, ...changes };
			const next = draftOf(saved);
			for (const field of Object.keys(changes) as EditedField[]) {
				(this.draft as Record<string, unknown>)[field] = next[field];
			}
			this.#base = saved;
		}
		return applied;
	}
}

export interface SettingsScreenDeps extends SettingsFormDeps {
	getSettings(): Promise<Settings>;
	/** settings.update's timeline events (orderId 'settings'), in any order. */
	settingsHistory(): Promise<TimelineEvent[]>;
}

/** How many past changes the screen lists. */
export const HISTORY_SHOWN = 10;

/** The live settings and, once they are read, the form over them. */
export class SettingsScreen {
	#form = $state.raw<SettingsForm | null>(null);
	readonly #settings: LiveValue<Settings>;
	readonly #history: LiveValue<TimelineEvent[]>;
	readonly #deps: SettingsScreenDeps;

	constructor(deps: SettingsScreenDeps) {
		this.#deps = deps;
		this.#settings = new LiveValue(deps.live);
		this.#history = new LiveValue(deps.live);
	}

	/** Who changed what, newest first: synced changes from every tablet, and this one's. */
	get history(): TimelineEvent[] {
		return newestFirst(this.#history.value ?? []).slice(0, HISTORY_SHOWN);
	}

	get form(): SettingsForm | null {
		return this.#form;
	}
	get error(): string | null {
		return this.#settings.error;
	}

	start(): void {
		this.#settings.run(
			() => this.#deps.getSettings(),
			(settings) => {
				if (this.#form) this.#form.rebase(settings);
				else this.#form = new SettingsForm(this.#deps, settings);
			}
		);
		this.#history.run(() => this.#deps.settingsHistory());
	}

	stop(): void {
		this.#settings.stop();
		this.#history.stop();
		this.#form?.stop();
	}
}

/** A select's options: the platform's list (Intl.supportedValuesOf), always with the saved value. */
export function optionsWith(list: readonly string[], current: string): string[] {
	return list.includes(current) || !current ? [...list] : [current, ...list];
}

// Carrier export templates as the Settings form edits them (the schema and rendering are in
// domain/carrier-templates.ts). The list's order matters: the first template whose pattern
// matches a shipping method is used, so templates move up and down rather than sort.
import {
	DEFAULT_CARRIER_TEMPLATES,
	carrierTemplatesOf,
	type CarrierTemplate
} from '$lib/domain/carrier-templates';
import type { Settings } from '$lib/domain/schemas';

export interface ColumnDraft {
	header: string;
	value: string;
}

export interface TemplateDraft {
	id: string;
	name: string;
	pattern: string;
	/** '' when the template names no carrier. */
	carrier: string;
	delimiter: CarrierTemplate['delimiter'];
	rowPer: CarrierTemplate['rowPer'];
	header: boolean;
	columns: ColumnDraft[];
}

export const DELIMITER_LABELS: Record<CarrierTemplate['delimiter'], string> = {
	',': 'Comma ( , )',
	';': 'Semicolon ( ; )',
	'\t': 'Tab'
};

export function templateDrafts(settings: Pick<Settings, 'carrierTemplates'>): TemplateDraft[] {
	return carrierTemplatesOf(settings).map((template) => ({
		id: template.id,
		name: template.name,
		pattern: template.pattern,
		carrier: template.carrier ?? '',
		delimiter: template.delimiter,
		rowPer: template.rowPer,
		header: template.header,
		columns: template.columns.map((column) => ({ ...column }))
	}));
}

/** The templates to store: text trimmed as the schema trims it, no carrier when blank. */
export function templatesFromDrafts(drafts: readonly TemplateDraft[]): CarrierTemplate[] {
	return drafts.map((draft) => {
		const template: CarrierTemplate = {
			id: draft.id,
			name: draft.name.trim(),
			pattern: draft.pattern.trim(),
			delimiter: draft.delimiter,
			rowPer: draft.rowPer,
			header: draft.header,
			columns: draft.columns.map((column) => ({
				header: column.header.trim(),
				value: column.value.trim()
			}))
		};
		if (draft.carrier.trim()) template.carrier = draft.carrier.trim();
		return template;
	});
}

/** `template-1`, `template-2` …: the first not taken (ids only need to differ). */
export function newTemplateId(drafts: readonly TemplateDraft[]): string {
	const taken = new Set(drafts.map((draft) => draft.id));
	let n = 1;
	while (taken.has(`template-${n}`)) n++;
	return `template-${n}`;
}

export function blankTemplate(drafts: readonly TemplateDraft[]): TemplateDraft {
	return {
		id: newTemplateId(drafts),
		name: '',
		pattern: '',
		carrier: '',
		delimiter: ',',
		rowPer: 'parcel',
		header: true,
		columns: [
			{ header: 'order_number', value: '{order.number}' },
			{ header: 'name', value: '{address.name}' }
		]
	};
}

export function defaultTemplateDrafts(): TemplateDraft[] {
	return templateDrafts({ carrierTemplates: DEFAULT_CARRIER_TEMPLATES });
}

/** Moves item `index` by `delta` places, within the list's bounds. */
export function move<T>(list: T[], index: number, delta: number): void {
	const to = index + delta;
	if (index < 0 || index >= list.length || to < 0 || to >= list.length) return;
	const [item] = list.splice(index, 1);
	list.splice(to, 0, item);
}

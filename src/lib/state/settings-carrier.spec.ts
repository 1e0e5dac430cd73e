import { describe, expect, it } from 'vitest';
import { DEFAULT_CARRIER_TEMPLATES } from '$lib/domain/carrier-templates';
import { DEFAULT_SETTINGS, type Settings } from '$lib/domain/schemas';
import {
	blankTemplate,
	defaultTemplateDrafts,
	move,
	newTemplateId,
	templateDrafts,
	templatesFromDrafts
} from './settings-carrier';
import { changedFields, draftErrors, draftOf } from './settings-form.svelte';

const settings = (extra: Partial<Settings> = {}): Settings => ({ ...DEFAULT_SETTINGS, ...extra });

describe('carrier templates in the settings form', () => {
	it('shows the defaults while the settings hold none, and does not save them unasked', () => {
		const base = settings();
		expect(templatesFromDrafts(templateDrafts(base))).toEqual(DEFAULT_CARRIER_TEMPLATES);
		const draft = draftOf(base);
		draft.companyName = 'Acme';
		expect(changedFields(draft, base)).toEqual({ companyName: 'Acme' });
	});

	it('sends the whole list, in its order, when one template changes', () => {
		const base = settings();
		const draft = draftOf(base);
		draft.carrierTemplates[0].pattern = ' colissimo*, laposte_* ';
		draft.carrierTemplates[0].carrier = '';
		move(draft.carrierTemplates, 1, -1);
		const { carrierTemplates } = changedFields(draft, base);
		expect(carrierTemplates?.map((t) => t.id)).toEqual(['any-carrier', 'colissimo']);
		expect(carrierTemplates?.[1].pattern).toBe('colissimo*, laposte_*');
		expect(carrierTemplates?.[1]).not.toHaveProperty('carrier');
		expect(draftErrors(draft)).toEqual({});
	});

	it("reports the schema's refusals at the template's fields", () => {
		const draft = draftOf(settings());
		draft.carrierTemplates.push(blankTemplate(draft.carrierTemplates));
		draft.carrierTemplates[0].columns[1].value = '{address.nmae}';
		draft.carrierTemplates[1].columns = [{ header: 'SKU', value: '{line.sku}' }];
		expect(draftErrors(draft)).toEqual({
			'carrierTemplates.0.columns.1.value': 'Unknown field {address.nmae}.',
			'carrierTemplates.1.columns.0.value': '{line.sku} needs one row per line.',
			'carrierTemplates.2.name': 'Name the template.',
			'carrierTemplates.2.pattern': 'Give a shipping method pattern, e.g. colissimo*.'
		});
	});

	it('saves an empty list (no export) and restores the defaults explicitly', () => {
		const custom = settings({ carrierTemplates: [DEFAULT_CARRIER_TEMPLATES[1]] });
		const draft = draftOf(custom);
		draft.carrierTemplates = [];
		expect(changedFields(draft, custom)).toEqual({ carrierTemplates: [] });
		draft.carrierTemplates = defaultTemplateDrafts();
		expect(changedFields(draft, custom)).toEqual({ carrierTemplates: DEFAULT_CARRIER_TEMPLATES });
	});

	it('gives new templates ids not taken, and moves within bounds', () => {
		const drafts = defaultTemplateDrafts();
		expect(newTemplateId(drafts)).toBe('template-1');
		drafts.push(blankTemplate(drafts));
		expect(newTemplateId(drafts)).toBe('template-2');
		const list = ['a', 'b', 'c'];
		move(list, 0, -1);
		move(list, 2, 1);
		expect(list).toEqual(['a', 'b', 'c']);
		move(list, 0, 2);
		expect(list).toEqual(['b', 'c', 'a']);
	});
});

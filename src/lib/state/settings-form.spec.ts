import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS, Settings } from '$lib/domain/schemas';
import { fakePerform, fakeSource, settle } from './products-fakes.svelte';
import {
	DAY_FIELDS,
	SWITCH_FIELDS,
	TEXT_FIELDS,
	SettingsForm,
	SettingsScreen,
	changedFields,
	draftErrors,
	draftOf,
	parseDays,
	type MutationState
} from './settings-form.svelte';
import { LOGO_MAX_CHARS, largestLogoBytes, logoFromBytes, readLogoFile } from './settings-logo';

const PNG = Uint8Array.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 1, 2, 3, 4]);
const JPEG = Uint8Array.from([0xff, 0xd8, 0xff, 0xe0, 9, 9]);
const GIF = new TextEncoder().encode('GIF89a....');

function settings(extra: Partial<Settings> = {}): Settings {
	return { ...DEFAULT_SETTINGS, companyName: 'Acme', footerLines: ['Thank you'], ...extra };
}

/** A form over `base`, its perform calls, and a mutation state the test sets. */
function setup(base: Settings = settings(), ...results: Parameters<typeof fakePerform>) {
	const { perform, calls } = fakePerform(...results);
	const source = fakeSource();
	const world = { state: { kind: 'pending' } as MutationState, asked: [] as number[] };
	const form = new SettingsForm(
		{
			perform,
			live: source.source,
			mutationState: async (id) => {
				world.asked.push(id);
				return world.state;
			}
		},
		base
	);
	return { form, calls, source, world };
}

describe('draftOf and changedFields', () => {
	it('has nothing to change for an untouched draft', () => {
		const base = settings({ logo: 'data:image/png;base64,iVBORw0KGgo=' });
		expect(changedFields(draftOf(base), base)).toEqual({});
		expect(draftOf(base).footerLines).toEqual(['Thank you', '', '']);
	});

	it('sends trimmed text, whole days and the footer lines that are not blank, in order', () => {
		const base = settings();
		const draft = draftOf(base);
		draft.companyName = '  Acme Ltd ';
		draft.footerLines = ['', 'Line two', ' Line three '];
		draft.returnWindowDays = ' 14 ';
		draft.allowPartialPacking = true;
		draft.vatNumber = ' '; // was '' already: not a change
		expect(changedFields(draft, base)).toEqual({
			companyName: 'Acme Ltd',
			footerLines: ['Line two', 'Line three'],
			returnWindowDays: 14,
			allowPartialPacking: true
		});
	});

	it('sends an empty logo to remove it, and nothing when there was none', () => {
		const withLogo = settings({ logo: 'data:image/png;base64,iVBORw0KGgo=' });
		const draft = draftOf(withLogo);
		draft.logo = '';
		expect(changedFields(draft, withLogo)).toEqual({ logo: '' });
		expect(changedFields(draftOf(settings()), settings())).toEqual({});
	});

	it('lists exactly the fields edited to a new value (property)', () => {
		const text = fc.string({ maxLength: 20 }).map((s) => s.trim());
		fc.assert(
			fc.property(
				fc.record({
					companyName: text,
					vatNumber: text,
					returnWindowDays: fc.integer({ min: 0, max: 3650 }),
					retentionDays: fc.integer({ min: 1, max: 3650 }),
					allowPartialPacking: fc.boolean(),
					invoiceOnPack: fc.boolean(),
					footerLines: fc.array(
						text.filter((s) => s !== ''),
						{ maxLength: 3 }
					)
				}),
				fc.record({
					companyName: fc.option(text, { nil: undefined }),
					vatNumber: fc.option(text, { nil: undefined }),
					returnWindowDays: fc.option(fc.integer({ min: 0, max: 3650 }), { nil: undefined }),
					allowPartialPacking: fc.option(fc.boolean(), { nil: undefined }),
					footerLines: fc.option(
						fc.array(
							text.filter((s) => s !== ''),
							{ maxLength: 3 }
						),
						{
							nil: undefined
						}
					)
				}),
				(start, edits) => {
					const base = settings(start);
					const draft = draftOf(base);
					if (edits.companyName !== undefined) draft.companyName = edits.companyName;
					if (edits.vatNumber !== undefined) draft.vatNumber = edits.vatNumber;
					if (edits.returnWindowDays !== undefined)
						draft.returnWindowDays = String(edits.returnWindowDays);
					if (edits.allowPartialPacking !== undefined)
						draft.allowPartialPacking = edits.allowPartialPacking;
					if (edits.footerLines !== undefined)
						draft.footerLines = [0, 1, 2].map((i) => edits.footerLines?.[i] ?? '');
					const expected: Record<string, unknown> = {};
					for (const [key, value] of Object.entries(edits)) {
						if (value === undefined) continue;
						const before = base[key as keyof Settings];
						if (JSON.stringify(before) !== JSON.stringify(value)) expected[key] = value;
					}
					expect(changedFields(draft, base)).toEqual(expected);
				}
			)
		);
	});
});

describe('draftErrors', () => {
	it('finds nothing wrong with the saved settings', () => {
		expect(draftErrors(draftOf(settings()))).toEqual({});
	});

	it("reports the schema's limits on the field, in plain words", () => {
		const draft = draftOf(settings());
		draft.companyName = 'x'.repeat(201);
		draft.returnWindowDays = '3651';
		draft.retentionDays = '0';
		draft.footerLines = ['ok', 'y'.repeat(201), ''];
		expect(draftErrors(draft)).toEqual({
			companyName: 'At most 200 characters.',
			returnWindowDays: 'At most 3,650.',
			retentionDays: 'At least 1.',
			'footerLines.1': 'At most 200 characters.'
		});
	});

	it('asks for whole days', () => {
		const draft = draftOf(settings());
		draft.returnWindowDays = '2.5';
		draft.retentionDays = 'ninety';
		const errors = draftErrors(draft);
		expect(errors.returnWindowDays).toBe('Enter a whole number of days.');
		expect(errors.retentionDays).toBe('Enter a whole number of days.');
		expect(parseDays(' 30 ')).toBe(30);
		expect(parseDays('')).toBeNull();
		expect(parseDays('-1')).toBeNull();
	});

	it('agrees with the schema: a draft without errors gives changes the schema accepts (property)', () => {
		fc.assert(
			fc.property(
				fc.record({
					companyName: fc.string({ maxLength: 220 }),
					returnWindowDays: fc.oneof(fc.integer({ min: -5, max: 4000 }).map(String), fc.string()),
					retentionDays: fc.oneof(fc.integer({ min: -5, max: 4000 }).map(String), fc.string()),
					footer: fc.array(fc.string({ maxLength: 210 }), { minLength: 3, maxLength: 3 })
				}),
				(typed) => {
					const base = settings();
					const draft = draftOf(base);
					draft.companyName = typed.companyName;
					draft.returnWindowDays = typed.returnWindowDays;
					draft.retentionDays = typed.retentionDays;
					draft.footerLines = typed.footer;
					const errors = draftErrors(draft);
					const valid = Settings.safeParse({ ...base, ...changedFields(draft, base) }).success;
					const daysTyped = [typed.returnWindowDays, typed.retentionDays].every(
						(t) => parseDays(t) !== null
					);
					expect(Object.keys(errors).length === 0).toBe(valid && daysTyped);
				}
			)
		);
	});
});

describe('SettingsForm', () => {
	it('refuses invalid input without sending anything', async () => {
		const { form, calls } = setup();
		form.draft.companyName = 'x'.repeat(300);
		form.draft.retentionDays = 'soon';
		expect(await form.submit()).toBe(false);
		expect(calls).toEqual([]);
		expect(form.fieldError('companyName')).toBe('At most 200 characters.');
		expect(form.fieldError('retentionDays')).toBe('Enter a whole number of days.');
		expect(form.dirty).toBe(true);
	});

	it('sends only the changed fields, then says it waits to sync until the server has it', async () => {
		const { form, calls, source, world } = setup(settings(), { ok: true, mutationId: 41 });
		form.draft.companyName = 'Acme Ltd';
		form.draft.footerLines[1] = 'Registered in Lyon';
		form.draft.allowPartialPacking = true;
		expect(await form.submit()).toBe(true);
		expect(calls).toEqual([
			{
				name: 'settings.update',
				args: {
					companyName: 'Acme Ltd',
					footerLines: ['Thank you', 'Registered in Lyon'],
					allowPartialPacking: true
				}
			}
		]);
		expect(form.dirty).toBe(false);
		expect(form.draft.footerLines).toEqual(['Thank you', 'Registered in Lyon', '']);
		await settle();
		expect(form.saveState).toEqual({ kind: 'pending', mutationId: 41 });
		world.state = { kind: 'synced' };
		await source.refresh();
		expect(form.saveState).toEqual({ kind: 'synced', mutationId: 41 });
		expect(world.asked.every((id) => id === 41)).toBe(true);
	});

	it('shows the server refusing the save later', async () => {
		const { form, source, world } = setup(settings(), { ok: true, mutationId: 3 });
		form.draft.vatNumber = 'FR123';
		await form.submit();
		world.state = { kind: 'rejected', message: 'Only administrators change the settings.' };
		await source.refresh();
		expect(form.saveState).toEqual({
			kind: 'rejected',
			mutationId: 3,
			message: 'Only administrators change the settings.'
		});
	});

	it('shows the rule refusing, with its field issue, and stays unsaved', async () => {
		const { form } = setup(settings(), {
			ok: false,
			code: 'invalid_args',
			message: 'Check these fields: timeZone: Too long',
			issues: [{ path: 'timeZone', message: 'Too long' }]
		});
		form.draft.timeZone = 'Europe/Paris';
		expect(await form.submit()).toBe(false);
		expect(form.status.formError).toBe('Check these fields: timeZone: Too long');
		expect(form.fieldError('timeZone')).toBe('Too long');
		expect(form.dirty).toBe(true);
		expect(form.saveState).toEqual({ kind: 'idle' });
	});

	it('saves nothing when nothing changed', async () => {
		const { form, calls } = setup();
		form.draft.companyName = ' Acme ';
		expect(await form.submit()).toBe(true);
		expect(calls).toEqual([]);
	});

	it('takes newer settings into the fields not being edited, and keeps what is typed', () => {
		const { form } = setup();
		form.draft.companyName = 'Typed here';
		form.rebase(settings({ companyName: 'From the other tablet', vatNumber: 'DE999' }));
		expect(form.draft.companyName).toBe('Typed here');
		expect(form.draft.vatNumber).toBe('DE999');
		expect(form.changes).toEqual({ companyName: 'Typed here' });
		form.discard();
		expect(form.draft.companyName).toBe('From the other tablet');
		expect(form.dirty).toBe(false);
	});

	it('uses a checked logo, keeps the old one when the upload is refused, and removes it', () => {
		const { form } = setup(settings({ logo: 'data:image/png;base64,iVBORw0KGgo=' }));
		form.setLogo(logoFromBytes(GIF));
		expect(form.fieldError('logo')).toBe('The logo must be a PNG or JPEG image.');
		expect(form.dirty).toBe(false);
		const jpeg = logoFromBytes(JPEG);
		form.setLogo(jpeg);
		expect(form.fieldError('logo')).toBeUndefined();
		expect(form.changes).toEqual({ logo: jpeg.ok ? jpeg.dataUrl : 'unreachable' });
		form.removeLogo();
		expect(form.changes).toEqual({ logo: '' });
	});

	it('edits every setting of the schema, each once', () => {
		const all = [
			...TEXT_FIELDS,
			...DAY_FIELDS,
			...SWITCH_FIELDS,
			'logo',
			'footerLines',
			'carrierTemplates'
		];
		expect(new Set(all).size).toBe(all.length);
		expect(Object.keys(Settings.shape).sort()).toEqual([...all].sort());
	});
});

describe('SettingsScreen', () => {
	it('makes the form from the first settings read, then rebases it on later ones', async () => {
		const source = fakeSource();
		let stored = settings();
		const screen = new SettingsScreen({
			live: source.source,
			perform: fakePerform().perform,
			mutationState: async () => ({ kind: 'synced' }),
			getSettings: async () => stored,
			settingsHistory: async () => []
		});
		expect(screen.form).toBeNull();
		screen.start();
		await settle();
		const form = screen.form;
		expect(form?.draft.companyName).toBe('Acme');
		stored = settings({ companyName: 'Renamed' });
		await source.refresh();
		expect(screen.form).toBe(form);
		expect(form?.draft.companyName).toBe('Renamed');
		screen.stop();
		expect(source.openCount).toBe(0);
	});

	it('lists the latest changes first, at most ten', async () => {
		const source = fakeSource();
		const events = Array.from({ length: 12 }, (_, i) => ({
			id: `c:${i + 1}:0`,
			orderId: 'settings',
			at: `2026-11-${String(i + 10).padStart(2, '0')}T08:00:00.000Z`,
			actor: 'local-user',
			actorKind: 'user' as const,
			type: 'settings.update',
			summary: `Settings changed: change ${i + 1}.`,
			subject: 'settings' as const
		}));
		const screen = new SettingsScreen({
			live: source.source,
			perform: fakePerform().perform,
			mutationState: async () => ({ kind: 'synced' }),
			getSettings: async () => settings(),
			settingsHistory: async () => [events[5], ...events.slice(6), ...events.slice(0, 5)]
		});
		screen.start();
		await settle();
		expect(screen.history.map((e) => e.summary)).toEqual(
			events
				.slice(2)
				.reverse()
				.map((e) => e.summary)
		);
		screen.stop();
	});
});

describe('logo files', () => {
	it('makes a data URL typed by the bytes, whatever the file claims', async () => {
		const png = await readLogoFile(new Blob([PNG], { type: 'image/jpeg' }));
		expect(png).toEqual({
			ok: true,
			dataUrl: `data:image/png;base64,${btoa(String.fromCharCode(...PNG))}`
		});
		const jpeg = logoFromBytes(JPEG);
		expect(jpeg.ok && jpeg.dataUrl.startsWith('data:image/jpeg;base64,/9j/')).toBe(true);
	});

	it("refuses what is not PNG or JPEG, an empty file, and a file over the schema's limit", async () => {
		expect(logoFromBytes(GIF)).toEqual({
			ok: false,
			message: 'The logo must be a PNG or JPEG image.'
		});
		expect(logoFromBytes(new Uint8Array())).toEqual({ ok: false, message: 'The file is empty.' });
		const big = new Uint8Array(largestLogoBytes() + 3);
		big.set(PNG);
		const refused = await readLogoFile(new Blob([big]));
		expect(refused.ok).toBe(false);
		expect(!refused.ok && refused.message).toMatch(/^The logo is 147 KB; at most 146 KB fits/);
		// The largest file that fits does fit, and gives a data URL the schema accepts.
		const largest = new Uint8Array(largestLogoBytes());
		largest.set(PNG);
		const fits = logoFromBytes(largest);
		expect(fits.ok).toBe(true);
		expect(fits.ok && fits.dataUrl.length).toBeLessThanOrEqual(LOGO_MAX_CHARS);
		expect(Settings.safeParse(settings({ logo: fits.ok ? fits.dataUrl : '' })).success).toBe(true);
	});
});

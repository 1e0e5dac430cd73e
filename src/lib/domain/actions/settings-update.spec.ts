import { describe, expect, it } from 'vitest';
import { DEFAULT_SETTINGS } from '../schemas';
import { applyAndWrite, applyOk } from '../testing/run';
import { makeWorld } from '../testing/world';

describe('settings.update', () => {
	it('merges the given settings over the current ones', async () => {
		const reader = makeWorld();
		const changes = await applyOk(reader, 'settings.update', {
			returnWindowDays: 14,
			companyName: 'Acme'
		});
		expect(changes.settings).toEqual({
			...DEFAULT_SETTINGS,
			returnWindowDays: 14,
			companyName: 'Acme'
		});
		expect(changes.timeline[0]).toMatchObject({
			orderId: 'settings',
			subject: 'settings',
			summary: 'Settings changed: company name, return window.'
		});
	});

	it('removes the logo when given an empty one', async () => {
		const reader = makeWorld();
		const logo = 'data:image/png;base64,iVBORw0KGgo=';
		const added = await applyOk(reader, 'settings.update', { logo });
		expect(added.settings?.logo).toBe(logo);
		const removed = await applyOk(reader, 'settings.update', { logo: '' });
		expect(removed.settings).toEqual(DEFAULT_SETTINGS);
		expect(removed.settings && 'logo' in removed.settings).toBe(false);
		expect(removed.timeline[0].summary).toBe('Settings changed: logo.');
	});

	it('refuses an empty change and wrong types', async () => {
		const reader = makeWorld();
		expect(await applyAndWrite(reader, 'settings.update', {})).toMatchObject({
			code: 'invalid_args'
		});
		expect(await applyAndWrite(reader, 'settings.update', { returnWindowDays: -1 })).toMatchObject({
			code: 'invalid_args',
			issues: [expect.objectContaining({ path: 'returnWindowDays' })]
		});
	});
});

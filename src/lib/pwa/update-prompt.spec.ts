import { describe, expect, it } from 'vitest';
import type { BusyReason } from './busy';
import { UpdatePrompt } from './update-prompt.svelte';

/** A page whose busyness the test sets, recording what the prompt did to it. */
function harness(options: { waiting?: boolean } = {}) {
	const log: string[] = [];
	let busy: BusyReason | null = null;
	const prompt = new UpdatePrompt({
		activate: async () => {
			log.push('activate');
			return options.waiting ?? true;
		},
		reload: () => log.push('reload'),
		busy: () => busy
	});
	return {
		prompt,
		log,
		setBusy: (reason: BusyReason | null) => (busy = reason)
	};
}

describe('UpdatePrompt', () => {
	it('shows nothing until a new version waits', async () => {
		const { prompt, log } = harness();
		expect(prompt.stage).toBe('none');
		expect(prompt.text).toBe('');
		await prompt.request();
		await prompt.check();
		expect(log).toEqual([]);
		prompt.offer();
		expect(prompt.stage).toBe('available');
		expect(prompt.text).toBe('Update available');
	});

	it('activates on "reload" when nothing is going on, and reloads once the new worker controls', async () => {
		const { prompt, log } = harness();
		prompt.offer();
		await prompt.request();
		expect(log).toEqual(['activate']);
		expect(prompt.stage).toBe('activating');
		prompt.controllerChanged();
		prompt.controllerChanged();
		await prompt.check();
		expect(log).toEqual(['activate', 'reload']);
	});

	it('waits for the sync to finish before taking the update', async () => {
		const { prompt, log, setBusy } = harness();
		prompt.offer();
		setBusy('syncing');
		await prompt.request();
		expect(log).toEqual([]);
		expect(prompt.stage).toBe('waiting');
		expect(prompt.text).toMatch(/sync finishes/);
		await prompt.check();
		expect(log).toEqual([]);
		setBusy(null);
		await prompt.check();
		expect(log).toEqual(['activate']);
	});

	it('waits for the open dialog to close before reloading', async () => {
		const { prompt, log, setBusy } = harness();
		prompt.offer();
		await prompt.request();
		// The person opened a form between pressing reload and the new worker taking over.
		setBusy('dialog');
		prompt.controllerChanged();
		await prompt.check();
		expect(log).toEqual(['activate']);
		expect(prompt.stage).toBe('waiting');
		expect(prompt.text).toMatch(/close the dialog/);
		setBusy(null);
		await prompt.check();
		expect(log).toEqual(['activate', 'reload']);
	});

	it('reloads a tab whose worker another tab replaced, at a quiet moment, without being asked', async () => {
		const { prompt, log, setBusy } = harness();
		prompt.offer();
		setBusy('dialog');
		prompt.controllerChanged();
		await prompt.check();
		expect(log).toEqual([]);
		setBusy(null);
		await prompt.check();
		expect(log).toEqual(['reload']);
	});

	it('reloads at once when no worker was waiting any more', async () => {
		const { prompt, log } = harness({ waiting: false });
		prompt.offer();
		await prompt.request();
		expect(log).toEqual(['activate', 'reload']);
	});

	it('"later" hides the prompt until the next version', async () => {
		const { prompt, log } = harness();
		prompt.offer();
		prompt.dismiss();
		expect(prompt.stage).toBe('none');
		await prompt.check();
		expect(log).toEqual([]);
		prompt.offer();
		expect(prompt.stage).toBe('available');
	});

	it('"later" cannot cancel a reload already asked for', async () => {
		const { prompt, setBusy } = harness();
		prompt.offer();
		setBusy('syncing');
		await prompt.request();
		prompt.dismiss();
		expect(prompt.stage).toBe('waiting');
	});
});

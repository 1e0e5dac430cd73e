import { describe, expect, it } from 'vitest';
import { OutboxStatus, pendingText } from './outbox-status.svelte';
import { fakeLive, settle } from './testing/fake-live';

describe('pendingText', () => {
	it('says how many actions wait, or that all is saved', () => {
		expect(pendingText(0)).toBe('All changes saved');
		expect(pendingText(1)).toBe('1 action waiting to sync');
		expect(pendingText(3)).toBe('3 actions waiting to sync');
		expect(pendingText(undefined)).toMatch(/checking/i);
	});
});

describe('OutboxStatus', () => {
	it('follows the outbox as it fills', async () => {
		const live = fakeLive();
		let count = 0;
		const status = new OutboxStatus(live.source, async () => count);
		status.start();
		await settle();
		expect(status.text).toBe('All changes saved');
		count = 2;
		await live.refresh();
		expect(status.pending).toBe(2);
		expect(status.text).toBe('2 actions waiting to sync');
		status.stop();
		expect(live.open).toBe(0);
	});
});

import { afterEach, describe, expect, it, vi } from 'vitest';
import type { StorageApi } from './storage';
import { StorageStatus } from './storage-status.svelte';

afterEach(() => {
	vi.useRealTimers();
});

function fakeStorage(usage: { value: number }, quota: number) {
	let asked = 0;
	const storage: StorageApi = {
		persisted: async () => false,
		persist: async () => {
			asked += 1;
			return true;
		},
		estimate: async () => ({ usage: usage.value, quota })
	};
	return { storage, asked: () => asked };
}

describe('StorageStatus', () => {
	it('asks for persistent storage on start and checks the quota at once', async () => {
		const usage = { value: 900 };
		const fake = fakeStorage(usage, 1000);
		const status = new StorageStatus(() => fake.storage);
		await status.start();
		expect(fake.asked()).toBe(1);
		expect(status.persistence).toBe('persisted');
		expect(status.warning).toMatch(/uses 90 %/);
		status.stop();
	});

	it('notices the quota filling up, and the space coming back, on its timer', async () => {
		vi.useFakeTimers();
		const usage = { value: 100 };
		const fake = fakeStorage(usage, 1000);
		const status = new StorageStatus(() => fake.storage, 60_000);
		await status.start();
		expect(status.warning).toBeNull();
		usage.value = 850;
		await vi.advanceTimersByTimeAsync(59_000);
		expect(status.warning).toBeNull();
		await vi.advanceTimersByTimeAsync(1_000);
		expect(status.warning).toMatch(/uses 85 %/);
		usage.value = 200;
		await vi.advanceTimersByTimeAsync(60_000);
		expect(status.warning).toBeNull();
		status.stop();
		usage.value = 990;
		await vi.advanceTimersByTimeAsync(120_000);
		expect(status.warning).toBeNull();
	});

	it('"hide" holds the warning back until the share grows by five more points', async () => {
		const usage = { value: 820 };
		const fake = fakeStorage(usage, 1000);
		const status = new StorageStatus(() => fake.storage);
		await status.start();
		expect(status.warning).toMatch(/uses 82 %/);
		status.hide();
		expect(status.warning).toBeNull();
		usage.value = 869;
		await status.check();
		expect(status.warning).toBeNull();
		usage.value = 870;
		await status.check();
		expect(status.warning).toMatch(/uses 87 %/);
		status.stop();
	});

	it('warns again on the next crossing after the space came back', async () => {
		const usage = { value: 900 };
		const fake = fakeStorage(usage, 1000);
		const status = new StorageStatus(() => fake.storage);
		await status.start();
		status.hide();
		usage.value = 500;
		await status.check();
		expect(status.warning).toBeNull();
		usage.value = 810;
		await status.check();
		expect(status.warning).toMatch(/uses 81 %/);
		status.stop();
	});

	it('stays quiet where the browser has no storage API', async () => {
		const status = new StorageStatus(() => undefined);
		await status.start();
		expect(status.persistence).toBe('unsupported');
		expect(status.warning).toBeNull();
		status.stop();
	});
});

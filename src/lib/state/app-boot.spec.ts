import { describe, expect, it } from 'vitest';
import { AppBoot } from './app-boot.svelte';

describe('AppBoot', () => {
	it('reports seeding progress, then is ready', async () => {
		const seen: (string | null)[] = [];
		let installed = false;
		const boot = new AppBoot({
			installDevHandle: () => (installed = true),
			loadInitialData: async ({ onProgress }) => {
				onProgress(0, 2000);
				seen.push(`${boot.phase} ${boot.progress?.done}/${boot.progress?.total}`);
				onProgress(1000, 2000);
				seen.push(`${boot.phase} ${boot.progress?.done}/${boot.progress?.total}`);
			}
		});
		await boot.start();
		expect(installed).toBe(true);
		expect(seen).toEqual(['starting 0/2000', 'starting 1000/2000']);
		expect(boot.phase).toBe('ready');
	});

	it('shows why it failed, and can try again', async () => {
		let attempts = 0;
		const boot = new AppBoot({
			installDevHandle: () => {},
			loadInitialData: async () => {
				if (++attempts === 1) throw new Error('The quota is used up.');
			}
		});
		await boot.start();
		expect(boot.phase).toBe('failed');
		expect(boot.error).toBe('The quota is used up.');
		await boot.start();
		expect(boot.phase).toBe('ready');
		expect(boot.error).toBeNull();
	});
});

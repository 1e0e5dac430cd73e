import { describe, expect, it } from 'vitest';
import {
	formatBytes,
	quotaPercent,
	quotaWarning,
	requestPersistence,
	type StorageApi
} from './storage';

function fakeStorage(state: { persisted: boolean; grant: boolean }) {
	const calls: string[] = [];
	const storage: StorageApi = {
		persisted: async () => {
			calls.push('persisted');
			return state.persisted;
		},
		persist: async () => {
			calls.push('persist');
			if (state.grant) state.persisted = true;
			return state.grant;
		}
	};
	return { storage, calls };
}

describe('requestPersistence', () => {
	it('asks when storage is not persistent yet', async () => {
		const { storage, calls } = fakeStorage({ persisted: false, grant: true });
		expect(await requestPersistence(storage)).toBe('persisted');
		expect(calls).toEqual(['persisted', 'persist']);
	});

	it('does not ask again once granted', async () => {
		const { storage, calls } = fakeStorage({ persisted: true, grant: true });
		expect(await requestPersistence(storage)).toBe('persisted');
		expect(calls).toEqual(['persisted']);
	});

	it('reports a refusal', async () => {
		const { storage } = fakeStorage({ persisted: false, grant: false });
		expect(await requestPersistence(storage)).toBe('not_persisted');
	});

	it('copes with browsers without the API, or that throw', async () => {
		expect(await requestPersistence(undefined)).toBe('unsupported');
		expect(await requestPersistence({ estimate: async () => ({}) })).toBe('unsupported');
		const throwing: StorageApi = {
			persisted: async () => false,
			persist: async () => {
				throw new Error('SecurityError');
			}
		};
		expect(await requestPersistence(throwing)).toBe('not_persisted');
	});
});

describe('quotaWarning', () => {
	const GB = 1e9;

	it('stays quiet below 80 % of the quota', () => {
		expect(quotaWarning({ usage: 0, quota: 10 * GB })).toBeNull();
		expect(quotaWarning({ usage: 7.99 * GB, quota: 10 * GB })).toBeNull();
	});

	it('warns from 80 % on, with the figures', () => {
		expect(quotaWarning({ usage: 8 * GB, quota: 10 * GB })).toBe(
			'Storage almost full: Dockside uses 80 % of the space this browser allows (8.0 GB of 10.0 GB). Free space on this device, or new orders and actions may not be saved.'
		);
		expect(quotaWarning({ usage: 960e6, quota: GB })).toMatch(/uses 96 % .*\(960 MB of 1.0 GB\)/);
	});

	it('caps the share at 100 % (usage can pass the quota)', () => {
		expect(quotaWarning({ usage: 12 * GB, quota: 10 * GB })).toMatch(/uses 100 %/);
	});

	it('says nothing when the browser gives no figures', () => {
		expect(quotaWarning(undefined)).toBeNull();
		expect(quotaWarning({})).toBeNull();
		expect(quotaWarning({ usage: 5, quota: 0 })).toBeNull();
	});
});

describe('quotaPercent', () => {
	it('is the whole percent in use from 80 on, null below', () => {
		expect(quotaPercent({ usage: 799, quota: 1000 })).toBeNull();
		expect(quotaPercent({ usage: 800, quota: 1000 })).toBe(80);
		expect(quotaPercent({ usage: 999, quota: 1000 })).toBe(99);
		expect(quotaPercent({ usage: 1500, quota: 1000 })).toBe(100);
		expect(quotaPercent({ quota: 1000 })).toBeNull();
	});
});

describe('formatBytes', () => {
	it('uses decimal units, as browsers and operating systems show storage', () => {
		expect(formatBytes(0)).toBe('0 bytes');
		expect(formatBytes(999)).toBe('999 bytes');
		expect(formatBytes(1500)).toBe('1.5 KB');
		expect(formatBytes(250e6)).toBe('250 MB');
		expect(formatBytes(3.25e9)).toBe('3.3 GB');
	});
});

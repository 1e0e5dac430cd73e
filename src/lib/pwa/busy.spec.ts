import { describe, expect, it } from 'vitest';
import { busyReason, OPEN_DIALOG_SELECTOR } from './busy';

const page = (selectors: string[]) => ({
	querySelector: (selector: string) => (selectors.includes(selector) ? {} : null)
});

describe('busyReason', () => {
	it('is the sync while a sync runs, whatever else is open', () => {
		expect(busyReason('syncing', page([OPEN_DIALOG_SELECTOR]))).toBe('syncing');
		expect(busyReason('syncing', page([]))).toBe('syncing');
	});

	it('is the dialog while one is open', () => {
		expect(busyReason('idle', page([OPEN_DIALOG_SELECTOR]))).toBe('dialog');
		expect(busyReason('offline', page([OPEN_DIALOG_SELECTOR]))).toBe('dialog');
	});

	it('is nothing when no sync runs and no dialog is open', () => {
		for (const phase of ['idle', 'offline', 'error', 'signed_out', 'update_required']) {
			expect(busyReason(phase, page([]))).toBeNull();
		}
		expect(busyReason('idle', null)).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { demoAnchor } from './seed';

describe('demoAnchor', () => {
	it('is the hour the server seeds, so the demo stays recent whenever it is started', () => {
		expect(demoAnchor(new Date('2027-03-04T15:42:09.123Z'))).toBe('2027-03-04T15:00:00.000Z');
	});

	it('can be pinned for a reproducible demo, and refuses what is not a date', () => {
		expect(demoAnchor(new Date(), '2026-11-26T12:00:00Z')).toBe('2026-11-26T12:00:00.000Z');
		expect(() => demoAnchor(new Date(), 'yesterday-ish')).toThrow(/not a date/);
	});
});

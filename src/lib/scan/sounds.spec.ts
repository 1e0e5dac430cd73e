import { describe, expect, it } from 'vitest';
import { SCAN_SOUNDS, type ScanSound } from './sounds';

/** What an ear tells apart: how many beeps, their pitches and their wave shapes. */
function signature(sound: ScanSound): string {
	return SCAN_SOUNDS[sound].map((t) => `${t.wave}@${t.frequency}`).join(' ');
}

describe('scan sounds', () => {
	it('are three different patterns, each short and within a tablet speaker’s range', () => {
		const kinds: ScanSound[] = ['ok', 'wrong', 'over_scan'];
		expect(new Set(kinds.map(signature)).size).toBe(3);
		for (const kind of kinds) {
			for (const tone of SCAN_SOUNDS[kind]) {
				expect(tone.frequency).toBeGreaterThanOrEqual(100);
				expect(tone.frequency).toBeLessThanOrEqual(4000);
				expect(tone.start + tone.duration).toBeLessThanOrEqual(0.5);
				// Long enough for the fade in and out not to swallow it.
				expect(tone.duration).toBeGreaterThan(0.04);
			}
		}
		// The refusals differ from the confirmation in pitch as well: lower, so they sound wrong.
		const first = (kind: ScanSound) => SCAN_SOUNDS[kind][0].frequency;
		expect(first('wrong')).toBeLessThan(first('ok'));
		expect(first('over_scan')).toBeLessThan(first('ok'));
	});
});

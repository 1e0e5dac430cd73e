// Scan feedback the packer hears without looking at the screen, made with the Web Audio API
// (no sound files to load or precache). Three patterns that differ in pitch, timbre and rhythm:
// a short high beep (packed), a low buzz (wrong code), two falling beeps (one too many).

export type ScanSound = 'ok' | 'wrong' | 'over_scan';

export interface Tone {
	/** Hz */
	frequency: number;
	/** Seconds from the start of the sound. */
	start: number;
	duration: number;
	wave: OscillatorType;
}

export const SCAN_SOUNDS: Record<ScanSound, readonly Tone[]> = {
	ok: [{ frequency: 1760, start: 0, duration: 0.08, wave: 'sine' }],
	wrong: [{ frequency: 140, start: 0, duration: 0.4, wave: 'square' }],
	over_scan: [
		{ frequency: 880, start: 0, duration: 0.1, wave: 'triangle' },
		{ frequency: 440, start: 0.16, duration: 0.16, wave: 'triangle' }
	]
};

const VOLUME = 0.25;

/** Plays the scan sounds; the audio context is made on first use (after a key or a tap). */
export class ScanSounds {
	#context: AudioContext | null = null;
	/** The last sound asked for (the screen shows it for tests and the hard of hearing). */
	last: ScanSound | null = null;

	play(sound: ScanSound): void {
		this.last = sound;
		const context = this.#audio();
		if (!context) return;
		if (context.state === 'suspended') void context.resume().catch(() => undefined);
		const at = context.currentTime;
		for (const tone of SCAN_SOUNDS[sound]) {
			const oscillator = context.createOscillator();
			const gain = context.createGain();
			oscillator.type = tone.wave;
			oscillator.frequency.value = tone.frequency;
			// A short ramp in and out: no click at the edges.
			gain.gain.setValueAtTime(0, at + tone.start);
			gain.gain.linearRampToValueAtTime(VOLUME, at + tone.start + 0.01);
			gain.gain.setValueAtTime(VOLUME, at + tone.start + tone.duration - 0.02);
			gain.gain.linearRampToValueAtTime(0, at + tone.start + tone.duration);
			oscillator.connect(gain).connect(context.destination);
			oscillator.start(at + tone.start);
			oscillator.stop(at + tone.start + tone.duration);
		}
	}

	close(): void {
		void this.#context?.close().catch(() => undefined);
		this.#context = null;
	}

	#audio(): AudioContext | null {
		if (this.#context) return this.#context;
		if (typeof AudioContext === 'undefined') return null;
		try {
			this.#context = new AudioContext();
		} catch {
			// No audio device: the message on screen still says what happened.
			return null;
		}
		return this.#context;
	}
}

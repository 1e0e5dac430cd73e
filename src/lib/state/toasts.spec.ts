import { describe, expect, it } from 'vitest';
import { TOAST_FADE_MS, Toasts, type ToastTimer } from './toasts.svelte';

function manualTimer() {
	const pending = new Map<number, { callback: () => void; ms: number }>();
	let next = 1;
	const timer: ToastTimer = {
		set(callback, ms) {
			const id = next++;
			pending.set(id, { callback, ms });
			return id;
		},
		clear(handle) {
			pending.delete(handle as number);
		}
	};
	return {
		timer,
		pending,
		fireAll() {
			for (const [id, entry] of [...pending]) {
				pending.delete(id);
				entry.callback();
			}
		}
	};
}

describe('Toasts', () => {
	it('keeps a rejection until it is dismissed', () => {
		const clock = manualTimer();
		const toasts = new Toasts(clock.timer);
		const id = toasts.error('Order #1043 was canceled in the shop.', 'Hold');
		expect(clock.pending.size).toBe(0);
		clock.fireAll();
		expect(toasts.items).toEqual([
			{ id, kind: 'error', message: 'Order #1043 was canceled in the shop.', title: 'Hold' }
		]);
		toasts.dismiss(id);
		expect(toasts.items).toEqual([]);
	});

	it('fades a confirmation by itself', () => {
		const clock = manualTimer();
		const toasts = new Toasts(clock.timer);
		toasts.success('Saved.');
		expect([...clock.pending.values()].map((entry) => entry.ms)).toEqual([TOAST_FADE_MS]);
		clock.fireAll();
		expect(toasts.items).toEqual([]);
	});

	it('shows only the latest confirmation, and keeps every rejection', () => {
		const clock = manualTimer();
		const toasts = new Toasts(clock.timer);
		toasts.error('Refused once.');
		toasts.success('Saved.');
		toasts.error('Refused twice.');
		toasts.success('Saved again.');
		expect(toasts.items.map((toast) => toast.message)).toEqual([
			'Refused once.',
			'Refused twice.',
			'Saved again.'
		]);
		expect(clock.pending.size).toBe(1);
	});

	it('cancels the fade of a confirmation dismissed by hand', () => {
		const clock = manualTimer();
		const toasts = new Toasts(clock.timer);
		const id = toasts.success('Saved.');
		toasts.dismiss(id);
		expect(clock.pending.size).toBe(0);
	});
});

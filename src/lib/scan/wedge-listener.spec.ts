import { describe, expect, it } from 'vitest';
import { listenForScans } from './wedge-listener';

/** A keydown as the browser makes it: key, timestamp, modifiers (Node has no KeyboardEvent). */
function keydown(key: string, timeStamp: number, modifiers: { ctrlKey?: boolean } = {}): Event {
	const event = new Event('keydown', { cancelable: true });
	Object.defineProperties(event, {
		key: { value: key },
		timeStamp: { value: timeStamp },
		ctrlKey: { value: modifiers.ctrlKey ?? false },
		metaKey: { value: false },
		altKey: { value: false },
		isComposing: { value: false }
	});
	return event;
}

function burst(target: EventTarget, code: string, start: number, gap = 4): Event {
	[...code].forEach((key, i) => target.dispatchEvent(keydown(key, start + i * gap)));
	const enter = keydown('Enter', start + code.length * gap);
	target.dispatchEvent(enter);
	return enter;
}

describe('listenForScans', () => {
	it('hands each burst’s code over in order, takes its Enter, and stops when asked', () => {
		const target = new EventTarget();
		const codes: string[] = [];
		const stop = listenForScans((code) => codes.push(code), { target });
		const first = burst(target, '3700000000011', 1000);
		burst(target, 'SKU-1', 1000 + 14 * 4 + 20);
		expect(codes).toEqual(['3700000000011', 'SKU-1']);
		expect(first.defaultPrevented).toBe(true);
		// Typing, and shortcuts with Ctrl, are left alone.
		const slow = keydown('Enter', 5000);
		[...'abc'].forEach((key, i) => target.dispatchEvent(keydown(key, 4000 + i * 150)));
		target.dispatchEvent(slow);
		expect(slow.defaultPrevented).toBe(false);
		target.dispatchEvent(keydown('c', 6000, { ctrlKey: true }));
		stop();
		burst(target, '999999', 7000);
		expect(codes).toEqual(['3700000000011', 'SKU-1']);
	});
});

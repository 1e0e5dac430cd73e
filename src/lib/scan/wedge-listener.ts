// Listens for keyboard-wedge scans anywhere on the page. Keys typed into a field are the
// person's, not a scan's, unless the field opts in with `data-scan-input`: there a burst is
// taken as a scan (its Enter does not submit the form, and the field is emptied) while slow
// typing stays the person's. Keys with no field focused are a code even when typed slowly
// (wedge.ts says why).
import { WedgeDecoder, type WedgeOptions } from './wedge';

/** The attribute that lets a field's key bursts count as scans. */
export const SCAN_INPUT_ATTRIBUTE = 'data-scan-input';

function typingTarget(target: EventTarget | null): HTMLElement | null {
	if (typeof HTMLElement === 'undefined' || !(target instanceof HTMLElement)) return null;
	const typing =
		target.isContentEditable ||
		target instanceof HTMLInputElement ||
		target instanceof HTMLTextAreaElement ||
		target instanceof HTMLSelectElement;
	return typing ? target : null;
}

export interface WedgeListenerOptions extends Partial<WedgeOptions> {
	/** Where to listen; the window by default. */
	target?: Pick<Window, 'addEventListener' | 'removeEventListener'>;
}

/**
 * Calls `onScan` with each scanned code, in order. Returns the function that stops listening.
 * Listens in the capture phase, so a focused button's Enter does not also "click" it.
 */
export function listenForScans(
	onScan: (code: string) => void,
	options: WedgeListenerOptions = {}
): () => void {
	const decoder = new WedgeDecoder(options);
	const target = options.target ?? window;
	const onKeyDown = (event: KeyboardEvent) => {
		if (event.ctrlKey || event.metaKey || event.altKey || event.isComposing) return;
		const field = typingTarget(event.target);
		if (field && !field.hasAttribute(SCAN_INPUT_ATTRIBUTE)) {
			decoder.reset();
			return;
		}
		const code = decoder.key(event.key, event.timeStamp, field ? 'field' : 'screen');
		if (code === null) return;
		event.preventDefault();
		event.stopPropagation();
		if (field && 'value' in field) (field as HTMLInputElement).value = '';
		onScan(code);
	};
	target.addEventListener('keydown', onKeyDown as EventListener, { capture: true });
	return () => target.removeEventListener('keydown', onKeyDown as EventListener, { capture: true });
}

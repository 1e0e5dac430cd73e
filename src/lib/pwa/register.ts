// Registers the service worker that vite.config.ts generates (Workbox, precached app shell) and
// reports new versions to the update prompt instead of reloading by itself.

/** A tablet left open for days still hears of new versions. */
const UPDATE_CHECK_MS = 60 * 60 * 1000;

export interface ServiceWorkerHandle {
	/** Asks the server for a new service worker now (the sync was told to update, for example). */
	checkForUpdate(): Promise<void>;
	/** Tells the waiting worker to take over; false when none was waiting. */
	activate(): Promise<boolean>;
	stop(): void;
}

export function registerServiceWorker(
	onWaiting: () => void,
	onControllerChanged: () => void
): ServiceWorkerHandle | null {
	if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return null;
	let registration: ServiceWorkerRegistration | undefined;
	let sendSkipWaiting: ((reloadPage?: boolean) => Promise<void>) | undefined;

	const ready = import('virtual:pwa-register').then(({ registerSW }) => {
		sendSkipWaiting = registerSW({
			immediate: true,
			onNeedRefresh: onWaiting,
			// Instead of the plugin's immediate window.location.reload(): the prompt waits for a
			// moment when no sync runs and no dialog is open.
			onNeedReload: onControllerChanged,
			onRegisteredSW: (_url, registered) => (registration = registered),
			onRegisterError: (error) => console.error('The service worker could not be registered', error)
		});
	});

	async function checkForUpdate(): Promise<void> {
		try {
			await registration?.update();
		} catch {
			// Offline or the server is down: the next check will do.
		}
	}
	const timer = setInterval(() => void checkForUpdate(), UPDATE_CHECK_MS);

	return {
		checkForUpdate,
		async activate() {
			await ready;
			const current = registration ?? (await navigator.serviceWorker.getRegistration());
			if (!current?.waiting || !sendSkipWaiting) return false;
			await sendSkipWaiting();
			return true;
		},
		stop: () => clearInterval(timer)
	};
}

import type { PackOrder } from './pack-order.svelte';

declare global {
	interface Window {
		/** The order being packed (benchmarks and browser tests read its state). */
		__docksidePack?: PackOrder;
	}
}

export {};

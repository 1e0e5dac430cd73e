import { describe, expect, it } from 'vitest';
import { makeOrder, makePreparation } from '$lib/domain/testing/factories';
import type { ScanSound } from '$lib/scan/sounds';
import { PackQueue } from './pack-queue.svelte';
import { fakeLive, settle } from './testing/fake-live';

const MINE = makeOrder({ id: 'o1', number: '#1043' });
const OTHER = makeOrder({ id: 'o2', number: '2001' });

describe('PackQueue', () => {
	it('opens an order of the batch by its scanned number, with or without “#”', async () => {
		const sounds: ScanSound[] = [];
		const queue = new PackQueue('wh-main', 'me', {
			live: fakeLive().source,
			toPack: async () => [{ entry: makePreparation({ orderId: 'o1' }), order: MINE }],
			orderIdsByNumber: async (code) => (code.replace('#', '') === '2001' ? [OTHER.id] : []),
			play: (sound) => sounds.push(sound)
		});
		queue.start();
		await settle();
		expect(queue.entries).toHaveLength(1);
		expect(await queue.scan('1043')).toBe('o1');
		expect(await queue.scan('#1043')).toBe('o1');
		expect(await queue.scan('2001')).toBeNull();
		expect(queue.message).toBe(
			'Order #2001 is not in your In progress orders to pack in this warehouse.'
		);
		expect(await queue.scan('777')).toBeNull();
		expect(queue.message).toContain('No order has the number “777”');
		expect(sounds).toEqual(['ok', 'ok', 'wrong', 'wrong']);
	});
});

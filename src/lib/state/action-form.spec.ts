import { describe, expect, it } from 'vitest';
import { ActionForm, type PerformResult } from './action-form.svelte';

describe('ActionForm', () => {
	it('reports success and clears an earlier refusal', async () => {
		const answers: PerformResult[] = [
			{ ok: false, code: 'packed', message: 'Order #1 is packed.' },
			{ ok: true, mutationId: 7 }
		];
		const calls: unknown[] = [];
		const form = new ActionForm(async (name, args) => {
			calls.push([name, args]);
			return answers.shift()!;
		});
		expect(await form.submit('order.hold', { orderId: '1' })).toBe(false);
		expect(form.error).toBe('Order #1 is packed.');
		expect(await form.submit('order.hold', { orderId: '1' })).toBe(true);
		expect(form.error).toBeNull();
		expect(calls).toEqual([
			['order.hold', { orderId: '1' }],
			['order.hold', { orderId: '1' }]
		]);
	});

	it('maps field issues by their dotted path, and finds nested ones by prefix', async () => {
		const form = new ActionForm(async () => ({
			ok: false,
			code: 'invalid_args',
			message: 'Check the address.',
			issues: [
				{ path: 'address.postcode', message: 'A postcode in France looks like 75001.' },
				{ path: ['address', 'city'], message: 'City is required.' }
			]
		}));
		await form.submit('order.editShippingAddress', {});
		expect(form.issue('address.postcode')).toBe('A postcode in France looks like 75001.');
		expect(form.issue('address.city')).toBe('City is required.');
		expect(form.issue('address.name')).toBeUndefined();
		expect(form.issue('address')).toBeDefined();
	});

	it('ignores a second submit while the first runs', async () => {
		let release: (result: PerformResult) => void = () => {};
		let calls = 0;
		const form = new ActionForm(
			() =>
				new Promise((resolve) => {
					calls++;
					release = resolve;
				})
		);
		const first = form.submit('order.releaseHold', {});
		expect(form.busy).toBe(true);
		expect(await form.submit('order.releaseHold', {})).toBe(false);
		release({ ok: true, mutationId: 1 });
		expect(await first).toBe(true);
		expect(form.busy).toBe(false);
		expect(calls).toBe(1);
	});

	it('shows a failure of the store instead of swallowing it', async () => {
		const form = new ActionForm(async () => {
			throw new Error('QuotaExceededError');
		});
		expect(await form.submit('order.hold', {})).toBe(false);
		expect(form.error).toBe('QuotaExceededError');
	});
});

import { describe, expect, it } from 'vitest';
import { MovementCategory } from '$lib/domain/schemas';
import { counterIds, fakePerform } from './products-fakes.svelte';
import {
	MANUAL_CATEGORIES,
	parseQuantity,
	StockAdjustForm,
	StockLocationForm,
	type StockTarget
} from './products-stock-forms.svelte';

const target: StockTarget = { productId: 'p1', warehouseId: 'w1', physical: 7, location: 'A-02' };

describe('parseQuantity', () => {
	it('accepts whole numbers of at least 1 only', () => {
		expect(parseQuantity(' 12 ')).toBe(12);
		expect(parseQuantity('1')).toBe(1);
		for (const bad of ['', '0', '-3', '2.5', '1e3', 'abc', '12345678']) {
			expect(parseQuantity(bad), bad).toBeNull();
		}
	});
});

describe('StockAdjustForm', () => {
	it('sends a signed stock.adjust with a new movement id, and previews the result', async () => {
		const { perform, calls } = fakePerform();
		const form = new StockAdjustForm({ perform, newId: counterIds('mv') }, target);
		form.direction = 'decrease';
		form.qty = '3';
		form.category = 'defective';
		form.comment = '  Crushed box  ';
		expect(form.signedQty).toBe(-3);
		expect(form.physicalAfter).toBe(4);
		expect(await form.submit()).toBe(true);
		expect(calls).toEqual([
			{
				name: 'stock.adjust',
				args: {
					movementId: 'mv-1',
					productId: 'p1',
					warehouseId: 'w1',
					qty: -3,
					category: 'defective',
					comment: 'Crushed box'
				}
			}
		]);
	});

	it('increases with a positive quantity', async () => {
		const { perform, calls } = fakePerform();
		const form = new StockAdjustForm({ perform, newId: counterIds() }, target);
		form.qty = '5';
		form.comment = 'Found on the floor';
		expect(form.physicalAfter).toBe(12);
		await form.submit();
		expect(calls[0].args).toMatchObject({ qty: 5, category: 'adjustment' });
	});

	it('asks for a quantity and a comment before sending anything', async () => {
		const { perform, calls } = fakePerform();
		const form = new StockAdjustForm({ perform, newId: counterIds() }, target);
		form.qty = '0';
		form.comment = '   ';
		expect(await form.submit()).toBe(false);
		expect(calls).toEqual([]);
		expect(form.status.fieldError('qty')).toBe('Enter a whole number of at least 1.');
		expect(form.status.fieldError('comment')).toBe('Say why the stock changes.');
		expect(form.physicalAfter).toBeNull();
	});

	it('shows the rejection and puts the issues next to their fields', async () => {
		const { perform } = fakePerform({
			ok: false,
			code: 'insufficient_stock',
			message: 'Only 7 in stock: cannot remove 9.',
			issues: [{ path: ['qty'], message: 'Too many.' }]
		});
		const form = new StockAdjustForm({ perform, newId: counterIds() }, target);
		form.direction = 'decrease';
		form.qty = '9';
		form.comment = 'Stock take';
		expect(await form.submit()).toBe(false);
		expect(form.status.formError).toBe('Only 7 in stock: cannot remove 9.');
		expect(form.status.fieldError('qty')).toBe('Too many.');
		expect(form.status.fieldError('comment')).toBeUndefined();
	});

	it('a second attempt uses a new movement id', async () => {
		const { perform, calls } = fakePerform({ ok: false, code: 'x', message: 'No.' });
		const form = new StockAdjustForm({ perform, newId: counterIds('mv') }, target);
		form.qty = '1';
		form.comment = 'Recount';
		await form.submit();
		await form.submit();
		expect(calls.map((c) => (c.args as { movementId: string }).movementId)).toEqual([
			'mv-1',
			'mv-2'
		]);
	});

	it('offers every category but shipment (only orders ship), adjustment first', () => {
		expect([...MANUAL_CATEGORIES].sort()).toEqual(
			MovementCategory.options.filter((c) => c !== 'shipment').sort()
		);
		expect(MANUAL_CATEGORIES[0]).toBe('adjustment');
	});
});

describe('StockLocationForm', () => {
	it('starts from the current location and sends the trimmed new one', async () => {
		const { perform, calls } = fakePerform();
		const form = new StockLocationForm({ perform }, target);
		expect(form.location).toBe('A-02');
		form.location = ' B-10 ';
		expect(await form.submit()).toBe(true);
		expect(calls).toEqual([
			{ name: 'stock.setLocation', args: { productId: 'p1', warehouseId: 'w1', location: 'B-10' } }
		]);
	});

	it('shows a refusal', async () => {
		const { perform } = fakePerform({
			ok: false,
			code: 'invalid_args',
			message: 'Check the location.',
			issues: [{ path: 'location', message: 'At most 40 characters.' }]
		});
		const form = new StockLocationForm({ perform }, target);
		form.location = 'x'.repeat(41);
		expect(await form.submit()).toBe(false);
		expect(form.status.formError).toBe('Check the location.');
		expect(form.status.fieldError('location')).toBe('At most 40 characters.');
	});
});

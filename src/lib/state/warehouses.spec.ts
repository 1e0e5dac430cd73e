import { describe, expect, it } from 'vitest';
import type { Warehouse } from '$lib/domain/schemas';
import { counterIds, fakePerform, fakeSource, settle } from './products-fakes.svelte';
import {
	addressFromDraft,
	parseLevel,
	WarehouseForm,
	DEFAULT_WAREHOUSE_LOCK
} from './warehouses-form.svelte';
import { sortWarehouses, WarehousesState } from './warehouses.svelte';

function warehouse(id: string, extra: Partial<Warehouse> = {}): Warehouse {
	return {
		id,
		name: id,
		fulfillment: 'shipping',
		useForSales: true,
		useForSupplyNeeds: true,
		warningLevel: 2,
		idealLevel: 10,
		isDefault: false,
		enabled: true,
		priority: 1,
		...extra
	};
}

const blankAddress = {
	name: '',
	company: '',
	street1: '',
	street2: '',
	city: '',
	postcode: '',
	region: '',
	country: '',
	phone: ''
};

describe('sortWarehouses', () => {
	it('puts the default first, then by routing priority, then by name', () => {
		const sorted = sortWarehouses([
			warehouse('b', { priority: 2 }),
			warehouse('z', { priority: 1 }),
			warehouse('main', { priority: 9, isDefault: true }),
			warehouse('a', { priority: 2 })
		]);
		expect(sorted.map((w) => w.id)).toEqual(['main', 'z', 'a', 'b']);
	});
});

describe('WarehousesState', () => {
	it('lists the warehouses live', async () => {
		const fake = fakeSource();
		const list = [warehouse('main', { isDefault: true })];
		const state = new WarehousesState({ source: fake.source, listWarehouses: async () => list });
		expect(state.loaded).toBe(false);
		state.start();
		await settle();
		expect(state.warehouses.map((w) => w.id)).toEqual(['main']);
		list.push(warehouse('north'));
		await fake.refresh();
		expect(state.warehouses.map((w) => w.id)).toEqual(['main', 'north']);
		expect(state.find('north')?.id).toBe('north');
	});
});

describe('parseLevel and addressFromDraft', () => {
	it('reads a level as blank, a whole number, or invalid', () => {
		expect(parseLevel('  ')).toBeUndefined();
		expect(parseLevel('0')).toBe(0);
		expect(parseLevel(' 15 ')).toBe(15);
		expect(parseLevel('-1')).toBeNull();
		expect(parseLevel('1.5')).toBeNull();
	});

	it('has no address when every field is blank, and names the address after the warehouse', () => {
		expect(addressFromDraft({ ...blankAddress, name: '  ' }, 'North')).toBeUndefined();
		expect(
			addressFromDraft(
				{ ...blankAddress, street1: ' 1 Quay ', city: 'Lyon', postcode: '69001', country: 'fr' },
				' North '
			)
		).toEqual({ name: 'North', street1: '1 Quay', city: 'Lyon', postcode: '69001', country: 'FR' });
	});
});

describe('WarehouseForm (new)', () => {
	it('sends warehouse.create with a new id and every field, leaving blank optional ones out', async () => {
		const { perform, calls } = fakePerform();
		const form = new WarehouseForm({ perform, newId: counterIds('wh') });
		expect(form.isNew).toBe(true);
		form.name = ' North ';
		form.fulfillment = 'pickup';
		form.useForSupplyNeeds = false;
		form.warningLevel = '3';
		expect(await form.submit()).toBe(true);
		expect(calls).toEqual([
			{
				name: 'warehouse.create',
				args: {
					warehouseId: 'wh-1',
					name: 'North',
					fulfillment: 'pickup',
					useForSales: true,
					useForSupplyNeeds: false,
					warningLevel: 3,
					enabled: true
				}
			}
		]);
	});

	it('refuses a level that is not a whole number without sending', async () => {
		const { perform, calls } = fakePerform();
		const form = new WarehouseForm({ perform, newId: counterIds() });
		form.name = 'North';
		form.idealLevel = 'ten';
		expect(await form.submit()).toBe(false);
		expect(calls).toEqual([]);
		expect(form.status.fieldError('idealLevel')).toBe('Enter a whole number (0 or more).');
		expect(form.status.fieldError('warningLevel')).toBeUndefined();
	});

	it('puts address issues next to the address field they name', async () => {
		const { perform } = fakePerform({
			ok: false,
			code: 'invalid_args',
			message: 'Check the highlighted fields.',
			issues: [
				{ path: ['address', 'country'], message: 'Use a two-letter country code.' },
				{ path: ['name'], message: 'Name is required.' }
			]
		});
		const form = new WarehouseForm({ perform, newId: counterIds() });
		form.address.street1 = '1 Quay';
		form.address.city = 'Lyon';
		form.address.country = 'France';
		expect(await form.submit()).toBe(false);
		expect(form.status.formError).toBe('Check the highlighted fields.');
		expect(form.status.fieldError('address.country')).toBe('Use a two-letter country code.');
		expect(form.status.fieldError('address.city')).toBeUndefined();
		expect(form.status.fieldError('name')).toBe('Name is required.');
	});
});

describe('WarehouseForm (edit)', () => {
	it('sends only the fields that changed', async () => {
		const { perform, calls } = fakePerform();
		const original = warehouse('north', {
			name: 'North',
			address: { name: 'North', street1: '1 Quay', city: 'Lyon', postcode: '69001', country: 'FR' }
		});
		const form = new WarehouseForm({ perform, newId: counterIds() }, original);
		expect(form.warningLevel).toBe('2');
		expect(form.address.city).toBe('Lyon');
		form.idealLevel = '20';
		form.enabled = false;
		form.address.city = 'Lyon 2e';
		expect(await form.submit()).toBe(true);
		expect(calls).toEqual([
			{
				name: 'warehouse.update',
				args: {
					warehouseId: 'north',
					idealLevel: 20,
					enabled: false,
					address: {
						name: 'North',
						street1: '1 Quay',
						city: 'Lyon 2e',
						postcode: '69001',
						country: 'FR'
					}
				}
			}
		]);
	});

	it('removes the address (null) when every address field is emptied', async () => {
		const { perform, calls } = fakePerform();
		const original = warehouse('north', {
			address: { name: 'North', street1: '1 Quay', city: 'Lyon', postcode: '69001', country: 'FR' }
		});
		const form = new WarehouseForm({ perform, newId: counterIds() }, original);
		form.address = { ...blankAddress };
		await form.submit();
		expect(calls).toEqual([
			{ name: 'warehouse.update', args: { warehouseId: 'north', address: null } }
		]);
	});

	it('closes without sending when nothing changed', async () => {
		const { perform, calls } = fakePerform();
		const form = new WarehouseForm({ perform, newId: counterIds() }, warehouse('north'));
		expect(await form.submit()).toBe(true);
		expect(calls).toEqual([]);
	});

	it('locks the enabled switch of the default warehouse and never sends it', async () => {
		const { perform, calls } = fakePerform();
		const form = new WarehouseForm(
			{ perform, newId: counterIds() },
			warehouse('main', { isDefault: true })
		);
		expect(form.enabledLock).toBe(DEFAULT_WAREHOUSE_LOCK);
		form.enabled = false;
		form.name = 'Main depot';
		await form.submit();
		expect(calls).toEqual([
			{ name: 'warehouse.update', args: { warehouseId: 'main', name: 'Main depot' } }
		]);
		expect(
			new WarehouseForm({ perform, newId: counterIds() }, warehouse('x')).enabledLock
		).toBeNull();
	});
});

import { describe, expect, it } from 'vitest';
import { makeAddress } from '../testing/factories';
import { MemoryReader } from '../testing/memory-reader';
import { applyAndWrite, applyOk } from '../testing/run';
import { makeWorld } from '../testing/world';

const fields = { fulfillment: 'shipping', useForSales: true, useForSupplyNeeds: false };

describe('warehouse.create', () => {
	it('creates an enabled warehouse after the others by priority', async () => {
		const reader = makeWorld();
		const changes = await applyOk(reader, 'warehouse.create', {
			warehouseId: 'w3',
			name: 'Lyon',
			...fields,
			warningLevel: 2,
			address: makeAddress({ city: 'Lyon', postcode: '69001' })
		});
		expect(reader.warehouseMap.get('w3')).toMatchObject({
			name: 'Lyon',
			isDefault: false,
			enabled: true,
			priority: 2,
			warningLevel: 2,
			idealLevel: 0
		});
		expect(changes.timeline[0]).toMatchObject({ orderId: 'w3', subject: 'warehouse' });
	});

	it('makes the first warehouse of an empty database the default one', async () => {
		const reader = new MemoryReader();
		await applyOk(reader, 'warehouse.create', {
			warehouseId: 'w1',
			name: 'Main',
			...fields,
			enabled: false
		});
		expect(reader.warehouseMap.get('w1')).toMatchObject({
			isDefault: true,
			enabled: true,
			priority: 0
		});
	});

	it('refuses a taken id or name', async () => {
		const reader = makeWorld();
		expect(
			await applyAndWrite(reader, 'warehouse.create', {
				warehouseId: 'wh-main',
				name: 'X',
				...fields
			})
		).toMatchObject({
			code: 'duplicate_id'
		});
		expect(
			await applyAndWrite(reader, 'warehouse.create', {
				warehouseId: 'w9',
				name: ' annex ',
				...fields
			})
		).toEqual({
			ok: false,
			code: 'duplicate_name',
			message: 'A warehouse named Annex already exists.'
		});
	});
});

describe('warehouse.update', () => {
	it('changes only the given fields; null removes the address', async () => {
		const reader = makeWorld();
		await applyOk(reader, 'warehouse.update', { warehouseId: 'wh-annex', address: makeAddress() });
		await applyOk(reader, 'warehouse.update', {
			warehouseId: 'wh-annex',
			fulfillment: 'pickup',
			enabled: false,
			address: null
		});
		const annex = reader.warehouseMap.get('wh-annex')!;
		expect(annex).toMatchObject({
			fulfillment: 'pickup',
			enabled: false,
			name: 'Annex',
			useForSales: true
		});
		expect(annex.address).toBeUndefined();
	});

	it('never disables the default warehouse', async () => {
		const reader = makeWorld();
		expect(
			await applyAndWrite(reader, 'warehouse.update', { warehouseId: 'wh-main', enabled: false })
		).toEqual({
			ok: false,
			code: 'default_warehouse',
			message: 'Main is the default warehouse: it cannot be disabled.'
		});
		expect(
			await applyAndWrite(reader, 'warehouse.update', { warehouseId: 'wh-main' })
		).toMatchObject({
			code: 'invalid_args'
		});
	});
});

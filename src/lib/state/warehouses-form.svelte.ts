// The New warehouse and Edit warehouse dialogs: warehouse.create (its id made here) and
// warehouse.update with only the fields that changed, so an edit made on another tablet
// to a different field is not overwritten when both sync.
import type { Address, Fulfillment, Warehouse } from '$lib/domain/schemas';
import type { Perform } from './action-form.svelte';
import { FormStatus } from './products-form.svelte';

export interface WarehouseFormDeps {
	perform: Perform;
	/** A UUIDv7 in the app; a counter in tests. */
	newId: () => string;
}

export const ADDRESS_FIELDS = [
	'name',
	'company',
	'street1',
	'street2',
	'city',
	'postcode',
	'region',
	'country',
	'phone'
] as const;
export type AddressField = (typeof ADDRESS_FIELDS)[number];
export type AddressDraft = Record<AddressField, string>;

export const DEFAULT_WAREHOUSE_LOCK = 'The default warehouse cannot be disabled or deleted.';

function emptyAddress(): AddressDraft {
	return {
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
}

function addressDraft(address: Address | undefined): AddressDraft {
	const draft = emptyAddress();
	if (!address) return draft;
	for (const field of ADDRESS_FIELDS) draft[field] = address[field] ?? '';
	return draft;
}

/**
 * The address to send, or undefined when every field is blank (a warehouse may have none).
 * Its name defaults to the warehouse's: on a warehouse, the address names the place.
 */
export function addressFromDraft(draft: AddressDraft, warehouseName: string): Address | undefined {
	const t = (field: AddressField) => draft[field].trim();
	if (ADDRESS_FIELDS.every((field) => t(field) === '')) return undefined;
	const address: Address = {
		name: t('name') || warehouseName.trim(),
		street1: t('street1'),
		city: t('city'),
		postcode: t('postcode'),
		country: t('country').toUpperCase()
	};
	for (const field of ['company', 'street2', 'region', 'phone'] as const) {
		if (t(field)) address[field] = t(field);
	}
	return address;
}

/** A level typed as text: undefined when blank, null when not a whole number ≥ 0. */
export function parseLevel(text: string): number | undefined | null {
	const trimmed = text.trim();
	if (trimmed === '') return undefined;
	return /^\d{1,7}$/.test(trimmed) ? Number(trimmed) : null;
}

function sameAddress(a: Address | undefined, b: Address | undefined): boolean {
	return JSON.stringify(addressDraft(a)) === JSON.stringify(addressDraft(b));
}

export class WarehouseForm {
	name = $state('');
	fulfillment = $state<Fulfillment>('shipping');
	useForSales = $state(true);
	useForSupplyNeeds = $state(true);
	warningLevel = $state('');
	idealLevel = $state('');
	enabled = $state(true);
	address = $state<AddressDraft>(emptyAddress());
	readonly status: FormStatus;
	/** The warehouse being edited; undefined for a new one. */
	readonly original: Warehouse | undefined;
	readonly #newId: () => string;

	constructor(deps: WarehouseFormDeps, original?: Warehouse) {
		this.status = new FormStatus(deps.perform);
		this.#newId = deps.newId;
		this.original = original;
		if (original) {
			this.name = original.name;
			this.fulfillment = original.fulfillment;
			this.useForSales = original.useForSales;
			this.useForSupplyNeeds = original.useForSupplyNeeds;
			this.warningLevel = String(original.warningLevel);
			this.idealLevel = String(original.idealLevel);
			this.enabled = original.enabled;
			this.address = addressDraft(original.address);
		}
	}

	get isNew(): boolean {
		return this.original === undefined;
	}

	/** Why the enabled switch cannot be changed, or null when it can. */
	get enabledLock(): string | null {
		return this.original?.isDefault ? DEFAULT_WAREHOUSE_LOCK : null;
	}

	/** The fields the person changed (all of them for a new warehouse); null when a level is not a number. */
	#fields(): Record<string, unknown> | null {
		const warningLevel = parseLevel(this.warningLevel);
		const idealLevel = parseLevel(this.idealLevel);
		const errors: Record<string, string> = {};
		if (warningLevel === null) errors.warningLevel = 'Enter a whole number (0 or more).';
		if (idealLevel === null) errors.idealLevel = 'Enter a whole number (0 or more).';
		if (warningLevel === null || idealLevel === null) {
			this.status.fail(errors);
			return null;
		}
		const all: Record<string, unknown> = {
			name: this.name.trim(),
			address: addressFromDraft(this.address, this.name),
			fulfillment: this.fulfillment,
			useForSales: this.useForSales,
			useForSupplyNeeds: this.useForSupplyNeeds,
			warningLevel,
			idealLevel,
			enabled: this.enabled
		};
		const original = this.original;
		if (!original) {
			for (const key of Object.keys(all)) if (all[key] === undefined) delete all[key];
			return all;
		}
		const changed: Record<string, unknown> = {};
		for (const [key, value] of Object.entries(all)) {
			if (value === undefined && key !== 'address') continue;
			const before = original[key as keyof Warehouse];
			const same =
				key === 'address'
					? sameAddress(value as Address | undefined, before as Address | undefined)
					: value === before;
			// null removes an address the person emptied (warehouse.update's convention).
			if (!same) changed[key] = value ?? null;
		}
		if (original.isDefault) delete changed.enabled;
		return changed;
	}

	/** True when saved (or nothing changed); the dialog then closes. */
	async submit(): Promise<boolean> {
		const fields = this.#fields();
		if (fields === null) return false;
		if (this.original) {
			if (Object.keys(fields).length === 0) return true;
			return this.status.perform('warehouse.update', { warehouseId: this.original.id, ...fields });
		}
		return this.status.perform('warehouse.create', { warehouseId: this.#newId(), ...fields });
	}
}

// settings.update: any subset of the merchant's settings. An empty logo removes the logo (a
// JSON mutation cannot carry `undefined`, and an empty data URL is no image anyway).
import { z } from 'zod';
import { Settings } from '../schemas';
import type { RecordActionDef } from './types';

const args = Settings.partial().refine(
	(input) => Object.values(input).some((v) => v !== undefined),
	'Nothing to change.'
);

export const SETTINGS_LABELS: Record<keyof Settings, string> = {
	companyName: 'company name',
	companyAddress: 'company address',
	vatNumber: 'VAT number',
	logo: 'logo',
	footerLines: 'document footer',
	timeZone: 'time zone',
	currencyDisplay: 'currency display',
	returnAddress: 'return address',
	returnInstructions: 'return instructions',
	returnWindowDays: 'return window',
	allowPartialPacking: 'partial packing',
	invoiceOnPack: 'invoice on pack',
	reserveUnpaidOrders: 'reserve unpaid orders',
	holdingReleasesStock: 'holding releases stock',
	retentionDays: 'tablet retention',
	carrierTemplates: 'carrier templates'
};

export const updateSettings: RecordActionDef<z.infer<typeof args>> = {
	scope: 'record',
	name: 'settings.update',
	label: 'Update settings',
	args,
	async apply(ws, input) {
		const next: Settings = { ...(await ws.settings()) };
		const changed: string[] = [];
		for (const [key, value] of Object.entries(input) as [keyof Settings, unknown][]) {
			if (value === undefined) continue;
			if (key === 'logo' && value === '') delete next.logo;
			else (next as Record<string, unknown>)[key] = value;
			changed.push(SETTINGS_LABELS[key]);
		}
		ws.putSettings(next);
		ws.addEvent('settings', `Settings changed: ${changed.join(', ')}.`, 'settings');
		return null;
	}
};
